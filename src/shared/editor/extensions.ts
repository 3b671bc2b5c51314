import { Mark, mergeAttributes, Node, type AnyExtension } from '@tiptap/core';
import { TableKit } from '@tiptap/extension-table';
import StarterKit from '@tiptap/starter-kit';
import { CITATION, MERGE_FIELD, REDACTION } from './nodes';

/**
 * The one TipTap extension list for decision letters. The editor adds node views on top (to show
 * a merge field's value and a citation's event) but never another node or mark, so what the
 * editor writes is exactly what validation, the plain-text renderer and the exports read.
 */

/** An atom standing for a case value, e.g. `customer.name`; its text comes from the case when rendered. */
export const MergeField = Node.create({
  name: MERGE_FIELD,
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  addAttributes() {
    return { field: { default: '' } };
  },
  parseHTML() {
    return [{ tag: 'span[data-merge-field]', getAttrs: (el) => ({ field: (el as { getAttribute(n: string): string | null }).getAttribute('data-merge-field') ?? '' }) }];
  },
  renderHTML({ node, HTMLAttributes }) {
    return ['span', mergeAttributes(HTMLAttributes, { 'data-merge-field': node.attrs.field as string }), `{{${node.attrs.field as string}}}`];
  },
  renderText({ node }) {
    return `{{${node.attrs.field as string}}}`;
  },
});

/** An inline reference to a history event the decision relies on. */
export const Citation = Node.create({
  name: CITATION,
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  addAttributes() {
    return { eventId: { default: 0 } };
  },
  parseHTML() {
    return [{ tag: 'span[data-citation]', getAttrs: (el) => ({ eventId: Number((el as { getAttribute(n: string): string | null }).getAttribute('data-citation')) }) }];
  },
  renderHTML({ node, HTMLAttributes }) {
    return ['span', mergeAttributes(HTMLAttributes, { 'data-citation': String(node.attrs.eventId) }), `[#${String(node.attrs.eventId)}]`];
  },
  renderText({ node }) {
    return `[#${String(node.attrs.eventId)}]`;
  },
});

/** Text to leave out of anything shared with ARN and the consumer; shown struck through on grey in the editor. */
export const Redaction = Mark.create({
  name: REDACTION,
  inclusive: false,
  parseHTML() {
    return [{ tag: 'span[data-redaction]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['span', mergeAttributes(HTMLAttributes, { 'data-redaction': '', class: 'ombud-redaction' }), 0];
  },
});

/** Links never open in the app window; the main process refuses navigation anyway. */
export function decisionExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({ link: { openOnClick: false, autolink: true, protocols: ['https', 'mailto'] }, dropcursor: false }),
    TableKit.configure({ table: { resizable: false } }),
    MergeField,
    Citation,
    Redaction,
  ];
}
