/** Inputs that take no typing: keys pressed on them (after a click) belong to the screen. */
const NON_TEXT_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file']);

/** True when a key press belongs to a text field, a menu or a dialog rather than to the screen. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'INPUT') return !NON_TEXT_INPUTS.has((target as HTMLInputElement).type);
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  return target.closest('[role="menu"], [role="listbox"], [role="dialog"], [role="combobox"]') !== null;
}

/** True when Enter or Space on the target already does something (a button, a link, a checkbox). */
export function isActivatableTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.closest('button, a[href], input, textarea, select, [role="button"], [role="checkbox"], [role="tab"]') !== null;
}

export function hasModifier(e: KeyboardEvent): boolean {
  return e.altKey || e.ctrlKey || e.metaKey;
}

/** True while a modal dialog is open: its keys (Esc above all) are its own, even when focus fell to the page. */
export function isDialogOpen(): boolean {
  return document.querySelector('[role="dialog"]') !== null;
}
