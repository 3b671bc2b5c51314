import { stringify } from 'csv-stringify/sync';
import { panelSchema, type Outcome, type RemedyKind } from '../../shared/domain/decision';
import type { Language, Market } from '../../shared/domain/market';
import { MARKETS } from '../../shared/domain/market';
import { toDecimal, type Money } from '../../shared/domain/money';
import type { DeadlineKind } from './deadlines';
import type { RegisterFigures, RegisterFormat, ReviewNote } from '../../shared/domain/zero';
import * as repo from '../db/repositories/zero.repository';
import { renderRegisterPdf } from '../export/register-pdf';
import { appendAudit } from './audit.service';
import { businessDaysBetween } from './calendar/business-days';
import { now, today, type ServiceContext } from './context';
import { caseMilestones, computeDeadlines, policiesFor, type ClockEvent } from './deadlines';
import { loadPolicyConfig } from './policy-config';
import { reviewNotes } from './zero.service';
import { anchorQuietly } from './anchor.service';

/**
 * The complaints register: one row per escalated case received in a year, with its dates, claims,
 * outcomes per claim, remedies, deadlines and authority matters, and the business-day figures per
 * market that management reads. Exported as CSV and as a PDF report.
 */

/** PSD2 art. 101: the final answer within 15 business days. */
export const ANSWER_WITHIN_DAYS = 15;

export interface RegisterClaim {
  position: number;
  text: string;
  amount: Money | null;
  outcome: Outcome | null;
  remedies: { kind: RemedyKind; amount: Money | null }[];
}

export interface RegisterRow {
  number: string;
  market: Market;
  receivedDate: string;
  acknowledgedOn: string | null;
  answeredOn: string | null;
  /** Business days of the market from receipt to the answer. */
  businessDaysToAnswer: number | null;
  products: string[];
  category: string;
  claims: RegisterClaim[];
  remedyTotal: Money | null;
  holdingReply: boolean;
  deadlines: { kind: DeadlineKind; dueDate: string | null; metOn: string | null; state: 'met' | 'late' | 'overdue' | 'running' }[];
  /** yes: every deadline met in time; no: one met late or overdue; pending: some still running. */
  deadlinesMet: 'yes' | 'no' | 'pending';
  matters: { authority: string; reference: string; receivedDate: string; outcome: string | null; compliance: string | null }[];
}

export interface RegisterReport {
  year: number;
  market: Market | null;
  asOf: string;
  rows: RegisterRow[];
  figures: RegisterFigures[];
  notes: ReviewNote[];
}

