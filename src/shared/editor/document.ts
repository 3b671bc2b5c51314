import { z } from 'zod';
import { CITATION, MARK_TYPES, MERGE_FIELD, NODE_TYPES } from './nodes';

/** A ProseMirror/TipTap JSON node as stored: never HTML. */
export interface DocNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: DocNode[];
  text?: string;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
}

/** Merge-field names: dotted lower-camel segments or numbers, e.g. `claim.1.remedy.2.amount`. */
export const mergeFieldNameSchema = z.string().regex(/^[a-z][A-Za-z]*(\.(\d+|\*|[a-z][A-Za-z]*))*$/, 'must be a merge-field name such as customer.name');

const markSchema = z.object({ type: z.enum(MARK_TYPES), attrs: z.record(z.string(), z.unknown()).optional() }).strict();

const nodeSchema: z.ZodType<DocNode> = z.lazy(() =>
  z
    .object({
      type: z.enum(NODE_TYPES),
      attrs: z.record(z.string(), z.unknown()).optional(),
      content: z.array(nodeSchema).max(20_000).optional(),
      text: z.string().max(200_000).optional(),
      marks: z.array(markSchema).max(10).optional(),
    })
    .strict()
    .superRefine((node, ctx) => {
      if (node.type === MERGE_FIELD && !mergeFieldNameSchema.safeParse(node.attrs?.field).success) {
        ctx.addIssue({ code: 'custom', path: ['attrs', 'field'], message: 'a merge field needs a field name such as customer.name' });
      }
      if (node.type === CITATION && !(typeof node.attrs?.eventId === 'number' && Number.isInteger(node.attrs.eventId) && node.attrs.eventId > 0)) {
        ctx.addIssue({ code: 'custom', path: ['attrs', 'eventId'], message: 'a citation needs the id of a history event' });
      }
      if (node.type === 'text' && typeof node.text !== 'string') ctx.addIssue({ code: 'custom', path: ['text'], message: 'a text node needs text' });
    }),
);

/** A whole letter: a `doc` node. Node types outside the shared list are refused. */
export const docSchema = nodeSchema.refine((n) => n.type === 'doc', 'the document must be a "doc" node') as z.ZodType<DocNode>;

export function emptyDoc(): DocNode {
  return { type: 'doc', content: [{ type: 'paragraph' }] };
}
