/**
 * Case- and diacritic-insensitive matching for in-case search: `oberg` finds `Öberg`, `soren`
 * finds `Søren`, `aeble` finds `Æble`. Folding keeps a map back to the original text, so matches
 * can be highlighted where they are.
 */

/** Letters that Unicode does not decompose into a base letter plus a mark. */
const SPECIAL: Record<string, string> = { ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', đ: 'd', ð: 'd', ł: 'l', þ: 'th', ı: 'i' };

const MARKS = /\p{M}/gu;

function foldChar(ch: string): string {
  const lower = ch.toLocaleLowerCase('sv');
  return SPECIAL[lower] ?? lower.normalize('NFD').replace(MARKS, '');
}

/** Lower case without diacritics. */
export function fold(text: string): string {
  let out = '';
  for (const ch of text) out += foldChar(ch);
  return out;
}

/** The words of a query, folded; empty when the query is blank. */
export function queryWords(query: string): string[] {
  return fold(query)
    .split(/\s+/)
    .filter((w) => w !== '');
}

/** True when every word occurs somewhere in one of the texts. */
export function matchesAllWords(texts: readonly string[], words: readonly string[]): boolean {
  if (words.length === 0) return true;
  const folded = texts.map(fold);
  return words.every((w) => folded.some((t) => t.includes(w)));
}

export interface TextPart {
  text: string;
  match: boolean;
}

/** Splits a text into plain and matching parts (for `<mark>`), matching any of the folded words. */
export function highlightParts(text: string, words: readonly string[]): TextPart[] {
  if (words.length === 0 || text === '') return [{ text, match: false }];
  // Folded text and, for each folded character, where its source character starts and ends.
  let folded = '';
  const start: number[] = [];
  const end: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = foldChar(ch);
    for (let k = 0; k < f.length; k++) {
      start.push(i);
      end.push(i + ch.length);
    }
    folded += f;
    i += ch.length;
  }
  const ranges: [number, number][] = [];
  for (const word of words) {
    let at = folded.indexOf(word);
    while (at !== -1) {
      ranges.push([start[at]!, end[at + word.length - 1]!]);
      at = folded.indexOf(word, at + word.length);
    }
  }
  if (ranges.length === 0) return [{ text, match: false }];
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  const parts: TextPart[] = [];
  let pos = 0;
  for (const [s, e] of merged) {
    if (s > pos) parts.push({ text: text.slice(pos, s), match: false });
    parts.push({ text: text.slice(s, e), match: true });
    pos = e;
  }
  if (pos < text.length) parts.push({ text: text.slice(pos), match: false });
  return parts;
}
