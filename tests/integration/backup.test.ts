import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, statSync, writeFileSync, closeSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { backupFolder, checkBackup, listBackups, restoreFrom } from '../../src/main/db/backup';
import { migrate, openStore } from '../../src/main/db/connection';
import { StoreError } from '../../src/main/db/errors';
import { LATEST_VERSION, MIGRATIONS } from '../../src/main/db/migrations';
import { createCaseWriter } from '../../src/main/db/repositories/case-writer.repository';
import type { Database } from '../../src/main/db/schema';
import { startHarness } from '../../src/main/harness/server';
import { dispatch } from '../../src/main/ipc/dispatch';
import { verifyAuditChain } from '../../src/main/services/audit.service';
import { nextBackupDue, startBackupSchedule, takeBackup } from '../../src/main/services/backup.service';
import { sessionUser } from '../../src/main/services/session.service';
import { buildCase } from '../fixtures/cases';
import { ombud } from '../fixtures/cli';
import { tempDir } from '../fixtures/temp-store';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function folder(): string {
  const { dir, cleanup } = tempDir();
  cleanups.push(cleanup);
  return dir;
}

/** A closed store file with `cases` cases, its WAL checkpointed into the main file. */
async function populatedStore(dir: string, cases = 40, name = 'ombud.sqlite'): Promise<string> {
  const path = join(dir, name);
  const store = await openStore(path);
  createCaseWriter(store.sqlite).writeBatch(Array.from({ length: cases }, () => buildCase()));
  store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  await store.close();
  return path;
}

