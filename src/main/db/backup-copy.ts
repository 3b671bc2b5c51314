import { closeSync, existsSync, fsyncSync, openSync, readSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';

/** What main hands the backup worker (workerData). */
export interface BackupWorkerData {
  storePath: string;
  /** Where the copy is written, beside `finalPath`; it must not exist. */
  partialPath: string;
  /** The backup's name; never overwritten. */
  finalPath: string;
  nativeBinding: string | undefined;
}

/** What the backup worker posts back once, before it exits. */
export type BackupWorkerMessage = { type: 'copied' } | { type: 'failed'; message: string; code: string | null };

/** Bytes 18 and 19 of the header are the file format's write and read versions: 2 means WAL. */
function headerSaysWal(path: string): boolean {
  const header = Buffer.alloc(20);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, header.length, 0);
  } finally {
    closeSync(fd);
  }
  return header[18] === 2 || header[19] === 2;
}

export function fsyncPath(path: string, directory = false): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, directory ? 'r' : 'r+');
    fsyncSync(fd);
  } catch (error) {
    // Some platforms (Windows) cannot open a directory to fsync it; the rename is still atomic.
    if (!directory) throw error;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Pages per backup step: all of them, in one step (2^31 - 1 pages is 8 TiB at 4 KiB a page). */
const ALL_PAGES = 0x7fffffff;

/**
 * Writes a consistent copy of the store at `storePath` to `partialPath`, on a read connection of
 * its own, and renames it to `finalPath`, as the backup worker does. SQLite's online backup
 * copies the pages in file order; in one step it reads one snapshot in one read transaction, so
 * under WAL the app's writes on its own connection go on committing and neither block the copy
 * nor make it start over (the backup restarts only when the store changes between steps). The
 * copy is made a self-contained rollback-journal file, with no -wal to lose beside it, fsynced,
 * renamed unless something else took the name meanwhile (error code EEXIST), and the folder
 * fsynced. Blocking for as long as the copy takes: it runs in a worker thread, never on main's.
 * On failure the caller removes `partialPath`.
 *
 * (`VACUUM INTO` was tried first: it also reads one snapshot, but it walks the b-trees, and with
 * the store not in the OS cache it read a 1 GiB store in 17-21 s against 4 s here.)
 */
export async function copyStore(data: BackupWorkerData): Promise<void> {
  const { storePath, partialPath, finalPath, nativeBinding } = data;
  const source = new BetterSqlite3(storePath, { readonly: true, fileMustExist: true, nativeBinding });
  try {
    // Opening a WAL snapshot can meet a checkpoint or recovery in progress for a moment.
    source.pragma('busy_timeout = 5000');
    await source.backup(partialPath, { progress: () => ALL_PAGES });
  } finally {
    source.close();
  }
  // Page 1 comes from a WAL store, so the copy says WAL until it is told otherwise.
  if (headerSaysWal(partialPath)) {
    const copy = new BetterSqlite3(partialPath, { fileMustExist: true, nativeBinding });
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
  }
  fsyncPath(partialPath);
  if (existsSync(finalPath)) throw Object.assign(new Error(`${finalPath} already exists`), { code: 'EEXIST' });
  renameSync(partialPath, finalPath);
  fsyncPath(dirname(finalPath), true);
}
