/** What a key does in a keyboard-driven list. */
export type ListKeyAction = { kind: 'select'; index: number } | { kind: 'open' } | null;

/**
 * The list keys of the whole workbench, in one place: ↑/↓ and j/k move, PageUp/PageDown move by
 * `page` rows, Home/End go to the ends, Enter opens. While the caret is in a text field (the search
 * box drives its result list), letters and Home/End belong to the field.
 */
export function listKeyAction(key: string, index: number, count: number, options: { page?: number; inTextField?: boolean } = {}): ListKeyAction {
  if (count === 0) return null;
  const select = (i: number): ListKeyAction => ({ kind: 'select', index: Math.min(count - 1, Math.max(0, i)) });
  const page = options.page ?? 0;
  const field = options.inTextField === true;
  switch (key) {
    case 'ArrowDown':
      return select(index + 1);
    case 'ArrowUp':
      return select(index - 1);
    case 'j':
      return field ? null : select(index + 1);
    case 'k':
      return field ? null : select(index - 1);
    case 'PageDown':
      return page > 0 ? select(index + page) : null;
    case 'PageUp':
      return page > 0 ? select(index - page) : null;
    case 'Home':
      return field ? null : select(0);
    case 'End':
      return field ? null : select(count - 1);
    case 'Enter':
      return { kind: 'open' };
    default:
      return null;
  }
}
