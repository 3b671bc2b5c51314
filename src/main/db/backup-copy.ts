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

/**
 * Writes a consistent copy of the store at `storePath` to `partialPath`, on a read connection of
 * its own, and renames it to `finalPath`, as the backup worker does. `VACUUM INTO` reads one
 * snapshot in one read transaction: under WAL, writers on other connections go on committing and
 * neither block it nor make it start over (the online backup API restarts when another connection
 * writes between its steps). It reads every row, so a damaged store fails here instead of
 * yielding a damaged backup, and the copy has no free pages. The copy is made a self-contained
 * rollback-journal file, with no -wal to lose beside it, fsynced, renamed unless something else
 * took the name meanwhile (error code EEXIST), and the folder fsynced. Synchronous: it runs in a
 * worker thread, never on main's, and the file system calls at the end can take a while too.
 * On failure the caller removes `partialPath`.
 */
export function copyStore(data: BackupWorkerData): void {
  const { storePath, partialPath, finalPath, nativeBinding } = data;
  const source = new BetterSqlite3(storePath, { readonly: true, fileMustExist: true, nativeBinding });
  try {
    // Opening a WAL snapshot can meet a checkpoint or recovery in progress for a moment.
    source.pragma('busy_timeout = 5000');
    source.prepare('VACUUM INTO ?').run(partialPath);
  } finally {
    source.close();
  }
  // SQLite 3.53 writes a rollback-journal header here; older versions copied the WAL flag.
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
