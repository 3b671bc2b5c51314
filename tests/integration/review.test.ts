import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertUser } from '../../src/main/db/repositories/user.repository';
import { dispatch } from '../../src/main/ipc/dispatch';
import { createCaseIntake } from '../../src/main/services/case-intake.service';
import type { ServiceContext, SessionUser } from '../../src/main/services/context';
import { sessionUser } from '../../src/main/services/session.service';
import type { Store } from '../../src/main/db/connection';
import { buildCase, buildEvent } from '../fixtures/cases';
import { tempStore } from '../fixtures/temp-store';

let store: Store;
let cleanup: () => Promise<void>;
let ombudsman: SessionUser;
let handler: SessionUser;
let auditor: SessionUser;
const clock = () => new Date('2026-03-12T10:00:00.000Z');

function as(user: SessionUser): ServiceContext {
  return { store, user, now: clock };
}

async function ok<T>(promise: Promise<{ ok: true; data: T } | { ok: false; error: { code: string; message: string } }>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
}

beforeEach(async () => {
  ({ store, cleanup } = await tempStore());
  ombudsman = await sessionUser(store);
  const created = '2026-01-01T00:00:00Z';
  handler = { id: await insertUser(store.db, { username: 'johan', display_name: 'Johan Berg', role: 'handler', title: null, created_at: created }), name: 'Johan Berg', role: 'handler' };
  auditor = { id: await insertUser(store.db, { username: 'revisor', display_name: 'Eva Revisor', role: 'auditor', title: null, created_at: created }), name: 'Eva Revisor', role: 'auditor' };
});
afterEach(() => cleanup());

function seed(...cases: Parameters<typeof buildCase>[0][]): number[] {
  return createCaseIntake(store).writeBatch(cases.map((c) => buildCase(c)));
}

