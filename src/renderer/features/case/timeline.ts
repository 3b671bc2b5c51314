import type { EventKind, EventSource, HistoryEvent } from '../../../shared/domain/history';
import { dayKey } from '../../lib/format';

export interface DayGroup {
  /** YYYY-MM-DD in the market's time zone. */
  day: string;
  events: HistoryEvent[];
}

export type TimelineOrder = 'oldest' | 'newest';

/** Kinds of events as the reader thinks of them, for the "type" filter beside the sources. */
export const KIND_GROUPS = ['customer_service', 'invoice', 'merchant', 'documents', 'ombudsman', 'authority'] as const;
export type KindGroup = (typeof KIND_GROUPS)[number];

const GROUP_OF: Record<EventKind, KindGroup> = {
  cs_call: 'customer_service',
  cs_chat: 'customer_service',
  cs_email: 'customer_service',
  cs_final_answer: 'customer_service',
  invoice_issued: 'invoice',
  invoice_paused: 'invoice',
  invoice_pause_extended: 'invoice',
  invoice_resumed: 'invoice',
  reminder: 'invoice',
  fee: 'invoice',
  debt_collection: 'invoice',
  payment: 'invoice',
  refund: 'invoice',
  merchant_contact: 'merchant',
  dispute_opened: 'merchant',
  dispute_closed: 'merchant',
  purchase_protection_claim: 'merchant',
  document: 'documents',
  customer_escalation: 'ombudsman',
  note: 'ombudsman',
  info_request: 'ombudsman',
  status_change: 'ombudsman',
  assignment: 'ombudsman',
  decision_review: 'ombudsman',
  decision_issued: 'ombudsman',
  letter_exported: 'ombudsman',
  letter_sent: 'ombudsman',
  authority_correspondence: 'authority',
};

export function kindGroup(kind: EventKind): KindGroup {
  return GROUP_OF[kind];
}

/**
 * Groups events by the calendar day on which they happened in the market's time zone (an
 * evening call in Stockholm belongs to that evening, not to the next UTC day), ordered by time.
 * Events at the same instant keep the order the store gave them. `sources` (when not empty) and
 * `keep` filter the events.
 */
export function groupByDay(
  events: readonly HistoryEvent[],
  timeZone: string,
  order: TimelineOrder = 'oldest',
  sources?: ReadonlySet<EventSource>,
  keep?: (event: HistoryEvent) => boolean,
): DayGroup[] {
  const shown = events
    .map((event, position) => ({ event, position, at: Date.parse(event.occurredAt) }))
    .filter(({ event }) => (!sources || sources.size === 0 || sources.has(event.source)) && (!keep || keep(event)))
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

/** How many events each kind group holds. */
export function countByKindGroup(events: readonly HistoryEvent[]): Map<KindGroup, number> {
  const counts = new Map<KindGroup, number>();
  for (const e of events) counts.set(kindGroup(e.kind), (counts.get(kindGroup(e.kind)) ?? 0) + 1);
  return counts;
}
