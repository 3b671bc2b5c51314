import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/main/db/connection';
import { insertIssuedDecisions } from '../../src/main/db/repositories/decision.repository';
import { insertUser } from '../../src/main/db/repositories/user.repository';
import type { NewEvent } from '../../src/main/db/repositories/case-writer.repository';
import { importMonthlyFigures } from '../../src/main/import/monthly-import';
import { dispatch } from '../../src/main/ipc/dispatch';
import { createCaseIntake } from '../../src/main/services/case-intake.service';
import type { ServiceContext, SessionUser } from '../../src/main/services/context';
import { sessionUser } from '../../src/main/services/session.service';
import { roundPerMillion } from '../../src/shared/domain/zero';
import type { ChannelInput, ChannelOutput } from '../../src/shared/ipc/contract';
import type { Channel } from '../../src/shared/ipc/channels';
import { buildCase, buildEvent } from '../fixtures/cases';
import { ombud } from '../fixtures/cli';
import { tempStore } from '../fixtures/temp-store';

let store: Store;
let dir: string;
let cleanup: () => Promise<void>;
let ombudsman: SessionUser;
let handler: SessionUser;
let auditor: SessionUser;
// Monday 2026-11-16, 09:00 in Stockholm.
const as = (user: SessionUser): ServiceContext => ({ store, user, now: () => new Date('2026-11-16T08:00:00.000Z') });

async function call<C extends Channel>(user: SessionUser, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await dispatch(as(user), channel, input, { validateOutput: true });
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data as ChannelOutput<C>;
}

const escalation = (date: string): NewEvent => buildEvent({ occurredAt: `${date}T07:00:00.000Z`, kind: 'customer_escalation', source: 'mail', summary: 'Kunden eskalerar' });
const technical = (date: string, n: number): NewEvent =>
  buildEvent({ occurredAt: `${date}T0${n}:00:00.000Z`, kind: 'cs_chat', source: 'chat', summary: 'Tekniskt fel', data: { technicalError: true } });
const status = (date: string, toStatus: string): NewEvent =>
  buildEvent({ occurredAt: `${date}T10:00:00.000Z`, kind: 'status_change', source: 'internal', direction: 'internal', actor: 'Fia', summary: toStatus, body: '', data: { toStatus } });
const decided = (date: string): NewEvent =>
  buildEvent({ occurredAt: `${date}T12:00:00.000Z`, kind: 'decision_issued', source: 'internal', direction: 'outbound', actor: 'Fia', summary: 'Beslut', body: '' });
const holding = (date: string): NewEvent =>
  buildEvent({ occurredAt: `${date}T11:00:00.000Z`, kind: 'letter_sent', source: 'internal', direction: 'outbound', actor: 'Fia', summary: 'Förseningsbesked', body: '', data: { letter: 'holding_reply' } });

/** A case received on `date` (market calendar) with the given category and later events. */
function receivedCase(date: string, category: string, events: NewEvent[], market: 'SE' | 'DK' = 'SE') {
  return buildCase({
    market,
    language: market === 'SE' ? 'sv' : 'da',
    receivedAt: `${date}T08:00:00.000Z`,
    receivedDate: date,
    category: category as never,
    purchases: [],
    claims: [{ kind: 'refund', text: 'Återbetala 1 499 kr', amountMinor: 149_900, currency: market === 'SE' ? 'SEK' : 'DKK' }],
    events: [escalation(date), ...events],
  });
}

const csvFile = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

