import { useCallback, useState } from 'react';

/**
 * State remembered on this computer (localStorage), read once at mount. `parse` validates what was
 * stored, so an old or hand-edited value falls back to the default instead of reaching the backend.
 */
export function useStoredState<T>(key: string, fallback: T, parse: (raw: unknown) => T | undefined): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(() => readStored(key, fallback, parse));
  const set = useCallback(
    (next: T) => {
      setValue(next);
      try {
        localStorage.setItem(key, JSON.stringify(next));
      } catch {
        // Not remembered, but still applied for this session.
      }
    },
    [key],
  );
  return [value, set];
}

/** What useStoredState starts with: the stored value if it parses, else the fallback. */
export function readStored<T>(key: string, fallback: T, parse: (raw: unknown) => T | undefined): T {
  try {
    const raw = localStorage.getItem(key);
    if (raw === null) return fallback;
    return parse(JSON.parse(raw)) ?? fallback;
  } catch {
    return fallback;
  }
}
