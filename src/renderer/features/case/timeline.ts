import type { EventSource, HistoryEvent } from '../../../shared/domain/history';
import { dayKey } from '../../lib/format';

export interface DayGroup {
  /** YYYY-MM-DD in the market's time zone. */
  day: string;
  events: HistoryEvent[];
}

export type TimelineOrder = 'oldest' | 'newest';

/**
 * Groups events by the calendar day on which they happened in the market's time zone (an
 * evening call in Stockholm belongs to that evening, not to the next UTC day), ordered by time.
 * Events at the same instant keep the order the store gave them.
 */
export function groupByDay(
  events: readonly HistoryEvent[],
  timeZone: string,
  order: TimelineOrder = 'oldest',
  sources?: ReadonlySet<EventSource>,
): DayGroup[] {
  const shown = events
    .map((event, position) => ({ event, position, at: Date.parse(event.occurredAt) }))
    .filter(({ event }) => !sources || sources.size === 0 || sources.has(event.source))
    .sort((a, b) => a.at - b.at || a.position - b.position);
  if (order === 'newest') shown.reverse();
  const groups: DayGroup[] = [];
  for (const { event } of shown) {
    const day = dayKey(event.occurredAt, timeZone);
    const last = groups[groups.length - 1];
    if (last && last.day === day) last.events.push(event);
    else groups.push({ day, events: [event] });
  }
  return groups;
}

/** How many events each source contributed, for the filter chips. */
export function countBySource(events: readonly HistoryEvent[]): Map<EventSource, number> {
  const counts = new Map<EventSource, number>();
  for (const e of events) counts.set(e.source, (counts.get(e.source) ?? 0) + 1);
  return counts;
}
