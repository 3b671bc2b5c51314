import { Button, Chip, CloseButton, Divider, Group, SegmentedControl, Text, TextInput, Title } from '@mantine/core';
import { IconFilterOff, IconFlagFilled, IconSearch } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { EVENT_SOURCES, type EventSource, type HistoryEvent } from '../../../shared/domain/history';
import type { Market } from '../../../shared/domain/market';
import type { RedFlagView } from '../../../shared/domain/review';
import { matchesAllWords, queryWords } from '../../lib/fold';
import { formatCount, formatDayHeading, marketTimeZone } from '../../lib/format';
import { hasModifier, isActivatableTarget, isTypingTarget } from '../../lib/keyboard';
import { useStoredState } from '../../lib/useStoredState';
import { SOURCE_COLORS, SOURCE_ICONS } from './SourceIcon';
import classes from './Timeline.module.css';
import { countByKindGroup, countBySource, groupByDay, KIND_GROUPS, kindGroup, type KindGroup, type TimelineOrder } from './timeline';
import { TimelineEvent } from './TimelineEvent';

const parseOrder = (raw: unknown): TimelineOrder | undefined => (raw === 'oldest' || raw === 'newest' ? raw : undefined);

type FlagCode = RedFlagView['code'];

/** A request to bring one event into view; a new `seq` asks again for the same event. */
export interface TimelineJump {
  id: number;
  seq: number;
}

const NO_FLAGS: ReadonlyMap<number, readonly FlagCode[]> = new Map();
const NO_IDS: ReadonlySet<number> = new Set();

/**
 * The case's full history, grouped by day in the market's time zone, oldest first unless asked
 * otherwise. Filters by source and by kind, shows only the events behind red flags on request, and
 * searches within the case (case- and diacritic-insensitive, matches highlighted). Long texts open
 * in place. j/k move between events and Enter opens the focused one.
 */