describe('working on a case', () => {
  it('moves along the workflow with an appended status event each time, and refuses a jump', async () => {
    const [id] = seed({ receivedAt: '2026-03-10T08:00:00.000Z', receivedDate: '2026-03-10' });
    const view = await ok(dispatch(as(handler), 'cases:setStatus', { id, status: 'in_review' }));
    expect(view.header.status).toBe('in_review');
    const last = view.events.at(-1)!;
    expect(last).toMatchObject({ kind: 'status_change', actor: 'Johan Berg', data: { fromStatus: 'received', toStatus: 'in_review' } });
    expect(last.occurredAt).toBe('2026-03-12T10:00:00.000Z');
    const jump = await dispatch(as(handler), 'cases:setStatus', { id, status: 'decision_issued' });
    expect(jump).toEqual({ ok: false, error: { code: 'conflict', message: 'A case cannot go from "in_review" to "decision_issued".', reason: 'case.transition', params: { from: 'in_review', to: 'decision_issued' } } });
    const closing = await dispatch(as(handler), 'cases:setStatus', { id, status: 'closed' });
    expect(!closing.ok && closing.error.message).toContain('reason');
    await ok(dispatch(as(handler), 'cases:setStatus', { id, status: 'closed', reason: 'Kunden återkallade klagomålet' }));
    // Only the ombudsman reopens.
    const reopen = await dispatch(as(handler), 'cases:setStatus', { id, status: 'in_review', reason: 'Nya uppgifter' });
    expect(reopen).toEqual({ ok: false, error: { code: 'forbidden', message: 'Only the ombudsman may reopen a closed case.', reason: 'case.reopenOmbudsmanOnly', params: {} } });
    const reopened = await ok(dispatch(as(ombudsman), 'cases:setStatus', { id, status: 'in_review', reason: 'Nya uppgifter' }));
    expect(reopened.header.status).toBe('in_review');
    // Nothing was edited: four status events appended after the three original ones.
    expect(reopened.events.filter((e) => e.kind === 'status_change')).toHaveLength(3);
  });

  it('refuses every change by an auditor, in the service, and writes nothing', async () => {
    const [id] = seed({});
    const before = store.sqlite.prepare('SELECT count(*) AS n FROM history_events').get();
    for (const [channel, input] of [
      ['cases:setStatus', { id, status: 'in_review' }],
      ['cases:assign', { id, assigneeId: handler.id }],
      ['cases:addNote', { id, text: 'Anteckning' }],
      ['cases:requestInfo', { id, text: 'Skicka kvittot' }],
      ['cases:sendHoldingReply', { id, text: 'Vi behöver mer tid', answerBy: '2026-04-01' }],
    ] as const) {
      const result = await dispatch(as(auditor), channel, input);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error.code).toBe('forbidden');
    }
    expect(store.sqlite.prepare('SELECT count(*) AS n FROM history_events').get()).toEqual(before);
  });

  it('assigns, notes and requests information as events with who and when', async () => {
    const [id] = seed({});
    const assigned = await ok(dispatch(as(ombudsman), 'cases:assign', { id, assigneeId: handler.id }));
    expect(assigned.header.assignee).toEqual({ id: handler.id, name: 'Johan Berg' });
    expect(assigned.events.at(-1)).toMatchObject({ kind: 'assignment', actor: ombudsman.name, data: { toUserId: handler.id } });
    const noted = await ok(dispatch(as(handler), 'cases:addNote', { id, text: 'Handlaren har inte svarat på 21 dagar.\nKontrollera köpskyddet.' }));
    expect(noted.events.at(-1)).toMatchObject({ kind: 'note', source: 'internal', summary: 'Handlaren har inte svarat på 21 dagar.' });
    const asked = await ok(dispatch(as(handler), 'cases:requestInfo', { id, text: 'Skicka kvittot och returfraktsedeln.' }));
    expect(asked.header.status).toBe('waiting_for_customer');
    expect(asked.events.slice(-2).map((e) => e.kind)).toEqual(['info_request', 'status_change']);
    const empty = await dispatch(as(handler), 'cases:addNote', { id, text: '   ' });
    expect(!empty.ok && empty.error.message).toBe('cases:addNote: text: must not be empty');
    const bad = await dispatch(as(handler), 'cases:assign', { id, assigneeId: auditor.id });
    expect(!bad.ok && bad.error.message).toContain('an auditor cannot be assigned');
  });

  it('pauses the internal clock while waiting for the customer; PSD2 runs on', async () => {
    const [id] = seed({ receivedAt: '2026-03-02T08:00:00.000Z', receivedDate: '2026-03-02' });
    const view = await ok(dispatch(as(handler), 'cases:requestInfo', { id, text: 'Skicka kvittot.' }));
    const byKind = Object.fromEntries(view.deadlines.map((d) => [d.kind, d]));
    expect(byKind.psd2_final).toMatchObject({ dueDate: '2026-03-23', paused: false, daysLeft: 7 });
    expect(byKind.internal_target).toMatchObject({ dueDate: null, paused: true });
    const row = store.sqlite.prepare('SELECT next_due_date, next_due_kind FROM cases WHERE id = ?').get(id);
    expect(row).toEqual({ next_due_date: '2026-03-23', next_due_kind: 'psd2_final' });
  });

  it('a holding reply extends the PSD2 deadline to 35 business days, and no further', async () => {
    const [id] = seed({ receivedAt: '2026-03-02T08:00:00.000Z', receivedDate: '2026-03-02' });
    const tooLate = await dispatch(as(handler), 'cases:sendHoldingReply', { id, text: 'Vi behöver mer tid.', answerBy: '2026-06-30' });
    expect(!tooLate.ok && tooLate.error.message).toContain('at most 35 business days after receipt (2026-04-22)');
    const view = await ok(dispatch(as(handler), 'cases:sendHoldingReply', { id, text: 'Vi behöver mer tid.', answerBy: '2026-04-15' }));
    expect(view.deadlines.find((d) => d.kind === 'psd2_final')).toMatchObject({ extended: true, dueDate: '2026-04-22' });
  });

  it('the case view and the holding reply agree on the latest answer date, holidays and the market’s rules included', async () => {
    // Received 2026-03-25: 35 business days skip Good Friday, Easter Monday, 1 May and Ascension Day in Sweden
    // (35 weekdays would be 2026-05-13).
    const [id] = seed({ receivedAt: '2026-03-25T08:00:00.000Z', receivedDate: '2026-03-25' });
    expect((await ok(dispatch(as(handler), 'cases:get', { id }))).holdingReplyLatest).toBe('2026-05-19');
    // The ombudsman promises less: 30 business days with a holding reply.
    const current = await ok(dispatch(as(ombudsman), 'settings:deadlinePolicies', {}));
    const policies = { ...current.policies, SE: current.policies.SE.map((p) => (p.kind === 'psd2_final' ? { ...p, extendedDays: 30 } : p)) };
    await ok(dispatch(as(ombudsman), 'settings:setDeadlinePolicies', { policies, baseRevision: current.revision }));
    const view = await ok(dispatch(as(handler), 'cases:get', { id }));
    expect(view.holdingReplyLatest).toBe('2026-05-11');
    const tooLate = await dispatch(as(handler), 'cases:sendHoldingReply', { id, text: 'Vi behöver mer tid.', answerBy: '2026-05-12' });
    expect(!tooLate.ok && tooLate.error.message).toContain('at most 30 business days after receipt (2026-05-11)');
    const sent = await ok(dispatch(as(handler), 'cases:sendHoldingReply', { id, text: 'Vi behöver mer tid.', answerBy: '2026-05-11' }));
    expect(sent.deadlines.find((d) => d.kind === 'psd2_final')).toMatchObject({ extended: true, dueDate: '2026-05-11' });
  });

  it('reveals the personal number only with an audit row, chained to the previous one', async () => {
    const [id] = seed({});
    const view = await ok(dispatch(as(handler), 'cases:get', { id }));
    expect(view.header.customer.personalNumberMasked).toBe('19850312-****');
    expect(store.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual({ n: 0 });
    expect(await ok(dispatch(as(handler), 'cases:revealPersonalNumber', { id }))).toEqual({ personalNumber: '19850312-2384' });
    await ok(dispatch(as(auditor), 'cases:revealPersonalNumber', { id }));
    const rows = store.sqlite.prepare('SELECT user_id, action, case_id, prev_hash, hash FROM audit_log ORDER BY id').all() as { user_id: number; action: string; case_id: number; prev_hash: string; hash: string }[];
    expect(rows.map((r) => [r.user_id, r.action, r.case_id])).toEqual([
      [handler.id, 'customer.reveal_personal_number', id],
      [auditor.id, 'customer.reveal_personal_number', id],
    ]);
    expect(rows[0]!.prev_hash).toBe('0'.repeat(64));
    expect(rows[1]!.prev_hash).toBe(rows[0]!.hash);
  });

  it('raises red flags on write and keeps them on the row for the inbox', async () => {
    const [flagged, clean] = seed(
      {
        events: [
          buildEvent({ occurredAt: '2026-02-01T10:00:00.000Z', kind: 'dispute_opened', source: 'merchant', direction: 'outbound' }),
          buildEvent({ occurredAt: '2026-02-10T10:00:00.000Z', kind: 'reminder', source: 'invoice', direction: 'outbound', summary: 'Påminnelse' }),
        ],
      },
      {},
    );
    const view = await ok(dispatch(as(handler), 'cases:get', { id: flagged! }));
    expect(view.flags.map((f) => f.code)).toEqual(['collection_during_dispute']);
    expect(view.flags[0]!.eventIds).toEqual([view.events[1]!.id]);
    const list = await ok(dispatch(as(handler), 'cases:list', { flagged: true }));
    expect(list.rows.map((r) => [r.id, r.flagCount])).toEqual([[flagged, 1]]);
    expect(clean).toBeGreaterThan(0);
  });

  it('lists what is overdue and what is due this week, in business days', async () => {
    // Today is Thursday 2026-03-12.
    const [overdue, thisWeek, later] = seed(
      { receivedAt: '2026-02-01T08:00:00.000Z', receivedDate: '2026-02-01', events: [] },
      { receivedAt: '2026-02-27T08:00:00.000Z', receivedDate: '2026-02-27', events: [] },
      { receivedAt: '2026-03-11T08:00:00.000Z', receivedDate: '2026-03-11', events: [] },
    );
    const due = await ok(dispatch(as(handler), 'cases:list', { due: 'overdue' }));
    expect(due.rows.map((r) => r.id)).toEqual([overdue]);
    expect(due.rows[0]!.nextDue).toMatchObject({ kind: 'internal_target', date: '2026-02-13', daysLeft: -19 });
    const week = await ok(dispatch(as(handler), 'cases:list', { due: 'this_week' }));
    expect(week.rows.map((r) => r.id)).toEqual([thisWeek]);
    expect(week.rows[0]!.nextDue).toEqual({ kind: 'internal_target', date: '2026-03-13', daysLeft: 1 });
    const sorted = await ok(dispatch(as(handler), 'cases:list', { sort: 'due', dir: 'asc' }));
    expect(sorted.rows.map((r) => r.id)).toEqual([overdue, thisWeek, later]);
    expect(sorted.today).toBe('2026-03-12');
  });

  it('counts several filters in one call, each as the list would total it, and names a bad filter', async () => {
    // Today is Thursday 2026-03-12: one Swedish case overdue, one due this week, and a Danish one
    // received yesterday whose first deadline (Danish rules) also falls this week.
    seed(
      { receivedAt: '2026-02-01T08:00:00.000Z', receivedDate: '2026-02-01', events: [] },
      { receivedAt: '2026-02-27T08:00:00.000Z', receivedDate: '2026-02-27', events: [] },
      { receivedAt: '2026-03-11T08:00:00.000Z', receivedDate: '2026-03-11', events: [], market: 'DK' },
    );
    const filters = [{}, { due: 'overdue' as const }, { due: 'this_week' as const }, { market: 'DK' as const }, { status: ['closed' as const] }, { assigneeId: null }];
    const { totals } = await ok(dispatch(as(handler), 'cases:counts', { filters }));
    const listed = await Promise.all(filters.map(async (f) => (await ok(dispatch(as(handler), 'cases:list', { ...f, limit: 0 }))).total));
    expect(totals).toEqual(listed);
    expect(totals).toEqual([3, 1, 2, 1, 0, 3]);
    const none = await dispatch(as(handler), 'cases:counts', { filters: [] });
    expect(none).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const paging = await dispatch(as(handler), 'cases:counts', { filters: [{ limit: 0 }] });
    expect(paging).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('filters.0') } });
  });
});

