import { MARKETS, type Market } from '../../shared/domain/market';
import {
  perMillion,
  type Cause,
  type CauseRow,
  type Causes,
  type ReviewNote,
  type ZeroMonth,
  type ZeroScope,
  type ZeroYear,
} from '../../shared/domain/zero';
import type { ChannelOutput, ChannelParsedInput } from '../../shared/ipc/contract';
import * as repo from '../db/repositories/zero.repository';
import { appendAudit } from './audit.service';
import { now, today, type ServiceContext } from './context';
import { ServiceError } from './errors';
import { refusal } from '../../shared/domain/refusals';

/**
 * The zero-complaints measure (Nollmissionsmåttet), the recurring causes behind complaints and the
 * monthly review notes. Everyone signed in reads; every role may write a review note, because the
 * complaints officer (the auditor role) is the one who reports what was changed.
 */

/** `YYYY-MM` plus `delta` months. */
export function addMonths(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + delta;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

function monthsFromTo(first: string, last: string): string[] {
  const out: string[] = [];
  for (let m = first; m <= last; m = addMonths(m, 1)) out.push(m);
  return out;
}

function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

/**
 * The measure for one market or (null) all markets together: per month, customer-service
 * complaints plus matters registered with authorities (by received date) per one million of the
 * month's purchases; per year, all complaints of the months with figures per one million of all
 * their purchases (the company's definition: "based on all purchases and complaints of the year").
 * A month without figures is missing (null), never 0. For all markets, a month is missing unless
 * every market that reports figures in that year has them for the month.
 */
export async function zeroComplaints(ctx: Pick<ServiceContext, 'store'>, market: Market | null): Promise<ZeroScope> {
  const [figures, matters] = await Promise.all([repo.monthlyFigures(ctx.store.db, market), repo.authorityMattersPerMonth(ctx.store.db, market)]);
  const fig = new Map(figures.map((f) => [`${f.month}|${f.market}`, f]));
  const auth = new Map<string, number>();
  for (const m of matters) auth.set(`${m.month}|${m.market}`, Number(m.n));
  const markets: readonly Market[] = market ? [market] : MARKETS;
  const reportingIn = new Map<string, Set<string>>();
  for (const f of figures) {
    const year = f.month.slice(0, 4);
    if (!reportingIn.has(year)) reportingIn.set(year, new Set());
    reportingIn.get(year)!.add(f.market);
  }
  const known = [...figures.map((f) => f.month), ...matters.map((m) => m.month)].sort();
  if (known.length === 0) return { market, months: [], years: [] };

  const months: ZeroMonth[] = monthsFromTo(known[0]!, known.at(-1)!).map((month) => {
    const authorityComplaints = markets.reduce((sum, mk) => sum + (auth.get(`${month}|${mk}`) ?? 0), 0);
    const reporting = market ? [market] : [...(reportingIn.get(month.slice(0, 4)) ?? [])].sort();
    const missingMarkets = (market ? [market] : MARKETS).filter((mk) => !fig.has(`${month}|${mk}`)) as Market[];
    const complete = reporting.length > 0 && reporting.every((mk) => fig.has(`${month}|${mk}`));
    if (!complete) {
      return { month, purchases: null, customerServiceComplaints: null, authorityComplaints, complaints: null, perMillion: null, missingMarkets };
    }
    const purchases = reporting.reduce((sum, mk) => sum + fig.get(`${month}|${mk}`)!.purchases, 0);
    const cs = reporting.reduce((sum, mk) => sum + fig.get(`${month}|${mk}`)!.customer_service_complaints, 0);
    // Only the reporting markets' matters: a market without purchases in the denominator adds nothing above it.
    const reportedMatters = reporting.reduce((sum, mk) => sum + (auth.get(`${month}|${mk}`) ?? 0), 0);
    const complaints = cs + reportedMatters;
    return { month, purchases, customerServiceComplaints: cs, authorityComplaints: reportedMatters, complaints, perMillion: perMillion(complaints, purchases), missingMarkets: [] };
  });

  const years: ZeroYear[] = [];
  for (const year of [...new Set(months.map((m) => Number(m.month.slice(0, 4))))]) {
    const ofYear = months.filter((m) => Number(m.month.slice(0, 4)) === year);
    const measured = ofYear.filter((m) => m.complaints !== null);
    if (measured.length === 0) continue;
    const complaints = measured.reduce((s, m) => s + m.complaints!, 0);
    const purchases = measured.reduce((s, m) => s + m.purchases!, 0);
    const row = Array.from({ length: 12 }, (_, i) => ofYear.find((m) => m.month === `${year}-${String(i + 1).padStart(2, '0')}`)?.perMillion ?? null);
    years.push({ year, months: row, perMillion: perMillion(complaints, purchases), complaints, purchases, monthsWithFigures: measured.length });
  }
  return { market, months, years };
}

function splitCause(cause: Cause): { kind: 'category' | 'flag'; code: string } {
  const [kind, code] = cause.split(':') as ['category' | 'flag', string];
  return { kind, code };
}

/**
 * Category and red-flag counts per month of received cases, over a window ending with `month`
 * (default: this month in Stockholm), and each cause this month against the three months before.
 */
export async function causes(ctx: ServiceContext, input: ChannelParsedInput<'stats:causes'>): Promise<Causes> {
  const month = input.month ?? today(ctx).slice(0, 7);
  const months = monthsFromTo(addMonths(month, -(input.window - 1)), month);
  const from = `${months[0]}-01`;
  const to = lastDayOf(month);
  const [categories, flags] = await Promise.all([
    repo.categoryCountsPerMonth(ctx.store.db, from, to, input.market),
    repo.flagCountsPerMonth(ctx.store.db, from, to, input.market),
  ]);
  const index = new Map(months.map((m, i) => [m, i]));
  const counts = new Map<Cause, number[]>();
  const cases = months.map(() => 0);
  const add = (cause: Cause, m: string, n: number) => {
    if (!counts.has(cause)) counts.set(cause, months.map(() => 0));
    counts.get(cause)![index.get(m)!]! += n;
  };
  for (const r of categories) {
    add(`category:${r.category}` as Cause, r.month, Number(r.n));
    cases[index.get(r.month)!]! += Number(r.n);
  }
  for (const r of flags) add(`flag:${r.code}` as Cause, r.month, Number(r.n));
  const last = months.length - 1;
  const rows: CauseRow[] = [...counts].map(([cause, c]) => {
    const lastThree = [c[last - 3]!, c[last - 2]!, c[last - 1]!];
    return { cause, counts: c, thisMonth: c[last]!, lastThree, lastThreeAverage: (lastThree[0]! + lastThree[1]! + lastThree[2]!) / 3 };
  });
  rows.sort((a, b) => b.thisMonth - a.thisMonth || b.lastThreeAverage - a.lastThreeAverage || a.cause.localeCompare(b.cause));
  return { market: input.market, month, previousMonths: [months[last - 3]!, months[last - 2]!, months[last - 1]!], months, cases, causes: rows };
}

/** The most cases one click-through lists; the count says when there are more. */
export const CAUSE_CASES_MAX = 500;

/** The cases behind one number on the dashboard: a cause in one or more months, newest first. */
export async function causeCases(ctx: ServiceContext, input: ChannelParsedInput<'stats:causeCases'>): Promise<ChannelOutput<'stats:causeCases'>> {
  const { kind, code } = splitCause(input.cause);
  const rows = await repo.casesForCause(ctx.store.db, kind, code, input.months, input.market, CAUSE_CASES_MAX + 1);
  return {
    rows: rows.slice(0, CAUSE_CASES_MAX).map((r) => ({
      id: r.id,
      number: r.number,
      customerName: r.customer_name,
      market: r.market as Market,
      category: r.category as ChannelOutput<'stats:causeCases'>['rows'][number]['category'],
      receivedDate: r.received_date,
      status: r.status as ChannelOutput<'stats:causeCases'>['rows'][number]['status'],
    })),
    truncated: rows.length > CAUSE_CASES_MAX,
  };
}

function toNote(r: Awaited<ReturnType<typeof repo.listReviewNotes>>[number]): ReviewNote {
  return {
    id: r.id,
    month: r.month,
    cause: r.cause as Cause,
    market: r.market as Market | null,
    notedOn: r.noted_on,
    text: r.text,
    author: r.author,
    createdAt: r.created_at,
  };
}

/** Review notes of the months in [from, to]; with a market, that market's notes and those for all markets. */
export async function reviewNotes(ctx: Pick<ServiceContext, 'store'>, input: { from: string; to: string; market: Market | null }): Promise<ReviewNote[]> {
  if (input.from > input.to) throw new ServiceError(refusal('period.reversed', { from: input.from, to: input.to }), `stats:reviewNotes: from: ${input.from} lies after to ${input.to}`);
  return (await repo.listReviewNotes(ctx.store.db, input.from, input.to, input.market)).map(toNote);
}

/**
 * Records what was changed in response to a cause, dated and linked to the month and cause it
 * answers. Notes are append-only (migration 12); the audit log gets a row in the same transaction.
 */
export async function addReviewNote(ctx: ServiceContext, input: ChannelParsedInput<'stats:addReviewNote'>): Promise<ReviewNote> {
  const day = today(ctx);
  if (input.month > day.slice(0, 7)) throw new ServiceError(refusal('reviewNote.futureMonth', { month: input.month }), `stats:addReviewNote: month: ${input.month} has not begun yet`);
  if (input.notedOn > day) throw new ServiceError(refusal('reviewNote.futureDay', { date: input.notedOn }), `stats:addReviewNote: notedOn: ${input.notedOn} lies after today (${day})`);
  const at = now(ctx).toISOString();
  return ctx.store.db.transaction().execute(async (trx) => {
    const id = await repo.insertReviewNote(trx, {
      month: input.month,
      cause: input.cause,
      market: input.market,
      noted_on: input.notedOn,
      text: input.text,
      created_by: ctx.user.id,
      created_at: at,
    });
    await appendAudit(trx, { at, userId: ctx.user.id, action: 'review_note.add', caseId: null, detail: { id, month: input.month, cause: input.cause, market: input.market } });
    const [row] = await repo.listReviewNotes(trx, input.month, input.month, null, id);
    return toNote(row!);
  });
}
