/**
 * The letter model: a format-neutral form of a letter body. Stored TipTap JSON is walked once into
 * these blocks; the PDF and the DOCX renderer both read only this model, so the two formats cannot
 * drift apart. Merge fields and citations are resolved during the walk; redacted content is left
 * out here, before any renderer sees it.
 */

export interface TextRun {
  type: 'text';
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strike?: boolean;
  code?: boolean;
  link?: string;
}
export interface BreakRun {
  type: 'break';
}
export type Run = TextRun | BreakRun;

export interface HeadingBlock {
  type: 'heading';
  level: 1 | 2 | 3 | 4 | 5 | 6;
  runs: Run[];
}
export interface ParagraphBlock {
  type: 'paragraph';
  runs: Run[];
}
export interface ListBlock {
  type: 'list';
  ordered: boolean;
  start: number;
  /** Each item is a sequence of blocks: its paragraphs and any nested lists. */
  items: Block[][];
}
export interface TableCell {
  header: boolean;
  colspan: number;
  rowspan: number;
  blocks: Block[];
}
export interface TableBlock {
  type: 'table';
  rows: TableCell[][];
  /** How many leading rows consist only of header cells (repeated on each page). */
  headerRows: number;
}
export interface QuoteBlock {
  type: 'quote';
  blocks: Block[];
}
export interface RuleBlock {
  type: 'rule';
}
export type Block = HeadingBlock | ParagraphBlock | ListBlock | TableBlock | QuoteBlock | RuleBlock;

/** A TipTap / ProseMirror JSON node as stored. */
export interface TipTapNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: TipTapNode[];
  text?: string;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
}

/** What the walk needs from its caller. A resolver returns undefined for "unknown". */
export interface WalkOptions {
  /** Merge field -> text, e.g. `customer.name` -> "Åsa Öberg". */
  resolveField: (field: string) => string | undefined;
  /** History event id -> a readable citation, e.g. "2026-03-02, Kundservice: samtal om fakturan". */
  resolveCitation: (eventId: number) => string | undefined;
  redaction?: Redaction;
}

/**
 * What to leave out (for anything shared with ARN and the consumer). Text carrying the `redaction`
 * mark and nodes with `attrs.redacted === true` are always left out; these add fields and events.
 */
export interface Redaction {
  fields?: ReadonlySet<string> | readonly string[];
  eventIds?: ReadonlySet<number> | readonly number[];
}

/** The letter body cannot be built; `path` says where in the document (e.g. `content[3].content[0]`). */
export class LetterModelError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(`${message} (at ${path})`);
    this.name = 'LetterModelError';
  }
}

const MARKS = new Set(['bold', 'italic', 'underline', 'strike', 'code', 'link', 'redaction']);

function asSet<T>(v: ReadonlySet<T> | readonly T[] | undefined): ReadonlySet<T> {
  if (!v) return new Set();
  return v instanceof Set ? v : new Set(v as readonly T[]);
}

function positiveInt(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : fallback;
}