describe('derived fields', () => {
  it('recomputes cases that older rules computed, and only those', async () => {
    const [a, b] = seed({}, {});
    store.sqlite.prepare(`UPDATE cases SET derived_version = 0, flags = '[]', flag_count = 0, next_due_date = NULL WHERE id = ?`).run(a);
    const { refreshStaleCases } = await import('../../src/main/services/case-work.service');
    expect(await refreshStaleCases({ store })).toBe(1);
    const rows = store.sqlite.prepare('SELECT id, next_due_date FROM cases ORDER BY id').all();
    expect(rows).toEqual([
      { id: a, next_due_date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) },
      { id: b, next_due_date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) },
    ]);
    expect(await refreshStaleCases({ store })).toBe(0);
  });
});

describe('inbox paging', () => {
  it('pages concatenate to the whole ordered list for every sort and direction', async () => {
    const names = ['Östen Ek', 'anna Berg', 'Åke Nilsson', 'Bo Ek', 'Cecilia Alm', 'david Öst', 'Erik Ås'];
    seed(
      ...names.map((name, i) => ({
        customer: { ...buildCase().customer, name, personalNumber: `1980010${i}-1234` },
        receivedAt: `2026-02-0${i + 1}T08:00:00.000Z`,
        receivedDate: `2026-02-0${i + 1}`,
        status: i % 2 ? 'in_review' : 'received',
      })),
    );
    for (const sort of ['received', 'number', 'customer', 'status', 'due', 'flags'] as const) {
      for (const dir of ['asc', 'desc'] as const) {
        const all = await ok(dispatch(as(handler), 'cases:list', { sort, dir, limit: 100 }));
        const pages = [];
        for (let offset = 0; offset < all.total; offset += 3) {
          pages.push(...(await ok(dispatch(as(handler), 'cases:list', { sort, dir, offset, limit: 3 }))).rows.map((r) => r.id));
        }
        expect(pages).toEqual(all.rows.map((r) => r.id));
      }
    }
    const byCustomer = await ok(dispatch(as(handler), 'cases:list', { sort: 'customer', dir: 'asc' }));
    // Case-insensitive: "anna" sorts with the A's, not after every capital letter.
    expect(byCustomer.rows.map((r) => r.customerName.slice(0, 4))).toEqual(['anna', 'Bo E', 'Ceci', 'davi', 'Erik', 'Åke ', 'Öste']);
  });
});

