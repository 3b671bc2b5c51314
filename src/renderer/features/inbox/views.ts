import { CASE_STATUSES, type CaseStatus, type Category } from '../../../shared/domain/case';
import type { Market } from '../../../shared/domain/market';
import type { CASE_SORTS, CaseListInput } from '../../../shared/ipc/contract';

/** Saved views in the left rail. Each is a fixed filter; the filter bar narrows it further. */
export const VIEW_KEYS = ['all', 'mine', 'open', 'waiting'] as const;
export type ViewKey = (typeof VIEW_KEYS)[number];

export type CaseSort = (typeof CASE_SORTS)[number];
export type SortDir = 'asc' | 'desc';

export interface InboxFilters {
  status: CaseStatus[];
  market: Market | null;
  category: Category | null;
}

export interface InboxSort {
  sort: CaseSort;
  dir: SortDir;
}

/** The list query without paging: what `cases:list` gets besides offset and limit. */
export type ListQuery = Omit<CaseListInput, 'offset' | 'limit'>;

/** Statuses in which the case is still being worked on. */
export const OPEN_STATUSES: CaseStatus[] = CASE_STATUSES.filter((s) => s !== 'closed' && s !== 'decision_issued');

export function viewQuery(view: ViewKey, userId: number): Pick<ListQuery, 'status' | 'assigneeId'> {
  switch (view) {
    case 'mine':
      return { assigneeId: userId };
    case 'open':
      return { status: OPEN_STATUSES };
    case 'waiting':
      return { status: ['waiting_for_customer'] };
    case 'all':
      return {};
  }
}

/**
 * The query for a view narrowed by the filter bar, or `null` when the two exclude each other
 * (e.g. the "Waiting for customer" view with only "Closed" ticked): nothing to ask the store.
 */
export function composeQuery(view: ViewKey, userId: number, filters: InboxFilters, order: InboxSort): ListQuery | null {
  const base = viewQuery(view, userId);
  let status = base.status;
  if (filters.status.length > 0) {
    status = base.status ? base.status.filter((s) => filters.status.includes(s)) : filters.status;
    if (status.length === 0) return null;
  }
  const query: ListQuery = { sort: order.sort, dir: order.dir };
  if (status) query.status = status;
  if (base.assigneeId !== undefined) query.assigneeId = base.assigneeId;
  if (filters.market) query.market = filters.market;
  if (filters.category) query.category = filters.category;
  return query;
}

/** Received sorts newest first by default; text columns A to Z. */
export function defaultDir(sort: CaseSort): SortDir {
  return sort === 'received' ? 'desc' : 'asc';
}
