import type BetterSqlite3 from 'better-sqlite3';

/**
 * The trigger that keeps history search in step, as migration 2 created it; bulk loads drop it
 * and restore exactly this text (the schema snapshot test compares a store after a bulk load
 * with a migrated one). Migrations are frozen, so this is a copy, not an import.
 */
export const HISTORY_FTS_TRIGGER = `CREATE TRIGGER history_events_fts AFTER INSERT ON history_events BEGIN
      INSERT INTO history_fts(rowid, summary, body) VALUES (new.id, new.summary, new.body);
    END`;

/**
 * Bulk-load mode for filling a store with many cases at once (demo stores, first imports).
 * Keeping the history search index current row by row through its trigger costs more than the
 * rest of the write together; rebuilding it once at the end is several times faster. Foreign-key
 * checks are off for the load because the writer creates every reference moments before use.
 * Returns the function that leaves bulk mode; call it in `finally`. Should the process die in
 * between, `repairSearchIndex` (run on every open) restores the index and its trigger.
 */
export function enterBulkLoad(sqlite: BetterSqlite3.Database): () => void {
  const foreignKeys = sqlite.pragma('foreign_keys', { simple: true }) as number;
  sqlite.pragma('foreign_keys = OFF');
  const hadTrigger = hasHistoryTrigger(sqlite);
  if (hadTrigger) sqlite.exec('DROP TRIGGER history_events_fts');
  return () => {
    if (hadTrigger) rebuildHistoryIndex(sqlite);
    sqlite.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
  };
}

function hasHistoryTrigger(sqlite: BetterSqlite3.Database): boolean {
  return sqlite.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'trigger' AND name = 'history_events_fts'`).get() !== undefined;
}

function rebuildHistoryIndex(sqlite: BetterSqlite3.Database): void {
  sqlite.transaction(() => {
    sqlite.exec(`INSERT INTO history_fts(history_fts) VALUES ('rebuild')`);
    sqlite.exec(HISTORY_FTS_TRIGGER);
  })();
}

/** Restores history search after an interrupted bulk load. Returns whether it had to. */
export function repairSearchIndex(sqlite: BetterSqlite3.Database): boolean {
  const hasIndex = sqlite.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'history_fts'`).get() !== undefined;
  if (!hasIndex || hasHistoryTrigger(sqlite)) return false;
  rebuildHistoryIndex(sqlite);
  return true;
}

/** Folds the write-ahead log back into the file, so a finished store is one compact file. */
export function checkpoint(sqlite: BetterSqlite3.Database): void {
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
}

export function countCases(sqlite: BetterSqlite3.Database): number {
  return (sqlite.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;
}