/** Walks a TipTap `doc` once into letter blocks. Throws LetterModelError on anything it cannot render faithfully. */
export function buildLetterBody(doc: unknown, options: WalkOptions): Block[] {
  const redactFields = asSet(options.redaction?.fields);
  const redactEvents = asSet(options.redaction?.eventIds);

  const node = (value: unknown, path: string): TipTapNode => {
    if (typeof value !== 'object' || value === null || typeof (value as TipTapNode).type !== 'string') {
      throw new LetterModelError('Expected a node with a "type"', path);
    }
    return value as TipTapNode;
  };
  const children = (n: TipTapNode, path: string): TipTapNode[] => {
    if (n.content === undefined) return [];
    if (!Array.isArray(n.content)) throw new LetterModelError(`"content" of ${n.type} is not a list`, path);
    return n.content.map((c, i) => node(c, `${path}.content[${i}]`));
  };
  const redacted = (n: TipTapNode): boolean => n.attrs?.redacted === true;

  const inline = (n: TipTapNode, path: string): Run[] => {
    const runs: Run[] = [];
    children(n, path).forEach((c, i) => {
      const p = `${path}.content[${i}]`;
      if (redacted(c)) return;
      const marks = c.marks ?? [];
      for (const m of marks) {
        if (!MARKS.has(m.type)) throw new LetterModelError(`Unknown mark "${m.type}"`, p);
      }
      if (marks.some((m) => m.type === 'redaction')) return;
      const style: Omit<TextRun, 'type' | 'text'> = {};
      for (const m of marks) {
        if (m.type === 'link') {
          if (typeof m.attrs?.href !== 'string') throw new LetterModelError('A link mark has no href', p);
          style.link = m.attrs.href;
        } else if (m.type !== 'redaction') {
          style[m.type as 'bold' | 'italic' | 'underline' | 'strike' | 'code'] = true;
        }
      }
      switch (c.type) {
        case 'text':
          if (typeof c.text !== 'string') throw new LetterModelError('A text node has no text', p);
          runs.push({ type: 'text', text: c.text, ...style });
          break;
        case 'hardBreak':
          runs.push({ type: 'break' });
          break;
        case 'mergeField': {
          const field = c.attrs?.field;
          if (typeof field !== 'string' || field === '') throw new LetterModelError('A merge field has no "field"', p);
          if (redactFields.has(field)) break;
          const text = options.resolveField(field);
          if (text === undefined) throw new LetterModelError(`Unknown merge field "${field}"`, p);
          runs.push({ type: 'text', text, ...style });
          break;
        }
        case 'citation': {
          const eventId = c.attrs?.eventId;
          if (typeof eventId !== 'number' || !Number.isInteger(eventId)) throw new LetterModelError('A citation has no whole-number "eventId"', p);
          if (redactEvents.has(eventId)) break;
          const text = options.resolveCitation(eventId);
          if (text === undefined) throw new LetterModelError(`Citation of unknown event ${eventId}`, p);
          // A citation is an atom typed right after a word: it never runs into the sentence.
          const before = runs[runs.length - 1];
          const glued = before?.type === 'text' && before.text !== '' && !/[\s(]$/.test(before.text);
          runs.push({ type: 'text', text: glued ? ` ${text}` : text, ...style });
          break;
        }
        default:
          throw new LetterModelError(`Unknown inline node "${c.type}"`, p);
      }
    });
    return runs;
  };

  const blocks = (parent: TipTapNode, path: string): Block[] => {
    const out: Block[] = [];
    children(parent, path).forEach((c, i) => {
      const p = `${path}.content[${i}]`;
      if (redacted(c)) return;
      const b = block(c, p);
      if (b) out.push(b);
    });
    return out;
  };

  const list = (n: TipTapNode, path: string, ordered: boolean): ListBlock => {
    const items: Block[][] = [];
    children(n, path).forEach((item, i) => {
      const p = `${path}.content[${i}]`;
      if (item.type !== 'listItem') throw new LetterModelError(`A list holds "${item.type}" instead of "listItem"`, p);
      if (redacted(item)) return;
      items.push(blocks(item, p));
    });
    return { type: 'list', ordered, start: ordered ? positiveInt(n.attrs?.start, 1) : 1, items };
  };

  const table = (n: TipTapNode, path: string): TableBlock => {
    const rows: TableCell[][] = [];
    children(n, path).forEach((row, r) => {
      const rp = `${path}.content[${r}]`;
      if (row.type !== 'tableRow') throw new LetterModelError(`A table holds "${row.type}" instead of "tableRow"`, rp);
      if (redacted(row)) return;
      rows.push(
        children(row, rp).map((cell, ci) => {
          const cp = `${rp}.content[${ci}]`;
          if (cell.type !== 'tableHeader' && cell.type !== 'tableCell') throw new LetterModelError(`A table row holds "${cell.type}"`, cp);
          return {
            header: cell.type === 'tableHeader',
            colspan: positiveInt(cell.attrs?.colspan, 1),
            rowspan: positiveInt(cell.attrs?.rowspan, 1),
            blocks: redacted(cell) ? [] : blocks(cell, cp),
          };
        }),
      );
    });
    let headerRows = 0;
    while (headerRows < rows.length && rows[headerRows]!.length > 0 && rows[headerRows]!.every((c) => c.header)) headerRows++;
    if (headerRows === rows.length) headerRows = 0;
    return { type: 'table', rows, headerRows };
  };

  const block = (n: TipTapNode, path: string): Block | null => {
    switch (n.type) {
      case 'paragraph':
        return { type: 'paragraph', runs: inline(n, path) };
      case 'heading': {
        const level = n.attrs?.level;
        if (typeof level !== 'number' || !Number.isInteger(level) || level < 1 || level > 6) throw new LetterModelError('A heading needs a level 1–6', path);
        return { type: 'heading', level: level as HeadingBlock['level'], runs: inline(n, path) };
      }
      case 'bulletList':
        return list(n, path, false);
      case 'orderedList':
        return list(n, path, true);
      case 'blockquote':
        return { type: 'quote', blocks: blocks(n, path) };
      case 'horizontalRule':
        return { type: 'rule' };
      case 'table':
        return table(n, path);
      default:
        throw new LetterModelError(`Unknown block node "${n.type}"`, path);
    }
  };

  const root = node(doc, 'doc');
  if (root.type !== 'doc') throw new LetterModelError(`The body must be a "doc", not "${root.type}"`, 'doc');
  return blocks(root, 'doc');
}

/** All text of the blocks, in reading order (tests and the search index use it). */
export function plainText(blocks: Block[]): string {
  const parts: string[] = [];
  const runs = (rs: Run[]) => parts.push(rs.map((r) => (r.type === 'text' ? r.text : '\n')).join(''));
  const walk = (bs: Block[]) => {
    for (const b of bs) {
      if (b.type === 'heading' || b.type === 'paragraph') runs(b.runs);
      else if (b.type === 'list') b.items.forEach(walk);
      else if (b.type === 'quote') walk(b.blocks);
      else if (b.type === 'table') b.rows.forEach((row) => row.forEach((c) => walk(c.blocks)));
    }
  };
  walk(blocks);
  return parts.join('\n');
}