beforeAll(async () => {
  ({ store, dir, cleanup } = await tempStore());
  ombudsman = await sessionUser(store);
  const created = '2026-01-01T00:00:00Z';
  handler = { id: await insertUser(store.db, { username: 'johan', display_name: 'Johan Berg', role: 'handler', title: null, created_at: created }), name: 'Johan Berg', role: 'handler' };
  auditor = { id: await insertUser(store.db, { username: 'gunnar', display_name: 'Gunnar Ahlqvist', role: 'auditor', title: 'Klagomålsansvarig', created_at: created }), name: 'Gunnar Ahlqvist', role: 'auditor' };

  // 2025: purchase volumes differ eightfold between months, some months have no figures, two markets.
  const report = await importMonthlyFigures(as(ombudsman), {
    path: csvFile(
      'figures-2025.csv',
      [
        'month,market,purchases,customer_service_complaints',
        '2025-01,SE,1000000,50',
        '2025-02,SE,4000000,100',
        '2025-03,SE,500000,40',
        '2025-05,SE,2000000,30',
        '2025-01,DK,200000,10',
        '2025-02,DK,300000,6',
        '2025-05,DK,100000,3',
      ].join('\n'),
    ),
  });
  expect(report.committed).toBe(true);

  // Authority matters by received date: SE January 2 (ARN, KOV), March 1 (IMY), April 1 (a month without figures); DK January 1.
  const ids = createCaseIntake(store).writeBatch([
    receivedCase('2024-12-02', 'refund_missing', []),
    receivedCase('2024-12-03', 'refund_missing', []),
    receivedCase('2025-02-03', 'refund_missing', []),
    receivedCase('2025-03-03', 'refund_missing', []),
    receivedCase('2024-12-04', 'invoice_dispute', [], 'DK'),
  ]);
  const matters: [number, string, string, string][] = [
    [ids[0]!, 'ARN', '2025-0001', '2025-01-10'],
    [ids[1]!, 'KOV', 'KOV-2025-7', '2025-01-20'],
    [ids[2]!, 'IMY', 'IMY-2025-3', '2025-03-05'],
    [ids[3]!, 'ARN', '2025-0444', '2025-04-10'],
    [ids[4]!, 'DFA', 'DFA-2025-11', '2025-01-15'],
  ];
  for (const [caseId, authority, reference, receivedDate] of matters) {
    await call(handler, 'matters:register', { caseId, authority, reference, receivedDate, responseDue: null, claimText: 'Konsumenten yrkar återbetalning', claimAmount: null, questions: [], documents: [] });
  }
});
afterAll(() => cleanup());

