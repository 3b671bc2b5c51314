import type BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type SqliteDialectConfig } from 'kysely';

/** How long a write waits for another writer (an import, another process) before it gives up. */
export const WRITE_WAIT_MS = 60_000;
/** The synchronous busy wait a statement outside a transaction may take; longer waits retry asynchronously. */
const SYNC_BUSY_MS = 5000;

function isBusy(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  return code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === 'SQLITE_LOCKED';
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work` with SQLite's synchronous busy wait off, and retries it on a timer while another
 * connection holds the write lock, up to WRITE_WAIT_MS. better-sqlite3 is synchronous: its own
 * busy wait would freeze every other request of this process for as long as an import holds the lock.
 */
const busyPragmas = new WeakMap<BetterSqlite3.Database, { off: BetterSqlite3.Statement; on: BetterSqlite3.Statement }>();

async function withoutBlocking<T>(sqlite: BetterSqlite3.Database, work: () => Promise<T>): Promise<T> {
  let pragmas = busyPragmas.get(sqlite);
  if (!pragmas) {
    pragmas = { off: sqlite.prepare('PRAGMA busy_timeout = 0'), on: sqlite.prepare(`PRAGMA busy_timeout = ${SYNC_BUSY_MS}`) };
    busyPragmas.set(sqlite, pragmas);
  }
  const deadline = Date.now() + WRITE_WAIT_MS;
  for (let delay = 2; ; delay = Math.min(delay * 2, 50)) {
    pragmas.off.get();
    try {
      return await work();
    } catch (error) {
      if (!isBusy(error) || Date.now() > deadline) throw error;
    } finally {
      pragmas.on.get();
    }
    await pause(delay);
  }
}

/**
 * Every Kysely transaction takes the write lock when it begins (`BEGIN IMMEDIATE`), so a
 * transaction that reads and then writes (the audit chain's head, a revision) cannot be overtaken
 * by a writer in another process between its read and its write. The lock is asked for without a
 * synchronous busy wait and retried on a timer while another writer holds it: the process keeps
 * answering reads (WAL readers never wait) while its writes queue behind an import.
 */
class WriteLockDriver extends SqliteDriver implements Driver {
  constructor(
    config: SqliteDialectConfig,
    private readonly sqlite: BetterSqlite3.Database,
  ) {
    super(config);
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await super.acquireConnection();
    const sqlite = this.sqlite;
    // A statement outside a transaction (an autocommit write) waits for the lock the same way.
    return {
      executeQuery: (query) => (sqlite.inTransaction ? connection.executeQuery(query) : withoutBlocking(sqlite, () => connection.executeQuery(query))),
      streamQuery: (query, chunkSize) => connection.streamQuery(query, chunkSize),
    };
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    // A read-only handle cannot take the write lock, and needs none.
    if (this.sqlite.readonly) return super.beginTransaction(connection);
    await withoutBlocking(this.sqlite, () => connection.executeQuery(CompiledQuery.raw('begin immediate')));
  }
}

export class WriteLockDialect extends SqliteDialect {
  constructor(
    private readonly config: SqliteDialectConfig,
    private readonly sqlite: BetterSqlite3.Database,
  ) {
    super(config);
  }

  override createDriver(): Driver {
    return new WriteLockDriver(this.config, this.sqlite);
  }
}
