import { CASE_STATUSES, type CaseStatus } from '../../shared/domain/case';
import { uniquePdf } from './attachments';
import { Rng, weighted } from './random';
import type { DecisionOutcome, LanguagePack, Pattern, TextCtx } from './text';
import { DAY, MINUTE, WINDOW, type EventBody } from './timeline';

/**
 * The ombudsman's office's own events after an escalation arrives: acknowledgement, assignment,
 * review notes, requests for information, draft, decision and letter, each with the status
 * changes that lead to the case's current status. Times are squeezed into the time between
 * receipt and the as-of date, so a case received yesterday can only be acknowledged.
 */

export interface Staff {
  id: number | null;
  name: string;
  /** Preferred market; cases of that market usually go to this person. */
  market?: string;
}

/** Older cases are further along; a few stay open long (waiting for the customer, complex review). */
export function statusForAge(rng: Rng, ageDays: number): CaseStatus {
  if (ageDays < 1) return rng.chance(0.7) ? 'received' : 'acknowledged';
  if (ageDays < 5) return rng.choose(EARLY);
  if (ageDays < 20) return rng.choose(RECENT);
  if (ageDays < 45) return rng.choose(MONTH);
  if (ageDays < 120) return rng.choose(QUARTER);
  return rng.choose(OLD);
}
const EARLY = weighted<CaseStatus>([['received', 25], ['acknowledged', 40], ['in_review', 35]]);
const RECENT = weighted<CaseStatus>([['acknowledged', 10], ['in_review', 45], ['waiting_for_customer', 25], ['decision_drafted', 20]]);
const MONTH = weighted<CaseStatus>([['in_review', 25], ['waiting_for_customer', 20], ['decision_drafted', 20], ['decision_issued', 20], ['closed', 15]]);
const QUARTER = weighted<CaseStatus>([['in_review', 5], ['waiting_for_customer', 5], ['decision_drafted', 5], ['decision_issued', 25], ['closed', 60]]);
const OLD = weighted<CaseStatus>([['in_review', 2], ['waiting_for_customer', 2], ['decision_issued', 8], ['closed', 88]]);

const STALLED_DECISION = weighted<DecisionOutcome>([['upheld', 45], ['partly_upheld', 40], ['not_upheld', 15]]);
const CLEAN_DECISION = weighted<DecisionOutcome>([['upheld', 10], ['partly_upheld', 25], ['not_upheld', 65]]);

export interface OfficeInput {
  rng: Rng;
  P: LanguagePack;
  c: TextCtx;
  status: CaseStatus;
  receivedAt: number;
  limit: number;
  assignee: Staff | null;
  ombudsman: Staff;
  patterns: ReadonlySet<Pattern>;
  contacts: number;
  /** Fee complaints get the fee-specific review note. */
  feeComplaint: boolean;
  /** Amounts a decision may award: everything claimed, or just the fees. */
  claimedMinor: number;
  feesMinor: number;
  currency: string;
  money: (minor: number) => string;
  date: (abs: number) => string;
}

interface Step {
  gap: number;
  render: () => EventBody;
  /** Called with the step's final time, before rendering, for texts that quote a later date. */
  onPlaced?: (t: number) => void;
}

const idx = (s: CaseStatus) => CASE_STATUSES.indexOf(s);

