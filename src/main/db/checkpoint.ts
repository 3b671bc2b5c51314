import BetterSqlite3 from 'better-sqlite3';

/**
 * Copies a store's write-ahead log into the store file on a connection of its own (PASSIVE: it
 * waits for no reader or writer), as a worker thread does after an import. Returns the pages the
 * log holds copied, or null when it could not run (no such store, not in WAL mode, or another
 * checkpoint was running, which then does the work). Never throws: a later checkpoint catches up.
 */
export function checkpointStore(path: string, nativeBinding: string | undefined): number | null {
  try {
    const db = new BetterSqlite3(path, { fileMustExist: true, nativeBinding });
    try {
      db.pragma('busy_timeout = 5000');
      const done = (db.pragma('wal_checkpoint(PASSIVE)') as { checkpointed: number }[])[0]?.checkpointed ?? -1;
      return done >= 0 ? done : null;
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}
