import { z } from 'zod';
import {
  authoritySchema,
  DEFAULT_AUTHORITIES,
  MATTER_OUTCOMES,
  RECOMMENDING_OUTCOMES,
  type ArnStats,
  type Authority,
  type Matter,
  type MatterOutcome,
  type RegisterMatterInput,
} from '../../shared/domain/authority';
import { isCalendarDate } from '../../shared/domain/dates';
import { MARKET_INFO, type Market } from '../../shared/domain/market';
import { parseDecimal, type Money } from '../../shared/domain/money';
import type { ChannelParsedInput } from '../../shared/ipc/contract';
import type { Db } from '../db/connection';
import { findCaseById } from '../db/repositories/case.repository';
import { appendEvent } from '../db/repositories/history.repository';
import * as repo from '../db/repositories/matter.repository';
import { readSetting, writeSetting } from '../db/repositories/settings.repository';
import { appendAudit } from './audit.service';
import { publishChange } from './changes';
import { addBusinessDays, addCalendarDays, businessDaysBetween } from './calendar/business-days';
import { now, today, type ServiceContext } from './context';
import { notFound, ServiceError } from './errors';
import { refusal } from '../../shared/domain/refusals';

/**
 * Complaints that reached an authority. Registering, the response being sent, the outcome and
 * compliance each append an event to the case's history and an audit row; the matter row holds
 * the current state. Handlers and the ombudsman write; auditors read.
 */

const AUTHORITIES_KEY = 'authorities.list';
const authorityListSchema = z.array(authoritySchema).min(1).max(30);

/** Business days ahead that count as "due soon". */
export const DUE_SOON_DAYS = 10;

export async function listAuthorities(ctx: Pick<ServiceContext, 'store'>): Promise<Authority[]> {
  return (await readSetting(ctx.store.db, AUTHORITIES_KEY, authorityListSchema)) ?? DEFAULT_AUTHORITIES.map((a) => ({ ...a }));
}

export async function setAuthorities(ctx: ServiceContext, list: Authority[]): Promise<Authority[]> {
  if (ctx.user.role !== 'ombudsman') throw new ServiceError(refusal('role.ombudsmanOnly'), 'Only the ombudsman may change the list of authorities.');
  const codes = new Set<string>();
  list.forEach((a, i) => {
    if (codes.has(a.code)) throw new ServiceError(refusal('authorities.duplicate', { authority: a.code }), `settings:setAuthorities: authorities.${i}.code: ${a.code} is listed twice`);
    codes.add(a.code);
  });
  await ctx.store.db.transaction().execute(async (trx) => {
    const used = await trx.selectFrom('authority_matters').select('authority').distinct().execute();
    const missing = used.map((u) => u.authority).filter((code) => !codes.has(code));
    if (missing.length > 0) {
      throw new ServiceError(refusal('authorities.inUse', { authorities: missing.join(', ') }), `Matters are registered with ${missing.join(', ')}; an authority in use cannot be removed from the list.`);
    }
    await writeSetting(trx, AUTHORITIES_KEY, list);
    await appendAudit(trx, { at: now(ctx).toISOString(), userId: ctx.user.id, action: 'settings.authorities', caseId: null, detail: { codes: [...codes] } });
  });
  return list;
}

function requireWriter(ctx: ServiceContext): void {
  if (ctx.user.role === 'auditor') throw new ServiceError(refusal('role.auditorReadOnly'), 'An auditor may read authority matters but not change them.');
}

function money(minor: number | null, currency: string): Money | null {
  return minor === null ? null : { minor, currency };
}

function amount(channel: string, field: string, text: string | null, currency: string): number | null {
  if (text === null || text === '') return null;
  try {
    const value = parseDecimal(text.replace(/\s/g, '').replace(',', '.'), currency);
    if (value.minor < 0) throw new Error('must not be negative');
    return value.minor;
  } catch (error) {
    throw new ServiceError(refusal('input.amount', { field, value: text }), `${channel}: ${field}: ${(error as Error).message}`);
  }
}