/** Nearest-rank percentile: the smallest value with at least p of the values at or below it. */
export function nearestRank(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

function parseData(data: string): ClockEvent['data'] {
  try {
    return JSON.parse(data) as ClockEvent['data'];
  } catch {
    return {};
  }
}

/** The register of the cases received in `year` (optionally one market), as of today. */
export async function registerReport(ctx: ServiceContext, input: { year: number; market: Market | null }): Promise<RegisterReport> {
  const db = ctx.store.db;
  const asOf = today(ctx);
  const cases = await repo.registerCases(db, `${input.year}-01-01`, `${input.year}-12-31`, input.market);
  const ids = cases.map((c) => c.id);
  const [events, claims, products, decisions, matters, config] = await Promise.all([
    repo.registerClockEvents(db, ids),
    repo.registerClaims(db, ids),
    repo.registerProducts(db, ids),
    repo.registerDecisions(db, ids),
    repo.registerMatters(db, ids),
    loadPolicyConfig(db),
  ]);
  const group = <T extends { case_id: number }>(rows: T[]) => {
    const map = new Map<number, T[]>();
    for (const r of rows) (map.get(r.case_id) ?? map.set(r.case_id, []).get(r.case_id)!).push(r);
    return map;
  };
  const eventsOf = group(events);
  const claimsOf = group(claims);
  const productsOf = group(products);
  const decisionsOf = group(decisions);
  const mattersOf = group(matters);

  const rows: RegisterRow[] = cases.map((c) => {
    const market = c.market as Market;
    const clock: ClockEvent[] = (eventsOf.get(c.id) ?? []).map((e) => ({ id: e.id, occurredAt: e.occurred_at, kind: e.kind, data: parseData(e.data) }));
    const { acknowledgedOn, answeredOn, holdingReplyOn } = caseMilestones(market, clock);
    const deadlines = computeDeadlines({ market, receivedDate: c.received_date, events: clock, today: asOf, policies: policiesFor(market, config.policies) }).map((d) => ({
      kind: d.kind,
      dueDate: d.dueDate,
      metOn: d.metOn,
      state: d.metOn !== null ? (d.metLate ? ('late' as const) : ('met' as const)) : d.daysLeft !== null && d.daysLeft < 0 ? ('overdue' as const) : ('running' as const),
    }));
    // The latest issued decision is the one in force (a correction comes after what it corrects).
    const latest = decisionsOf.get(c.id)?.at(-1);
    const panel = latest ? panelSchema.safeParse(JSON.parse(latest.panel)) : null;
    const assessments = new Map((panel?.success ? panel.data.claims : []).map((a) => [a.claimId, a]));
    let remedyMinor = 0;
    let remedyCurrency: string | null = null;
    const rowClaims: RegisterClaim[] = (claimsOf.get(c.id) ?? []).map((cl) => {
      const a = assessments.get(cl.id);
      const remedies = (a?.remedies ?? []).map((r) => ({ kind: r.kind, amount: r.amount }));
      for (const r of remedies) {
        if (r.amount) {
          remedyMinor += r.amount.minor;
          remedyCurrency = r.amount.currency;
        }
      }
      return {
        position: cl.position,
        text: cl.text,
        amount: cl.amount_minor === null ? null : { minor: cl.amount_minor, currency: cl.currency ?? c.claim_currency ?? '' },
        outcome: a?.outcome ?? null,
        remedies,
      };
    });
    return {
      number: c.number,
      market,
      receivedDate: c.received_date,
      acknowledgedOn,
      answeredOn,
      businessDaysToAnswer: answeredOn === null ? null : Math.max(0, businessDaysBetween(market, c.received_date, answeredOn)),
      products: (productsOf.get(c.id) ?? []).map((p) => p.product),
      category: c.category,
      claims: rowClaims,
      remedyTotal: remedyCurrency === null ? null : { minor: remedyMinor, currency: remedyCurrency },
      holdingReply: holdingReplyOn !== null,
      deadlines,
      deadlinesMet: deadlines.some((d) => d.state === 'late' || d.state === 'overdue') ? 'no' : deadlines.every((d) => d.state === 'met') ? 'yes' : 'pending',
      matters: (mattersOf.get(c.id) ?? []).map((m) => ({ authority: m.authority, reference: m.reference, receivedDate: m.received_date, outcome: m.outcome, compliance: m.compliance })),
    };
  });

  const figures = (input.market ? [input.market] : MARKETS).map((market) => registerFigures(market, rows.filter((r) => r.market === market), asOf));
  const notes = await reviewNotes(ctx, { from: `${input.year}-01`, to: `${input.year}-12`, market: input.market });
  return { year: input.year, market: input.market, asOf, rows, figures, notes };
}

/**
 * A market's business-day figures. "Answered within 15 business days" is counted over the cases
 * whose result is known: answered ones, and unanswered ones already past 15 business days.
 */
export function registerFigures(market: Market, rows: readonly RegisterRow[], asOf: string): RegisterFigures {
  const days = rows.filter((r) => r.businessDaysToAnswer !== null).map((r) => r.businessDaysToAnswer!).sort((a, b) => a - b);
  const within = days.filter((d) => d <= ANSWER_WITHIN_DAYS).length;
  const lateOpen = rows.filter((r) => r.answeredOn === null && businessDaysBetween(market, r.receivedDate, asOf) > ANSWER_WITHIN_DAYS).length;
  const known = days.length + lateOpen;
  return {
    market,
    cases: rows.length,
    answered: days.length,
    answeredWithin15: within,
    answeredWithin15Share: known === 0 ? null : within / known,
    holdingReplies: rows.filter((r) => r.holdingReply).length,
    averageDaysToDecision: days.length === 0 ? null : days.reduce((s, d) => s + d, 0) / days.length,
    p90DaysToDecision: nearestRank(days, 0.9),
  };
}

const money = (m: Money | null) => (m === null ? '' : `${toDecimal(m)} ${m.currency}`);

/** The register as CSV (RFC 4180, UTF-8 with a BOM so spreadsheet programs read å/ä/ö): one row per case. */
export function registerCsv(report: RegisterReport): string {
  const csv = stringify(
    report.rows.map((r) => [
      r.number,
      r.market,
      r.receivedDate,
      r.acknowledgedOn ?? '',
      r.answeredOn ?? '',
      r.businessDaysToAnswer ?? '',
      r.products.join(' '),
      r.category,
      r.claims.map((c) => `${c.position}: ${c.text}${c.amount ? ` (${money(c.amount)})` : ''}`).join(' | '),
      r.claims.map((c) => `${c.position}: ${c.outcome ?? 'pending'}`).join(' | '),
      r.claims
        .filter((c) => c.remedies.length > 0)
        .map((c) => `${c.position}: ${c.remedies.map((x) => (x.amount ? `${x.kind} ${money(x.amount)}` : x.kind)).join(', ')}`)
        .join(' | '),
      money(r.remedyTotal),
      r.holdingReply ? 'yes' : 'no',
      r.deadlinesMet,
      r.deadlines.map((d) => `${d.kind}: ${d.state}${d.dueDate ? ` (due ${d.dueDate})` : ''}`).join(' | '),
      r.matters.map((m) => `${m.authority} ${m.reference}`).join(' | '),
      r.matters.map((m) => `${m.authority} ${m.reference}: ${m.outcome ?? 'pending'}${m.compliance ? ` (${m.compliance})` : ''}`).join(' | '),
    ]),
    {
      header: true,
      columns: [
        'number',
        'market',
        'received',
        'acknowledged',
        'answered',
        'business_days_to_answer',
        'product',
        'category',
        'claims',
        'outcomes',
        'remedies',
        'remedy_total',
        'holding_reply',
        'deadlines_met',
        'deadlines',
        'authority_references',
        'authority_outcomes',
      ],
    },
  );
  return `\uFEFF${csv}`;
}

/**
 * Renders the register as CSV or PDF and books the export in the audit log. Any signed-in role may
 * export it: the complaints officer's report is read-only.
 */
export async function exportRegister(
  ctx: ServiceContext,
  input: { year: number; market: Market | null; format: RegisterFormat; language: Language },
): Promise<{ fileName: string; content: Buffer; cases: number }> {
  const report = await registerReport(ctx, input);
  const content = input.format === 'csv' ? Buffer.from(registerCsv(report), 'utf8') : await renderRegisterPdf(report, input.language);
  const fileName = `klagomalsregister-${input.year}${input.market ? `-${input.market}` : ''}.${input.format}`;
  await appendAudit(ctx.store.db, {
    at: now(ctx).toISOString(),
    userId: ctx.user.id,
    action: 'register.export',
    caseId: null,
    detail: { year: input.year, market: input.market, format: input.format, cases: report.rows.length },
  });
  await anchorQuietly(ctx.store, 'export');
  return { fileName, content, cases: report.rows.length };
}