/** Office events in time order with absolute times, all after receipt and not after `limit`. */
export function officeEvents(o: OfficeInput): { t: number; event: EventBody }[] {
  const { rng, P, c, status } = o;
  const steps: Step[] = [];
  const who = o.assignee ?? o.ombudsman;
  const gap = (minDays: number, maxDays: number) => (minDays + rng.next() * (maxDays - minDays)) * DAY;
  /** A status change; `detail` adds a body and data when the change itself carries content (a draft). */
  const change = (
    from: CaseStatus,
    to: CaseStatus,
    minDays: number,
    maxDays: number,
    actor: Staff = who,
    detail?: () => { body: string; data: Record<string, unknown> },
  ): void => {
    steps.push({
      gap: gap(minDays, maxDays),
      render: () => {
        const extra = detail?.();
        return {
          kind: 'status_change', source: 'internal', direction: 'internal', actor: actor.name, actorUserId: actor.id,
          summary: P.statusChange(P.statusLabel[from], P.statusLabel[to]), body: extra?.body ?? '',
          data: { fromStatus: from, toStatus: to, ...extra?.data },
        };
      },
    });
  };
  const assign = (minDays: number, maxDays: number): void => {
    const assignee = o.assignee;
    if (!assignee) return;
    steps.push({
      gap: gap(minDays, maxDays),
      render: () => {
        c.person = assignee.name;
        return {
          kind: 'assignment', source: 'internal', direction: 'internal', actor: o.ombudsman.name, actorUserId: o.ombudsman.id,
          summary: P.assignment(c), body: '', data: { assigneeId: assignee.id, assignee: assignee.name },
        };
      },
    });
  };
  const note = (text: (c: TextCtx) => string, minDays: number, maxDays: number, data: Record<string, unknown>): void => {
    steps.push({
      gap: gap(minDays, maxDays),
      render: () => {
        c.count = o.contacts;
        const body = text(c);
        return { kind: 'note', source: 'internal', direction: 'internal', actor: who.name, actorUserId: who.id, summary: body.length > 90 ? `${body.slice(0, 87)}…` : body, body, data };
      },
    });
  };

  if (status === 'received') {
    assign(0.01, 0.5);
  } else {
    change('received', 'acknowledged', 0.05, 0.9);
    steps.push({
      gap: gap(0, 0.02),
      render: () => ({
        kind: 'letter_sent', source: 'mail', direction: 'outbound', actor: who.name, actorUserId: who.id,
        summary: P.ackLetter.summary(c), body: P.ackLetter.body(c), data: { letter: 'acknowledgement' },
      }),
    });
    assign(0, 1.5);
  }
  const final = idx(status);
  if (final >= idx('in_review')) {
    change('acknowledged', 'in_review', 0.2, 4);
    if (rng.chance(0.4)) note(rng.pick(P.noteGeneral), 0, 3, { noteType: 'review' });
    const waits = status === 'waiting_for_customer' || (final > idx('waiting_for_customer') && rng.chance(0.3));
    if (final >= idx('waiting_for_customer')) {
      const flagged = o.patterns.values().next();
      if (!flagged.done) {
        if (rng.chance(0.8)) note(P.noteFlag[flagged.value], 0.5, 5, { noteType: 'red_flag', pattern: flagged.value });
      } else if (rng.chance(0.5)) note(rng.pick(o.feeComplaint ? P.noteClean.fees : P.noteClean.general), 0.5, 5, { noteType: 'review' });
    }
    if (waits) {
      const what = rng.pick(P.infoWhat);
      let replyBy = 0;
      steps.push({
        gap: gap(1, 5),
        onPlaced: (t) => {
          replyBy = t + 14 * DAY;
        },
        render: () => {
          c.person = who.name;
          c.ref = what(c);
          c.date = o.date(replyBy);
          return {
            kind: 'info_request', source: 'mail', direction: 'outbound', actor: who.name, actorUserId: who.id,
            summary: P.infoRequest.summary(c), body: P.infoRequest.body(c), data: { requested: c.ref },
          };
        },
      });
      change('in_review', 'waiting_for_customer', 0, 0.01);
      if (final > idx('waiting_for_customer')) {
        steps.push({
          gap: gap(2, 10),
          render: () => ({
            kind: 'document', source: 'mail', direction: 'inbound', actor: c.name,
            summary: P.customerReply.summary(c), body: P.customerReply.body(c), data: { documentType: 'customer_reply' },
          }),
        });
        change('waiting_for_customer', 'in_review', 0, 1);
      }
    }
    if (status === 'closed' && rng.chance(0.2)) {
      // Settled or withdrawn before any decision: closed straight from review.
      note(rng.pick(P.noteSettled), 3, 20, { noteType: 'settled' });
      change('in_review', 'closed', 0, 0.05);
      return place(rng, steps, o.receivedAt, o.limit);
    }
    if (final >= idx('decision_drafted')) {
      // A refund that was promised and never paid is the clearest case for the customer.
      const outcome: DecisionOutcome = o.patterns.has('refundNotMade')
        ? 'upheld'
        : rng.choose(o.patterns.size > 0 ? STALLED_DECISION : CLEAN_DECISION);
      const awarded = outcome === 'upheld' ? o.claimedMinor : outcome === 'partly_upheld' ? o.feesMinor || Math.round(o.claimedMinor / 300) * 100 : 0;
      const texts = () => {
        c.money = o.money(awarded);
        c.person = o.ombudsman.name;
        return { label: P.decisionLabel[outcome], remedy: P.decisionRemedy[outcome](c) };
      };
      // The draft travels with the status change that hands it to the ombudsman.
      change('in_review', 'decision_drafted', 2, 12, who, () => {
        const { label, remedy } = texts();
        return { body: P.draftNote(c, label, remedy), data: { decision: outcome } };
      });
      if (final >= idx('decision_issued')) {
        steps.push({
          gap: gap(1, 6),
          render: () => {
            const { label, remedy } = texts();
            const data: Record<string, unknown> = { decision: outcome };
            if (awarded > 0) data.amount = { minor: awarded, currency: o.currency };
            return {
              kind: 'decision_issued', source: 'internal', direction: 'outbound', actor: o.ombudsman.name, actorUserId: o.ombudsman.id,
              summary: label, body: P.decisionBody(c, label, remedy), data,
            };
          },
        });
        // The decision letter is logged separately only when it went out as a document of its own.
        const letter = rng.chance(0.6);
        const attach = letter && rng.chance(0.35);
        if (letter) {
          steps.push({
            gap: gap(0, 0.05),
            render: () => {
              const { label, remedy } = texts();
              return {
                kind: 'letter_sent', source: 'mail', direction: 'outbound', actor: o.ombudsman.name, actorUserId: o.ombudsman.id,
                summary: P.decisionLetter.summary(c), body: P.decisionLetter.body(c), data: { letter: 'decision' },
                attachments: attach ? [uniquePdf(`${P.fileNames.decision}-${c.caseNo}.pdf`, P.decisionPdf(c, label, remedy))] : undefined,
              };
            },
          });
        }
        change('decision_drafted', 'decision_issued', 0, 0.01, o.ombudsman);
        if (status === 'closed') change('decision_issued', 'closed', 2, 25);
      }
    }
  }
  return place(rng, steps, o.receivedAt, o.limit);
}

