import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/main/db/connection';
import { insertUser } from '../../src/main/db/repositories/user.repository';
import { dispatch } from '../../src/main/ipc/dispatch';
import { createCaseIntake } from '../../src/main/services/case-intake.service';
import type { ServiceContext, SessionUser } from '../../src/main/services/context';
import { sessionUser } from '../../src/main/services/session.service';
import { buildCase } from '../fixtures/cases';
import { tempStore } from '../fixtures/temp-store';

let store: Store;
let cleanup: () => Promise<void>;
let handler: SessionUser;
let auditor: SessionUser;
let caseIds: number[];
// Monday 2026-11-16, 09:00 in Stockholm.
const as = (user: SessionUser): ServiceContext => ({ store, user, now: () => new Date('2026-11-16T08:00:00.000Z') });

async function ok<T>(promise: Promise<{ ok: true; data: T } | { ok: false; error: { code: string; message: string } }>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
}

const arn = (caseId: number, reference: string, overrides: Record<string, unknown> = {}) => ({
  caseId,
  authority: 'ARN',
  reference,
  receivedDate: '2026-11-02',
  responseDue: '2026-11-23',
  claimText: 'Konsumenten yrkar att bolaget återbetalar 1 499 kr.',
  claimAmount: '1 499,00',
  questions: ['Har ni krediterat fakturan?', 'Varför gick ärendet till inkasso?'],
  documents: ['Anmälan', 'Faktura 2026-02-01'],
  ...overrides,
});

beforeEach(async () => {
  ({ store, cleanup } = await tempStore());
  await sessionUser(store);
  const created = '2026-01-01T00:00:00Z';
  handler = { id: await insertUser(store.db, { username: 'johan', display_name: 'Johan Berg', role: 'handler', title: null, created_at: created }), name: 'Johan Berg', role: 'handler' };
  auditor = { id: await insertUser(store.db, { username: 'eva', display_name: 'Eva Revisor', role: 'auditor', title: null, created_at: created }), name: 'Eva Revisor', role: 'auditor' };
  caseIds = createCaseIntake(store).writeBatch([buildCase(), buildCase({ market: 'DK', language: 'da', claims: [] })]);
});
afterEach(() => cleanup());