/** ARN: after a recommendation the consumer has one month to report non-compliance, then the company two weeks. */
export function followUpDates(decidedOn: string): { consumerReportBy: string; companyAnswerBy: string } {
  const [y, m, d] = decidedOn.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const consumerReportBy = new Date(Date.UTC(y, m, Math.min(d, lastDay))).toISOString().slice(0, 10);
  return { consumerReportBy, companyAnswerBy: addCalendarDays(consumerReportBy, 14) };
}

/**
 * A figure computed from a stored date. A row written before dates were checked as real calendar
 * dates (e.g. `2026-02-30`) must not break the list for every user: the figure is left out and the
 * row named in the log, so `ombud matters` and the register screen keep working and the row can
 * be found and corrected.
 */
function tolerant<T>(row: repo.MatterRow, column: string, compute: () => T): T | null {
  if (!isCalendarDate(String(row[column as keyof repo.MatterRow]))) {
    console.warn(`authority_matters row ${row.id}: ${column} "${String(row[column as keyof repo.MatterRow])}" is not a calendar date; its figures are left out`);
    return null;
  }
  try {
    return compute();
  } catch (error) {
    console.warn(`authority_matters row ${row.id}: ${column}: ${(error as Error).message}`);
    return null;
  }
}

function toView(row: repo.MatterRow, authorities: Authority[], day: string): Matter {
  const market = row.market as Market;
  const currency = row.claim_currency ?? MARKET_INFO[market].currency;
  const open = row.status === 'registered' && row.response_due !== null;
  const recommending = row.outcome !== null && RECOMMENDING_OUTCOMES.includes(row.outcome as MatterOutcome);
  return {
    id: row.id,
    caseId: row.case_id,
    caseNumber: row.case_number,
    revision: row.revision,
    customerName: row.customer_name,
    market,
    authority: row.authority,
    authorityName: authorities.find((a) => a.code === row.authority)?.name ?? row.authority,
    reference: row.reference,
    receivedDate: row.received_date,
    responseDue: row.response_due,
    daysLeft: open ? tolerant(row, 'response_due', () => businessDaysBetween(market, day, row.response_due!)) : null,
    claimText: row.claim_text,
    claimAmount: money(row.claim_amount_minor, currency),
    questions: JSON.parse(row.questions) as string[],
    documents: JSON.parse(row.documents) as string[],
    status: row.status as Matter['status'],
    responseSentOn: row.response_sent_on,
    outcome: row.outcome as Matter['outcome'],
    decidedOn: row.decided_on,
    recommendation: row.recommendation,
    outcomeAmount: money(row.outcome_amount_minor, currency),
    compliance: row.compliance as Matter['compliance'],
    compliedOn: row.complied_on,
    paid: money(row.paid_minor, currency),
    followUp: recommending && row.decided_on ? tolerant(row, 'decided_on', () => followUpDates(row.decided_on!)) : null,
    registeredBy: row.registered_by_name,
  };
}

async function load(db: Db, id: number): Promise<repo.MatterRow> {
  const row = await repo.findMatter(db, id);
  if (!row) throw notFound(`Authority matter ${id}`);
  return row;
}

async function history(ctx: ServiceContext, trx: Db, caseId: number, summary: string, body: string, data: Record<string, unknown>, direction: 'inbound' | 'outbound' | 'internal') {
  await appendEvent(trx, {
    case_id: caseId,
    occurred_at: now(ctx).toISOString(),
    kind: 'authority_correspondence',
    source: 'authority',
    direction,
    actor: ctx.user.name,
    actor_user_id: ctx.user.id,
    summary,
    body,
    data: JSON.stringify(data),
  });
}

