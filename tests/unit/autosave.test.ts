import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosaver } from '../../src/shared/editor/autosave';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function recorder(fail?: (value: string) => unknown) {
  const saves: { value: string; base: number; at: number }[] = [];
  let version = 1;
  const save = async (value: string, base: number) => {
    saves.push({ value, base, at: Date.now() });
    const error = fail?.(value);
    if (error) throw error;
    version += 1;
    return version;
  };
  return { saves, save };
}

describe('the autosave schedule', () => {
  it('saves once, shortly after the last change, on top of the version the last save returned', async () => {
    const { saves, save } = recorder();
    const start = Date.now();
    const saver = new Autosaver<string>({ save, baseVersion: 1, delayMs: 400, maxWaitMs: 900 });
    saver.change('a');
    saver.change('ab');
    await vi.advanceTimersByTimeAsync(399);
    expect(saves).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(saves).toEqual([{ value: 'ab', base: 1, at: start + 400 }]);
    saver.change('abc');
    await vi.advanceTimersByTimeAsync(400);
    expect(saves.at(-1)).toMatchObject({ value: 'abc', base: 2 });
    expect(saver.version).toBe(3);
  });

  it('saves at least every 900 ms while typing never pauses', async () => {
    const { saves, save } = recorder();
    const saver = new Autosaver<string>({ save, baseVersion: 1, delayMs: 400, maxWaitMs: 900 });
    let text = '';
    for (let i = 0; i < 100; i++) {
      text += 'x';
      saver.change(text);
      await vi.advanceTimersByTimeAsync(50); // 20 keystrokes a second for five seconds
    }
    expect(saves.length).toBeGreaterThanOrEqual(5);
    const gaps = saves.slice(1).map((s, i) => s.at - saves[i]!.at);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(950);
    saves.forEach((s, i) => expect(s.base).toBe(i + 1));
  });

  it('stops after a failed save, keeps the unsaved text, and continues on resume', async () => {
    let conflict = true;
    const { saves, save } = recorder(() => (conflict ? new Error('conflict') : undefined));
    const errors: unknown[] = [];
    const saver = new Autosaver<string>({ save, baseVersion: 1, delayMs: 400, onError: (e) => errors.push(e) });
    saver.change('mine');
    await vi.advanceTimersByTimeAsync(500);
    expect(errors).toHaveLength(1);
    saver.change('mine, more');
    await vi.advanceTimersByTimeAsync(2000);
    expect(saves).toHaveLength(1);
    conflict = false;
    saver.resume(7);
    await vi.advanceTimersByTimeAsync(500);
    expect(saves.at(-1)).toMatchObject({ value: 'mine, more', base: 7 });
  });

  it('flush saves what is pending now', async () => {
    const { saves, save } = recorder();
    const saver = new Autosaver<string>({ save, baseVersion: 1 });
    saver.change('now');
    await saver.flush();
    expect(saves.map((s) => s.value)).toEqual(['now']);
    expect(saver.pending).toBe(false);
  });
});
