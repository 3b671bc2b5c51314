import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/main/db/connection';
import { insertUser } from '../../src/main/db/repositories/user.repository';
import { dispatch } from '../../src/main/ipc/dispatch';
import { verifyAuditChain } from '../../src/main/services/audit.service';
import { createCaseIntake } from '../../src/main/services/case-intake.service';
import type { ServiceContext, SessionUser } from '../../src/main/services/context';
import { search } from '../../src/main/services/search.service';
import { sessionUser } from '../../src/main/services/session.service';
import { buildCase, buildEvent } from '../fixtures/cases';
import { tempStore } from '../fixtures/temp-store';
import { ombud } from '../fixtures/cli';

let store: Store;
let cleanup: () => Promise<void>;
let ombudsman: SessionUser;
let handler: SessionUser;
const clock = () => new Date('2026-11-16T09:00:00.000Z');
const as = (user: SessionUser): ServiceContext => ({ store, user, now: clock });

async function ok<T>(promise: Promise<{ ok: true; data: T } | { ok: false; error: { code: string; message: string } }>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
}

const SECRET = 'Åsa Öbergs granne Kjell har sett paketet';
const customer = { name: 'Åsa Öberg', personalNumber: '19850312-2384', email: 'asa.oberg@example.se', phone: '+46 70 123 45 67', street: 'Storgatan 1', postalCode: '111 22', city: 'Stockholm', country: 'SE' };

function closed(at: string, extra: Parameters<typeof buildEvent>[0][] = []) {
  const receipt = `%PDF-1.4 Åsa Öberg kvitto ${at}`;
  return [
    buildEvent({ occurredAt: '2022-01-10T09:00:00.000Z', body: `${SECRET}. Ring mig på +46 70 123 45 67.`, data: { agent: 'Maja', promise: 'refund' }, attachments: [{ fileName: 'kvitto-asa.pdf', mediaType: 'application/pdf', content: Buffer.from(receipt) }] }),
    ...extra.map((e) => buildEvent(e)),
    buildEvent({ occurredAt: at, kind: 'status_change', source: 'internal', direction: 'internal', actor: 'Fia', summary: 'decision_issued → closed', body: '', data: { fromStatus: 'decision_issued', toStatus: 'closed' } }),
  ];
}

let ids: { old: number; recent: number; arn: number; open: number };
beforeEach(async () => {
  ({ store, cleanup } = await tempStore());
  ombudsman = await sessionUser(store);
  handler = { id: await insertUser(store.db, { username: 'johan', display_name: 'Johan Berg', role: 'handler', title: null, created_at: '2020-01-01T00:00:00Z' }), name: 'Johan Berg', role: 'handler' };
  const [old, recent, arn, open] = createCaseIntake(store).writeBatch([
    buildCase({ status: 'closed', customer, receivedAt: '2022-01-05T08:00:00.000Z', receivedDate: '2022-01-05', events: closed('2022-03-01T10:00:00.000Z') }),
    // The same customer in a case closed this year: keeps her data.
    buildCase({ status: 'closed', customer, receivedAt: '2026-01-05T08:00:00.000Z', receivedDate: '2026-01-05', events: closed('2026-02-01T10:00:00.000Z') }),
    buildCase({
      status: 'closed',
      receivedAt: '2021-01-05T08:00:00.000Z',
      receivedDate: '2021-01-05',
      events: closed('2021-03-01T10:00:00.000Z', [{ occurredAt: '2022-09-01T10:00:00.000Z', kind: 'authority_correspondence', source: 'authority', direction: 'inbound', summary: 'ARN: anmälan', body: 'ARN 2022-1234' }]),
    }),
    buildCase({ status: 'in_review', receivedAt: '2020-01-05T08:00:00.000Z', receivedDate: '2020-01-05' }),
  ]);
  ids = { old: old!, recent: recent!, arn: arn!, open: open! };
});
afterEach(() => cleanup());