describe('deadline windows', () => {
  it('page in deadline order both ways, read off the sort index or the deadline index', async () => {
    // Today is Thursday 2026-03-12: every case received in January and February is overdue.
    seed(
      ...Array.from({ length: 12 }, (_, i) => ({
        market: i % 3 === 0 ? ('SE' as const) : ('DK' as const),
        receivedAt: `2026-02-${String(i + 1).padStart(2, '0')}T08:00:00.000Z`,
        receivedDate: `2026-02-${String(i + 1).padStart(2, '0')}`,
        status: i % 4 === 0 ? ('in_review' as const) : ('received' as const),
      })),
      { market: 'DK', receivedAt: '2026-03-11T08:00:00.000Z', receivedDate: '2026-03-11' },
      { market: 'DK', status: 'closed', receivedAt: '2026-02-20T08:00:00.000Z', receivedDate: '2026-02-20' },
      { market: 'SE', status: 'closed', receivedAt: '2026-02-21T08:00:00.000Z', receivedDate: '2026-02-21' },
    );
    // Closed long ago: no deadline runs any more (the triggers keep the counts in step).
    store.sqlite.exec(`UPDATE cases SET next_due_date = NULL, next_due_kind = NULL WHERE status = 'closed'`);
    // The same question answered the plain way: no index tricks, no kept counts.
    const expected = (market: string, status: string | null, dir: 'asc' | 'desc') =>
      store.sqlite
        .prepare(
          `SELECT id FROM cases WHERE market = ? AND (? IS NULL OR status = ?) AND next_due_date IS NOT NULL AND next_due_date < '2026-03-12'
           ORDER BY next_due_date ${dir}, id ${dir}`,
        )
        .pluck()
        .all(market, status, status) as number[];
    // Eight Danish cases among thirteen walk the sort index; the one Swedish case in review is few
    // enough to be read off the deadline index.
    for (const [market, status] of [['DK', null], ['DK', 'in_review'], ['SE', null], ['SE', 'in_review']] as const) {
      const filter = { due: 'overdue' as const, market, ...(status ? { status: [status] } : {}) };
      for (const sort of ['due', 'received', 'customer'] as const) {
        for (const dir of ['asc', 'desc'] as const) {
          const all = await ok(dispatch(as(handler), 'cases:list', { ...filter, sort, dir, limit: 100 }));
          const want = expected(market, status, dir);
          expect(all.total).toBe(want.length);
          expect(new Set(all.rows.map((r) => r.id))).toEqual(new Set(want));
          if (sort === 'due') expect(all.rows.map((r) => r.id), `${market} ${status} ${dir}`).toEqual(want);
          const pages = [];
          for (let offset = 0; offset < all.total; offset += 3) {
            pages.push(...(await ok(dispatch(as(handler), 'cases:list', { ...filter, sort, dir, offset, limit: 3 }))).rows.map((r) => r.id));
          }
          expect(pages).toEqual(all.rows.map((r) => r.id));
        }
      }
    }
    // Both kinds of case a window must leave out were there: a later deadline and none at all.
    expect(store.sqlite.prepare(`SELECT count(*) FROM cases WHERE next_due_date >= '2026-03-12'`).pluck().get()).toBeGreaterThan(0);
    expect(store.sqlite.prepare(`SELECT count(*) FROM cases WHERE next_due_date IS NULL`).pluck().get()).toBe(2);
  });
});

