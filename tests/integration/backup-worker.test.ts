import { closeSync, existsSync, openSync, readFileSync, readSync, readdirSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setImmediate as turn } from 'node:timers/promises';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { backupTo, checkBackup, restoreFrom } from '../../src/main/db/backup';
import { openStore } from '../../src/main/db/connection';
import { StoreError } from '../../src/main/db/errors';
import { LATEST_VERSION } from '../../src/main/db/migrations';
import { createCaseWriter } from '../../src/main/db/repositories/case-writer.repository';
import { createDemoStore } from '../../src/main/demo/generate';
import { buildCase, buildEvent } from '../fixtures/cases';
import { tempDir } from '../fixtures/temp-store';

// Backups are copied in a worker thread on a connection of their own (db/backup-copy.ts): the
// thread that serves the window keeps turning, and the app keeps writing, while a store is copied.

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function folder(): string {
  const { dir, cleanup } = tempDir();
  cleanups.push(cleanup);
  return dir;
}

function readonly(path: string): BetterSqlite3.Database {
  const db = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
  cleanups.push(() => db.close());
  return db;
}

/** Bytes 18 and 19 of the header: 1 is a rollback-journal file, 2 a WAL file. */
function headerVersions(path: string): [number, number] {
  const header = Buffer.alloc(20);
  const fd = openSync(path, 'r');
  readSync(fd, header, 0, 20, 0);
  closeSync(fd);
  return [header[18]!, header[19]!];
}

/** A case with `events` history events, so a torn copy would show as a case missing some. */
function caseWithEvents(events: number) {
  return buildCase({ events: Array.from({ length: events }, (_, i) => buildEvent({ summary: `Händelse ${i}` })) });
}