describe('the zero-complaints measure', () => {
  it('per month and market: customer-service complaints plus authority matters per million purchases; months without figures are missing, not zero', async () => {
    const se = await call(auditor, 'stats:zeroComplaints', { market: 'SE' });
    const month = (m: string) => se.months.find((x) => x.month === m)!;
    // January: (50 + 2 matters) / 1 000 000 × 1e6 = 52.
    expect(month('2025-01')).toEqual({ month: '2025-01', purchases: 1_000_000, customerServiceComplaints: 50, authorityComplaints: 2, complaints: 52, perMillion: 52, missingMarkets: [] });
    // February: 100 / 4 000 000 × 1e6 = 25; March: (40 + 1) / 500 000 × 1e6 = 82.
    expect(month('2025-02').perMillion).toBe(25);
    expect(month('2025-03').perMillion).toBe(82);
    // April has a matter but no figures: missing, and the matter is still shown.
    expect(month('2025-04')).toEqual({ month: '2025-04', purchases: null, customerServiceComplaints: null, authorityComplaints: 1, complaints: null, perMillion: null, missingMarkets: ['SE'] });
    expect(month('2025-05').perMillion).toBe(15);
    // The year: (52 + 100 + 41 + 30) / 7 500 000 × 1e6 = 29.73…, not the mean of the months (43.5).
    expect(se.years).toHaveLength(1);
    const y = se.years[0]!;
    expect(y).toMatchObject({ year: 2025, complaints: 223, purchases: 7_500_000, monthsWithFigures: 4 });
    expect(y.perMillion).toBeCloseTo(29.7333, 4);
    expect(y.months).toEqual([52, 25, 82, null, 15, null, null, null, null, null, null, null]);

    const dk = await call(auditor, 'stats:zeroComplaints', { market: 'DK' });
    // January (10 + 1) / 200 000 = 55; February 6 / 300 000 = 20; May 3 / 100 000 = 30; year 20 / 600 000 = 33.33….
    expect(dk.years[0]!.months).toEqual([55, 20, null, null, 30, null, null, null, null, null, null, null]);
    expect(dk.years[0]!.perMillion).toBeCloseTo(33.3333, 4);
  });

  it('for all markets a month counts only when every market reporting that year has figures; the year is all complaints over all purchases', async () => {
    const all = await call(handler, 'stats:zeroComplaints', {});
    expect(all.market).toBeNull();
    const month = (m: string) => all.months.find((x) => x.month === m)!;
    // January: (52 + 11) / 1 200 000 × 1e6 = 52.5.
    expect(month('2025-01')).toMatchObject({ purchases: 1_200_000, complaints: 63, perMillion: 52.5 });
    // February: 106 / 4 300 000 × 1e6 = 24.65….
    expect(month('2025-02').perMillion).toBeCloseTo(24.6512, 4);
    // March: DK has no figures, so all markets together are missing, never SE alone.
    expect(month('2025-03')).toMatchObject({ perMillion: null, complaints: null, missingMarkets: ['DK'] });
    expect(month('2025-04')).toMatchObject({ perMillion: null, missingMarkets: ['SE', 'DK'] });
    // May: 33 / 2 100 000 × 1e6 = 15.71…; the year: (63 + 106 + 33) / 7 600 000 × 1e6 = 26.58….
    expect(month('2025-05').perMillion).toBeCloseTo(15.7143, 4);
    expect(all.years[0]).toMatchObject({ year: 2025, complaints: 202, purchases: 7_600_000, monthsWithFigures: 3 });
    expect(all.years[0]!.perMillion).toBeCloseTo(26.5789, 4);
    // Before the first figures the months with matters only are listed, as missing.
    expect(all.months[0]).toMatchObject({ month: '2025-01' });
  });

  it('reproduces the published 2018 row: the year (40) is based on all purchases and complaints, not the mean of the months (47)', async () => {
    const t = await tempStore();
    try {
      const ctx = { store: t.store, user: await sessionUser(t.store) };
      const rates = [57, 77, 69, 79, 63, 35, 52, 27, 31, 28, 26, 22];
      // Millions of purchases per month: the autumn months sell far more.
      const millions = [2, 2, 2, 2, 2, 3, 2, 4, 3, 4, 4, 6];
      const lines = rates.map((r, i) => `2018-${String(i + 1).padStart(2, '0')},SE,${millions[i]! * 1_000_000},${r * millions[i]!}`);
      const path = join(t.dir, 'figures-2018.csv');
      writeFileSync(path, ['month,market,purchases,customer_service_complaints', ...lines].join('\n'));
      expect((await importMonthlyFigures(ctx, { path })).committed).toBe(true);
      const scope = await dispatch(ctx, 'stats:zeroComplaints', { market: 'SE' });
      if (!scope.ok) throw new Error(scope.error.message);
      const y = scope.data.years[0]!;
      expect(y.months.map(roundPerMillion)).toEqual(rates);
      // 1448 complaints / 36 000 000 purchases × 1e6 = 40.2 → 40, as published; the mean of the months would be 47.
      expect(y).toMatchObject({ complaints: 1448, purchases: 36_000_000 });
      expect(roundPerMillion(y.perMillion)).toBe(40);
      expect(Math.round(rates.reduce((a, b) => a + b, 0) / 12)).toBe(47);
    } finally {
      await t.cleanup();
    }
  });

  it('ombud stats zero-complaints prints the same numbers as text, CSV and JSON', async () => {
    const text = await ombud('stats', 'zero-complaints', '--year', '2025', '--market', 'SE', '--db', store.path);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('2025   52   25   82    –   15    –    –    –    –    –    –    –   30');
    expect(text.stdout).toContain('2025: 223 complaints / 7500000 purchases × 1 000 000 = 29.73 (4 of 12 months with figures)');

    const csv = await ombud('stats', 'zero-complaints', '--year', '2025', '--csv', '--db', store.path);
    expect(csv.code, csv.stderr).toBe(0);
    const rows = parse(csv.stdout, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(13);
    expect(rows[0]).toEqual({ period: '2025-01', market: 'all', purchases: '1200000', customer_service_complaints: '60', authority_complaints: '3', complaints: '63', per_million: '52.50' });
    expect(rows[2]).toMatchObject({ period: '2025-03', purchases: '', complaints: '', per_million: '' });
    expect(rows[12]).toEqual({ period: '2025', market: 'all', purchases: '7600000', customer_service_complaints: '', authority_complaints: '', complaints: '202', per_million: '26.58' });

    const json = await ombud('stats', 'zero-complaints', '--year', '2025', '--market', 'dk', '--json', '--db', store.path);
    expect(json.code, json.stderr).toBe(0);
    const parsed = JSON.parse(json.stdout) as { perMillion: number; months: { perMillion: number | null }[] };
    expect(parsed.months.map((m) => m.perMillion)).toEqual([55, 20, null, null, 30, null, null, null, null, null, null, null]);
    expect(parsed.perMillion).toBeCloseTo(33.3333, 4);

    const bad = await ombud('stats', 'zero-complaints', '--year', '2025', '--market', 'NO', '--db', store.path);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--market');
  }, 240_000);
});

describe('the causes', () => {
  let t: Awaited<ReturnType<typeof tempStore>>;
  let user: SessionUser;
  beforeAll(async () => {
    t = await tempStore();
    user = await sessionUser(t.store);
    createCaseIntake(t.store).writeBatch([
      receivedCase('2026-11-02', 'undelivered_goods', [technical('2026-11-02', 8), technical('2026-11-02', 9)]),
      receivedCase('2026-11-03', 'undelivered_goods', []),
      receivedCase('2026-11-04', 'refund_missing', [technical('2026-11-04', 8), technical('2026-11-04', 9)]),
      receivedCase('2026-10-05', 'undelivered_goods', []),
      receivedCase('2026-09-07', 'refund_missing', []),
      receivedCase('2026-09-08', 'refund_missing', []),
      receivedCase('2026-08-10', 'refund_missing', [technical('2026-08-10', 8), technical('2026-08-10', 9)]),
      receivedCase('2026-11-05', 'invoice_dispute', [], 'DK'),
      receivedCase('2025-11-05', 'invoice_dispute', [], 'DK'),
    ]);
  });
  afterAll(() => t.cleanup());
  const ask = async <C extends Channel>(channel: C, input: ChannelInput<C>) => {
    const r = await dispatch({ store: t.store, user, now: () => new Date('2026-11-16T08:00:00.000Z') }, channel, input, { validateOutput: true });
    if (!r.ok) throw new Error(r.error.message);
    return r.data as ChannelOutput<C>;
  };

  it('counts categories and red flags per month and puts this month’s top causes against the last three', async () => {
    const c = await ask('stats:causes', {});
    expect(c.month).toBe('2026-11');
    expect(c.previousMonths).toEqual(['2026-08', '2026-09', '2026-10']);
    expect(c.months).toHaveLength(12);
    expect(c.cases.slice(-4)).toEqual([1, 2, 1, 4]);
    expect(c.causes.map((r) => [r.cause, r.thisMonth, r.lastThree])).toEqual([
      ['category:undelivered_goods', 2, [0, 0, 1]],
      ['flag:repeated_technical_error', 2, [1, 0, 0]],
      ['category:refund_missing', 1, [1, 2, 0]],
      ['category:invoice_dispute', 1, [0, 0, 0]],
    ]);
    expect(c.causes[2]!.lastThreeAverage).toBe(1);
    // The trend per cause over the window.
    expect(c.causes[2]!.counts.slice(-4)).toEqual([1, 2, 0, 1]);

    const se = await ask('stats:causes', { market: 'SE', month: '2026-10', window: 6 });
    expect(se.months).toEqual(['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10']);
    expect(se.causes.find((r) => r.cause === 'category:invoice_dispute')).toBeUndefined();
    expect(se.causes[0]).toMatchObject({ cause: 'category:undelivered_goods', thisMonth: 1 });
  });

  it('clicks through to the cases behind a number', async () => {
    const flagged = await ask('stats:causeCases', { cause: 'flag:repeated_technical_error', months: ['2026-11'] });
    expect(flagged.rows.map((r) => [r.receivedDate, r.category])).toEqual([
      ['2026-11-04', 'refund_missing'],
      ['2026-11-02', 'undelivered_goods'],
    ]);
    const lastThree = await ask('stats:causeCases', { cause: 'category:refund_missing', months: ['2026-08', '2026-09', '2026-10'], market: 'SE' });
    expect(lastThree.rows).toHaveLength(3);
    expect(lastThree.truncated).toBe(false);
    const refused = await dispatch({ store: t.store, user }, 'stats:causeCases', { cause: 'category:weather', months: ['2026-11'] });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/^stats:causeCases: cause: must be a cause/);
  });
});

