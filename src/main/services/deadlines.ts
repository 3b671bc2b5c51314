import { DEADLINE_KIND_RULES, DEFAULT_DEADLINE_POLICIES, type DeadlinePolicies } from '../../shared/domain/deadline-policy';
import type { Market } from '../../shared/domain/market';
import type { DEADLINE_KINDS } from '../../shared/domain/review';
import { addBusinessDays, businessDaysBetween, marketDay } from './calendar/business-days';

/**
 * Deadlines of a case, derived from its history: nothing about a clock is stored that the history
 * does not already say. Regulatory clocks (PSD2, the Danish representative's timers) never pause;
 * the internal target pauses while the case waits for the customer, and every pause is a
 * status-change event with who and why.
 */

export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export interface DeadlinePolicy {
  kind: DeadlineKind;
  businessDays: number;
  /** PSD2: with a holding reply sent before the deadline, the final answer may take this many days. */
  extendedDays?: number;
  /** Only an internal target may pause. */
  pausable: boolean;
  /** What meets the deadline. */
  metBy: 'acknowledgement' | 'decision';
}

/** A market's clocks from the settings: lengths are configured, what each kind is stays fixed in code. */
export function policiesFor(market: Market, settings: DeadlinePolicies): DeadlinePolicy[] {
  return settings[market].map((p) => ({
    kind: p.kind,
    businessDays: p.businessDays,
    ...(p.extendedDays !== undefined ? { extendedDays: p.extendedDays } : {}),
    pausable: DEADLINE_KIND_RULES[p.kind].pausable,
    metBy: DEADLINE_KIND_RULES[p.kind].metBy,
  }));
}

/** Defaults from the domain brief; the ombudsman can change them per market in settings. */
export const DEFAULT_POLICIES: Record<Market, DeadlinePolicy[]> = {
  SE: policiesFor('SE', DEFAULT_DEADLINE_POLICIES),
  DK: policiesFor('DK', DEFAULT_DEADLINE_POLICIES),
};

/** The part of a history event the clocks read. */
export interface ClockEvent {
  id: number;
  occurredAt: string;
  kind: string;
  data: { toStatus?: unknown; fromStatus?: unknown; letter?: unknown };
}

export interface Deadline {
  kind: DeadlineKind;
  /** The due date in the market's calendar, YYYY-MM-DD; null while a pausable clock is paused. */
  dueDate: string | null;
  /** Business days left from `today` (negative when overdue); null when met or paused. */
  daysLeft: number | null;
  extended: boolean;
  paused: boolean;
  /** Business days the clock has been paused in total. */
  pausedDays: number;
  /** When it was met (market date), or null. */
  metOn: string | null;
  /** Met after the due date. */
  metLate: boolean;
}

const ACKNOWLEDGED = new Set(['acknowledged', 'in_review', 'waiting_for_customer', 'decision_drafted', 'decision_issued', 'closed']);

const toStatus = (e: ClockEvent) => (e.kind === 'status_change' && typeof e.data.toStatus === 'string' ? e.data.toStatus : null);

/** The events that acknowledge, answer and hold a case, from events sorted oldest first. */
function milestoneEvents(events: readonly ClockEvent[]) {
  const acknowledged = events.find((e) => (toStatus(e) !== null && ACKNOWLEDGED.has(toStatus(e)!)) || e.kind === 'decision_issued');
  // A decision answers the customer; so does closing the case (withdrawn, settled), which ends every clock.
  const decided = events.find((e) => e.kind === 'decision_issued' || toStatus(e) === 'decision_issued' || toStatus(e) === 'closed');
  const holdingReply = events.find((e) => e.kind === 'letter_sent' && e.data.letter === 'holding_reply');
  return { acknowledged, decided, holdingReply };
}