describe('reads compiled once per shape', () => {
  it('run on the raw handle outside transactions, and wait for an open one instead of reading its rows', async () => {
    const [id] = seed({ status: 'received' });
    const closed = () => ok(dispatch(as(handler), 'cases:list', { status: ['closed'], limit: 0 }));
    expect((await closed()).total).toBe(0);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let inside!: () => void;
    const entered = new Promise<void>((resolve) => (inside = resolve));
    const writing = store.db.transaction().execute(async (trx) => {
      await trx.updateTable('cases').set({ status: 'closed' }).where('id', '=', id!).execute();
      inside();
      await gate;
    });
    await entered;
    expect(store.sqlite.inTransaction).toBe(true);
    let seen: number | undefined;
    const reading = closed().then((r) => (seen = r.total));
    // The read neither ran inside the transaction nor went round it.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen).toBeUndefined();
    release();
    await writing;
    await reading;
    expect(seen).toBe(1);
    expect((await closed()).total).toBe(1);
  });
});

describe('kept view counts', () => {
  it('give every filter the same total as counting its rows, after work on the cases', async () => {
    const ids = seed(
      { market: 'SE', receivedAt: '2026-03-02T08:00:00.000Z', receivedDate: '2026-03-02' },
      { market: 'DK', receivedAt: '2026-03-03T08:00:00.000Z', receivedDate: '2026-03-03' },
      { market: 'SE', receivedAt: '2026-03-04T08:00:00.000Z', receivedDate: '2026-03-04' },
      { market: 'DK', receivedAt: '2026-03-05T08:00:00.000Z', receivedDate: '2026-03-05' },
    );
    await ok(dispatch(as(handler), 'cases:setStatus', { id: ids[0]!, status: 'in_review' }));
    await ok(dispatch(as(ombudsman), 'cases:assign', { id: ids[1]!, assigneeId: handler.id }));
    await ok(dispatch(as(handler), 'cases:requestInfo', { id: ids[2]!, text: 'Skicka kvittot, tack.' }));
    await ok(dispatch(as(handler), 'cases:setStatus', { id: ids[3]!, status: 'closed', reason: 'Återkallat' }));
    const filters = [
      {},
      { status: ['received' as const, 'in_review' as const, 'waiting_for_customer' as const] },
      { status: ['closed' as const] },
      { market: 'DK' as const },
      { assigneeId: handler.id },
      { assigneeId: null },
      { flagged: true },
      { due: 'overdue' as const },
      { due: 'this_week' as const },
      { due: 'this_week' as const, market: 'SE' as const },
    ];
    for (const filter of filters) {
      const totalOnly = await ok(dispatch(as(handler), 'cases:list', { ...filter, limit: 0 }));
      const rows = await ok(dispatch(as(handler), 'cases:list', { ...filter, limit: 500 }));
      expect(totalOnly.rows, JSON.stringify(filter)).toEqual([]);
      expect(totalOnly.total, JSON.stringify(filter)).toBe(rows.rows.length);
      expect(rows.total, JSON.stringify(filter)).toBe(rows.rows.length);
    }
    expect((await ok(dispatch(as(handler), 'cases:list', { status: ['closed'], limit: 0 }))).total).toBe(1);
    expect((await ok(dispatch(as(handler), 'cases:list', { assigneeId: handler.id, limit: 0 }))).total).toBe(1);
  });
});

