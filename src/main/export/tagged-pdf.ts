import PDFDocument from 'pdfkit';
import type { Block, Run } from '../../shared/letter/model';
import { letterFonts } from './fonts';

/**
 * Tagged (PDF/UA-style) PDFs with pdfkit for every document Ombud writes: letters, ARN responses
 * and package pages, the register and the subject-access extract. pdfkit replaced pdfmake because
 * pdfmake cannot tag: here every heading, paragraph, list and table is a structure element in
 * reading order, page furniture (letterhead, page numbers, draft mark) is an artifact, the
 * document carries its language and title (shown in the window title), and the DejaVu fonts are
 * embedded (subset) in every file. `archive: true` writes PDF/A-2a (the archive copy of an issued
 * letter); otherwise the file is marked PDF/UA.
 */

export const FONT = { regular: 'DejaVu', bold: 'DejaVu-Bold', italic: 'DejaVu-Oblique', boldItalic: 'DejaVu-BoldOblique' } as const;
export const GREY = '#555555';
const TEXT = '#111111';
const HEADING_SIZES = [0, 14, 11.5, 10.5, 10, 10, 10] as const;
const BODY_SIZE = 10;
const LINE_GAP = 2.5;

export type Struct = PDFKit.PDFStructureElement;

export interface TaggedPdfOptions {
  title: string;
  /** BCP 47, e.g. sv-SE. */
  lang: string;
  author?: string;
  subject?: string;
  margins: { top: number; bottom: number; left: number; right: number };
  archive?: boolean;
  landscape?: boolean;
  /** Body text size in points (10 by default; the register is denser). */
  size?: number;
}

/** One document being written: the pdfkit document, its root structure element and the body writer. */
export class TaggedPdf {
  readonly doc: PDFKit.PDFDocument;
  readonly root: Struct;
  /** Body text size. */
  readonly size: number;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;

