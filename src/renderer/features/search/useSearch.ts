import { useDebouncedValue } from '@mantine/hooks';
import { useCallback, useEffect, useState } from 'react';
import type { SearchHit } from '../../../shared/domain/review';
import { call, type RpcFailure } from '../../lib/api';
import { asRpcFailure } from '../../lib/useCall';

export const SEARCH_LIMIT = 50;
const DEBOUNCE_MS = 200;

export interface SearchState {
  /** The query the shown hits belong to (may lag behind what is typed). */
  query: string;
  hits: SearchHit[] | undefined;
  error: RpcFailure | undefined;
  /** A newer query is on its way; the previous hits stay on screen meanwhile. */
  loading: boolean;
  retry: () => void;
}

interface Answer {
  request: string;
  query: string;
  hits?: SearchHit[];
  error?: RpcFailure;
}

/**
 * Full-text search as the user types: waits ~200 ms after the last key, asks the store, and keeps
 * the previous hits until the new ones arrive so the list does not flicker. Late answers for an
 * older query are dropped.
 */
export function useSearch(text: string): SearchState {
  const [debounced] = useDebouncedValue(text.trim(), DEBOUNCE_MS);
  const [attempt, setAttempt] = useState(0);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const request = `${attempt}|${debounced}`;

  useEffect(() => {
    if (debounced === '') return;
    let live = true;
    call('search:query', { query: debounced, limit: SEARCH_LIMIT }).then(
      (r) => {
        if (live) setAnswer({ request, query: debounced, hits: r.hits });
      },
      (err: unknown) => {
        if (live) setAnswer({ request, query: debounced, error: asRpcFailure(err) });
      },
    );
    return () => {
      live = false;
    };
  }, [debounced, request]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return {
    query: answer?.query ?? debounced,
    hits: answer?.hits,
    error: answer?.request === request ? answer.error : undefined,
    loading: text.trim() !== '' && (answer === null || answer.request !== request || debounced !== text.trim()),
    retry,
  };
}
