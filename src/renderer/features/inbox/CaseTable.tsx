import { UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconFlag } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { memo, useEffect, useMemo, useRef, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { daysLeftWords, DueDaysText } from '../../components/DueDays';
import { formatCalendarDate, formatMarketMoney } from '../../lib/format';
import { hasModifier, isActivatableTarget, isTypingTarget } from '../../lib/keyboard';
import { formatDaysLeft } from '../../lib/review';
import { listKeyAction } from '../../lib/listKeys';
import classes from './CaseTable.module.css';
import { FlagCell } from './FlagCell';
import type { CaseSort, InboxRow, InboxSort } from './views';
import { useRowWindow } from './useRowWindow';

export const ROW_HEIGHT = 32;
const HEADER_HEIGHT = 32;
/** Below this width the table scrolls sideways rather than squeezing columns unreadable. */
const MIN_WIDTH = 924;

type ColumnId = 'number' | 'customer' | 'market' | 'category' | 'received' | 'status' | 'assignee' | 'due' | 'flags' | 'claimed';

const COLUMNS: { id: ColumnId; sort?: CaseSort; align?: 'right' | 'center'; icon?: boolean }[] = [
  { id: 'number', sort: 'number' },
  { id: 'customer', sort: 'customer' },
  { id: 'market', sort: 'market' },
  { id: 'category', sort: 'category' },
  { id: 'received', sort: 'received' },
  { id: 'status', sort: 'status' },
  { id: 'assignee', sort: 'assignee' },
  { id: 'due', sort: 'due', align: 'center' },
  { id: 'flags', sort: 'flags', align: 'center', icon: true },
  { id: 'claimed', sort: 'claimed', align: 'right' },
];

export interface CaseTableProps {
  total: number;
  rowAt: (index: number) => InboxRow | undefined;
  ensureRange: (start: number, end: number) => void;
  /** Changes whenever the query changes, so the list returns to the top. */
  queryKey: string;
  order: InboxSort;
  onSort: (sort: CaseSort) => void;
  selectedIndex: number;
  onSelect: (index: number) => void;
  onOpen: (row: InboxRow) => void;
  /** Whether the table listens to the keyboard (false while a case is open on top). */
  keyboard?: boolean;
}

/**
 * The inbox list: a virtualised grid that only renders the rows on screen, so a quarter of a
 * million cases scroll as smoothly as a hundred. Rows not yet fetched show as grey placeholder bars.
 * Memoised: the inbox around it re-renders for counts and the preview, which the list ignores.
 */
export const CaseTable = memo(function CaseTable({
  total,
  rowAt,
  ensureRange,
  queryKey,
  order,
  onSort,
  selectedIndex,
  onSelect,
  onOpen,
  keyboard = true,
}: CaseTableProps) {
  const { t, i18n } = useTranslation();
  const text = useMemo(() => makeRowText(t, i18n.language), [t, i18n.language]);
  const scrollRef = useRef<HTMLDivElement>(null);

  const { first, last, offsetOf, totalHeight, scrollIntoView, scrollToTop } = useRowWindow(scrollRef, {
    count: total,
    rowHeight: ROW_HEIGHT,
    headerHeight: HEADER_HEIGHT,
    // A few rows beyond the edges: every row rendered is layout and paint on each jump through the
    // list, and 12 on each side made a stop half again as much work as the rows on screen.
    overscan: 4,
    fallbackHeight: 800,
  });

  useEffect(() => {
    if (last >= first) ensureRange(first, last);
  }, [first, last, ensureRange]);

  // A new query starts at the top. Not on remount: coming back from a case keeps the place.
  const shownKey = useRef(queryKey);
  useEffect(() => {
    if (shownKey.current === queryKey) return;
    shownKey.current = queryKey;
    scrollToTop();
  }, [queryKey, scrollToTop]);

  // The selection stays in view as it moves (keys, clicks, a new query starting at the top).
  useEffect(() => {
    if (selectedIndex >= 0 && selectedIndex < total) scrollIntoView(selectedIndex);
    // Not on a new total: the first page's count arriving must not cost a layout read at start.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedIndex, scrollIntoView]);

  // The rows in view, with each run of rows whose page has not arrived drawn by one placeholder.
  const items: ReactNode[] = [];
  let loadingFrom = -1;
  for (let index = first; index <= last + 1; index++) {
    const row = index <= last ? rowAt(index) : undefined;
    if (!row && index <= last) {
      if (loadingFrom < 0) loadingFrom = index;
      continue;
    }
    if (loadingFrom >= 0) {
      // Keyed by its place among the runs (almost always the only one), so a jump moves the
      // placeholder instead of mounting another.
      items.push(<LoadingRows key={`loading-${items.length}`} from={loadingFrom} count={index - loadingFrom} start={offsetOf(loadingFrom)} />);
      loadingFrom = -1;
    }
    if (row) {
      items.push(
        <CaseRowView
          key={row.id}
          row={row}
          index={index}
          start={offsetOf(index)}
          selected={index === selectedIndex}
          onSelect={onSelect}
          onOpen={onOpen}
          text={text}
        />,
      );
    }
  }

  useEffect(() => {
    if (!keyboard) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || hasModifier(e) || isTypingTarget(e.target) || total === 0) return;
      const visibleRows = Math.max(1, Math.floor(((scrollRef.current?.clientHeight ?? 0) - HEADER_HEIGHT) / ROW_HEIGHT) - 1);
      const action = listKeyAction(e.key, selectedIndex, total, { page: visibleRows });
      if (action === null) return;
      if (action.kind === 'open') {
        if (isActivatableTarget(e.target)) return;
        const row = rowAt(selectedIndex);
        if (row) {
          e.preventDefault();
          onOpen(row);
        }
        return;
      }
      e.preventDefault();
      onSelect(action.index);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [keyboard, total, selectedIndex, rowAt, onSelect, onOpen]);

  return (
    <div
      ref={scrollRef}
      className={classes.scroller}
      role="grid"
      aria-label={t('inbox.listLabel')}
      aria-rowcount={total + 1}
      aria-colcount={COLUMNS.length}
      data-testid="case-table"
      tabIndex={-1}
    >
      <div className={classes.inner} style={{ height: totalHeight, minWidth: MIN_WIDTH }}>
        <HeaderRow order={order} onSort={onSort} t={t} />
        {items}
      </div>
    </div>
  );
});

/**
 * The column headers, memoised: the table re-renders on every scroll event (the virtualiser's
 * range moves), and ten Mantine buttons re-rendering each time showed up in scroll profiles.
 */
const HeaderRow = memo(function HeaderRow({ order, onSort, t }: { order: InboxSort; onSort: (sort: CaseSort) => void; t: TFunction }) {
  return (
    <div className={`${classes.grid} ${classes.header}`} role="row" aria-rowindex={1}>
      {COLUMNS.map((col) => {
        const label = t(`inbox.columns.${col.id}`);
        const active = col.sort !== undefined && order.sort === col.sort;
        return (
          <div
            key={col.id}
            role="columnheader"
            className={classes.headerCell}
            data-align={col.align}
            aria-sort={active ? (order.dir === 'asc' ? 'ascending' : 'descending') : undefined}
          >
            {col.sort ? (
              <UnstyledButton
                className={classes.sortButton}
                data-active={active || undefined}
                onClick={() => col.sort && onSort(col.sort)}
                title={t('inbox.sortBy', { column: label })}
                data-testid={`sort-${col.sort}`}
              >
                {col.icon ? <IconFlag size={13} stroke={2} aria-label={label} /> : label}
                {active && (order.dir === 'asc' ? <IconChevronUp size={12} stroke={2.5} /> : <IconChevronDown size={12} stroke={2.5} />)}
              </UnstyledButton>
            ) : (
              label
            )}
          </div>
        );
      })}
    </div>
  );
});

/**
 * A row's words, each translated once per language and then looked up: i18next's t() (key
 * resolution, interpolation, plural rules) was most of a row's render time, and a screenful of
 * rows asks for the same few dozen labels again on every scroll stop.
 */
function makeRowText(t: TFunction, language: string) {
  const cache = new Map<string, string>();
  const once = (key: string, make: () => string) => {
    let value = cache.get(key);
    if (value === undefined) cache.set(key, (value = make()));
    return value;
  };
  const plain = t as unknown as (key: string) => string;
  return {
    language,
    label: (key: string) => once(key, () => plain(key)),
    daysLeft: (days: number) => once(`#days:${days}`, () => daysLeftWords(t, days)),
    flagCount: (count: number) => once(`#flags:${count}`, () => t('inbox.flagCount', { count })),
  };
}
type RowText = ReturnType<typeof makeRowText>;

const CaseRowView = memo(function CaseRowView({
  row,
  index,
  start,
  selected,
  onSelect,
  onOpen,
  text,
}: {
  row: InboxRow;
  index: number;
  start: number;
  selected: boolean;
  onSelect: (index: number) => void;
  onOpen: (row: InboxRow) => void;
  /** Changes with the interface language, so rows re-render in the new language. */
  text: RowText;
}) {
  const categoryLabel = text.label(`category.${row.category}`);
  const due = row.nextDue;
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-selected={selected || undefined}
      data-testid="case-row"
      data-case-number={row.number}
      data-case-id={row.id}
      data-market={row.market}
      data-status={row.status}
      className={`${classes.grid} ${classes.row}`}
      style={translate(start)}
      onClick={() => onSelect(index)}
      onDoubleClick={() => onOpen(row)}
    >
      <div role="gridcell" className={`${classes.cell} ${classes.number}`}>
        {row.number}
      </div>
      <div role="gridcell" className={classes.cell} title={row.customerName}>
        {row.customerName}
      </div>
      <div role="gridcell" className={classes.cell}>
        <span className={classes.tag} role="img" data-market={row.market} title={text.label(`market.${row.market}`)} aria-label={text.label(`market.${row.market}`)}>
          {row.market}
        </span>
      </div>
      <div role="gridcell" className={classes.cell} title={categoryLabel}>
        {categoryLabel}
      </div>
      <div role="gridcell" className={`${classes.cell} ${classes.tabular}`}>
        {formatCalendarDate(row.receivedDate, row.market)}
      </div>
      <div role="gridcell" className={classes.cell}>
        <span className={classes.status} data-status={row.status}>
          {text.label(`status.${row.status}`)}
        </span>
      </div>
      <div role="gridcell" className={`${classes.cell} ${row.assigneeName ? '' : classes.dimmed}`}>
        {row.assigneeName ?? text.label('inbox.unassigned')}
      </div>
      <div role="gridcell" className={classes.cell} data-align="center" data-testid="due-cell">
        {due ? (
          <DueDaysText
            daysLeft={due.daysLeft}
            title={`${text.label(`deadline.kind.${due.kind}`)} · ${formatCalendarDate(due.date, row.market)}`}
            words={text.daysLeft(due.daysLeft)}
            label={formatDaysLeft(due.daysLeft, text.language)}
          />
        ) : (
          <span className={classes.dimmed} title={text.label('inbox.noDeadline')}>
            —
          </span>
        )}
      </div>
      <div role="gridcell" className={classes.cell} data-align="center" data-testid="flag-cell">
        <FlagCell caseId={row.id} count={row.flagCount} label={text.flagCount(row.flagCount)} />
      </div>
      <div role="gridcell" className={`${classes.cell} ${classes.tabular}`} data-align="right">
        {row.claimTotal ? formatMarketMoney(row.claimTotal, row.market) : <span className={classes.dimmed}>–</span>}
      </div>
    </div>
  );
});

function translate(start: number): CSSProperties {
  return { transform: `translateY(${start}px)` };
}

/**
 * Rows whose page has not arrived yet, as one element however many rows it covers: each column is
 * a cell whose background repeats a grey bar every row height (CaseTable.module.css). A row
 * element per loading row (eleven elements each) meant every jump through the list mounted a
 * screenful of placeholders and, when the page came, removed them in the same commit that
 * mounted the real rows; that doubled each jump's DOM work and was the largest share of its
 * script time (removeChild) in profiles.
 */
const LoadingRows = memo(function LoadingRows({ from, count, start }: { from: number; count: number; start: number }) {
  return (
    <div
      className={`${classes.grid} ${classes.loading}`}
      style={{ ...translate(start), height: count * ROW_HEIGHT }}
      role="row"
      aria-rowindex={from + 2}
      aria-busy
      data-testid="case-rows-loading"
    >
      {COLUMNS.map((col) => (
        <span key={col.id} className={classes.loadingCell} data-col={col.id} />
      ))}
    </div>
  );
});
