import { CASE_STATUSES, type CaseStatus, type Category } from '../../../shared/domain/case-values';
import type { Market } from '../../../shared/domain/market';
import type { CASE_SORTS, CaseListInput, ChannelOutput } from '../../../shared/ipc/contract';

/** Saved views in the left rail. Each is a fixed filter; the filter bar narrows it further. */
export const VIEW_KEYS = ['mine', 'due_week', 'overdue', 'flagged', 'waiting', 'open', 'all'] as const;
export type ViewKey = (typeof VIEW_KEYS)[number];

/** An inbox row: the case columns plus its red-flag count and earliest running deadline. */
export type InboxRow = ChannelOutput<'cases:list'>['rows'][number];

export type CaseSort = (typeof CASE_SORTS)[number];
export type SortDir = 'asc' | 'desc';

export type DueFilter = 'overdue' | 'this_week';

export interface InboxFilters {
  status: CaseStatus[];
  market: Market | null;
  category: Category | null;
  /** Deadline risk: overdue, or due from today to Sunday. */
  due: DueFilter | null;
  /** Only cases with red flags. */
  flagged: boolean;
}

export interface InboxSort {
  sort: CaseSort;
  dir: SortDir;
}

/** The list query without paging: what `cases:list` gets besides offset and limit. */
export type ListQuery = Omit<CaseListInput, 'offset' | 'limit'>;

/** Statuses in which the case is still being worked on. */
export const OPEN_STATUSES: CaseStatus[] = CASE_STATUSES.filter((s) => s !== 'closed' && s !== 'decision_issued');

export function viewQuery(view: ViewKey, userId: number): Pick<ListQuery, 'status' | 'assigneeId' | 'due' | 'flagged'> {
  switch (view) {
    case 'mine':
      return { assigneeId: userId };
    case 'due_week':
      return { due: 'this_week' };
    case 'overdue':
      return { due: 'overdue' };
    case 'flagged':
      return { flagged: true };
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
  // Overdue (before today) and this week (from today) never overlap.
  if (base.due && filters.due && base.due !== filters.due) return null;
  const due = base.due ?? filters.due ?? undefined;
  const query: ListQuery = { sort: order.sort, dir: order.dir };
  if (status) query.status = status;
  if (base.assigneeId !== undefined) query.assigneeId = base.assigneeId;
  if (filters.market) query.market = filters.market;
  if (filters.category) query.category = filters.category;
  if (due) query.due = due;
  if (base.flagged || filters.flagged) query.flagged = true;
  return query;
}

/** Received sorts newest first and flags most first by default; deadlines most urgent first; text A to Z. */
export function defaultDir(sort: CaseSort): SortDir {
  return sort === 'received' || sort === 'flags' || sort === 'claimed' ? 'desc' : 'asc';
}