export async function registerMatter(ctx: ServiceContext, input: RegisterMatterInput): Promise<Matter> {
  requireWriter(ctx);
  const authorities = await listAuthorities(ctx);
  const authority = authorities.find((a) => a.code === input.authority);
  if (!authority) throw new ServiceError(refusal('matter.unknownAuthority', { authority: input.authority }), `matters:register: authority: ${input.authority} is not in the list of authorities (${authorities.map((a) => a.code).join(', ')})`);
  const day = today(ctx);
  if (input.receivedDate > day) throw new ServiceError(refusal('matter.receivedInFuture'), 'matters:register: receivedDate: lies in the future');
  if (input.responseDue !== null && input.responseDue < input.receivedDate) {
    throw new ServiceError(refusal('matter.dueBeforeReceived'), 'matters:register: responseDue: is before the date the matter was received');
  }
  const at = now(ctx).toISOString();
  return ctx.store.db.transaction().execute(async (trx) => {
    const kase = await findCaseById(trx, input.caseId);
    if (!kase) throw notFound(`Case ${input.caseId}`);
    const currency = kase.claim_currency ?? MARKET_INFO[kase.market as Market].currency;
    const claimMinor = amount('matters:register', 'claimAmount', input.claimAmount, currency);
    const existing = await repo.findMatterByReference(trx, input.authority, input.reference);
    if (existing) throw new ServiceError(refusal('matter.exists', { authority: input.authority, reference: input.reference }), `${input.authority} ${input.reference} is already registered (on case ${existing.case_id}).`);
    const id = await repo.insertMatter(trx, {
      case_id: input.caseId,
      authority: input.authority,
      reference: input.reference,
      received_date: input.receivedDate,
      response_due: input.responseDue,
      claim_text: input.claimText,
      claim_amount_minor: claimMinor,
      claim_currency: claimMinor === null ? null : currency,
      questions: JSON.stringify(input.questions),
      documents: JSON.stringify(input.documents),
      registered_by: ctx.user.id,
      created_at: at,
      updated_at: at,
    });
    await history(
      ctx,
      trx,
      input.caseId,
      `${authority.name} ${input.reference}`,
      [input.claimText, ...input.questions.map((q, i) => `${i + 1}. ${q}`)].join('\n'),
      { matterId: id, authority: input.authority, reference: input.reference, action: 'registered', responseDue: input.responseDue },
      'inbound',
    );
    await appendAudit(trx, { at, userId: ctx.user.id, action: 'matter.register', caseId: input.caseId, detail: { matterId: id, authority: input.authority, reference: input.reference } });
    // The answer is built inside the transaction: should it fail, nothing stays written.
    return toView(await load(trx, id), authorities, day);
  });
}

export async function getMatter(ctx: ServiceContext, id: number): Promise<Matter> {
  return toView(await load(ctx.store.db, id), await listAuthorities(ctx), today(ctx));
}

export async function caseMatters(ctx: ServiceContext, caseId: number): Promise<{ rows: Matter[]; today: string }> {
  const authorities = await listAuthorities(ctx);
  const day = today(ctx);
  return { rows: (await repo.listCaseMatters(ctx.store.db, caseId)).map((r) => toView(r, authorities, day)), today: day };
}

export async function listMatters(ctx: ServiceContext, input: ChannelParsedInput<'matters:list'>): Promise<{ rows: Matter[]; total: number; today: string }> {
  const day = today(ctx);
  const filter: repo.MatterFilter = { authority: input.authority, status: input.status };
  if (input.due === 'soon') filter.dueBy = { SE: addBusinessDays('SE', day, DUE_SOON_DAYS), DK: addBusinessDays('DK', day, DUE_SOON_DAYS) };
  if (input.due === 'overdue') filter.dueBy = { SE: addCalendarDays(day, -1), DK: addCalendarDays(day, -1) };
  const authorities = await listAuthorities(ctx);
  const [rows, total] = await Promise.all([repo.listMatters(ctx.store.db, filter, input.offset, input.limit), repo.countMatters(ctx.store.db, filter)]);
  return { rows: rows.map((r) => toView(r, authorities, day)), total, today: day };
}

/**
 * One step on a matter in one transaction. With `baseRevision` it is a compare-and-set: a matter
 * a colleague changed since is refused with a `conflict` whose details hold what this session
 * asked for (`mine`) and the matter as it now is (`theirs`).
 */
