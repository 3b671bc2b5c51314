import type { TextPart } from '../../lib/fold';

const OPEN = '\u0002';
const CLOSE = '\u0003';
/** Control characters other than tab and newline never reach the screen. */
// eslint-disable-next-line no-control-regex
const OTHER_CONTROLS = /[\u0000\u0001\u0004-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/**
 * Splits a search snippet into plain and matched parts. The store marks a match between \u0002 and
 * \u0003; the text is never interpreted as HTML, so `<img onerror=…>` in a snippet stays text.
 * Unbalanced markers are tolerated: an unclosed match runs to the end.
 */
export function snippetParts(snippet: string): TextPart[] {
  const parts: TextPart[] = [];
  let match = false;
  let current = '';
  const flush = () => {
    if (current !== '') {
      const last = parts[parts.length - 1];
      if (last && last.match === match) last.text += current;
      else parts.push({ text: current, match });
    }
    current = '';
  };
  for (const ch of snippet.replace(OTHER_CONTROLS, '')) {
    if (ch === OPEN || ch === CLOSE) {
      flush();
      match = ch === OPEN;
    } else {
      current += ch;
    }
  }
  flush();
  return parts;
}
