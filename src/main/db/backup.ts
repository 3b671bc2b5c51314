import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { spawnWorker } from '../workers/spawn';
import { fsyncPath, type BackupWorkerData, type BackupWorkerMessage } from './backup-copy';
import { APPLICATION_ID, nativeBinding } from './native';
import { StoreError } from './errors';
import { LATEST_VERSION } from './migrations';

/**
 * Backups are taken in a worker thread on a connection of its own (online backup in one step, see
 * backup-copy.ts), so the thread that serves the window or the harness keeps answering while a
 * store of gigabytes is copied. Every file is written beside its final name, fsynced and renamed,
 * so a backup or restore is either complete or not there.
 */

export type BackupReason = 'manual' | 'scheduled' | `pre-migration-v${number}`;

/** The folder beside the store where the app keeps its own backups. */
export function backupFolder(storePath: string): string {
  return join(dirname(storePath), 'backups');
}

function stamp(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

/** `ombud-20261116T090000Z-scheduled.sqlite`: sorts by time, says why it was taken. */
export function backupFileName(storePath: string, reason: BackupReason, at: Date): string {
  const base = basename(storePath).replace(/\.(sqlite3?|db)$/i, '');
  return `${base}-${stamp(at)}-${reason}.sqlite`;
}

const BACKUP_NAME = /^(.*)-(\d{8}T\d{6}Z)-(manual|scheduled|pre-migration-v\d+)\.sqlite$/;

function partialPath(finalPath: string): string {
  return join(dirname(finalPath), `.${basename(finalPath)}.partial-${process.pid}-${Date.now()}`);
}

export interface BackupResult {
  path: string;
  bytes: number;
  milliseconds: number;
}

/** The partial file and whatever SQLite may have left beside it. */
function removePartial(partial: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(`${partial}${suffix}`, { force: true });
}

/**
 * Runs `copyStore` in a backup worker: the copy, fsyncs and rename, so this thread only waits.
 * Settles only once the worker has exited, so its connections and files are closed before a
 * partial file is removed.
 */
function copyInWorker(storePath: string, partial: string, outPath: string): Promise<void> {
  const data: BackupWorkerData = { storePath, partialPath: partial, finalPath: outPath, nativeBinding: nativeBinding() };
  const worker = spawnWorker('backup-worker', new URL('./backup-worker.ts', import.meta.url), data);
  return new Promise((resolve, reject) => {
    let outcome: { ok: true } | { ok: false; error: Error; code: string | null } | undefined;
    worker.on('message', (m: BackupWorkerMessage) => {
      outcome ??= m.type === 'copied' ? { ok: true } : { ok: false, error: new Error(m.message), code: m.code };
    });
    worker.on('error', (error) => {
      outcome ??= { ok: false, error, code: (error as { code?: string }).code ?? null };
    });
    worker.on('exit', (exitCode) => {
      // Messages posted before the worker stopped are delivered before 'exit'.
      outcome ??= { ok: false, error: new Error(`the backup worker stopped before it finished (exit code ${exitCode})`), code: null };
      if (outcome.ok) resolve();
      else reject(Object.assign(outcome.error, { code: outcome.code ?? undefined }));
    });
  });
}

/**
 * Copies the store at `storePath` (open or not; the app goes on writing to it) to `outPath`, in a
 * worker thread. Refuses to overwrite an existing file. The copy is a consistent snapshot of what
 * was committed when the worker began, written beside, made a rollback-journal file, fsynced and
 * renamed into place (see `copyStore`). On failure nothing is left beside `outPath` and the
 * StoreError names both files: `damaged` when the store itself cannot be read, else
 * `backup_failed`.
 */
export async function backupTo(storePath: string, outPath: string): Promise<BackupResult> {
  if (existsSync(outPath)) throw new StoreError('not_ombud', `${outPath} already exists; a backup never overwrites a file.`);
  if (!existsSync(storePath)) throw new StoreError('missing', `${storePath} does not exist; no backup was written to ${outPath}.`);
  mkdirSync(dirname(outPath), { recursive: true });
  const started = performance.now();
  const partial = partialPath(outPath);
  try {
    await copyInWorker(storePath, partial, outPath);
  } catch (error) {
    removePartial(partial);
    const code = (error as { code?: string }).code ?? '';
    // Someone else's file appeared under the backup's name during the copy: it was not replaced.
    if (code === 'EEXIST') throw new StoreError('not_ombud', `${outPath} already exists; a backup never overwrites a file.`);
    const detail = `${(error as Error).message}${code ? ` (${code})` : ''}`;
    if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
      throw new StoreError('damaged', `${storePath} is damaged, so no backup was written to ${outPath}: ${detail}`);
    }
    throw new StoreError('backup_failed', `The backup of ${storePath} to ${outPath} failed: ${detail}`);
  }
  return { path: outPath, bytes: statSync(outPath).size, milliseconds: performance.now() - started };
}

/** What a backup file is, or why it cannot be restored. */
export interface BackupCheck {
  path: string;
  ok: boolean;
  schemaVersion: number | null;
  problems: string[];
}

/**
 * Checks a file before it may replace a store: an SQLite file that passes `PRAGMA
 * integrity_check`, carries Ombud's application id, and has a schema this version knows.
 */
