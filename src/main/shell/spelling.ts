/**
 * The editor's right-click menu in Electron: the spell checker's suggestions for the word under
 * the pointer, "add to dictionary", then cut/copy/paste. Plain data built by a pure function, so
 * tests check it without an Electron binary; src/main/index.ts turns it into a native menu.
 *
 * Where the checker comes from: on macOS the OS's own; on Windows and Linux Chromium's Hunspell,
 * whose dictionaries Electron fetches once from its CDN. No text the user writes leaves the machine.
 */

export interface SpellingContext {
  misspelledWord: string;
  dictionarySuggestions: readonly string[];
  isEditable: boolean;
  selectionText: string;
}

export type SpellingItem =
  | { kind: 'suggestion'; label: string; word: string }
  | { kind: 'noSuggestions'; label: string }
  | { kind: 'addWord'; label: string; word: string }
  | { kind: 'role'; role: 'cut' | 'copy' | 'paste' | 'selectAll'; label: string }
  | { kind: 'separator' };

const LABELS = {
  sv: { none: 'Inga förslag', add: 'Lägg till i ordlistan', cut: 'Klipp ut', copy: 'Kopiera', paste: 'Klistra in', selectAll: 'Markera allt' },
  da: { none: 'Ingen forslag', add: 'Føj til ordbogen', cut: 'Klip', copy: 'Kopiér', paste: 'Sæt ind', selectAll: 'Markér alt' },
  en: { none: 'No suggestions', add: 'Add to dictionary', cut: 'Cut', copy: 'Copy', paste: 'Paste', selectAll: 'Select all' },
} as const;

/** The OS locale ("sv-SE", "da", "en-GB") to one of the workbench's languages. */
export function menuLanguage(locale: string): keyof typeof LABELS {
  const base = locale.toLowerCase().split(/[-_]/)[0];
  return base === 'sv' || base === 'da' ? base : 'en';
}

/** At most five suggestions, as Chromium ranks them; nothing but copy outside editable text. */
export function spellingMenu(context: SpellingContext, locale: string): SpellingItem[] {
  const l = LABELS[menuLanguage(locale)];
  const items: SpellingItem[] = [];
  if (context.isEditable && context.misspelledWord) {
    const suggestions = context.dictionarySuggestions.slice(0, 5);
    if (suggestions.length === 0) items.push({ kind: 'noSuggestions', label: l.none });
    for (const word of suggestions) items.push({ kind: 'suggestion', label: word, word });
    items.push({ kind: 'addWord', label: l.add, word: context.misspelledWord }, { kind: 'separator' });
  }
  if (context.isEditable) {
    items.push({ kind: 'role', role: 'cut', label: l.cut }, { kind: 'role', role: 'copy', label: l.copy }, { kind: 'role', role: 'paste', label: l.paste }, { kind: 'separator' }, { kind: 'role', role: 'selectAll', label: l.selectAll });
  } else if (context.selectionText) {
    items.push({ kind: 'role', role: 'copy', label: l.copy });
  }
  return items;
}
