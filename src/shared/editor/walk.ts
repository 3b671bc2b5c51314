import type { DocNode } from './document';
import { CITATION, MERGE_FIELD, REDACTION } from './nodes';

/** Visits every node depth-first, document order. Return false from `visit` to skip a subtree. */
export function walk(node: DocNode, visit: (node: DocNode, parent: DocNode | null) => boolean | void, parent: DocNode | null = null): void {
  if (visit(node, parent) === false) return;
  for (const child of node.content ?? []) walk(child, visit, node);
}

/** Maps every node bottom-up; `fn` returns the replacement, or an array to splice several in. */
export function mapNodes(node: DocNode, fn: (node: DocNode) => DocNode | DocNode[]): DocNode {
  const content = node.content?.flatMap((child) => {
    const mapped = fn(mapNodes(child, fn));
    return Array.isArray(mapped) ? mapped : [mapped];
  });
  return content ? { ...node, content } : { ...node };
}

/** The merge-field names used, in document order, each once. */
export function mergeFieldsOf(doc: DocNode): string[] {
  const out = new Set<string>();
  walk(doc, (n) => {
    if (n.type === MERGE_FIELD && typeof n.attrs?.field === 'string') out.add(n.attrs.field);
  });
  return [...out];
}

/** Every merge field in document order, repeats included (the order of a claim's outcome, reasoning and remedy). */
export function mergeFieldSequence(doc: DocNode): string[] {
  const out: string[] = [];
  walk(doc, (n) => {
    if (n.type === MERGE_FIELD && typeof n.attrs?.field === 'string') out.push(n.attrs.field);
  });
  return out;
}

/** The history event ids cited, in document order, each once. */
export function citationsOf(doc: DocNode): number[] {
  const out = new Set<number>();
  walk(doc, (n) => {
    if (n.type === CITATION && typeof n.attrs?.eventId === 'number') out.add(n.attrs.eventId);
  });
  return [...out];
}

/**
 * Expands a template for a case's claims: every top-level block that uses a `claim.*.` merge
 * field is repeated once per claim with `*` replaced by the claim's position (1, 2, …).
 */
export function expandClaimBlocks(doc: DocNode, claimCount: number): DocNode {
  return expandRepeatedBlocks(doc, 'claim', claimCount);
}

/**
 * Repeats every top-level block using a `<prefix>.*.` merge field `count` times, `*` replaced by
 * 1, 2, …: the claims of a decision, the claim points and questions of an ARN response. Consecutive
 * such blocks repeat together as one group, so a claim's heading with its outcome, its reasoning
 * and its remedy stay together: claim 1's three blocks, then claim 2's.
 */
export function expandRepeatedBlocks(doc: DocNode, prefix: string, claimCount: number): DocNode {
  const star = `${prefix}.*.`;
  const usesStar = (block: DocNode) => {
    let found = false;
    walk(block, (n) => {
      if (n.type === MERGE_FIELD && typeof n.attrs?.field === 'string' && n.attrs.field.startsWith(star)) found = true;
    });
    return found;
  };
  const withPosition = (block: DocNode, position: number): DocNode =>
    mapNodes(block, (n) =>
      n.type === MERGE_FIELD && typeof n.attrs?.field === 'string' ? { ...n, attrs: { ...n.attrs, field: n.attrs.field.replace(star, `${prefix}.${position}.`) } } : n,
    );
  const content: DocNode[] = [];
  let group: DocNode[] = [];
  const flush = () => {
    for (let p = 1; p <= claimCount; p++) for (const block of group) content.push(withPosition(block, p));
    group = [];
  };
  for (const block of doc.content ?? []) {
    if (usesStar(block)) group.push(block);
    else {
      flush();
      content.push(block);
    }
  }
  flush();
  return { ...doc, content };
}

/** What to leave out of a document before it is rendered for ARN: merge fields and cited events. */
export interface DocRedaction {
  fields?: readonly string[];
  eventIds?: readonly number[];
}

/**
 * The document without what is redacted: text carrying the `redaction` mark, nodes with
 * `attrs.redacted`, redacted merge fields and citations of redacted events. The checks and the
 * frozen text read this, so they see exactly what the export prints.
 */
export function stripRedactions(doc: DocNode, redaction: DocRedaction = {}): DocNode {
  const fields = new Set(redaction.fields ?? []);
  const events = new Set(redaction.eventIds ?? []);
  const gone = (n: DocNode) =>
    n.attrs?.redacted === true ||
    (n.marks ?? []).some((m) => m.type === REDACTION) ||
    (n.type === MERGE_FIELD && fields.has(String(n.attrs?.field))) ||
    (n.type === CITATION && events.has(Number(n.attrs?.eventId)));
  const strip = (n: DocNode): DocNode => (n.content ? { ...n, content: n.content.filter((c) => !gone(c)).map(strip) } : n);
  return strip(doc);
}

/** The texts carrying the `redaction` mark, each run once, in document order. */
export function redactedTexts(doc: DocNode): string[] {
  const out: string[] = [];
  walk(doc, (n) => {
    if (n.type === 'text' && typeof n.text === 'string' && (n.marks ?? []).some((m) => m.type === REDACTION) && n.text.trim() !== '') out.push(n.text.trim());
  });
  return out;
}