describe('review notes', () => {
  it('the complaints officer records a dated change linked to a cause; the list and the audit log show it', async () => {
    const note = await call(auditor, 'stats:addReviewNote', {
      month: '2025-02',
      cause: 'category:refund_missing',
      market: 'SE',
      notedOn: '2025-03-04',
      text: 'Återbetalningar bekräftas nu med sms samma dag.',
    });
    expect(note).toMatchObject({ month: '2025-02', cause: 'category:refund_missing', market: 'SE', notedOn: '2025-03-04', author: 'Gunnar Ahlqvist' });
    await call(handler, 'stats:addReviewNote', { month: '2025-02', cause: 'flag:repeated_contacts', notedOn: '2025-03-05', text: 'Ärenden som går i cirklar lyfts efter tre kontakter.' });
    await call(handler, 'stats:addReviewNote', { month: '2025-02', cause: 'flag:repeated_contacts', market: 'DK', notedOn: '2025-03-06', text: 'Dansk rutine ændret.' });
    const se = await call(ombudsman, 'stats:reviewNotes', { from: '2025-01', to: '2025-12', market: 'SE' });
    // SE lists its own notes and those for all markets, not Denmark's.
    expect(se.notes.map((n) => n.notedOn)).toEqual(['2025-03-04', '2025-03-05']);
    const audit = store.sqlite.prepare(`SELECT count(*) FROM audit_log WHERE action = 'review_note.add'`).pluck().get();
    expect(audit).toBe(3);

    const future = await dispatch(as(auditor), 'stats:addReviewNote', { month: '2026-11', cause: 'category:refund_missing', notedOn: '2026-11-30', text: 'x' });
    expect(future).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'stats:addReviewNote: notedOn: 2026-11-30 lies after today (2026-11-16)' } });
    const empty = await dispatch(as(auditor), 'stats:addReviewNote', { month: '2026-11', cause: 'category:refund_missing', notedOn: '2026-11-16', text: '  ' });
    expect(empty).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'stats:addReviewNote: text: must say what was changed' } });
  });
});

