import { useEffect, useRef, useState } from 'react';
import { call } from '../../lib/api';
import { VIEW_KEYS, viewQuery, type ViewKey } from './views';

/** `undefined` while counting, `null` when the count failed. */
export type ViewCounts = Partial<Record<ViewKey, number | null>>;

/**
 * The number of cases in each saved view: one `cases:counts` for all seven, which reads the kept
 * counts and no rows. Counted once per `refreshKey`, not every time the inbox is shown again,
 * because counting a large store costs the backend more than a page of rows. `enabled` lets the
 * list's first page go first, so rows show before the counts.
 */
export function useViewCounts(userId: number, refreshKey: number | string, enabled = true): ViewCounts {
  const [counts, setCounts] = useState<ViewCounts>({});
  const counted = useRef('');
  useEffect(() => {
    const key = `${userId}|${refreshKey}`;
    if (!enabled || counted.current === key) return;
    counted.current = key;
    // All counts in one call and one update: seven answers arriving one by one re-rendered the
    // inbox seven times, each a long task on a busy machine, just after the first rows appeared.
    call('cases:counts', { filters: VIEW_KEYS.map((view) => viewQuery(view, userId)) }).then(
      ({ totals }) => {
        if (counted.current !== key) return;
        setCounts(Object.fromEntries(VIEW_KEYS.map((view, i) => [view, totals[i] ?? null])));
      },
      () => {
        if (counted.current !== key) return;
        setCounts(Object.fromEntries(VIEW_KEYS.map((view) => [view, null])));
      },
    );
  }, [userId, refreshKey, enabled]);
  return counts;
}