describe('backups in a worker thread', () => {
  it('copies a store the app keeps writing to into a consistent, checked, restorable rollback-journal file', async () => {
    const dir = folder();
    const path = join(dir, 'ombud.sqlite');
    const store = await openStore(path);
    cleanups.push(() => store.close());
    const writer = createCaseWriter(store.sqlite);
    for (let i = 0; i < 10; i += 1) writer.writeBatch(Array.from({ length: 40 }, () => caseWithEvents(5)));
    const countCases = () => store.sqlite.prepare('SELECT count(*) FROM cases').pluck().get() as number;
    const before = countCases();

    const out = join(dir, 'backups', 'during-writes.sqlite');
    let done = false;
    const backup = backupTo(store.path, out).finally(() => (done = true));
    // The app goes on committing on its own connection while the worker copies.
    let writesDuring = 0;
    while (!done) {
      writer.writeBatch([caseWithEvents(3), caseWithEvents(4)]);
      writesDuring += 1;
      await turn();
    }
    const result = await backup;
    const after = countCases();
    expect(writesDuring).toBeGreaterThan(0);
    expect(result).toMatchObject({ path: out, bytes: statSync(out).size });
    expect(result.milliseconds).toBeGreaterThan(0);

    expect(checkBackup(out)).toEqual({ path: out, ok: true, schemaVersion: LATEST_VERSION, problems: [] });
    const copy = readonly(out);
    const copied = copy.prepare('SELECT count(*) FROM cases').pluck().get() as number;
    // Everything committed before the backup began, and a snapshot: no case without all its events.
    expect(copied).toBeGreaterThanOrEqual(before);
    expect(copied).toBeLessThanOrEqual(after);
    const lastCase = copy.prepare('SELECT max(id) FROM cases').pluck().get() as number;
    const eventsIn = (db: BetterSqlite3.Database) => db.prepare('SELECT count(*) FROM history_events WHERE case_id <= ?').pluck().get(lastCase);
    expect(eventsIn(copy)).toBe(eventsIn(store.sqlite));
    expect(copy.prepare('SELECT count(*) FROM cases WHERE id <= ?').pluck().get(lastCase)).toBe(copied);
    expect(copy.pragma('foreign_key_check')).toEqual([]);
    // A self-contained rollback-journal file: nothing beside it, no partial left.
    expect(headerVersions(out)).toEqual([1, 1]);
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(readdirSync(join(dir, 'backups'))).toEqual(['during-writes.sqlite']);

    // Restored in place of another store, it opens, passes quick_check and has the copied cases.
    const target = join(dir, 'restored.sqlite');
    restoreFrom(target, out);
    const restored = await openStore(target, { check: true });
    cleanups.push(() => restored.close());
    expect(restored.sqlite.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(copied);
  });

  it("keeps the main thread's event loop turning while a store of tens of MB is copied", async () => {
    const dir = folder();
    const path = join(dir, 'ombud.sqlite');
    const store = await openStore(path);
    cleanups.push(() => store.close());
    await createDemoStore(store, { cases: 1500, seed: 3, asOf: '2026-11-16' });
    const size = statSync(path).size + (existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0);
    expect(size).toBeGreaterThan(20 * 1024 * 1024);

    const delay = monitorEventLoopDelay({ resolution: 10 });
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 10);
    delay.enable();
    const result = await backupTo(store.path, join(dir, 'big.sqlite'));
    delay.disable();
    clearInterval(ticker);
    const maxMs = delay.max / 1e6;
    const figures = `backup ${result.milliseconds.toFixed(0)} ms of ${(result.bytes / 1048576).toFixed(1)} MiB, longest stall ${maxMs.toFixed(0)} ms, ${ticks} ticks`;
    // The loop kept turning for most of the backup: copied on this thread in steps (as before),
    // a 10 ms interval ticked twice in a 248 ms backup of this store. A loaded two-core machine
    // (the whole suite in parallel, other work) still stalls the loop now and then, once for
    // 406 ms of a 1.2 s backup, which leaves about half the ticks: a quarter is the bar.
    expect(ticks, figures).toBeGreaterThan(result.milliseconds / 10 / 4);
    // And no single stall comes near the whole backup.
    expect(maxMs, figures).toBeLessThan(result.milliseconds / 2);
    expect(checkBackup(result.path).ok).toBe(true);
  });

  it('leaves no partial file and names the files when the store is missing or damaged, or the name is taken meanwhile', async () => {
    const dir = folder();
    const missing = join(dir, 'gone.sqlite');
    const out = join(dir, 'backups', 'gone-copy.sqlite');
    const error = await backupTo(missing, out).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({ code: 'missing', message: expect.stringContaining(missing) });
    expect(existsSync(join(dir, 'backups'))).toBe(false);

    const path = join(dir, 'ombud.sqlite');
    const store = await openStore(path);
    createCaseWriter(store.sqlite).writeBatch(Array.from({ length: 300 }, () => caseWithEvents(6)));
    store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    // A file that appears under the backup's name while the worker copies is not replaced, and
    // the finished copy beside it is removed.
    const taken = join(dir, 'backups', 'taken.sqlite');
    const racing = backupTo(store.path, taken);
    writeFileSync(taken, 'someone else');
    await expect(racing).rejects.toThrow(`${taken} already exists; a backup never overwrites a file.`);
    expect(readFileSync(taken, 'utf8')).toBe('someone else');
    expect(readdirSync(join(dir, 'backups'))).toEqual(['taken.sqlite']);
    rmSync(taken);
    await store.close();

    // A store whose header is damaged is refused as damaged, and nothing is left behind.
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(100, 0xa5), 0, 100, 0);
    closeSync(fd);
    const damaged = join(dir, 'backups', 'damaged-copy.sqlite');
    const failed = await backupTo(path, damaged).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(StoreError);
    expect((failed as StoreError).code).toBe('damaged');
    expect((failed as StoreError).message).toContain(path);
    expect((failed as StoreError).message).toContain(damaged);
    expect(readdirSync(join(dir, 'backups'))).toEqual([]);
  });
});
