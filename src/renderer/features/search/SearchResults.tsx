import { Button, EmptyState, Group, Kbd, Loader, Text } from '@mantine/core';
import { IconSearch, IconX } from '@tabler/icons-react';
import { memo, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../../shared/domain/review';
import { ErrorState } from '../../components/ErrorState';
import { MarketBadge } from '../../components/MarketBadge';
import { Marked } from '../../components/Marked';
import { StatusBadge } from '../../components/StatusBadge';
import { formatCalendarDate, formatCount, formatDateTime } from '../../lib/format';
import { hasModifier, isActivatableTarget, isTypingTarget } from '../../lib/keyboard';
import { listKeyAction } from '../../lib/listKeys';
import classes from './Search.module.css';
import { snippetParts } from './snippet';
import { SEARCH_LIMIT, type SearchState } from './useSearch';

/** The search field marks itself so list keys (arrows, Enter) still work while typing in it. */
export const SEARCH_INPUT_ATTR = 'data-search-input';

function fromSearchInput(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest(`[${SEARCH_INPUT_ATTR}]`) !== null;
}

/**
 * Ranked search hits in place of the case list: case, customer, market, status, where it matched
 * and the snippet with the match highlighted. Arrows move, Enter opens (at the matching event when
 * the hit is in the history), Esc in the field clears the search.
 */
export function SearchResults({
  search,
  selectedIndex,
  onSelect,
  onOpen,
  onClear,
  keyboard = true,
}: {
  search: SearchState;
  selectedIndex: number;
  onSelect: (index: number) => void;
  onOpen: (hit: SearchHit) => void;
  onClear: () => void;
  keyboard?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const listRef = useRef<HTMLDivElement>(null);
  const hits = search.hits;
  const count = hits?.length ?? 0;

  useEffect(() => {
    if (!keyboard || !hits || hits.length === 0) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || hasModifier(e)) return;
      const inField = fromSearchInput(e.target);
      // The results list is itself a listbox: keys pressed after clicking a hit are ours.
      const inList = e.target instanceof Node && listRef.current?.contains(e.target) === true;
      if (!inField && !inList && isTypingTarget(e.target)) return;
      const action = listKeyAction(e.key, selectedIndex, hits.length, { inTextField: inField });
      if (action === null) return;
      if (action.kind === 'open') {
        if (!inField && isActivatableTarget(e.target)) return;
        const hit = hits[selectedIndex];
        if (hit) {
          e.preventDefault();
          onOpen(hit);
        }
        return;
      }
      e.preventDefault();
      onSelect(action.index);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [keyboard, hits, selectedIndex, onSelect, onOpen]);

  useEffect(() => {
    listRef.current?.querySelector('[data-selected]')?.scrollIntoView({ block: 'nearest' });
  }, [selectedIndex, hits]);

  let body;
  if (search.error) {
    body = (
      <div className={classes.center}>
        <ErrorState title={t('search.error')} error={search.error} onRetry={search.retry} />
      </div>
    );
  } else if (!hits) {
    body = (
      <div className={classes.center}>
        <Loader size="sm" />
      </div>
    );
  } else if (hits.length === 0) {
    body = (
      <div className={classes.center} data-testid="search-empty">
        <EmptyState
          icon={<IconSearch size={28} stroke={1.5} />}
          withIndicatorBackground
          title={t('search.noHits', { query: search.query })}
          description={t('search.noHitsHint')}
        />
      </div>
    );
  } else {
    body = (
      <div ref={listRef} className={classes.list} role="listbox" aria-label={t('search.results')} data-testid="search-results" tabIndex={-1}>
        {hits.map((hit, index) => (
          <SearchHitRow key={hit.caseId} hit={hit} index={index} selected={index === selectedIndex} onSelect={onSelect} onOpen={onOpen} />
        ))}
      </div>
    );
  }

  return (
    <div className={classes.root} data-testid="search-view">
      <div className={classes.bar}>
        <Text size="sm" fw={600} className="tabular" data-testid="search-count">
          {hits ? t('search.hits', { count, n: formatCount(count, i18n.language), query: search.query }) : t('search.searching')}
        </Text>
        {hits && hits.length >= SEARCH_LIMIT && (
          <Text size="xs" c="dimmed">
            {t('search.limited', { n: SEARCH_LIMIT })}
          </Text>
        )}
        {search.loading && hits && <Loader size={12} type="dots" aria-label={t('search.searching')} />}
        <Group gap={6} ml="auto" wrap="nowrap" visibleFrom="md">
          <Text size="xs" c="dimmed">
            <Kbd>↑</Kbd> <Kbd>↓</Kbd> {t('search.keysMove')} · <Kbd>Enter</Kbd> {t('search.keysOpen')} · <Kbd>Esc</Kbd> {t('search.keysClear')}
          </Text>
        </Group>
        <Button variant="subtle" color="gray" leftSection={<IconX size={14} />} onClick={onClear} data-testid="search-clear">
          {t('search.clear')}
        </Button>
      </div>
      {body}
    </div>
  );
}

const SearchHitRow = memo(function SearchHitRow({
  hit,
  index,
  selected,
  onSelect,
  onOpen,
}: {
  hit: SearchHit;
  index: number;
  selected: boolean;
  onSelect: (index: number) => void;
  onOpen: (hit: SearchHit) => void;
}) {
  const { t } = useTranslation();
  const where =
    hit.field === 'event' && hit.eventOccurredAt
      ? t('search.inEvent', { date: formatDateTime(hit.eventOccurredAt, hit.market) })
      : t(`search.field.${hit.field}`);
  return (
    <div
      role="option"
      aria-selected={selected}
      data-selected={selected || undefined}
      data-testid="search-result"
      data-case-number={hit.number}
      data-case-id={hit.caseId}
      data-field={hit.field}
      data-event-id={hit.eventId ?? undefined}
      className={classes.hit}
      onClick={() => onSelect(index)}
      onDoubleClick={() => onOpen(hit)}
    >
      <div className={classes.line}>
        <span className={classes.number}>{hit.number}</span>
        <span className={classes.customer}>{hit.customerName}</span>
        <MarketBadge market={hit.market} size="xs" tooltip={false} />
        <StatusBadge status={hit.status} size="sm" />
      </div>
      <div className={classes.meta}>
        {t('search.received')} {formatCalendarDate(hit.receivedDate, hit.market)}
      </div>
      <div className={classes.line} style={{ gridColumn: '1 / -1' }}>
        <span className={classes.where} data-testid="search-where">
          {where}
        </span>
        <span className={classes.snippet} data-testid="search-snippet">
          {hit.field === 'personal_number' || hit.snippet === '' ? (
            <Text span c="dimmed" inherit fs="italic">
              {hit.field === 'personal_number' ? t('search.matchedPersonalNumber') : t('search.noSnippet')}
            </Text>
          ) : (
            <Marked parts={snippetParts(hit.snippet)} />
          )}
        </span>
      </div>
    </div>
  );
});