describe('search', () => {
  it('finds a customer without diacritics, an order reference and a transcript phrase, ranked with snippets', async () => {
    const [oberg, other] = seed(
      { customer: { ...buildCase().customer, name: 'Åsa Öberg' } },
      {
        customer: { ...buildCase().customer, name: 'Per Nilsson', personalNumber: '19700101-0000' },
        events: [buildEvent({ body: 'Agent: Det beror på ett tekniskt fel hos oss, pengarna kommer.' })],
      },
    );
    const byName = await ok(dispatch(as(handler), 'search:query', { query: 'oberg' }));
    expect(byName.hits[0]).toMatchObject({ caseId: oberg, field: 'customer', snippet: 'Åsa \u0002Öberg\u0003' });
    const phrase = await ok(dispatch(as(handler), 'search:query', { query: '"tekniskt fel"' }));
    expect(phrase.hits.map((h) => h.caseId)).toEqual([other]);
    expect(phrase.hits[0]).toMatchObject({ field: 'event', snippet: 'Agent: Det beror på ett \u0002tekniskt fel\u0003 hos oss, pengarna kommer.' });
    const order = store.sqlite.prepare('SELECT order_ref FROM purchases WHERE case_id = ?').pluck().get(other) as string;
    const byOrder = await ok(dispatch(as(handler), 'search:query', { query: order }));
    expect(byOrder.hits[0]).toMatchObject({ caseId: other, field: 'order_refs' });
    // A personal number finds the case but is never echoed back.
    const byNumber = await ok(dispatch(as(handler), 'search:query', { query: '19700101' }));
    expect(byNumber.hits[0]).toMatchObject({ caseId: other, field: 'personal_number', snippet: '' });
  });

  it('takes FTS operators literally and names an empty query', async () => {
    seed({});
    for (const query of ['NEAR(a b)', 'öberg OR', '"unbalanced', '*', 'a:b', '-x']) {
      const result = await dispatch(as(handler), 'search:query', { query });
      expect(result.ok || (!result.ok && result.error.code === 'invalid_input')).toBe(true);
    }
    const empty = await dispatch(as(handler), 'search:query', { query: '!!!' });
    expect(empty).toEqual({ ok: false, error: { code: 'invalid_input', message: 'search:query: query: has no letters or digits to search for', reason: 'search.noTerms', params: {} } });
  });
});