/** The days (market calendar) a case was acknowledged, answered and sent a holding reply, as the clocks read them. */
export function caseMilestones(market: Market, events: readonly ClockEvent[]): { acknowledgedOn: string | null; answeredOn: string | null; holdingReplyOn: string | null } {
  const sorted = [...events].sort((a, b) => (a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : a.id - b.id));
  const { acknowledged, decided, holdingReply } = milestoneEvents(sorted);
  const day = (e: ClockEvent | undefined) => (e ? marketDay(e.occurredAt, market) : null);
  return { acknowledgedOn: day(acknowledged), answeredOn: day(decided), holdingReplyOn: day(holdingReply) };
}

export function computeDeadlines(input: {
  market: Market;
  receivedDate: string;
  events: readonly ClockEvent[];
  today: string;
  policies?: readonly DeadlinePolicy[];
}): Deadline[] {
  const { market, receivedDate, today } = input;
  const events = [...input.events].sort((a, b) => (a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : a.id - b.id));
  const policies = input.policies ?? DEFAULT_POLICIES[market];

  const { acknowledged, decided, holdingReply } = milestoneEvents(events);

  // Pauses: from a change to waiting_for_customer until the next change away from it.
  const pauses: { from: string; to: string | null }[] = [];
  for (const e of events) {
    const status = toStatus(e);
    if (status === null) continue;
    const open = pauses.at(-1);
    if (status === 'waiting_for_customer' && (!open || open.to !== null)) pauses.push({ from: marketDay(e.occurredAt, market), to: null });
    else if (status !== 'waiting_for_customer' && open && open.to === null) open.to = marketDay(e.occurredAt, market);
  }

  return policies.map((policy) => {
    const closed = events.find((e) => toStatus(e) === 'closed');
    const metEvent = policy.metBy === 'acknowledgement' ? (acknowledged ?? closed) : decided;
    const metOn = metEvent ? marketDay(metEvent.occurredAt, market) : null;
    const baseDue = addBusinessDays(market, receivedDate, policy.businessDays);
    // A holding reply extends PSD2's answer only when it was sent before the ordinary deadline.
    const holdingDay = holdingReply ? marketDay(holdingReply.occurredAt, market) : null;
    const extended = policy.extendedDays !== undefined && holdingDay !== null && holdingDay <= baseDue;
    let due = extended ? addBusinessDays(market, receivedDate, policy.extendedDays!) : baseDue;
    let pausedDays = 0;
    let paused = false;
    if (policy.pausable) {
      for (const p of pauses) {
        if (metOn !== null && p.from >= metOn) continue;
        const end = p.to ?? today;
        pausedDays += Math.max(0, businessDaysBetween(market, p.from, end));
        if (p.to === null) paused = true;
      }
      due = addBusinessDays(market, due, pausedDays);
    }
    const met = metOn !== null;
    return {
      kind: policy.kind,
      dueDate: paused && !met ? null : due,
      daysLeft: met || paused ? null : businessDaysBetween(market, today, due),
      extended,
      paused: paused && !met,
      pausedDays,
      metOn,
      metLate: met && metOn! > due,
    };
  });
}

/**
 * The latest day a holding reply may promise the final answer: the PSD2 clock's extended length
 * (the market's setting, at most the legal ceiling of DEADLINE_KIND_RULES) counted in business
 * days of the market's calendar from receipt. Null when the market has no extendable clock.
 * The case view shows it and sending a holding reply checks it: one rule, one place.
 */
export function latestHoldingReply(market: Market, receivedDate: string, policies: readonly DeadlinePolicy[]): { date: string; businessDays: number } | null {
  const psd2 = policies.find((p) => p.kind === 'psd2_final');
  const businessDays = psd2?.extendedDays ?? (psd2 ? DEADLINE_KIND_RULES.psd2_final.maxExtendedDays : undefined);
  return businessDays === undefined ? null : { date: addBusinessDays(market, receivedDate, businessDays), businessDays };
}

/** The deadline the inbox shows: the earliest one still running. */
export function nextDeadline(deadlines: readonly Deadline[]): Deadline | null {
  return deadlines.filter((d) => d.metOn === null && d.dueDate !== null).sort((a, b) => (a.dueDate! < b.dueDate! ? -1 : a.dueDate! > b.dueDate! ? 1 : 0))[0] ?? null;
}