async function change(
  ctx: ServiceContext,
  input: { matterId: number; baseRevision?: number | undefined },
  action: string,
  work: (row: repo.MatterRow, trx: Db, at: string) => Promise<void>,
): Promise<Matter> {
  requireWriter(ctx);
  const authorities = await listAuthorities(ctx);
  const matterId = input.matterId;
  const { view, caseId } = await ctx.store.db.transaction().execute(async (trx) => {
    const row = await load(trx, matterId);
    if (input.baseRevision !== undefined && row.revision !== input.baseRevision) {
      const { matterId: _id, baseRevision: _base, ...mine } = input;
      throw new ServiceError(refusal('matter.changed'), `Someone recorded a step on ${row.authority} ${row.reference} (revision ${row.revision}) after you opened revision ${input.baseRevision}; nothing of yours was written.`, {
        subject: 'matter',
        matterId,
        mine: { revision: input.baseRevision, action, ...mine },
        theirs: { revision: row.revision, status: row.status, responseSentOn: row.response_sent_on, outcome: row.outcome, compliance: row.compliance, at: row.updated_at },
      });
    }
    const at = now(ctx).toISOString();
    await work(row, trx, at);
    await repo.bumpMatterRevision(trx, row.id);
    await appendAudit(trx, { at, userId: ctx.user.id, action, caseId: row.case_id, detail: { matterId } });
    // The answer is built inside the transaction: should it fail, nothing stays written.
    return { view: toView(await load(trx, matterId), authorities, today(ctx)), caseId: row.case_id };
  });
  publishChange(ctx.store, { kind: 'matter', caseId, by: ctx.user.id });
  return view;
}

export async function recordResponseSent(ctx: ServiceContext, input: ChannelParsedInput<'matters:recordResponseSent'>): Promise<Matter> {
  return change(ctx, input, 'matter.response_sent', async (row, trx, at) => {
    if (row.status !== 'registered') throw new ServiceError(refusal('matter.responseRecorded', { authority: row.authority, reference: row.reference }), `The response to ${row.authority} ${row.reference} is already recorded.`);
    if (input.sentOn < row.received_date || input.sentOn > today(ctx)) {
      throw new ServiceError(refusal('matter.sentOnRange'), 'matters:recordResponseSent: sentOn: must lie between the day the matter arrived and today');
    }
    await repo.updateMatter(trx, row.id, { status: 'response_sent', response_sent_on: input.sentOn, updated_at: at });
    const late = row.response_due !== null && input.sentOn > row.response_due;
    await history(ctx, trx, row.case_id, `${row.authority} ${row.reference}`, '', { matterId: row.id, action: 'response_sent', sentOn: input.sentOn, late }, 'outbound');
  });
}

export async function recordOutcome(ctx: ServiceContext, input: ChannelParsedInput<'matters:recordOutcome'>): Promise<Matter> {
  return change(ctx, input, 'matter.outcome', async (row, trx, at) => {
    if (row.outcome !== null) throw new ServiceError(refusal('matter.outcomeRecorded', { authority: row.authority, reference: row.reference, outcome: row.outcome }), `The outcome of ${row.authority} ${row.reference} is already recorded (${row.outcome}).`);
    if (input.decidedOn < row.received_date || input.decidedOn > today(ctx)) {
      throw new ServiceError(refusal('matter.decidedOnRange'), 'matters:recordOutcome: decidedOn: must lie between the day the matter arrived and today');
    }
    const recommending = RECOMMENDING_OUTCOMES.includes(input.outcome);
    if (recommending && input.recommendation.trim() === '') {
      throw new ServiceError(refusal('matter.recommendationNeeded'), 'matters:recordOutcome: recommendation: an upheld or partly upheld matter needs the recommendation’s text');
    }
    const currency = row.claim_currency ?? row.case_currency ?? MARKET_INFO[row.market as Market].currency;
    const minor = amount('matters:recordOutcome', 'amount', input.amount, currency);
    await repo.updateMatter(trx, row.id, {
      status: recommending ? 'decided' : 'closed',
      outcome: input.outcome,
      decided_on: input.decidedOn,
      recommendation: input.recommendation || null,
      outcome_amount_minor: minor,
      claim_currency: row.claim_currency ?? (minor === null ? null : currency),
      updated_at: at,
    });
    await history(ctx, trx, row.case_id, `${row.authority} ${row.reference}: ${input.outcome}`, input.recommendation, { matterId: row.id, action: 'outcome', outcome: input.outcome, decidedOn: input.decidedOn }, 'inbound');
  });
}