function sha(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Overwrites whole pages in the middle of the file with garbage, as a failing disk would. */
function corruptMiddle(path: string): void {
  const pageSize = 4096;
  const pages = Math.floor(statSync(path).size / pageSize);
  const fd = openSync(path, 'r+');
  const garbage = Buffer.alloc(pageSize, 0);
  for (let i = 0; i < pageSize; i += 1) garbage[i] = (i * 131 + 7) % 251;
  for (let p = Math.floor(pages * 0.3); p < Math.floor(pages * 0.7); p += 1) writeSync(fd, garbage, 0, pageSize, p * pageSize);
  closeSync(fd);
}

const caseCount = (path: string) => {
  const db = new BetterSqlite3(path, { readonly: true });
  const n = db.prepare('SELECT count(*) FROM cases').pluck().get() as number;
  db.close();
  return n;
};

describe('ombud backup and restore', () => {
  it('backs up a store and restores it, keeping the replaced file', async () => {
    const dir = folder();
    const path = await populatedStore(dir, 30);
    const out = join(dir, 'copies', 'b1.sqlite');
    const backedUp = await ombud('backup', '--db', path, '--out', out);
    expect(backedUp.code, backedUp.stderr).toBe(0);
    expect(backedUp.stdout).toMatch(/Backed up .* to .*b1\.sqlite: [\d.]+ KiB in [\d.]+ s\./);
    expect(checkBackup(out)).toEqual({ path: out, ok: true, schemaVersion: LATEST_VERSION, problems: [] });
    expect(existsSync(`${out}-wal`)).toBe(false);
    expect(readdirSync(join(dir, 'copies'))).toEqual(['b1.sqlite']);
    // Refuses to overwrite.
    expect((await ombud('backup', '--db', path, '--out', out)).stderr).toContain('already exists; a backup never overwrites');

    // Work after the backup …
    const store = await openStore(path);
    createCaseWriter(store.sqlite).writeBatch([buildCase(), buildCase()]);
    await store.close();
    expect(caseCount(path)).toBe(32);
    // … is gone after the restore; the replaced store is kept beside.
    const restored = await ombud('restore', '--db', path, '--from', out);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toContain(`Restored ${path} from ${out} (schema ${LATEST_VERSION})`);
    expect(caseCount(path)).toBe(30);
    const kept = readdirSync(dir).find((f) => f.startsWith('ombud.sqlite.before-restore-') && !f.endsWith('-wal'))!;
    expect(caseCount(join(dir, kept))).toBe(32);
    // The restored store says it was restored, and its chain is intact.
    const after = await openStore(path);
    cleanups.push(() => after.close());
    const audit = after.sqlite.prepare(`SELECT action, detail FROM audit_log ORDER BY id DESC LIMIT 1`).get() as { action: string; detail: string };
    expect(audit.action).toBe('backup.restore');
    expect(JSON.parse(audit.detail)).toMatchObject({ from: out, previous: join(dir, kept) });
    expect(await verifyAuditChain(after.db)).toMatchObject({ intact: true });
  });

  it('refuses a corrupted backup and leaves the store untouched, then restores a good one', async () => {
    const dir = folder();
    const path = await populatedStore(dir, 60);
    const good = join(dir, 'good.sqlite');
    const bad = join(dir, 'bad.sqlite');
    expect((await ombud('backup', '--db', path, '--out', good)).code).toBe(0);
    copyFileSync(good, bad);
    corruptMiddle(bad);
    const check = checkBackup(bad);
    expect(check.ok).toBe(false);
    expect(check.problems.join(' ')).toMatch(/integrity_check failed|cannot be read as SQLite/);

    const before = sha(path);
    const refused = await ombud('restore', '--db', path, '--from', bad);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`${bad} cannot be restored:`);
    expect(refused.stderr).toContain('The store was not changed.');
    expect(sha(path)).toBe(before);
    expect(readdirSync(dir).filter((f) => !/-(wal|shm)$/.test(f)).sort()).toEqual(['bad.sqlite', 'good.sqlite', 'ombud.sqlite']);

    // The store itself gets damaged; a restore from the good backup brings it back.
    corruptMiddle(path);
    await expect(openStore(path, { check: true })).rejects.toMatchObject({ code: 'damaged' });
    const result = restoreFrom(path, good);
    expect(result.previous).toMatch(/ombud\.sqlite\.before-restore-\d{8}T\d{6}Z$/);
    const reopened = await openStore(path, { check: true });
    cleanups.push(() => reopened.close());
    expect(reopened.sqlite.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(60);
  });

  it('refuses files that are not Ombud stores or are newer than this Ombud', async () => {
    const dir = folder();
    const path = await populatedStore(dir, 2);
    const foreign = join(dir, 'foreign.sqlite');
    const plain = new BetterSqlite3(foreign);
    plain.exec('CREATE TABLE t (x INTEGER)');
    plain.close();
    expect(checkBackup(foreign).problems).toEqual(['it is not an Ombud store (application id 0).', 'it has no Ombud schema (version 0).']);
    const newer = join(dir, 'newer.sqlite');
    copyFileSync(path, newer);
    const raw = new BetterSqlite3(newer);
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    raw.close();
    expect(checkBackup(newer).problems).toEqual([`its schema ${LATEST_VERSION + 1} is newer than this Ombud knows (${LATEST_VERSION}).`]);
    writeFileSync(join(dir, 'text.sqlite'), 'not a database at all, just text that is long enough to look like a file');
    expect(checkBackup(join(dir, 'text.sqlite')).problems[0]).toMatch(/cannot be read as SQLite|integrity_check failed/);
    expect(() => restoreFrom(path, newer)).toThrow(StoreError);
  });
});

describe('automatic backups', () => {
  it('backs an existing store up before migrating it, but not a new or current store', async () => {
    const dir = folder();
    const path = join(dir, 'old.sqlite');
    const raw = new BetterSqlite3(path);
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
    const previous = MIGRATIONS.at(-2)!.version;
    await migrate(db, raw, previous);
    createCaseWriter(raw).writeBatch([buildCase()]);
    await db.destroy();
    const store = await openStore(path);
    await store.close();
    const backups = listBackups(path);
    expect(backups).toHaveLength(1);
    expect(backups[0]!.reason).toBe(`pre-migration-v${previous}`);
    expect(checkBackup(backups[0]!.path)).toMatchObject({ ok: true, schemaVersion: previous });
    expect(caseCount(backups[0]!.path)).toBe(1);
    // Opening again (current) and creating a new store take no backup.
    await (await openStore(path)).close();
    await (await openStore(join(dir, 'new.sqlite'))).close();
    expect(listBackups(path)).toHaveLength(1);
    expect(existsSync(backupFolder(join(dir, 'new.sqlite'))) && listBackups(join(dir, 'new.sqlite')).length).toBeFalsy();
  });

  it('runs on a schedule, keeps N scheduled backups, and is managed by the ombudsman only', async () => {
    const dir = folder();
    const path = await populatedStore(dir, 3);
    const store = await openStore(path);
    cleanups.push(() => store.close());
    const ombudsman = await sessionUser(store);
    let clock = new Date('2026-11-16T08:00:00.000Z');
    const ctx = { store, user: ombudsman, now: () => clock };
    expect(nextBackupDue(path, { enabled: true, intervalHours: 24, keep: 7 })).toEqual(new Date(0));
    const status = await dispatch(ctx, 'backups:setSchedule', { enabled: true, intervalHours: 24, keep: 2 });
    expect(status).toMatchObject({ ok: true, data: { schedule: { keep: 2 }, nextDueAt: new Date(0).toISOString() } });
    for (const day of ['16', '17', '18']) {
      clock = new Date(`2026-11-${day}T08:00:00.000Z`);
      await takeBackup(ctx, 'scheduled');
    }
    const manual = await dispatch(ctx, 'backups:run', {}, { validateOutput: true });
    expect(manual).toMatchObject({ ok: true, data: { reason: 'manual' } });
    const listed = listBackups(path);
    expect(listed.map((b) => `${b.takenAt.slice(0, 10)} ${b.reason}`)).toEqual(['2026-11-18 scheduled', '2026-11-18 manual', '2026-11-17 scheduled']);
    const s = await dispatch(ctx, 'backups:status', {}, { validateOutput: true });
    expect(s.ok && s.data.nextDueAt).toBe('2026-11-19T08:00:00.000Z');
    // The scheduler takes one at start when one is due, and not again before the interval.
    clock = new Date('2026-11-19T09:00:00.000Z');
    const stop = startBackupSchedule(ctx, { checkEveryMs: 60_000 });
    await expect.poll(() => listBackups(path).filter((b) => b.reason === 'scheduled').map((b) => b.takenAt.slice(0, 10))).toEqual(['2026-11-19', '2026-11-18']);
    stop();
    const actions = store.sqlite.prepare(`SELECT action FROM audit_log ORDER BY id`).pluck().all();
    expect(actions).toEqual(['backup.schedule', 'backup.create', 'backup.create', 'backup.create', 'backup.create', 'backup.create']);
    const auditor = { id: ombudsman.id, name: 'x', role: 'auditor' as const };
    expect(await dispatch({ store, user: auditor }, 'backups:run', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await dispatch(ctx, 'backups:setSchedule', { enabled: true, intervalHours: 0, keep: 2 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: 'backups:setSchedule: intervalHours: must be at least 1 hour' },
    });
  });
});

describe('a damaged store on start', () => {
  it('the harness serves only recovery, names the problem and the latest good backup, and restores it', async () => {
    const dir = folder();
    const path = await populatedStore(dir, 60);
    const store = await openStore(path);
    const user = await sessionUser(store);
    await takeBackup({ store, user, now: () => new Date('2026-11-15T08:00:00Z') }, 'scheduled');
    await store.close();
    // A newer backup that is itself damaged is skipped.
    const damagedCopy = join(backupFolder(path), 'ombud-20261116T080000Z-scheduled.sqlite');
    copyFileSync(listBackups(path)[0]!.path, damagedCopy);
    corruptMiddle(damagedCopy);
    corruptMiddle(path);

    let problem = '';
    try {
      await openStore(path, { check: true });
    } catch (error) {
      problem = (error as Error).message;
    }
    expect(problem).toMatch(/ombud\.sqlite is damaged: .+/);
    const renderer = join(dir, 'renderer');
    mkdirSync(renderer);
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Ombud</title>');
    let reopenedStore: Awaited<ReturnType<typeof openStore>> | undefined;
    const harness = await startHarness({
      rendererDir: renderer,
      recovery: {
        storePath: path,
        problem,
        reopen: async () => {
          reopenedStore = await openStore(path, { check: true });
          return { store: reopenedStore, user: await sessionUser(reopenedStore) };
        },
      },
    });
    cleanups.push(async () => {
      await harness.close();
      await reopenedStore?.close();
    });
    const rpc = async (channel: string, body: unknown = {}) => {
      const res = await fetch(`${harness.origin}/rpc/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-ombud-token': harness.token }, body: JSON.stringify(body) });
      return (await res.json()) as { ok: boolean; data?: unknown; error?: { code: string; message: string } };
    };
    const status = await rpc('recovery:status');
    expect(status).toMatchObject({ ok: true, data: { damaged: true, storePath: path, problem, latestGoodBackup: { fileName: 'ombud-20261115T080000Z-scheduled.sqlite', schemaVersion: LATEST_VERSION } } });
    expect(await rpc('cases:list', {})).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringContaining('is damaged') } });
    expect(await rpc('recovery:restore', { fileName: '../../etc/passwd' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await rpc('recovery:restore', { fileName: 'nope.sqlite' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const restored = await rpc('recovery:restore', { fileName: 'ombud-20261115T080000Z-scheduled.sqlite' });
    expect(restored).toMatchObject({ ok: true, data: { schemaVersion: LATEST_VERSION, previous: expect.stringContaining('before-restore') } });
    const list = await rpc('cases:list', {});
    expect(list).toMatchObject({ ok: true, data: { total: 60 } });
    expect(await rpc('recovery:status')).toMatchObject({ ok: true, data: { damaged: false } });
  });
});