export function Timeline({
  events,
  market,
  keyboard = true,
  flaggedEvents = NO_FLAGS,
  highlighted = NO_IDS,
  jumpTo = null,
  searchRef,
}: {
  events: readonly HistoryEvent[];
  market: Market;
  keyboard?: boolean;
  /** Events that raised red flags, with the flags they raised. */
  flaggedEvents?: ReadonlyMap<number, readonly FlagCode[]>;
  /** Events to mark (a selected flag's events, a search hit). */
  highlighted?: ReadonlySet<number>;
  /** Scroll to this event; filters that hide it are cleared. */
  jumpTo?: TimelineJump | null;
  searchRef?: Ref<HTMLInputElement>;
}) {
  const { t, i18n } = useTranslation();
  const [order, setOrder] = useStoredState<TimelineOrder>('ombud.timeline.order', 'oldest', parseOrder);
  const [sources, setSources] = useState<EventSource[]>([]);
  const [kinds, setKinds] = useState<KindGroup[]>([]);
  const [flaggedOnly, setFlaggedOnly] = useState(false);
  const [query, setQuery] = useState('');
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(() => new Set());
  const rootRef = useRef<HTMLDivElement>(null);

  const words = useMemo(() => queryWords(query), [query]);
  const counts = useMemo(() => countBySource(events), [events]);
  const kindCounts = useMemo(() => countByKindGroup(events), [events]);
  const present = EVENT_SOURCES.filter((s) => counts.has(s));
  const presentKinds = KIND_GROUPS.filter((k) => kindCounts.has(k));
  const sourceSet = useMemo(() => new Set(sources), [sources]);
  const keep = useCallback(
    (e: HistoryEvent) =>
      (kinds.length === 0 || kinds.includes(kindGroup(e.kind))) &&
      (!flaggedOnly || flaggedEvents.has(e.id)) &&
      (words.length === 0 || matchesAllWords([e.summary, e.body], words)),
    [kinds, flaggedOnly, flaggedEvents, words],
  );
  const groups = useMemo(() => groupByDay(events, marketTimeZone(market), order, sourceSet, keep), [events, market, order, sourceSet, keep]);
  const shown = groups.reduce((n, g) => n + g.events.length, 0);
  const filtered = sources.length > 0 || kinds.length > 0 || flaggedOnly || words.length > 0;

  const clearFilters = useCallback(() => {
    setSources([]);
    setKinds([]);
    setFlaggedOnly(false);
    setQuery('');
  }, []);

  // A jump to an event the filters hide clears the filters first (adjusting state while rendering,
  // so the event is on screen when the scroll below runs).
  const [seenJump, setSeenJump] = useState<number | null>(null);
  if (jumpTo && jumpTo.seq !== seenJump) {
    setSeenJump(jumpTo.seq);
    const target = events.find((e) => e.id === jumpTo.id);
    if (target && !((sourceSet.size === 0 || sourceSet.has(target.source)) && keep(target))) clearFilters();
  }

  useEffect(() => {
    if (!jumpTo) return;
    const el = rootRef.current?.querySelector<HTMLElement>(`[data-testid="timeline-event"][data-event-id="${jumpTo.id}"]`);
    if (!el) return;
    el.scrollIntoView({ block: 'center', behavior: 'smooth' });
    el.focus({ preventScroll: true });
  }, [jumpTo]);

  const toggle = useCallback((id: number) => {
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);

  useEffect(() => {
    if (!keyboard) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || hasModifier(e) || isTypingTarget(e.target)) return;
      const root = rootRef.current;
      if (!root) return;
      const items = [...root.querySelectorAll<HTMLElement>('[data-testid="timeline-event"]')];
      const current = document.activeElement instanceof HTMLElement ? items.indexOf(document.activeElement) : -1;
      if (e.key === 'j' || e.key === 'k') {
        const next = items[e.key === 'j' ? Math.min(items.length - 1, current + 1) : Math.max(0, current - 1)];
        if (next) {
          e.preventDefault();
          next.focus();
          next.scrollIntoView({ block: 'nearest' });
        }
      } else if ((e.key === 'Enter' || e.key === ' ') && current >= 0 && !isActivatableTarget(e.target)) {
        const id = Number(items[current]?.dataset.eventId);
        if (Number.isInteger(id)) {
          e.preventDefault();
          toggle(id);
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [keyboard, toggle]);

  const language = i18n.language;
  const onlySources = sources.length > 0 && kinds.length === 0 && !flaggedOnly && words.length === 0;
  return (
    <section ref={rootRef} data-testid="timeline" aria-label={t('timeline.title')}>
      <div className={classes.toolbar}>
        <Group gap="sm" pt={6} px="md" wrap="nowrap" justify="space-between">
          <Group gap="sm" wrap="nowrap">
            <Title order={3}>{t('timeline.title')}</Title>
            <Text size="sm" c="dimmed" className="tabular" data-testid="timeline-count" style={{ whiteSpace: 'nowrap' }}>
              {shown === events.length
                ? t('timeline.count', { count: events.length, n: formatCount(events.length, language) })
                : t('timeline.shown', { shown: formatCount(shown, language), total: formatCount(events.length, language) })}
            </Text>
            {flaggedEvents.size > 0 && (
              <Chip
                checked={flaggedOnly}
                onChange={setFlaggedOnly}
                size="xs"
                variant="outline"
                color="red"
                icon={<IconFlagFilled size={11} />}
                wrapperProps={{ 'data-testid': 'timeline-flagged-filter', 'data-checked': flaggedOnly || undefined }}
              >
                {t('timeline.flaggedOnly')} <span className="tabular">{flaggedEvents.size}</span>
              </Chip>
            )}
          </Group>
          <Group gap="xs" wrap="nowrap">
            <TextInput
              ref={searchRef}
              value={query}
              onChange={(e) => setQuery(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key !== 'Escape') return;
                e.preventDefault();
                if (query !== '') setQuery('');
                else e.currentTarget.blur();
              }}
              placeholder={t('timeline.searchPlaceholder')}
              aria-label={t('timeline.search')}
              leftSection={<IconSearch size={14} stroke={1.75} />}
              rightSection={query !== '' ? <CloseButton size="sm" aria-label={t('timeline.clearSearch')} onClick={() => setQuery('')} /> : null}
              w={240}
              spellCheck={false}
              autoComplete="off"
              data-testid="timeline-search"
            />
            <SegmentedControl
              value={order}
              onChange={(v) => setOrder(v === 'newest' ? 'newest' : 'oldest')}
              data={[
                { value: 'oldest', label: t('timeline.oldestFirst') },
                { value: 'newest', label: t('timeline.newestFirst') },
              ]}
              data-testid="timeline-order"
            />
          </Group>
        </Group>
        <Group gap={6} py={6} px="md" wrap="wrap">
          {present.length > 1 && (
            <Chip.Group multiple value={sources} onChange={(v) => setSources(EVENT_SOURCES.filter((s) => v.includes(s)))}>
              <Group gap={4} aria-label={t('timeline.sources')} role="group">
                {present.map((s) => {
                  const Icon = SOURCE_ICONS[s];
                  return (
                    <Chip key={s} value={s} size="xs" variant="outline" color={SOURCE_COLORS[s]} icon={<Icon size={12} />} data-testid={`source-chip-${s}`}>
                      {t(`source.${s}`)} <span className="tabular">{counts.get(s)}</span>
                    </Chip>
                  );
                })}
              </Group>
            </Chip.Group>
          )}
          {present.length > 1 && presentKinds.length > 1 && <Divider orientation="vertical" mx={2} />}
          {presentKinds.length > 1 && (
            <Chip.Group multiple value={kinds} onChange={(v) => setKinds(KIND_GROUPS.filter((k) => v.includes(k)))}>
              <Group gap={4} aria-label={t('timeline.kinds')} role="group">
                {presentKinds.map((k) => (
                  <Chip
                    key={k}
                    value={k}
                    size="xs"
                    variant="light"
                    wrapperProps={{ 'data-testid': `timeline-kind-filter-${k}`, 'data-checked': kinds.includes(k) || undefined }}
                  >
                    {t(`timeline.kindGroup.${k}`)} <span className="tabular">{kindCounts.get(k)}</span>
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
          )}
          {filtered && (
            <Button variant="subtle" color="gray" size="compact-xs" leftSection={<IconFilterOff size={14} />} onClick={clearFilters} data-testid="timeline-clear-filters">
              {onlySources ? t('timeline.allSources') : t('timeline.clearFilters')}
            </Button>
          )}
        </Group>
      </div>
      <div style={{ padding: '0 var(--mantine-spacing-md) var(--mantine-spacing-xl)' }}>
        {events.length === 0 ? (
          <Text c="dimmed" size="sm" py="lg">
            {t('timeline.empty')}
          </Text>
        ) : groups.length === 0 ? (
          <Text c="dimmed" size="sm" py="lg" data-testid="timeline-none-for-filter">
            {words.length > 0 ? t('timeline.noneForSearch', { query: query.trim() }) : t('timeline.noneForFilter')}
          </Text>
        ) : (
          groups.map((group) => (
            <section key={group.day} className={classes.day} data-testid="timeline-day" data-day={group.day}>
              <div className={classes.dayHeading}>
                <Title order={4} component="h4" data-testid="timeline-day-heading">
                  {formatDayHeading(group.day, market)}
                </Title>
                <Text size="xs" c="dimmed" className="tabular">
                  {t('timeline.count', { count: group.events.length, n: formatCount(group.events.length, language) })}
                </Text>
              </div>
              {group.events.map((event) => (
                <TimelineEvent
                  key={event.id}
                  event={event}
                  market={market}
                  expanded={expanded.has(event.id)}
                  onToggle={toggle}
                  words={words}
                  flags={flaggedEvents.get(event.id)}
                  highlighted={highlighted.has(event.id)}
                />
              ))}
            </section>
          ))
        )}
      </div>
    </section>
  );
}