export async function recordCompliance(ctx: ServiceContext, input: ChannelParsedInput<'matters:recordCompliance'>): Promise<Matter> {
  return change(ctx, input, 'matter.compliance', async (row, trx, at) => {
    if (row.outcome === null || !RECOMMENDING_OUTCOMES.includes(row.outcome as MatterOutcome)) {
      throw new ServiceError(refusal('matter.noRecommendation', { authority: row.authority, reference: row.reference }), `${row.authority} ${row.reference} has no recommendation to comply with.`);
    }
    if (row.compliance !== null) throw new ServiceError(refusal('matter.complianceRecorded', { authority: row.authority, reference: row.reference }), `Compliance with ${row.authority} ${row.reference} is already recorded.`);
    if (input.compliance !== 'not_followed' && input.compliedOn === null) {
      throw new ServiceError(refusal('matter.compliedOnNeeded'), 'matters:recordCompliance: compliedOn: needed when the recommendation was followed');
    }
    if (input.compliedOn !== null && (input.compliedOn < row.decided_on! || input.compliedOn > today(ctx))) {
      throw new ServiceError(refusal('matter.compliedOnRange'), 'matters:recordCompliance: compliedOn: must lie between the outcome and today');
    }
    const currency = row.claim_currency ?? row.case_currency ?? MARKET_INFO[row.market as Market].currency;
    const paid = amount('matters:recordCompliance', 'paid', input.paid, currency);
    await repo.updateMatter(trx, row.id, {
      status: 'closed',
      compliance: input.compliance,
      complied_on: input.compliedOn,
      paid_minor: paid,
      claim_currency: row.claim_currency ?? (paid === null ? null : currency),
      updated_at: at,
    });
    await history(ctx, trx, row.case_id, `${row.authority} ${row.reference}: ${input.compliance}`, input.note, { matterId: row.id, action: 'compliance', compliance: input.compliance }, 'outbound');
  });
}

/** The yearly statistics for one authority (ARN by default), by the matters' received date. */
export async function authorityStats(ctx: Pick<ServiceContext, 'store'>, year: number, authority = 'ARN'): Promise<ArnStats> {
  const rows = await repo.mattersReceivedIn(ctx.store.db, authority, `${year}-01-01`, `${year}-12-31`);
  const byOutcome = Object.fromEntries(MATTER_OUTCOMES.map((o) => [o, 0])) as Record<MatterOutcome, number>;
  let pending = 0;
  let recommendations = 0;
  let followed = 0;
  let complianceKnown = 0;
  for (const r of rows) {
    if (r.outcome === null) pending += 1;
    else byOutcome[r.outcome as MatterOutcome] += 1;
    if (r.outcome !== null && RECOMMENDING_OUTCOMES.includes(r.outcome as MatterOutcome)) {
      recommendations += 1;
      if (r.compliance !== null) complianceKnown += 1;
      if (r.compliance === 'followed') followed += 1;
    }
  }
  // ARN's published shape: settled ones (förlikning, avskrivning) apart from those decided on the merits.
  const settled = byOutcome.settled + byOutcome.written_off;
  const decided = byOutcome.upheld + byOutcome.partly_upheld + byOutcome.rejected + byOutcome.dismissed;
  return {
    year,
    authority,
    registered: rows.length,
    pending,
    settled,
    decided,
    byOutcome,
    recommendations,
    followed,
    shareFollowed: complianceKnown === 0 ? null : followed / complianceKnown,
  };
}
