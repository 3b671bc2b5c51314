import type { DocNode } from '../editor/document';
import { renderPlainText } from '../editor/text';

/** Merge fields the letter frame prints itself: beside the addressee, under "Date" and "Our reference". */
const FRAME_FIELDS = new Set(['case.number', 'decision.date', 'customer.name', 'customer.address']);

export interface FittedDecision {
  /** The body without what the frame already prints. */
  content: DocNode;
  /** The template's own title (its opening level-1 heading), for the letter's subject line. */
  title: string | null;
  /** The body ends in its own signature (it uses `signer.name`), so the frame adds none. */
  signsItself: boolean;
}

function plainText(node: DocNode): string | null {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return ' ';
  if (!node.content) return null;
  const parts = node.content.map(plainText);
  return parts.some((p) => p === null) ? null : parts.join('');
}

/** A paragraph of nothing but short labels ("Ärende:", "Datum:") and merge fields the frame prints. */
function repeatsFrame(node: DocNode): boolean {
  if (node.type !== 'paragraph' || !node.content?.length) return false;
  let fields = 0;
  for (const n of node.content) {
    if (n.type === 'mergeField') {
      if (!FRAME_FIELDS.has(String(n.attrs?.field))) return false;
      fields++;
    } else if (n.type === 'text') {
      const label = (n.text ?? '').trim();
      if (label !== '' && !/^[\p{L} ]{1,24}:$/u.test(label)) return false;
    } else if (n.type !== 'hardBreak') return false;
  }
  return fields > 0;
}

/**
 * The title as plain text. A title with merge fields ("Yttrande till {{arn.authority}}") becomes
 * the subject only when `values` resolves every one of them; otherwise it stays in the body.
 */
function titleText(heading: DocNode, values: Readonly<Record<string, string>> | undefined): string | undefined {
  const plain = plainText(heading)?.trim();
  if (plain !== undefined || !values) return plain;
  const resolved = renderPlainText({ type: 'doc', content: [heading] }, { values }).trim();
  return resolved.includes('{{') ? undefined : resolved;
}

function usesSigner(node: DocNode): boolean {
  return (node.type === 'mergeField' && node.attrs?.field === 'signer.name') || (node.content ?? []).some(usesSigner);
}

/**
 * A decision template is written to read well in the editor: a title, then "Case / Date / To" with
 * merge fields, and a closing with the signer's name. In the letter the frame already prints the
 * case number, date, addressee and subject, so those would appear twice. This takes the opening
 * title as the subject, drops an opening block that only repeats frame fields, and says whether
 * the body signs itself. Anything else the drafter wrote stays exactly as written.
 */
export function fitDecisionToFrame(doc: DocNode, values?: Readonly<Record<string, string>>): FittedDecision {
  const blocks = [...(doc.content ?? [])];
  let title: string | null = null;
  const first = blocks[0];
  if (first?.type === 'heading' && first.attrs?.level === 1) {
    const text = titleText(first, values);
    if (text) {
      title = text;
      blocks.shift();
    }
  }
  if (blocks[0] && repeatsFrame(blocks[0])) blocks.shift();
  return { content: { ...doc, content: blocks }, title, signsItself: usesSigner(doc) };
}
