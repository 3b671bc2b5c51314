import { Button, Chip, Group, SegmentedControl, Text, Title } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EVENT_SOURCES, type EventSource, type HistoryEvent } from '../../../shared/domain/history';
import type { Market } from '../../../shared/domain/market';
import { formatCount, formatDayHeading, marketTimeZone } from '../../lib/format';
import { hasModifier, isActivatableTarget, isTypingTarget } from '../../lib/keyboard';
import { useStoredState } from '../../lib/useStoredState';
import { SOURCE_COLORS, SOURCE_ICONS } from './SourceIcon';
import classes from './Timeline.module.css';
import { countBySource, groupByDay, type TimelineOrder } from './timeline';
import { TimelineEvent } from './TimelineEvent';

const parseOrder = (raw: unknown): TimelineOrder | undefined => (raw === 'oldest' || raw === 'newest' ? raw : undefined);

/**
 * The case's full history, grouped by day in the market's time zone, oldest first unless asked
 * otherwise. Sources can be filtered; long texts open in place. j/k move between events and Enter
 * opens the focused one.
 */
export function Timeline({ events, market, keyboard = true }: { events: readonly HistoryEvent[]; market: Market; keyboard?: boolean }) {
  const { t, i18n } = useTranslation();
  const [order, setOrder] = useStoredState<TimelineOrder>('ombud.timeline.order', 'oldest', parseOrder);
  const [sources, setSources] = useState<EventSource[]>([]);
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(() => new Set());
  const rootRef = useRef<HTMLDivElement>(null);

  const counts = useMemo(() => countBySource(events), [events]);
  const present = EVENT_SOURCES.filter((s) => counts.has(s));
  const sourceSet = useMemo(() => new Set(sources), [sources]);
  const groups = useMemo(() => groupByDay(events, marketTimeZone(market), order, sourceSet), [events, market, order, sourceSet]);
  const shown = groups.reduce((n, g) => n + g.events.length, 0);

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
  return (
    <section ref={rootRef} data-testid="timeline" aria-label={t('timeline.title')}>
      <Group className={classes.toolbar} gap="sm" py="xs" px="md" wrap="wrap" justify="space-between">
        <Group gap="sm" wrap="nowrap">
          <Title order={3}>{t('timeline.title')}</Title>
          <Text size="sm" c="dimmed" className="tabular" data-testid="timeline-count">
            {shown === events.length
              ? t('timeline.count', { count: events.length, n: formatCount(events.length, language) })
              : t('timeline.shown', { shown: formatCount(shown, language), total: formatCount(events.length, language) })}
          </Text>
        </Group>
        <Group gap="xs" wrap="wrap">
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
          {sources.length > 0 && (
            <Button variant="subtle" color="gray" leftSection={<IconFilterOff size={14} />} onClick={() => setSources([])}>
              {t('timeline.allSources')}
            </Button>
          )}
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
      <div style={{ padding: '0 var(--mantine-spacing-md) var(--mantine-spacing-xl)' }}>
        {events.length === 0 ? (
          <Text c="dimmed" size="sm" py="lg">
            {t('timeline.empty')}
          </Text>
        ) : groups.length === 0 ? (
          <Text c="dimmed" size="sm" py="lg">
            {t('timeline.noneForFilter')}
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
                <TimelineEvent key={event.id} event={event} market={market} expanded={expanded.has(event.id)} onToggle={toggle} />
              ))}
            </section>
          ))
        )}
      </div>
    </section>
  );
}
