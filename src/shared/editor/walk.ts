import type { DocNode } from './document';
import { CITATION, MERGE_FIELD } from './nodes';

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
  const usesStar = (block: DocNode) => {
    let found = false;
    walk(block, (n) => {
      if (n.type === MERGE_FIELD && typeof n.attrs?.field === 'string' && n.attrs.field.startsWith('claim.*.')) found = true;
    });
    return found;
  };
  const withPosition = (block: DocNode, position: number): DocNode =>
    mapNodes(block, (n) =>
      n.type === MERGE_FIELD && typeof n.attrs?.field === 'string' ? { ...n, attrs: { ...n.attrs, field: n.attrs.field.replace('claim.*.', `claim.${position}.`) } } : n,
    );
  const content: DocNode[] = [];
  for (const block of doc.content ?? []) {
    if (!usesStar(block)) content.push(block);
    else for (let p = 1; p <= claimCount; p++) content.push(withPosition(block, p));
  }
  return { ...doc, content };
}