  constructor(readonly options: TaggedPdfOptions) {
    this.doc = new PDFDocument({
      size: 'A4',
      layout: options.landscape ? 'landscape' : 'portrait',
      margins: options.margins,
      pdfVersion: '1.7',
      tagged: true,
      lang: options.lang,
      displayTitle: true,
      bufferPages: true,
      // PDF/A-2a for the archive copy; PDF/UA-1 for everything else (pdfkit writes the identification).
      subset: (options.archive ? 'PDF/A-2a' : 'PDF/UA') as PDFKit.Mixins.PDFSubsets,
      info: { Title: options.title, Author: options.author ?? '', Subject: options.subject ?? '', Creator: 'Ombud', Producer: 'Ombud (pdfkit)' },
    });
    this.size = options.size ?? BODY_SIZE;
    const f = letterFonts();
    this.doc.registerFont(FONT.regular, f.normal);
    this.doc.registerFont(FONT.bold, f.bold);
    this.doc.registerFont(FONT.italic, f.italics);
    this.doc.registerFont(FONT.boldItalic, f.bolditalics);
    this.doc.font(FONT.regular).fontSize(this.size).fillColor(TEXT);
    this.done = new Promise<Buffer>((resolve, reject) => {
      this.doc.on('data', (c: Buffer) => this.chunks.push(c));
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
    this.root = this.doc.struct('Document');
    this.doc.addStructure(this.root);
  }

  get left(): number {
    return this.doc.page.margins.left;
  }
  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }
  private get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** Starts a new page when less than `height` points are left on this one. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  /** Draws what is not content (letterhead, page numbers, rules, the draft mark): never read aloud. */
  artifact(draw: () => void, type: 'Pagination' | 'Layout' | 'Page' = 'Pagination'): void {
    this.doc.markContent('Artifact', { type });
    draw();
    this.doc.endMarkedContent();
  }

  /** A structure element holding what `draw` writes, added under `parent` in reading order. */
  element(parent: Struct, type: string, draw: () => void, options: PDFKit.Mixins.StructureElementOptions = {}): Struct {
    const el = this.doc.struct(type, options, [draw]);
    parent.add(el);
    return el;
  }

  /** A container structure element (Sect, L, LI, Table, TR …); end it when its children are added. */
  group(parent: Struct, type: string): Struct {
    const el = this.doc.struct(type);
    parent.add(el);
    return el;
  }

  /** Writes runs of text in the current position, styles per run, wrapping within `width`. */
  runs(rs: readonly Run[], options: { x?: number; width?: number; size?: number; bold?: boolean; color?: string; align?: 'left' | 'right' | 'center' } = {}): void {
    const doc = this.doc;
    const x = options.x ?? this.left;
    const width = options.width ?? this.width;
    const size = options.size ?? this.size;
    // A break is a new line inside the same paragraph.
    const pieces: Run[] = rs.length === 0 ? [{ type: 'text', text: ' ' }] : [...rs];
    const texts = pieces.filter((r) => r.type === 'text' || r.type === 'break');
    const startY = doc.y;
    texts.forEach((r, i) => {
      const last = i === texts.length - 1;
      const text = r.type === 'break' ? '\n' : r.text;
      const bold = options.bold || (r.type === 'text' && r.bold);
      const italic = r.type === 'text' && r.italic;
      doc.font(bold ? (italic ? FONT.boldItalic : FONT.bold) : italic ? FONT.italic : FONT.regular).fontSize(size);
      doc.fillColor(r.type === 'text' && r.link ? '#1a4f8b' : (options.color ?? TEXT));
      const link = r.type === 'text' ? r.link : undefined;
      const opts: PDFKit.Mixins.TextOptions = {
        width,
        continued: !last,
        lineGap: LINE_GAP,
        underline: r.type === 'text' && (r.underline || !!link),
        strike: r.type === 'text' && r.strike,
        ...(link ? { link } : {}),
        ...(options.align ? { align: options.align } : {}),
      };
      if (i === 0) doc.text(text, x, startY, opts);
      else doc.text(text, opts);
    });
    doc.fillColor(TEXT).font(FONT.regular).fontSize(this.size);
    doc.x = this.left;
  }

  /** The letter model's blocks, tagged, at `indent` from the left margin. */
  blocks(parent: Struct, bs: readonly Block[], indent = 0): void {
    const x = this.left + indent;
    const width = this.width - indent;
    for (const b of bs) {
      switch (b.type) {
        case 'heading': {
          const size = HEADING_SIZES[b.level];
          // A heading never ends a page: it moves on with the first lines of what it introduces.
          this.ensureSpace(size * 1.4 + 4 * (this.size * 1.4));
          this.doc.moveDown(0.6);
          this.element(parent, `H${Math.min(b.level, 6)}`, () => this.runs(b.runs, { x, width, size, bold: true }));
          this.doc.moveDown(0.25);
          break;
        }
        case 'paragraph':
          this.element(parent, 'P', () => this.runs(b.runs, { x, width }));
          this.doc.moveDown(0.45);
          break;
        case 'list':
          this.list(parent, b, indent);
          break;
        case 'quote': {
          const quote = this.group(parent, 'BlockQuote');
          this.blocks(quote, b.blocks, indent + 18);
          quote.end();
          break;
        }
        case 'table':
          this.table(parent, b, indent);
          break;
        case 'rule':
          this.artifact(() => {
            this.doc.moveDown(0.3);
            this.doc.moveTo(x, this.doc.y).lineTo(x + width, this.doc.y).lineWidth(0.5).strokeColor('#999999').stroke();
            this.doc.moveDown(0.6);
          }, 'Layout');
          break;
      }
    }
  }

  private list(parent: Struct, b: Extract<Block, { type: 'list' }>, indent: number): void {
    const list = this.group(parent, 'L');
    const labelWidth = 18;
    b.items.forEach((item, i) => {
      const li = this.group(list, 'LI');
      this.ensureSpace(this.size * 2);
      const y = this.doc.y;
      const label = b.ordered ? `${b.start + i}.` : '•';
      this.element(li, 'Lbl', () => {
        this.doc.font(FONT.regular).fontSize(this.size).fillColor(TEXT).text(label, this.left + indent, y, { width: labelWidth, lineGap: LINE_GAP });
      });
      this.doc.y = y;
      const body = this.group(li, 'LBody');
      this.blocks(body, item.length > 0 ? item : [{ type: 'paragraph', runs: [] }], indent + labelWidth);
      body.end();
      li.end();
    });
    list.end();
    this.doc.moveDown(0.2);
  }

  /** A table; `weights` share the width between columns (equal by default). Rows never split across pages. */
  table(parent: Struct, b: Extract<Block, { type: 'table' }>, indent = 0, weights?: readonly number[]): void {
    if (b.rows.length === 0) return;
    const columns = Math.max(1, ...b.rows.map((r) => r.reduce((n, c) => n + c.colspan, 0)));
    const width = this.width - indent;
    const w = weights && weights.length === columns ? weights : Array.from({ length: columns }, () => 1);
    const total = w.reduce((a, b2) => a + b2, 0);
    const xs = [0];
    for (const x of w) xs.push(xs[xs.length - 1]! + (x / total) * width);
    const pad = 3;
    const table = this.group(parent, 'Table');
    const textOf = (blocks: readonly Block[]): Run[] => {
      const out: Run[] = [];
      const walk = (bs: readonly Block[]) => {
        for (const x of bs) {
          if (x.type === 'paragraph' || x.type === 'heading') {
            if (out.length > 0) out.push({ type: 'break' });
            out.push(...x.runs);
          } else if (x.type === 'list') x.items.forEach(walk);
          else if (x.type === 'quote') walk(x.blocks);
        }
      };
      walk(blocks);
      return out;
    };
    const drawRow = (row: (typeof b.rows)[number], header: boolean) => {
      // Measure the row, move it whole to the next page when it does not fit.
      let height = 0;
      let col = 0;
      const cells = row.map((c) => {
        const runs = textOf(c.blocks);
        const w = xs[Math.min(col + c.colspan, columns)]! - xs[col]! - 2 * pad;
        this.doc.font(c.header ? FONT.bold : FONT.regular).fontSize(this.size - 0.5);
        const text = runs.map((x) => (x.type === 'text' ? x.text : '\n')).join('') || ' ';
        height = Math.max(height, this.doc.heightOfString(text, { width: w, lineGap: LINE_GAP }) + 2 * pad);
        const cell = { c, runs, x: this.left + indent + xs[col]!, w };
        col += c.colspan;
        return cell;
      });
      this.ensureSpace(height);
      const y = this.doc.y;
      const tr = this.group(table, 'TR');
      for (const cell of cells) {
        if (cell.c.header) this.artifact(() => this.doc.rect(cell.x, y, cell.w + 2 * pad, height).fill('#eeeeee'), 'Layout');
        this.element(tr, cell.c.header ? 'TH' : 'TD', () => {
          this.doc.y = y + pad;
          this.runs(cell.runs, { x: cell.x + pad, width: cell.w, size: this.size - 0.5, bold: cell.c.header });
        });
      }
      tr.end();
      this.artifact(() => {
        this.doc.moveTo(this.left + indent, y + height).lineTo(this.left + indent + width, y + height).lineWidth(header ? 0.8 : 0.4).strokeColor('#999999').stroke();
      }, 'Layout');
      this.doc.y = y + height;
      this.doc.x = this.left;
    };
    b.rows.forEach((row, r) => drawRow(row, r < b.headerRows));
    table.end();
    this.doc.moveDown(0.6);
  }

  /**
   * Draws page furniture on every page once the content is laid out (so "page 2 of 3" is known),
   * as artifacts, then closes the document.
   */
  async finish(furniture?: (page: number, pages: number) => void): Promise<Buffer> {
    this.root.end();
    if (furniture) {
      const range = this.doc.bufferedPageRange();
      for (let i = range.start; i < range.start + range.count; i++) {
        this.doc.switchToPage(i);
        // Furniture sits in the margins: without this, text there would start a new page.
        const margins = { ...this.doc.page.margins };
        this.doc.page.margins = { top: 0, bottom: 0, left: margins.left, right: margins.right };
        this.artifact(() => furniture(i - range.start + 1, range.count));
        this.doc.page.margins = margins;
      }
    }
    this.doc.end();
    return this.done;
  }
}

/** Plain text as letter runs. */
export function textRuns(text: string, style: Omit<Extract<Run, { type: 'text' }>, 'type' | 'text'> = {}): Run[] {
  return [{ type: 'text', text, ...style }];
}
