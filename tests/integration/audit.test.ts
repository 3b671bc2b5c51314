import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/main/db/connection';
import { insertUser } from '../../src/main/db/repositories/user.repository';
import { dispatch } from '../../src/main/ipc/dispatch';
import { verifyAuditChain } from '../../src/main/services/audit.service';
import { createCaseIntake } from '../../src/main/services/case-intake.service';
import type { ServiceContext, SessionUser } from '../../src/main/services/context';
import { sessionUser } from '../../src/main/services/session.service';
import { buildCase } from '../fixtures/cases';
import { tempStore } from '../fixtures/temp-store';
import { ombud } from '../fixtures/cli';

let store: Store;
let cleanup: () => Promise<void>;
let ombudsman: SessionUser;
let handler: SessionUser;
let auditor: SessionUser;
let clockAt = '2026-03-12T10:00:00.000Z';
const as = (user: SessionUser): ServiceContext => ({ store, user, now: () => new Date(clockAt) });

async function ok<T>(promise: Promise<{ ok: true; data: T } | { ok: false; error: { code: string; message: string } }>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
}

/** Edits the stored log the way an attacker with the file would: around the append-only triggers. */
function tamper(path: string, statement: string): void {
  const raw = new BetterSqlite3(path);
  raw.exec(`DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;`);
  raw.exec(statement);
  raw.exec(`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;`);
  raw.close();
}

let ids: number[];
beforeEach(async () => {
  ({ store, cleanup } = await tempStore());
  ombudsman = await sessionUser(store);
  const created = '2026-01-01T00:00:00Z';
  handler = { id: await insertUser(store.db, { username: 'johan', display_name: 'Johan Berg', role: 'handler', title: null, created_at: created }), name: 'Johan Berg', role: 'handler' };
  auditor = { id: await insertUser(store.db, { username: 'revisor', display_name: 'Eva Revisor', role: 'auditor', title: null, created_at: created }), name: 'Eva Revisor', role: 'auditor' };
  ids = createCaseIntake(store).writeBatch([buildCase(), buildCase()]);
  // Five audited actions on two days, by two people, on two cases.
  clockAt = '2026-03-12T10:00:00.000Z';
  await ok(dispatch(as(handler), 'cases:addNote', { id: ids[0]!, text: 'Första anteckningen' }));
  await ok(dispatch(as(handler), 'cases:revealPersonalNumber', { id: ids[0]! }));
  await ok(dispatch(as(ombudsman), 'cases:addNote', { id: ids[1]!, text: 'Ombudsmannens anteckning' }));
  // 23:30 UTC on the 13th is already the 14th in Stockholm.
  clockAt = '2026-03-13T23:30:00.000Z';
  await ok(dispatch(as(handler), 'cases:setStatus', { id: ids[1]!, status: 'in_review' }));
  await ok(dispatch(as(ombudsman), 'cases:revealPersonalNumber', { id: ids[1]! }));
  store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
});
afterEach(() => cleanup());

describe('audit verify', () => {
  it('finds an intact chain intact, from the CLI too', async () => {
    expect(await verifyAuditChain(store.db, 2)).toMatchObject({ intact: true, rows: 5 });
    const cli = await ombud('audit', 'verify', '--db', store.path);
    expect(cli.code).toBe(0);
    expect(cli.stdout).toContain('is intact: 5 rows');
  });

  it('names the row whose content was edited directly in SQLite', async () => {
    const target = store.sqlite.prepare(`SELECT id FROM audit_log WHERE action = 'customer.reveal_personal_number' ORDER BY id LIMIT 1`).get() as { id: number };
    tamper(store.path, `UPDATE audit_log SET user_id = ${ombudsman.id} WHERE id = ${target.id}`);
    const result = await verifyAuditChain(store.db);
    expect(result).toMatchObject({ intact: false, brokenAt: target.id, problem: 'hash', rows: target.id - 1 });
    const cli = await ombud('audit', 'verify', '--db', store.path);
    expect(cli.code).toBe(1);
    expect(cli.stdout).toContain(`BROKEN at row ${target.id}`);
    expect(cli.stdout).toContain(`Audit row ${target.id} (customer.reveal_personal_number`);
    expect(cli.stdout).toContain('was changed after it was written');
  });

  it('names the row after a deleted one, and a re-hashed row', async () => {
    tamper(store.path, `DELETE FROM audit_log WHERE id = 3`);
    const cli = await ombud('audit', 'verify', '--db', store.path, '--json');
    expect(cli.code).toBe(1);
    expect(JSON.parse(cli.stdout)).toMatchObject({ intact: false, brokenAt: 4, problem: 'prev_hash' });
    expect(JSON.parse(cli.stdout).message).toContain('does not link to row 2');
  });

  it('catches an edit that also recomputed the edited row’s own hash, at the next row', async () => {
    const row = store.sqlite.prepare('SELECT * FROM audit_log WHERE id = 2').get() as { prev_hash: string; at: string; user_id: number; action: string; case_id: number };
    const { auditHash } = await import('../../src/main/services/audit.service');
    const detail = '{"customerId":999}';
    const forged = auditHash(row.prev_hash, { at: row.at, userId: row.user_id, action: row.action, caseId: row.case_id, detail });
    tamper(store.path, `UPDATE audit_log SET detail = '${detail}', hash = '${forged}' WHERE id = 2`);
    expect(await verifyAuditChain(store.db)).toMatchObject({ intact: false, brokenAt: 3, problem: 'prev_hash' });
  });
});

