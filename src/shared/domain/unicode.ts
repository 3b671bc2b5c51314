/**
 * Ill-formed Unicode at the boundary. JSON (`"\ud800"`) and JavaScript strings can carry lone
 * UTF-16 surrogates, which SQLite would store as invalid UTF-8 and which no export can write.
 * Every transport's input and every import record is walked once before validation; the first
 * string holding a lone surrogate is refused with its path.
 */

const MAX_DEPTH = 64;
const LONE_SURROGATE = /\p{Cs}/u;

/** True when `text` holds no lone UTF-16 surrogate (a pair is one code point and passes). */
export function isWellFormedText(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

/** The text with every lone surrogate replaced by U+FFFD. */
export function toWellFormedText(text: string): string {
  return text.replace(/\p{Cs}/gu, '\uFFFD');
}

/** The path (`['notes', 2, 'text']`) of the first string or key with a lone surrogate, or null. */
export function findIllFormedString(value: unknown, path: (string | number)[] = [], depth = 0): (string | number)[] | null {
  if (typeof value === 'string') return isWellFormedText(value) ? null : path;
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findIllFormedString(value[i], [...path, i], depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const [key, item] of Object.entries(value)) {
    if (!isWellFormedText(key)) return [...path, toWellFormedText(key)];
    const found = findIllFormedString(item, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}

export const ILL_FORMED_MESSAGE = 'holds ill-formed Unicode (a lone UTF-16 surrogate); send well-formed text';
