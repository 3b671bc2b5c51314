import { closeSync, fsyncSync, openSync, readSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';

/** What main hands the backup worker (workerData). */
export interface BackupWorkerData {
  storePath: string;
  /** Where the copy is written; it must not exist. Main renames it into place. */
  partialPath: string;
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

function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes a consistent copy of the store at `storePath` to `partialPath`, on a read connection of
 * its own, as the backup worker does. `VACUUM INTO` reads one snapshot in one read transaction: under
 * WAL, writers on other connections go on committing and neither block it nor make it start over
 * (the online backup API restarts when another connection writes between its steps). It reads
 * every row, so a damaged store fails here instead of yielding a damaged backup, and the copy
 * has no free pages. The copy is then made a self-contained rollback-journal file, with no -wal
 * to lose beside it, and fsynced. Synchronous: it runs in a worker thread, never on main's.
 */
export function copyStore(storePath: string, partialPath: string, nativeBinding: string | undefined): void {
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
  fsyncFile(partialPath);
}