describe('retention', () => {
  it('shows what it would do before it runs, and a dry run changes nothing but is logged', async () => {
    const overview = await ok(dispatch(as(ombudsman), 'retention:get', {}, { validateOutput: true }));
    expect(overview.rules).toEqual({ closedCaseYears: 3, authorityMatterYears: 10, scheduleEnabled: false });
    expect(overview.preview.map((p) => [p.caseId, p.rule, p.dueSince])).toEqual([[ids.old, 'closed_case', '2025-03-01']]);
    // Shorter periods select more, and the authority matter counts from its last ARN letter.
    const shorter = await ok(dispatch(as(ombudsman), 'retention:setRules', { closedCaseYears: 1, authorityMatterYears: 4, scheduleEnabled: false }));
    expect(shorter.preview.map((p) => [p.caseId, p.rule, p.dueSince])).toEqual([
      [ids.old, 'closed_case', '2023-03-01'],
      [ids.arn, 'authority_matter', '2026-09-01'],
    ]);
    await ok(dispatch(as(ombudsman), 'retention:setRules', { closedCaseYears: 3, authorityMatterYears: 10, scheduleEnabled: false }));

    const before = store.sqlite.prepare('SELECT count(*) FROM customers WHERE personal_number = ?').pluck().get(customer.personalNumber);
    const dry = await ok(dispatch(as(ombudsman), 'retention:run', { dryRun: true }, { validateOutput: true }));
    expect(dry).toMatchObject({ dryRun: true, anonymised: 0, total: 1, cases: [{ caseId: ids.old }] });
    expect(store.sqlite.prepare('SELECT count(*) FROM customers WHERE personal_number = ?').pluck().get(customer.personalNumber)).toBe(before);
    expect(store.sqlite.prepare('SELECT anonymised_at FROM cases WHERE id = ?').pluck().get(ids.old)).toBeNull();
    expect(store.sqlite.prepare('SELECT dry_run, trigger, cases_affected, case_ids FROM retention_runs').all()).toEqual([{ dry_run: 1, trigger: 'app', cases_affected: 1, case_ids: `[${ids.old}]` }]);
    expect(store.sqlite.prepare(`SELECT action FROM audit_log ORDER BY id`).pluck().all()).toEqual(['retention.rules', 'retention.rules', 'retention.run']);
  });

  it('anonymises names, numbers, contacts, free text and attachments, and keeps the statistics', async () => {
    const s = store.sqlite;
    const stats = (id: number) => ({
      c: s.prepare('SELECT number, market, category, status, received_at, claim_total_minor, claim_currency FROM cases WHERE id = ?').get(id),
      events: s.prepare('SELECT id, kind, occurred_at, direction, json_extract(data, \'$.toStatus\') AS to_status, json_extract(data, \'$.promise\') AS promise FROM history_events WHERE case_id = ? ORDER BY id').all(id),
      purchases: s.prepare('SELECT amount_minor, currency, product, status, purchased_on FROM purchases WHERE case_id = ?').all(id),
      claims: s.prepare('SELECT kind, amount_minor, currency FROM claims WHERE case_id = ?').all(id),
    });
    const before = stats(ids.old);
    expect(s.prepare('SELECT count(*) FROM attachments').pluck().get()).toBe(3);

    const cli = await ombud('retention', 'run', '--db', store.path);
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.stdout).toMatch(/Run \d+: anonymised 1 cases\./);

    expect(stats(ids.old)).toEqual(before);
    const c = s.prepare('SELECT customer_name, summary, anonymised_at, customer_id FROM cases WHERE id = ?').get(ids.old) as { customer_name: string; summary: string; anonymised_at: string; customer_id: number };
    expect(c).toMatchObject({ customer_name: 'Anonymiserad', summary: '' });
    expect(c.anonymised_at).toMatch(/^\d{4}-/);
    expect(s.prepare('SELECT name, personal_number, email, phone, street, postal_code, city FROM customers WHERE id = ?').get(c.customer_id)).toEqual({
      name: 'Anonymiserad', personal_number: '', email: null, phone: null, street: null, postal_code: null, city: null,
    });
    const texts = s.prepare('SELECT summary, body, actor, data FROM history_events WHERE case_id = ?').all(ids.old) as { summary: string; body: string; actor: string; data: string }[];
    expect(texts.every((e) => e.body === '' && e.summary === 'Anonymiserad' && e.actor === 'Anonymiserad' && !e.data.includes('Maja'))).toBe(true);
    expect(s.prepare('SELECT text FROM claims WHERE case_id = ?').pluck().all(ids.old)).toEqual(['']);
    expect(s.prepare('SELECT order_ref FROM purchases WHERE case_id = ?').pluck().get(ids.old)).toMatch(/^ANON-\d+$/);
    // Its attachment is gone; the other cases' attachments stay.
    expect(s.prepare('SELECT count(*) FROM event_attachments ea JOIN history_events e ON e.id = ea.event_id WHERE e.case_id = ?').pluck().get(ids.old)).toBe(0);
    expect(s.prepare('SELECT count(*) FROM event_attachments').pluck().get()).toBe(2);
    expect(s.prepare('SELECT count(*) FROM attachments').pluck().get()).toBe(2);
    expect(s.prepare(`SELECT count(*) FROM attachments WHERE CAST(content AS TEXT) LIKE '%2022-03-01%'`).pluck().get()).toBe(0);
    // Nothing about her is findable through this case any more; the other case still has her.
    const hits = await search(as(ombudsman), { query: 'Kjell', limit: 50 });
    expect(hits.hits.map((h) => h.caseId)).not.toContain(ids.old);
    expect(hits.hits.map((h) => h.caseId)).toContain(ids.recent);
    const byNumber = await search(as(ombudsman), { query: '19850312', limit: 50 });
    expect(byNumber.hits.map((h) => h.caseId).sort()).toEqual([ids.recent, ids.arn, ids.open].sort());
    expect(s.prepare('SELECT name FROM customers c JOIN cases k ON k.customer_id = c.id WHERE k.id = ?').pluck().get(ids.recent)).toBe('Åsa Öberg');
    // History is still append-only for everyone else.
    expect(() => s.prepare(`UPDATE history_events SET body = 'x' WHERE case_id = ?`).run(ids.old)).toThrow('history is append-only');
    expect(s.prepare('SELECT count(*) FROM anonymisation_grants').pluck().get()).toBe(0);
    // Logged: one audit row per case and one per run; the chain holds.
    expect(s.prepare(`SELECT action, case_id FROM audit_log ORDER BY id`).all()).toEqual([
      { action: 'case.anonymise', case_id: ids.old },
      { action: 'retention.run', case_id: null },
    ]);
    expect(s.prepare('SELECT dry_run, trigger, cases_affected FROM retention_runs').all()).toEqual([{ dry_run: 0, trigger: 'cli', cases_affected: 1 }]);
    expect(await verifyAuditChain(store.db)).toMatchObject({ intact: true, rows: 2 });
    // The case still opens, anonymised.
    const view = await ok(dispatch(as(ombudsman), 'cases:get', { id: ids.old }, { validateOutput: true }));
    expect(view.header.customer.name).toBe('Anonymiserad');
    // A second run finds nothing more.
    expect((await ombud('retention', 'run', '--db', store.path, '--dry-run')).stdout).toContain('0 cases would be anonymised');
  });

  it('never anonymises a case while an authority matter on it is open, and counts the matter as authority correspondence', async () => {
    const matter = await ok(
      dispatch(as(ombudsman), 'matters:register', {
        caseId: ids.old, authority: 'ARN', reference: '2026-4711', receivedDate: '2026-10-01', responseDue: '2026-11-30',
        claimText: 'Åsa kräver 1 499 kr', claimAmount: '1499,00', questions: [], documents: [],
      }),
    );
    const held = await ok(dispatch(as(ombudsman), 'retention:get', {}));
    expect(held.preview.map((p) => p.caseId)).not.toContain(ids.old);
    // Decided: no longer open, but an authority matter now, kept from its last event (recorded on the 16th).
    await ok(dispatch(as(ombudsman), 'matters:recordOutcome', { matterId: matter.id, outcome: 'rejected', decidedOn: '2026-11-10', recommendation: 'Avslag', amount: null }));
    const after = await ok(dispatch(as(ombudsman), 'retention:setRules', { closedCaseYears: 3, authorityMatterYears: 1, scheduleEnabled: false }));
    expect(after.preview.map((p) => p.caseId)).not.toContain(ids.old);
    const later = await ok(dispatch({ ...as(ombudsman), now: () => new Date('2027-11-20T09:00:00.000Z') }, 'retention:run', { dryRun: false }));
    expect(later.cases.find((c) => c.caseId === ids.old)).toMatchObject({ rule: 'authority_matter', dueSince: '2027-11-16' });
    const m = store.sqlite.prepare('SELECT authority, reference, claim_text, outcome, decided_on FROM authority_matters WHERE id = ?').get(matter.id);
    expect(m).toEqual({ authority: 'ARN', reference: `ANON-${matter.id}`, claim_text: '', outcome: 'rejected', decided_on: '2026-11-10' });
  });

  it('is for the ombudsman only and refuses rules out of range', async () => {
    for (const channel of ['retention:get', 'retention:run'] as const) {
      expect(await dispatch(as(handler), channel, channel === 'retention:run' ? { dryRun: true } : {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await dispatch(as(ombudsman), 'retention:setRules', { closedCaseYears: 0, authorityMatterYears: 10, scheduleEnabled: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: 'retention:setRules: closedCaseYears: must be at least 1 year' },
    });
  });
});

describe('retention and issued decisions', () => {
  it('blanks the texts of the case’s decision letters, versions and review comments, but the letter stays issued, signed and hashed', async () => {
    const doc = JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `Beslut för ${customer.name}: ${SECRET}` }] }] });
    const panel = JSON.stringify({ claims: [{ claimId: 1, outcome: 'not_upheld', remedies: [], reasoning: `${customer.name} fick paketet` }] });
    store.sqlite
      .prepare(
        `INSERT INTO decisions (id, case_id, status, market, language, version, content, panel, created_by, created_at, saved_by, saved_at, issued_by, issued_at, rendered_text, sha256)
         VALUES (1, ?, 'issued', 'SE', 'sv', 2, ?, ?, ?, '2022-02-01T00:00:00Z', ?, '2022-02-01T00:00:00Z', ?, '2022-02-02T00:00:00Z', ?, 'abc123')`,
      )
      .run(ids.old, doc, panel, ombudsman.id, ombudsman.id, ombudsman.id, `Beslut för ${customer.name}: ${SECRET}`);
    store.sqlite.prepare(`INSERT INTO decision_versions VALUES (1, 1, ?, ?, ?, '2022-02-01T00:00:00Z', 'created')`).run(doc, panel, ombudsman.id);
    store.sqlite.prepare(`INSERT INTO decision_reviews (decision_id, action, user_id, at, comment) VALUES (1, 'returned', ?, '2022-02-01T12:00:00Z', ?)`).run(ombudsman.id, `Nämn ${customer.name}s granne`);

    const result = await ok(dispatch(as(ombudsman), 'retention:run', { dryRun: false }));
    expect(result.anonymised).toBe(1);

    const dump = JSON.stringify([
      store.sqlite.prepare('SELECT * FROM decisions').all(),
      store.sqlite.prepare('SELECT * FROM decision_versions').all(),
      store.sqlite.prepare('SELECT * FROM decision_reviews').all(),
    ]);
    for (const secret of [customer.name, 'Kjell', 'granne']) expect(dump).not.toContain(secret);
    expect(store.sqlite.prepare('SELECT status, issued_by, issued_at, sha256 FROM decisions WHERE id = 1').get()).toEqual({ status: 'issued', issued_by: ombudsman.id, issued_at: '2022-02-02T00:00:00Z', sha256: 'abc123' });
    // Outside the grant the letter is frozen again, and even inside one its identity never changes.
    expect(() => store.sqlite.prepare(`UPDATE decisions SET rendered_text = 'x' WHERE id = 1`).run()).toThrow(/cannot be changed/);
    expect(() => store.sqlite.prepare(`UPDATE decision_versions SET content = '{}' WHERE decision_id = 1`).run()).toThrow(/append-only/);
    store.sqlite.prepare('INSERT INTO anonymisation_grants VALUES (?)').run(ids.old);
    expect(() => store.sqlite.prepare(`UPDATE decisions SET sha256 = 'forged' WHERE id = 1`).run()).toThrow(/cannot be changed/);
  });
});
