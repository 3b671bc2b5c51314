import { Button, Code, EmptyState, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDatabase, IconFileImport, IconFilterOff, IconInbox } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_SORTS, CASE_STATUSES, CATEGORIES } from '../../../shared/domain/case-values';
import type { SearchHit } from '../../../shared/domain/review';
import { MARKETS } from '../../../shared/domain/market-info';
import { ErrorState } from '../../components/ErrorState';
import { useSession } from '../../lib/session';
import { startCall } from '../../lib/useCall';
import { readStored, useStoredState } from '../../lib/useStoredState';
import { CasePreview } from './CasePreview';
import { CaseTable } from './CaseTable';
import { FilterBar, hasFilters, NO_FILTERS } from './FilterBar';
import classes from './Inbox.module.css';
import { pageInput, useCasePages } from './useCasePages';
import { useViewCounts } from './useViewCounts';
import { useChangeTick } from '../../lib/changes';
import type { ChangeNotice } from '../../../shared/domain/changes';

/** Notices that may change the inbox's rows or counts. */
const isListChange = (notice: ChangeNotice): boolean => notice.kind !== 'presence' && notice.kind !== 'users';
import { RecomputeNotice } from './RecomputeNotice';
import { ViewRail } from './ViewRail';
import { composeQuery, defaultDir, VIEW_KEYS, type CaseSort, type InboxFilters, type InboxRow, type InboxSort, type ViewKey } from './views';
import { SearchResults } from '../search/SearchResults';
import { useSearch } from '../search/useSearch';

function includes<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

const parseView = (raw: unknown): ViewKey | undefined => (includes(VIEW_KEYS, raw) ? raw : undefined);

function parseSort(raw: unknown): InboxSort | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { sort, dir } = raw as Record<string, unknown>;
  return includes(CASE_SORTS, sort) && (dir === 'asc' || dir === 'desc') ? { sort, dir } : undefined;
}

function parseFilters(raw: unknown): InboxFilters | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { status, market, category, due, flagged } = raw as Record<string, unknown>;
  return {
    status: Array.isArray(status) ? CASE_STATUSES.filter((s) => status.includes(s)) : [],
    market: includes(MARKETS, market) ? market : null,
    category: includes(CATEGORIES, category) ? category : null,
    due: due === 'overdue' || due === 'this_week' ? due : null,
    flagged: flagged === true,
  };
}

const VIEW_KEY = 'ombud.inbox.view';
const FILTERS_KEY = 'ombud.inbox.filters';
const SORT_KEY = 'ombud.inbox.sort';
const DEFAULT_SORT: InboxSort = { sort: 'received', dir: 'desc' };

/**
 * Asks for the first page of the inbox as it will open for this user (the view, filters and sort
 * remembered on this computer), as soon as the session is known and before the inbox has
 * rendered; useCasePages takes that answer instead of asking again.
 */
export function startInboxFirstPage(userId: number): void {
  const view = readStored<ViewKey>(VIEW_KEY, 'all', parseView);
  const filters = readStored<InboxFilters>(FILTERS_KEY, NO_FILTERS, parseFilters);
  const order = readStored<InboxSort>(SORT_KEY, DEFAULT_SORT, parseSort);
  const query = composeQuery(view, userId, filters, order);
  if (query) void startCall('cases:list', pageInput(query, 0));
}

/** Skeleton rows shown while the first page of a new query is on its way. */
const LOADING_ROWS = 20;

const parsePreview = (raw: unknown): boolean | undefined => (typeof raw === 'boolean' ? raw : undefined);

/**
 * The inbox: saved views on the left, filters on top, the virtualised case list, and a preview of
 * the selected case on the right. Enter or a double click opens the case. While a search is typed
 * in the top bar, its ranked results take the list's place.
 */
