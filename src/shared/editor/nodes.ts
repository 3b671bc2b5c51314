/**
 * The node and mark names of a decision letter's TipTap JSON. The editor, the plain-text renderer,
 * validation and the PDF/DOCX export all read documents by these names, so they never change.
 * Beside StarterKit's nodes there are two of our own:
 * - `mergeField`: an atom, attrs `{ field: string }` such as `customer.name`, `case.number`,
 *   `claim.1.amount`; its value comes from the case when rendered.
 * - `citation`: an inline atom, attrs `{ eventId: number }`, a history event of the case relied on.
 */
export const MERGE_FIELD = 'mergeField';
export const CITATION = 'citation';

export const BLOCK_NODES = [
  'doc',
  'paragraph',
  'heading',
  'bulletList',
  'orderedList',
  'listItem',
  'blockquote',
  'codeBlock',
  'horizontalRule',
  'table',
  'tableRow',
  'tableHeader',
  'tableCell',
] as const;
export const INLINE_NODES = ['text', 'hardBreak', MERGE_FIELD, CITATION] as const;
export const NODE_TYPES = [...BLOCK_NODES, ...INLINE_NODES] as const;
export type NodeType = (typeof NODE_TYPES)[number];

/**
 * `redaction` marks text that must not leave the workbench in anything sent to ARN: the exports
 * leave it out (never a black box over it), and the checks read the text without it.
 */
export const REDACTION = 'redaction';

export const MARK_TYPES = ['bold', 'italic', 'underline', 'strike', 'code', 'link', REDACTION] as const;
export type MarkType = (typeof MARK_TYPES)[number];