/** Puts the steps on the calendar: office hours where possible, squeezed to fit before `limit`. */
function place(rng: Rng, steps: Step[], receivedAt: number, limit: number): { t: number; event: EventBody }[] {
  const total = steps.reduce((sum, s) => sum + s.gap, 0);
  const room = limit - receivedAt - 10 * MINUTE;
  const factor = total > room ? Math.max(room, 0) / total : 1;
  const [start, length] = WINDOW.office;
  const out: { t: number; event: EventBody }[] = [];
  let prev = receivedAt;
  let cumulative = 0;
  for (const step of steps) {
    cumulative += step.gap * factor;
    let t = receivedAt + cumulative;
    let snapped = Math.floor(t / DAY) * DAY + start + Math.floor(rng.next() * length);
    if (snapped <= prev) snapped += DAY;
    // Snap to office hours only when that keeps order, stays near the planned time and within
    // the as-of limit; in squeezed timelines the raw time is kept instead.
    if (factor === 1 && snapped > prev && snapped <= limit && snapped - t < 1.5 * DAY) t = snapped;
    if (t <= prev) t = prev + rng.int(1, 20) * MINUTE;
    if (t > limit) t = Math.max(prev, limit);
    prev = t;
    step.onPlaced?.(t);
    out.push({ t, event: step.render() });
  }
  return out;
}
