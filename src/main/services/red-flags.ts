import type { Market } from '../../shared/domain/market';
import type { RED_FLAG_CODES } from '../../shared/domain/review';
import { addBusinessDays, marketDay } from './calendar/business-days';

/**
 * Red flags: the stalling patterns the investigation of outsourced customer service described,
 * found in a case's history. Each flag names the events that raised it, so the ombudsman can
 * check the facts instead of trusting a score.
 */

export type RedFlagCode = (typeof RED_FLAG_CODES)[number];

export interface RedFlag {
  code: RedFlagCode;
  /** The events that raised the flag, oldest first. */
  eventIds: number[];
  /** Facts for the explanation text (counts, days), rendered by the UI in the user's language. */
  facts: Record<string, number | string>;
}

/** The part of a history event the rules read. */
export interface FlagEvent {
  id: number;
  occurredAt: string;
  kind: string;
  direction: string;
  orderRef: string | null;
  data: { promise?: unknown; technicalError?: unknown; outcome?: unknown; complaint?: unknown };
}

export interface FlagOptions {
  market: Market;
  /** Business days customer service has for its final answer (PSD2: 15). */
  finalAnswerDays?: number;
  /** Contacts about one purchase without resolution that count as going round in circles. */
  repeatedContacts?: number;
  /** Pauses and extensions of one invoice that count as stalling. */
  repeatedPauses?: number;
}

const CS_CONTACTS = new Set(['cs_call', 'cs_chat', 'cs_email']);
const DUNNING = new Set(['reminder', 'fee', 'debt_collection']);
const DISPUTE_OPEN = new Set(['dispute_opened', 'purchase_protection_claim']);
const PAUSES = new Set(['invoice_paused', 'invoice_pause_extended']);

function key(e: FlagEvent): string {
  return e.orderRef ?? '*';
}

/** Purchases (by order reference) with a dispute open at the moment of each event, in order. */
function openDisputes(events: FlagEvent[]): Map<number, Set<string>> {
  const open = new Set<string>();
  const at = new Map<number, Set<string>>();
  for (const e of events) {
    at.set(e.id, new Set(open));
    if (DISPUTE_OPEN.has(e.kind)) open.add(key(e));
    if (e.kind === 'dispute_closed') open.delete(key(e));
  }
  return at;
}

function disputeOpenFor(e: FlagEvent, openAt: Map<number, Set<string>>): boolean {
  const open = openAt.get(e.id);
  if (!open || open.size === 0) return false;
  // An event without an order reference concerns the case as a whole.
  return e.orderRef === null || open.has(e.orderRef) || open.has('*');
}

/** Finds every red flag in a history; `events` may come in any order. */
export function detectRedFlags(input: readonly FlagEvent[], options: FlagOptions): RedFlag[] {
  const events = [...input].sort((a, b) => (a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : a.id - b.id));
  const flags: RedFlag[] = [];
  const minContacts = options.repeatedContacts ?? 3;
  const minPauses = options.repeatedPauses ?? 3;

  // Going round in circles: many contacts about one purchase and no refund or resolution after them.
  const contacts = new Map<string, FlagEvent[]>();
  for (const e of events) {
    if (!CS_CONTACTS.has(e.kind) || e.direction !== 'inbound') continue;
    contacts.set(key(e), [...(contacts.get(key(e)) ?? []), e]);
  }
  for (const [ref, list] of contacts) {
    if (list.length < minContacts) continue;
    const first = list[0]!;
    const resolved = events.some(
      (e) => e.occurredAt > first.occurredAt && (e.orderRef === null || ref === '*' || e.orderRef === ref) && (e.kind === 'refund' || (e.kind === 'dispute_closed' && e.data.outcome === 'in_customer_favour')),
    );
    if (!resolved) flags.push({ code: 'repeated_contacts', eventIds: list.map((e) => e.id), facts: { count: list.length, orderRef: ref === '*' ? '' : ref } });
  }

  // Pausing again and again, or resuming and pausing anew, instead of deciding.
  const pauses = new Map<string, FlagEvent[]>();
  for (const e of events) {
    if (PAUSES.has(e.kind) || e.kind === 'invoice_resumed') pauses.set(key(e), [...(pauses.get(key(e)) ?? []), e]);
  }
  for (const [ref, list] of pauses) {
    const count = list.filter((e) => PAUSES.has(e.kind)).length;
    const repausedAfterResume = list.some((e, i) => e.kind === 'invoice_resumed' && list.slice(i + 1).some((later) => later.kind === 'invoice_paused'));
    if (count >= minPauses || repausedAfterResume) {
      flags.push({ code: 'repeated_pauses', eventIds: list.map((e) => e.id), facts: { count, orderRef: ref === '*' ? '' : ref } });
    }
  }

  const openAt = openDisputes(events);
  const dunning = events.filter((e) => DUNNING.has(e.kind) && disputeOpenFor(e, openAt));
  if (dunning.length > 0) flags.push({ code: 'collection_during_dispute', eventIds: dunning.map((e) => e.id), facts: { count: dunning.length } });

  const paid = events.filter((e) => e.kind === 'payment' && e.direction === 'inbound' && disputeOpenFor(e, openAt));
  if (paid.length > 0) flags.push({ code: 'paid_during_dispute', eventIds: paid.map((e) => e.id), facts: { count: paid.length } });

  const closedNoAnswer = events.filter((e) => e.kind === 'dispute_closed' && e.data.outcome === 'merchant_no_response');
  if (closedNoAnswer.length > 0) flags.push({ code: 'dispute_closed_no_merchant_response', eventIds: closedNoAnswer.map((e) => e.id), facts: { count: closedNoAnswer.length } });

  // A refund promised and never seen: no refund for the same purchase after the promise.
  const broken = events.filter(
    (p) => p.data.promise === 'refund' && !events.some((r) => r.kind === 'refund' && r.occurredAt >= p.occurredAt && (p.orderRef === null || r.orderRef === null || r.orderRef === p.orderRef)),
  );
  if (broken.length > 0) flags.push({ code: 'refund_promised_not_made', eventIds: broken.map((e) => e.id), facts: { count: broken.length } });

  const technical = events.filter((e) => e.data.technicalError === true);
  if (technical.length >= 2) flags.push({ code: 'repeated_technical_error', eventIds: technical.map((e) => e.id), facts: { count: technical.length } });

  // Customer service's final answer after its deadline, counted from the complaint: the contact
  // marked as the formal complaint when the source system says so, else the first inbound contact.
  const firstComplaint =
    events.find((e) => e.data.complaint === true) ?? events.find((e) => CS_CONTACTS.has(e.kind) && e.direction === 'inbound');
  const finalAnswer = events.find((e) => e.kind === 'cs_final_answer');
  if (firstComplaint && finalAnswer) {
    const days = options.finalAnswerDays ?? 15;
    const due = addBusinessDays(options.market, marketDay(firstComplaint.occurredAt, options.market), days);
    const answered = marketDay(finalAnswer.occurredAt, options.market);
    if (answered > due) flags.push({ code: 'late_final_answer', eventIds: [firstComplaint.id, finalAnswer.id], facts: { due, answered, days } });
  }

  return flags;
}
