import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import { call, type RpcFailure } from '../../lib/api';
import { asRpcFailure, callOrStarted } from '../../lib/useCall';
import type { CaseListInput } from '../../../shared/ipc/contract';
import type { InboxRow, ListQuery } from './views';

export const PAGE_SIZE = 100;
/** Pages kept in memory; the ones farthest from where the user is are dropped first. */
const MAX_CACHED_PAGES = 60;
/** Fast scrolling passes many pages; only the ones still in view after this pause are fetched. */
const FETCH_DELAY_MS = 40;

interface Cache {
  /** Query and refresh generation this cache belongs to. */
  id: string;
  query: ListQuery | null;
  pages: Map<number, InboxRow[]>;
  inflight: Set<number>;
  wanted: [number, number];
}

interface Status {
  id: string;
  total: number | null;
  error?: RpcFailure;
  /** Bumped when a page arrives, so the list re-renders with it. */
  version: number;
}

export interface CasePages {
  /** Rows matching the query; `null` until the first page answered. */
  total: number | null;
  rowAt: (index: number) => InboxRow | undefined;
  /** Tells the cache which rows are on screen; missing pages are fetched shortly after. */
  ensureRange: (start: number, end: number) => void;
  error: RpcFailure | undefined;
  /** Drops everything and fetches again, e.g. after an error. */
  refresh: () => void;
  /** Fetches the pages held again and swaps them in as they arrive (a colleague changed something): no placeholders, the selection stays. */
  refreshQuietly: () => void;
}

const EMPTY_CACHE: Cache = { id: '', query: null, pages: new Map(), inflight: new Set(), wanted: [0, 0] };

/**
 * Lazily pages `cases:list` by offset for a virtualised list. The total sizes the scroller at once;
 * rows arrive a page at a time as they come into view, and answers for an older query are dropped.
 */
export function useCasePages(query: ListQuery | null): CasePages {
  const key = query === null ? '' : JSON.stringify(query);
  const [generation, setGeneration] = useState(0);
  const id = `${generation}|${key}`;
  const cache = useRef<Cache>(EMPTY_CACHE);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [status, setStatus] = useState<Status>({ id: '', total: null, version: 0 });

  const fetchPage = useCallback((c: Cache, page: number) => {
    if (c.query === null || c.pages.has(page) || c.inflight.has(page)) return;
    c.inflight.add(page);
    callOrStarted('cases:list', pageInput(c.query, page)).then(
      (result) => {
        if (cache.current !== c) return;
        c.inflight.delete(page);
        c.pages.set(page, result.rows);
        evict(c, page);
        // A transition: React renders the arrived rows in slices between frames and input, instead
        // of one long task per page that scrolling or typing would wait behind.
        startTransition(() => setStatus((s) => ({ id: c.id, total: result.total, version: s.version + 1 })));
      },
      (err: unknown) => {
        if (cache.current !== c) return;
        c.inflight.delete(page);
        setStatus((s) => ({ id: c.id, total: s.id === c.id ? s.total : null, error: asRpcFailure(err), version: s.version + 1 }));
      },
    );
  }, []);

  // A new query (or a refresh) starts a new cache and asks for the first page, which brings the
  // total. Effects also re-run when the hidden inbox is shown again; the same query keeps its cache.
  useEffect(() => {
    if (cache.current.id === id) return;
    clearTimeout(timer.current);
    const c: Cache = { id, query: key === '' ? null : (JSON.parse(key) as ListQuery), pages: new Map(), inflight: new Set(), wanted: [0, PAGE_SIZE - 1] };
    cache.current = c;
    fetchPage(c, 0);
  }, [id, key, fetchPage]);

  useEffect(() => () => clearTimeout(timer.current), []);

  const ensureRange = useCallback(
    (start: number, end: number) => {
      const c = cache.current;
      if (c.id !== id) return;
      c.wanted = [start, end];
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        if (cache.current !== c) return;
        const [from, to] = c.wanted;
        for (let page = Math.floor(from / PAGE_SIZE); page <= Math.floor(Math.max(from, to) / PAGE_SIZE); page++) fetchPage(c, page);
      }, FETCH_DELAY_MS);
    },
    [id, fetchPage],
  );

  const rowAt = useCallback(
    (index: number) => {
      const c = cache.current;
      return c.id === id ? c.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE] : undefined;
    },
    // status.version: a new function when pages arrive, so memoised consumers re-render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [id, status.version],
  );

  const refresh = useCallback(() => setGeneration((g) => g + 1), []);

  const refreshQuietly = useCallback(() => {
    const c = cache.current;
    const query = c.query;
    if (query === null) return;
    for (const page of [...c.pages.keys()]) {
      call('cases:list', pageInput(query, page)).then(
        (result) => {
          if (cache.current !== c) return;
          c.pages.set(page, result.rows);
          startTransition(() => setStatus((s) => ({ id: c.id, total: result.total, version: s.version + 1 })));
        },
        // A failed quiet refresh keeps what is shown; the next notice or a manual refresh tries again.
        () => undefined,
      );
    }
  }, []);

  const current = status.id === id;
  return {
    total: key === '' ? 0 : current ? status.total : null,
    rowAt,
    ensureRange,
    error: current ? status.error : undefined,
    refresh,
    refreshQuietly,
  };
}

function evict(c: Cache, near: number): void {
  if (c.pages.size <= MAX_CACHED_PAGES) return;
  const byDistance = [...c.pages.keys()].sort((a, b) => Math.abs(b - near) - Math.abs(a - near));
  for (const page of byDistance.slice(0, c.pages.size - MAX_CACHED_PAGES)) c.pages.delete(page);
}

/** The `cases:list` input for one page of a query. */
export function pageInput(query: ListQuery, page: number): CaseListInput {
  return { ...query, offset: page * PAGE_SIZE, limit: PAGE_SIZE };
}