export function checkBackup(path: string): BackupCheck {
  const problems: string[] = [];
  if (!existsSync(path)) return { path, ok: false, schemaVersion: null, problems: [`${path} does not exist.`] };
  let db: BetterSqlite3.Database | undefined;
  let version: number | null = null;
  try {
    db = new BetterSqlite3(path, { readonly: true, fileMustExist: true, nativeBinding: nativeBinding() });
    const appId = db.pragma('application_id', { simple: true }) as number;
    version = db.pragma('user_version', { simple: true }) as number;
    if (appId !== APPLICATION_ID) problems.push(`it is not an Ombud store (application id ${appId}).`);
    if (version < 1) problems.push('it has no Ombud schema (version 0).');
    if (version > LATEST_VERSION) problems.push(`its schema ${version} is newer than this Ombud knows (${LATEST_VERSION}).`);
    const integrity = (db.pragma('integrity_check(20)') as { integrity_check: string }[]).map((r) => r.integrity_check);
    if (!(integrity.length === 1 && integrity[0] === 'ok')) problems.push(`integrity_check failed: ${integrity.slice(0, 5).join('; ')}`);
  } catch (error) {
    problems.push(`it cannot be read as SQLite: ${(error as Error).message}`);
  } finally {
    db?.close();
  }
  return { path, ok: problems.length === 0, schemaVersion: version, problems };
}

export interface RestoreResult {
  restoredFrom: string;
  schemaVersion: number;
  /** Where the replaced store was kept (it is never deleted), or null when there was none. */
  previous: string | null;
  milliseconds: number;
}

/**
 * Replaces the store at `storePath` with a checked backup. Nothing is touched unless the backup
 * passes `checkBackup`. The backup is copied beside the store and fsynced; the current store (and
 * its -wal, which belongs to it and would corrupt the restored file) is renamed aside to
 * `<store>.before-restore-<time>`; then the copy is renamed into place. The store must be closed.
 */
export function restoreFrom(storePath: string, backupPath: string, at = new Date()): RestoreResult {
  const started = performance.now();
  const check = checkBackup(backupPath);
  if (!check.ok) {
    throw new StoreError('unreadable', `${backupPath} cannot be restored: ${check.problems.join(' ')} The store was not changed.`);
  }
  mkdirSync(dirname(storePath), { recursive: true });
  const partial = partialPath(storePath);
  copyFileSync(backupPath, partial);
  try {
    fsyncPath(partial);
    // The source passed the full check; the copy only has to be the same bytes. Running
    // integrity_check a second time would double the time on a big store (minutes at 4 GB).
    if (statSync(partial).size !== statSync(backupPath).size) {
      throw new StoreError('unreadable', `The copy of ${backupPath} is incomplete (disk full?). The store was not changed.`);
    }
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  let previous: string | null = null;
  if (existsSync(storePath)) {
    previous = `${storePath}.before-restore-${stamp(at)}`;
    renameSync(storePath, previous);
    if (existsSync(`${storePath}-wal`)) renameSync(`${storePath}-wal`, `${previous}-wal`);
  }
  rmSync(`${storePath}-shm`, { force: true });
  rmSync(`${storePath}-journal`, { force: true });
  renameSync(partial, storePath);
  fsyncPath(dirname(storePath), true);
  return { restoredFrom: backupPath, schemaVersion: check.schemaVersion!, previous, milliseconds: performance.now() - started };
}

export interface BackupFile {
  path: string;
  fileName: string;
  takenAt: string;
  reason: string;
  bytes: number;
}

/** The app's backups of this store, newest first. */
export function listBackups(storePath: string): BackupFile[] {
  const folder = backupFolder(storePath);
  if (!existsSync(folder)) return [];
  const base = basename(storePath).replace(/\.(sqlite3?|db)$/i, '');
  const files: BackupFile[] = [];
  for (const name of readdirSync(folder)) {
    const m = BACKUP_NAME.exec(name);
    if (!m || m[1] !== base) continue;
    const s = m[2]!;
    const takenAt = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}Z`;
    files.push({ path: join(folder, name), fileName: name, takenAt, reason: m[3]!, bytes: statSync(join(folder, name)).size });
  }
  return files.sort((a, b) => (a.takenAt < b.takenAt ? 1 : a.takenAt > b.takenAt ? -1 : b.fileName.localeCompare(a.fileName)));
}

/** Deletes the oldest scheduled backups beyond `keep`. Manual and pre-migration backups are kept. */
export function pruneScheduledBackups(storePath: string, keep: number): string[] {
  const scheduled = listBackups(storePath).filter((b) => b.reason === 'scheduled');
  const removed: string[] = [];
  for (const old of scheduled.slice(keep)) {
    rmSync(old.path, { force: true });
    removed.push(old.path);
  }
  return removed;
}

/** The newest backup that passes its check, or null. Checks newest first and stops at the first good one. */
export function latestGoodBackup(storePath: string): { file: BackupFile; check: BackupCheck } | null {
  for (const file of listBackups(storePath)) {
    const check = checkBackup(file.path);
    if (check.ok) return { file, check };
  }
  return null;
}

/** `PRAGMA quick_check`: the fast form of integrity_check (no index-content cross-check). */
export function quickCheck(sqlite: BetterSqlite3.Database): string[] {
  try {
    const rows = (sqlite.pragma('quick_check(20)') as { quick_check: string }[]).map((r) => r.quick_check);
    return rows.length === 1 && rows[0] === 'ok' ? [] : rows;
  } catch (error) {
    // Damage in the schema pages stops the check itself: that is its finding.
    return [`${(error as Error).message}${(error as { code?: string }).code ? ` (${(error as { code?: string }).code})` : ''}`];
  }
}