describe('authority matters', () => {
  it('register on a case with the authority’s deadline in business days, and appear in the case’s history', async () => {
    const matter = await ok(dispatch(as(handler), 'matters:register', arn(caseIds[0]!, '2026-04711'), { validateOutput: true }));
    expect(matter).toMatchObject({
      authority: 'ARN',
      authorityName: 'Allmänna reklamationsnämnden',
      reference: '2026-04711',
      claimAmount: { minor: 149_900, currency: 'SEK' },
      status: 'registered',
      daysLeft: 5,
      registeredBy: 'Johan Berg',
    });
    const view = await ok(dispatch(as(handler), 'cases:get', { id: caseIds[0]! }));
    const event = view.events.at(-1)!;
    expect(event).toMatchObject({ kind: 'authority_correspondence', source: 'authority', summary: 'Allmänna reklamationsnämnden 2026-04711' });
    expect(event.body).toContain('1. Har ni krediterat fakturan?');
    expect(store.sqlite.prepare(`SELECT action FROM audit_log WHERE action = 'matter.register'`).pluck().all()).toHaveLength(1);
  });

  it('refuse bad input naming the field, duplicates, unknown authorities and auditors, storing nothing', async () => {
    const count = () => store.sqlite.prepare('SELECT count(*) FROM authority_matters').pluck().get();
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [arn(caseIds[0]!, 'X', { claimAmount: '1499.999' }), 'invalid_input', /claimAmount: "1499.999" is not a decimal amount/],
      [arn(caseIds[0]!, 'X', { authority: 'NOPE' }), 'invalid_input', /authority: NOPE is not in the list/],
      [arn(caseIds[0]!, 'X', { responseDue: '2026-10-01' }), 'invalid_input', /responseDue: is before the date the matter was received/],
      [arn(caseIds[0]!, 'X', { receivedDate: '2026-12-01' }), 'invalid_input', /receivedDate: lies in the future/],
      [arn(caseIds[0]!, 'X', { receivedDate: '2.11.2026' }), 'invalid_input', /receivedDate: must be a date YYYY-MM-DD/],
      [arn(999, 'X'), 'not_found', /Case 999 does not exist/],
    ];
    for (const [input, code, message] of cases) {
      expect(await dispatch(as(handler), 'matters:register', input)).toMatchObject({ ok: false, error: { code, message: expect.stringMatching(message) } });
    }
    expect(await dispatch(as(auditor), 'matters:register', arn(caseIds[0]!, 'Y'))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(count()).toBe(0);
    await ok(dispatch(as(handler), 'matters:register', arn(caseIds[0]!, 'Z')));
    expect(await dispatch(as(handler), 'matters:register', arn(caseIds[1]!, 'Z'))).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('already registered') } });
    expect(count()).toBe(1);
  });

  it('due soon lists unanswered matters within ten business days, overdue ones loudest first', async () => {
    await ok(dispatch(as(handler), 'matters:register', arn(caseIds[0]!, 'late', { responseDue: '2026-11-13' })));
    await ok(dispatch(as(handler), 'matters:register', arn(caseIds[0]!, 'soon', { responseDue: '2026-11-27' })));
    await ok(dispatch(as(handler), 'matters:register', arn(caseIds[0]!, 'later', { responseDue: '2027-01-15' })));
    const answered = await ok(dispatch(as(handler), 'matters:register', arn(caseIds[0]!, 'answered', { responseDue: '2026-11-20' })));
    await ok(dispatch(as(handler), 'matters:recordResponseSent', { matterId: answered.id, sentOn: '2026-11-16' }));
    await ok(dispatch(as(handler), 'matters:register', { ...arn(caseIds[1]!, 'dk'), authority: 'DFA', responseDue: '2026-11-30', claimAmount: null }));

    const soon = await ok(dispatch(as(handler), 'matters:list', { due: 'soon' }, { validateOutput: true }));
    expect(soon.rows.map((m) => [m.reference, m.daysLeft])).toEqual([
      ['late', -1],
      ['soon', 9],
      ['dk', 10],
    ]);
    const overdue = await ok(dispatch(as(handler), 'matters:list', { due: 'overdue' }));
    expect(overdue.rows.map((m) => m.reference)).toEqual(['late']);
  });

  it('record the outcome, the follow-up clocks and compliance; each once', async () => {
    const m = await ok(dispatch(as(handler), 'matters:register', arn(caseIds[0]!, '2026-1')));
    expect(await dispatch(as(handler), 'matters:recordOutcome', { matterId: m.id, outcome: 'partly_upheld', decidedOn: '2026-11-12', recommendation: '', amount: null })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('recommendation: an upheld or partly upheld matter needs') },
    });
    const decided = await ok(
      dispatch(as(handler), 'matters:recordOutcome', { matterId: m.id, outcome: 'partly_upheld', decidedOn: '2026-11-12', recommendation: 'Bolaget bör återbetala 750 kr.', amount: '750' }),
    );
    expect(decided).toMatchObject({ status: 'decided', outcome: 'partly_upheld', outcomeAmount: { minor: 75_000, currency: 'SEK' }, followUp: { consumerReportBy: '2026-12-12', companyAnswerBy: '2026-12-26' } });
    expect(await dispatch(as(handler), 'matters:recordOutcome', { matterId: m.id, outcome: 'rejected', decidedOn: '2026-11-12', recommendation: '', amount: null })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const closed = await ok(dispatch(as(handler), 'matters:recordCompliance', { matterId: m.id, compliance: 'followed', compliedOn: '2026-11-16', paid: '750,00', note: 'Återbetalt' }));
    expect(closed).toMatchObject({ status: 'closed', compliance: 'followed', paid: { minor: 75_000, currency: 'SEK' } });
    const kinds = store.sqlite.prepare(`SELECT json_extract(data, '$.action') FROM history_events WHERE kind = 'authority_correspondence' ORDER BY id`).pluck().all();
    expect(kinds).toEqual(['registered', 'outcome', 'compliance']);
  });

  it('yearly statistics count by received date and outcome', async () => {
    const outcomes = ['upheld', 'partly_upheld', 'rejected', 'settled', 'written_off', 'dismissed', null, null] as const;
    let n = 0;
    for (const outcome of outcomes) {
      const m = await ok(dispatch(as(handler), 'matters:register', arn(caseIds[0]!, `S-${++n}`, { receivedDate: '2026-03-02', responseDue: null })));
      if (outcome) await ok(dispatch(as(handler), 'matters:recordOutcome', { matterId: m.id, outcome, decidedOn: '2026-09-01', recommendation: 'r', amount: null }));
      if (outcome === 'upheld') await ok(dispatch(as(handler), 'matters:recordCompliance', { matterId: m.id, compliance: 'followed', compliedOn: '2026-09-10', paid: null, note: '' }));
      if (outcome === 'partly_upheld') await ok(dispatch(as(handler), 'matters:recordCompliance', { matterId: m.id, compliance: 'not_followed', compliedOn: null, paid: null, note: '' }));
    }
    await ok(dispatch(as(handler), 'matters:register', arn(caseIds[0]!, 'other-year', { receivedDate: '2025-12-30', responseDue: null })));
    const stats = await ok(dispatch(as(auditor), 'matters:stats', { year: 2026 }, { validateOutput: true }));
    expect(stats).toMatchObject({ registered: 8, pending: 2, settled: 2, decided: 4, recommendations: 2, followed: 1, shareFollowed: 0.5 });
    expect(stats.byOutcome).toMatchObject({ upheld: 1, partly_upheld: 1, rejected: 1, dismissed: 1, settled: 1, written_off: 1 });
  });
});
