import type { DocNode } from './document';
import { CITATION, MERGE_FIELD } from './nodes';

/** What a citation shows: the event's date and summary, or the readable reference a letter prints (`citationReference`). */
export interface CitedEvent {
  date: string;
  summary: string;
  /** The reference as the letter reads it; when absent, `[date: summary]`. */
  text?: string;
}

export interface RenderOptions {
  /** Merge-field values; a field without one renders as `{{field}}` so it stands out. */
  values: Readonly<Record<string, string>>;
  /** Cited events by id; an unknown one renders as `[event #id]`. */
  events?: ReadonlyMap<number, CitedEvent>;
}

function inline(nodes: readonly DocNode[] | undefined, options: RenderOptions): string {
  let out = '';
  for (const n of nodes ?? []) {
    if (n.type === 'text') out += n.text ?? '';
    else if (n.type === 'hardBreak') out += '\n';
    else if (n.type === MERGE_FIELD) {
      const field = String(n.attrs?.field ?? '');
      out += options.values[field] ?? `{{${field}}}`;
    } else if (n.type === CITATION) {
      const id = Number(n.attrs?.eventId);
      const event = options.events?.get(id);
      if (event?.text) out += (out === '' || /[\s(]$/.test(out) ? '' : ' ') + event.text;
      else out += event ? `[${event.date}: ${event.summary}]` : `[event #${id}]`;
    } else out += inline(n.content, options);
  }
  return out;
}

function blocks(nodes: readonly DocNode[] | undefined, options: RenderOptions, indent: string): string[] {
  const out: string[] = [];
  for (const n of nodes ?? []) {
    switch (n.type) {
      case 'paragraph':
      case 'heading':
      case 'codeBlock':
        out.push(indent + inline(n.content, options).replaceAll('\n', `\n${indent}`));
        break;
      case 'bulletList':
      case 'orderedList': {
        let number = typeof n.attrs?.start === 'number' ? n.attrs.start : 1;
        const items: string[] = [];
        for (const item of n.content ?? []) {
          const bullet = n.type === 'bulletList' ? '- ' : `${number++}. `;
          const inner = blocks(item.content, options, ' '.repeat(bullet.length)).join('\n');
          items.push(indent + bullet + inner.trimStart());
        }
        out.push(items.join('\n'));
        break;
      }
      case 'blockquote':
        out.push(...blocks(n.content, options, `${indent}> `));
        break;
      case 'horizontalRule':
        out.push(`${indent}---`);
        break;
      case 'table':
        out.push(
          (n.content ?? [])
            .map((row) => indent + (row.content ?? []).map((cell) => blocks(cell.content, options, '').join(' ').replaceAll('\n', ' ')).join('\t'))
            .join('\n'),
        );
        break;
      default:
        out.push(indent + inline(n.content ?? [n], options));
    }
  }
  return out;
}

/**
 * The letter as plain text: blocks separated by a blank line, lists with `-` or numbers, table
 * rows with tabs, merge fields replaced by their values and citations by date and summary. This
 * is the frozen rendered text of an issued decision and what validation reads.
 */
export function renderPlainText(doc: DocNode, options: RenderOptions): string {
  return blocks(doc.content, options, '')
    .join('\n\n')
    .replace(/[ \t]+$/gm, '')
    .trim();
}
