import { describe, expect, it } from 'vitest';
import { listKeyAction } from '../../src/renderer/lib/listKeys';

describe('list keys', () => {
  it('move within bounds, by rows and pages, and open with Enter', () => {
    expect(listKeyAction('j', 0, 10)).toEqual({ kind: 'select', index: 1 });
    expect(listKeyAction('ArrowUp', 0, 10)).toEqual({ kind: 'select', index: 0 });
    expect(listKeyAction('End', 3, 10)).toEqual({ kind: 'select', index: 9 });
    expect(listKeyAction('PageDown', 3, 10, { page: 20 })).toEqual({ kind: 'select', index: 9 });
    expect(listKeyAction('PageUp', 3, 10)).toBeNull();
    expect(listKeyAction('Enter', 3, 10)).toEqual({ kind: 'open' });
    expect(listKeyAction('x', 3, 10)).toBeNull();
    expect(listKeyAction('j', 0, 0)).toBeNull();
  });

  it('leave letters and caret keys to a text field, arrows and Enter still drive the list', () => {
    const field = { inTextField: true };
    expect(listKeyAction('j', 0, 10, field)).toBeNull();
    expect(listKeyAction('Home', 4, 10, field)).toBeNull();
    expect(listKeyAction('ArrowDown', 0, 10, field)).toEqual({ kind: 'select', index: 1 });
    expect(listKeyAction('Enter', 0, 10, field)).toEqual({ kind: 'open' });
  });
});