export function InboxScreen({
  onOpenCase,
  active = true,
  search = '',
  onSearchChange,
  onImport,
}: {
  onOpenCase: (id: number, eventId?: number) => void;
  active?: boolean;
  search?: string;
  onSearchChange?: (value: string) => void;
  /** Opens the import screen (offered when the store has no cases). */
  onImport?: () => void;
}) {
  const { t } = useTranslation();
  const { user, info } = useSession();
  const [view, setView] = useStoredState<ViewKey>(VIEW_KEY, 'all', parseView);
  const [filters, setFilters] = useStoredState<InboxFilters>(FILTERS_KEY, NO_FILTERS, parseFilters);
  const [order, setOrder] = useStoredState<InboxSort>(SORT_KEY, DEFAULT_SORT, parseSort);
  const [preview, setPreview] = useStoredState<boolean>('ombud.inbox.preview', true, parsePreview);
  const [refreshKey, setRefreshKey] = useState(0);

  const query = useMemo(() => composeQuery(view, user.id, filters, order), [view, user.id, filters, order]);
  const queryKey = `${JSON.stringify(query)}#${refreshKey}`;
  const pages = useCasePages(query);
  const { refresh: refreshPages, refreshQuietly } = pages;
  // A colleague's write: the rows held and the counts are fetched again, quietly.
  const liveTick = useChangeTick(isListChange);
  useEffect(() => {
    if (liveTick > 0) refreshQuietly();
  }, [liveTick, refreshQuietly]);
  const counts = useViewCounts(user.id, `${refreshKey}.${liveTick}`, pages.total !== null || pages.error !== undefined);

  // The selection belongs to one query: a new view, filter or sort starts again at the top.
  const [selection, setSelection] = useState({ key: queryKey, index: 0 });
  const selectedIndex = selection.key === queryKey ? selection.index : 0;
  const select = useCallback((index: number) => setSelection({ key: queryKey, index }), [queryKey]);

  const open = useCallback((row: InboxRow) => onOpenCase(row.id), [onOpenCase]);

  const searching = search.trim() !== '';
  const results = useSearch(search);
  const [hitSelection, setHitSelection] = useState({ query: '', index: 0 });
  const hitIndex = hitSelection.query === results.query ? hitSelection.index : 0;
  const selectHit = useCallback((index: number) => setHitSelection({ query: results.query, index }), [results.query]);
  const openHit = useCallback((hit: SearchHit) => onOpenCase(hit.caseId, hit.eventId ?? undefined), [onOpenCase]);
  const clearSearch = useCallback(() => onSearchChange?.(''), [onSearchChange]);
  const changeView = useCallback(
    (next: ViewKey) => {
      setView(next);
      clearSearch();
    },
    [setView, clearSearch],
  );
  const refresh = useCallback(() => {
    setRefreshKey((k) => k + 1);
    refreshPages();
  }, [refreshPages]);

  const togglePreview = useCallback(() => setPreview(!preview), [preview, setPreview]);

  const sortBy = useCallback(
    (sort: CaseSort) => setOrder(order.sort === sort ? { sort, dir: order.dir === 'asc' ? 'desc' : 'asc' } : { sort, dir: defaultDir(sort) }),
    [order, setOrder],
  );

  const selectedRow = pages.total ? pages.rowAt(selectedIndex) : undefined;
  const selectedHit = searching ? results.hits?.[hitIndex] : undefined;
  const [previewId] = useDebouncedValue((searching ? selectedHit?.caseId : selectedRow?.id) ?? null, 150);

  const storeEmpty = pages.total === 0 && view === 'all' && !hasFilters(filters);

  let body;
  if (searching) {
    body = <SearchResults search={results} selectedIndex={hitIndex} onSelect={selectHit} onOpen={openHit} onClear={clearSearch} keyboard={active} />;
  } else if (pages.error && pages.total === null) {
    body = (
      <div className={classes.center}>
        <ErrorState title={t('inbox.loadError')} error={pages.error} onRetry={refresh} />
      </div>
    );
  } else if (storeEmpty) {
    body = (
      <div className={classes.center} data-testid="inbox-empty-store">
        <EmptyState
          icon={<IconDatabase size={28} stroke={1.5} />}
          withIndicatorBackground
          title={t('inbox.emptyStore.title')}
          description={t('inbox.emptyStore.description')}
          maw={480}
        >
          <Stack gap="xs" align="center" mt="sm">
            {onImport && user.role !== 'auditor' && (
              <Button leftSection={<IconFileImport size={16} />} onClick={onImport} data-testid="empty-store-import">
                {t('import.open')}
              </Button>
            )}
            <Code fz="md" px="sm" py={4}>
              {t('inbox.emptyStore.demoCommand')}
            </Code>
            <Text size="xs" c="dimmed" ta="center">
              {t('inbox.emptyStore.storePath', { path: info.storePath })}
            </Text>
          </Stack>
        </EmptyState>
      </div>
    );
  } else if (pages.total === 0) {
    body = (
      <div className={classes.center} data-testid="inbox-no-match">
        <EmptyState icon={<IconInbox size={28} stroke={1.5} />} withIndicatorBackground title={t('inbox.noMatch.title')} description={t('inbox.noMatch.description')}>
          {hasFilters(filters) && (
            <EmptyState.Actions>
              <Button variant="default" leftSection={<IconFilterOff size={14} />} onClick={() => setFilters(NO_FILTERS)}>
                {t('inbox.filter.clear')}
              </Button>
            </EmptyState.Actions>
          )}
        </EmptyState>
      </div>
    );
  } else {
    body = (
      <>
        {pages.error && <ErrorState title={t('inbox.loadError')} error={pages.error} onRetry={refresh} />}
        <CaseTable
          total={pages.total ?? LOADING_ROWS}
          rowAt={pages.rowAt}
          ensureRange={pages.ensureRange}
          queryKey={queryKey}
          order={order}
          onSort={sortBy}
          selectedIndex={selectedIndex}
          onSelect={select}
          onOpen={open}
          keyboard={active}
        />
      </>
    );
  }

  return (
    <div className={classes.root} data-testid="inbox">
      <aside className={classes.rail}>
        <ViewRail view={searching ? null : view} counts={counts} onChange={changeView} />
      </aside>
      <section className={classes.main} aria-label={t('nav.inbox')}>
        {!searching && <RecomputeNotice onDone={refresh} refreshKey={refreshKey} />}
        {!searching && (
          <FilterBar
            filters={filters}
            onChange={setFilters}
            total={pages.total}
            onRefresh={refresh}
            preview={preview}
            onTogglePreview={togglePreview}
          />
        )}
        {body}
      </section>
      {preview && !storeEmpty && (
        <aside className={classes.preview} aria-label={t('inbox.preview.show')}>
          <CasePreview caseId={previewId} onOpen={onOpenCase} />
        </aside>
      )}
    </div>
  );
}