describe('the complaints register', () => {
  let t: Awaited<ReturnType<typeof tempStore>>;
  let user: SessionUser;
  let ctxNow: ServiceContext;
  beforeAll(async () => {
    t = await tempStore();
    user = await sessionUser(t.store);
    ctxNow = { store: t.store, user, now: () => new Date('2026-11-16T08:00:00.000Z') };
    const ids = createCaseIntake(t.store).writeBatch([
      // SE A: acknowledged the next day, decided after 10 business days.
      receivedCase('2026-03-02', 'refund_missing', [status('2026-03-03', 'acknowledged'), decided('2026-03-16')]),
      // SE B: a holding reply before day 15, decided after 25 business days (Good Friday and Easter Monday closed).
      receivedCase('2026-03-02', 'undelivered_goods', [status('2026-03-03', 'acknowledged'), holding('2026-03-18'), decided('2026-04-08')]),
      // SE C: unanswered and past 15 business days; SE D: unanswered, still within 15.
      receivedCase('2026-10-01', 'invoice_dispute', [status('2026-10-02', 'in_review')]),
      receivedCase('2026-11-10', 'invoice_dispute', []),
      // DK: 8 business days (Grundlovsdag closed), 16 (Ascension, the Friday after and Whit Monday closed), 4.
      receivedCase('2026-06-01', 'refund_missing', [decided('2026-06-12')], 'DK'),
      receivedCase('2026-05-04', 'refund_missing', [decided('2026-05-29')], 'DK'),
      receivedCase('2026-02-02', 'fees_and_reminders', [decided('2026-02-06')], 'DK'),
      // Another year: not in the 2026 register.
      receivedCase('2025-12-01', 'refund_missing', [decided('2025-12-05')]),
    ]);
    const claimId = t.store.sqlite.prepare('SELECT id FROM claims WHERE case_id = ?').pluck().get(ids[0]) as number;
    const panel = JSON.stringify({ claims: [{ claimId, outcome: 'partly_upheld', reasoning: 'Delvis.', remedies: [{ kind: 'refund', amount: { minor: 99_900, currency: 'SEK' }, dueDate: '2026-03-30' }, { kind: 'apology', amount: null, dueDate: null }] }] });
    insertIssuedDecisions(t.store.sqlite, [
      {
        case_id: ids[0]!, status: 'issued', market: 'SE', language: 'sv', template_id: null, version: 1, content: '{"type":"doc","content":[]}', panel,
        created_by: user.id, created_at: '2026-03-10T08:00:00Z', saved_by: user.id, saved_at: '2026-03-16T08:00:00Z', corrects_decision_id: null,
        issued_by: user.id, issued_at: '2026-03-16T12:00:00Z', rendered_text: 'Beslut', sha256: 'a'.repeat(64), arn_window_ends_on: '2026-05-16',
      },
    ]);
    const matter = await dispatch(ctxNow, 'matters:register', { caseId: ids[0]!, authority: 'ARN', reference: '2026-0042', receivedDate: '2026-06-01', responseDue: '2026-06-22', claimText: 'Återbetala', claimAmount: null, questions: [], documents: [] });
    if (!matter.ok) throw new Error(matter.error.message);
    const outcome = await dispatch(ctxNow, 'matters:recordOutcome', { matterId: matter.data.id, outcome: 'rejected', decidedOn: '2026-10-20', recommendation: '', amount: null });
    if (!outcome.ok) throw new Error(outcome.error.message);
    await dispatch(ctxNow, 'stats:addReviewNote', { month: '2026-03', cause: 'category:refund_missing', market: null, notedOn: '2026-04-02', text: 'Återbetalningar bekräftas nu skriftligt.' });
  });
  afterAll(() => t.cleanup());

  it('gives the business-day figures per market: share answered within 15, holding replies, average and 90th percentile days to decision', async () => {
    const r = await dispatch(ctxNow, 'stats:registerFigures', { year: 2026 }, { validateOutput: true });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.data.cases).toBe(7);
    const [se, dk] = r.data.figures;
    // SE: answered in 10 and 25 days; C is unanswered past 15; D is not yet due → 1 of 3.
    expect(se).toMatchObject({ market: 'SE', cases: 4, answered: 2, answeredWithin15: 1, holdingReplies: 1, averageDaysToDecision: 17.5, p90DaysToDecision: 25 });
    expect(se!.answeredWithin15Share).toBeCloseTo(1 / 3, 10);
    // DK: 4, 8, 16 → 2 of 3 within 15, mean 9.33, nearest-rank p90 = 16.
    expect(dk).toMatchObject({ market: 'DK', cases: 3, answered: 3, answeredWithin15: 2, holdingReplies: 0, p90DaysToDecision: 16 });
    expect(dk!.averageDaysToDecision).toBeCloseTo(28 / 3, 10);
  });

  it('exports the register as CSV with a row per escalated case, read back', async () => {
    const out = join(t.dir, 'register.csv');
    const run = await ombud('export', 'register', '--year', '2026', '--format', 'csv', '--out', out, '--today', '2026-11-16', '--db', t.store.path);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('7 cases');
    const rows = parse(readFileSync(out, 'utf8').replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(7);
    // Oldest first: the Danish case of February, then the two Swedish ones of 2 March.
    expect(rows.map((r) => r.received)).toEqual(['2026-02-02', '2026-03-02', '2026-03-02', '2026-05-04', '2026-06-01', '2026-10-01', '2026-11-10']);
    const a = rows[1]!;
    expect(a).toMatchObject({
      market: 'SE',
      received: '2026-03-02',
      acknowledged: '2026-03-03',
      answered: '2026-03-16',
      business_days_to_answer: '10',
      category: 'refund_missing',
      claims: '1: Återbetala 1 499 kr (1499.00 SEK)',
      outcomes: '1: partly_upheld',
      remedies: '1: refund 999.00 SEK, apology',
      remedy_total: '999.00 SEK',
      holding_reply: 'no',
      deadlines_met: 'yes',
      authority_references: 'ARN 2026-0042',
      authority_outcomes: 'ARN 2026-0042: rejected',
    });
    expect(a.deadlines).toBe('psd2_final: met (due 2026-03-23) | internal_target: met (due 2026-03-16)');
    const b = rows[2]!;
    expect(b).toMatchObject({ business_days_to_answer: '25', holding_reply: 'yes', deadlines_met: 'no', outcomes: '1: pending' });
    expect(b.deadlines).toContain('psd2_final: met (due 2026-04-22)');
    expect(rows.find((r) => r.received === '2026-10-01')).toMatchObject({ answered: '', deadlines_met: 'no' });
    expect(rows.find((r) => r.received === '2026-11-10')).toMatchObject({ deadlines_met: 'pending' });
    expect(rows.some((r) => r.received!.startsWith('2025'))).toBe(false);
  }, 120_000);

  it('exports a PDF report for management with the figures, the cases and the review notes', async () => {
    const out = join(t.dir, 'register.pdf');
    const run = await ombud('export', 'register', '--year', '2026', '--format', 'pdf', '--out', out, '--today', '2026-11-16', '--db', t.store.path);
    expect(run.code, run.stderr).toBe(0);
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
    expect(text).toContain('Klagomålsregister 2026 — alla marknader');
    expect(text).toContain('Per 2026-11-16');
    expect(text).toContain('Handläggningstider i bankdagar per marknad');
    expect(text).toMatch(/SE\s+4\s+2\s+33,3\s%\s\(1\)\s+1\s+17,5\s+25/);
    expect(text).toMatch(/DK\s+3\s+3\s+66,7\s%\s\(2\)\s+0\s+9,3\s+16/);
    expect(text).toContain('Bifalls delvis');
    expect(text).toContain('ARN 2026-0042:');
    expect(text).toContain('avslag');
    expect(text).toContain('Återbetalningar bekräftas nu skriftligt.');
    const audit = t.store.sqlite.prepare(`SELECT detail FROM audit_log WHERE action = 'register.export' ORDER BY id DESC LIMIT 1`).pluck().get() as string;
    expect(JSON.parse(audit)).toEqual({ year: 2026, market: null, format: 'pdf', cases: 7 });

    const en = await dispatch(ctxNow, 'stats:exportRegister', { year: 2026, market: 'DK', format: 'pdf', language: 'en' }, { validateOutput: true });
    if (!en.ok) throw new Error(en.error.message);
    const file = join(t.dir, en.data.fileName);
    writeFileSync(file, Buffer.from(en.data.base64, 'base64'));
    const enText = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(en.data.fileName).toBe('klagomalsregister-2026-DK.pdf');
    expect(enText).toContain('Complaints register 2026 — DK');
    expect(enText).not.toContain('SE ');
  }, 120_000);
});