describe('browsing and exporting the audit log', () => {
  it('lists newest first, filtered by case, user and Stockholm period, paged', async () => {
    const all = await ok(dispatch(as(auditor), 'audit:list', {}, { validateOutput: true }));
    expect(all.total).toBe(5);
    expect(all.rows.map((r) => r.id)).toEqual([5, 4, 3, 2, 1]);
    expect(all.rows[0]).toMatchObject({ action: 'customer.reveal_personal_number', userName: ombudsman.name, caseId: ids[1] });
    const number0 = all.rows.find((r) => r.caseId === ids[0])!.caseNumber!;
    const byCase = await ok(dispatch(as(auditor), 'audit:list', { caseNumber: number0 }));
    expect(byCase.rows.map((r) => r.action)).toEqual(['customer.reveal_personal_number', 'case.note']);
    expect(byCase.total).toBe(2);
    const byUser = await ok(dispatch(as(auditor), 'audit:list', { userId: handler.id }));
    expect(byUser.total).toBe(3);
    const day14 = await ok(dispatch(as(auditor), 'audit:list', { from: '2026-03-14', to: '2026-03-14' }));
    expect(day14.total).toBe(2);
    const day12 = await ok(dispatch(as(auditor), 'audit:list', { from: '2026-03-12', to: '2026-03-13' }));
    expect(day12.total).toBe(3);
    const page = await ok(dispatch(as(auditor), 'audit:list', { offset: 1, limit: 2 }));
    expect(page.rows.map((r) => r.id)).toEqual([4, 3]);
    expect(page.total).toBe(5);
  });

  it('refuses handlers, an unknown case and a period the wrong way round', async () => {
    expect(await dispatch(as(handler), 'audit:list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await dispatch(as(handler), 'audit:export', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await dispatch(as(auditor), 'audit:list', { caseNumber: 'KO-1999-000001' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const backwards = await dispatch(as(auditor), 'audit:list', { from: '2026-03-14', to: '2026-03-12' });
    expect(backwards).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'audit:list: from: must not be after "to"' } });
  });

  it('exports CSV oldest first with hashes, and records the export in the chain', async () => {
    const exported = await ok(dispatch(as(auditor), 'audit:export', { to: '2026-03-31' }, { validateOutput: true }));
    expect(exported.rows).toBe(5);
    expect(exported.fileName).toBe('audit-start_2026-03-31-2026-03-13.csv');
    const lines = exported.csv.replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines[0]).toBe('id,at,user_id,user,action,case,detail,hash');
    expect(lines).toHaveLength(6);
    expect(lines[1]).toMatch(/^1,2026-03-12T10:00:00.000Z,\d+,Johan Berg,case.note,KO-2026-\d{6},"{""kinds"":\[""note""\]}",[0-9a-f]{64}$/);
    const after = await ok(dispatch(as(auditor), 'audit:list', { limit: 1 }));
    expect(after.rows[0]).toMatchObject({ action: 'audit.export', userId: auditor.id, detail: { rows: 5, filter: { to: '2026-03-31' } } });
    expect(await verifyAuditChain(store.db)).toMatchObject({ intact: true, rows: 6 });
  });
});
