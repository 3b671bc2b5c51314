import { closeSync, existsSync, openSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { StoreError } from './errors';
import { backupFileName, backupFolder, backupTo, quickCheck } from './backup';
import { LATEST_VERSION, MIGRATIONS } from './migrations';
import { APPLICATION_ID, nativeBinding } from './native';
import { runShapesDirectly } from './query-shapes';
import { repairSearchIndex } from './repositories/bulk-load.repository';
import type { Database } from './schema';
import { WriteLockDialect } from './write-lock';
import { registerAuditFunctions } from './audit-chain';

export { APPLICATION_ID, nativeBinding, useNativeBinding } from './native';

export type Db = Kysely<Database>;

export interface Store {
  path: string;
  db: Db;
  /** The raw handle, for the few dialect-specific repository functions and for benchmarks. */
  sqlite: BetterSqlite3.Database;
  close(): Promise<void>;
  /** Whether `PRAGMA quick_check` ran when the store was opened, and why (or why not). */
  integrity?: { checked: boolean; reason: string };
}

export interface OpenOptions {
  /** Create the file when it does not exist (default true). */
  create?: boolean;
  /** Apply pending migrations (default true). When false an outdated store is refused. */
  migrate?: boolean;
  readonly?: boolean;
  /**
   * Run `PRAGMA quick_check` first and refuse a damaged store with StoreError `damaged`. `true`
   * always checks; `'auto'` (the app and the harness, on start) checks a small store always and a
   * large one after an unclean shutdown or when its last full check is a week old, since checking
   * a 4 GB store takes a minute and a half; default false, so CLI commands on big stores stay quick.
   */
  check?: boolean | 'auto';
  /** Size up to which `'auto'` always checks (default ALWAYS_CHECK_BYTES); tests lower it. */
  alwaysCheckBytes?: number;
  /** Take a backup into the backups folder before migrating an existing store (default true). */
  backupBeforeMigrate?: boolean;
}

const SQLITE_MAGIC = 'SQLite format 3\0';

/** Stores up to this size are checked on every start (about a second here). */
export const ALWAYS_CHECK_BYTES = 64 * 1024 * 1024;
/** A larger store is checked again when its last full check is older than this. */
export const CHECK_INTERVAL_MS = 7 * 24 * 60 * 60 * 1000;
const LAST_CHECK_KEY = 'store.lastQuickCheck';

/** Present while a process has the store open for work; left behind by a crash or power cut. */
export function openMarkerPath(path: string): string {
  return `${path}-ombud-open`;
}

function lastFullCheck(sqlite: BetterSqlite3.Database): number | null {
  try {
    const row = sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(LAST_CHECK_KEY) as { value: string } | undefined;
    const at = row ? Date.parse(JSON.parse(row.value) as string) : NaN;
    return Number.isNaN(at) ? null : at;
  } catch {
    return null;
  }
}

/** Why the start check must run on this store, or null when it may be skipped. */
function reasonToCheck(path: string, sqlite: BetterSqlite3.Database, now: number, alwaysCheckBytes: number): string | null {
  const size = statSync(path).size;
  if (size <= alwaysCheckBytes) return 'small store, checked on every start';
  if (existsSync(openMarkerPath(path))) return 'the last session did not close the store';
  const last = lastFullCheck(sqlite);
  if (last === null) return 'never checked';
  if (now - last > CHECK_INTERVAL_MS) return `last checked ${new Date(last).toISOString().slice(0, 10)}`;
  return null;
}

/** Checks a file before any write, so a file that is not ours, or is newer, is never modified. */
export function inspectStore(path: string): { version: number } | 'new' {
  if (!existsSync(path)) return 'new';
  const size = statSync(path).size;
  if (size === 0) return 'new';
  const header = Buffer.alloc(16);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (header.toString('latin1') !== SQLITE_MAGIC) {
    throw new StoreError('not_ombud', `${path} is not an Ombud store: it is not an SQLite database.`);
  }
  let probe: BetterSqlite3.Database;
  try {
    probe = new BetterSqlite3(path, { readonly: true, fileMustExist: true, nativeBinding: nativeBinding() });
  } catch (error) {
    throw new StoreError('unreadable', `${path} cannot be read: ${(error as Error).message}`);
  }
  try {
    const appId = probe.pragma('application_id', { simple: true }) as number;
    const version = probe.pragma('user_version', { simple: true }) as number;
    let tables: { n: number };
    try {
      tables = probe.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'`).get() as { n: number };
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
        throw new StoreError('damaged', `${path} is damaged: its schema cannot be read (${(error as Error).message}, ${code}).`);
      }
      throw error;
    }
    if (appId !== APPLICATION_ID) {
      if (appId === 0 && tables.n === 0 && version === 0) return 'new';
      throw new StoreError(
        'not_ombud',
        `${path} is not an Ombud store (application id ${appId}, ${tables.n} tables). Choose an Ombud store or a new file.`,
      );
    }
    if (version > LATEST_VERSION) {
      throw new StoreError(
        'too_new',
        `${path} was written by a newer Ombud (schema ${version}; this version knows up to ${LATEST_VERSION}). Update Ombud to open it; the file was not changed.`,
      );
    }
    return { version };
  } finally {
    probe.close();
  }
}

/**
 * Runs the pending migrations up to `target` (default: the latest), each in its own transaction
 * together with its version bump, so a failed step leaves the store at the previous version.
 */
export async function migrate(db: Db, raw: BetterSqlite3.Database, target = LATEST_VERSION): Promise<number[]> {
  const current = raw.pragma('user_version', { simple: true }) as number;
  const applied: number[] = [];
  for (const migration of MIGRATIONS) {
    if (migration.version <= current || migration.version > target) continue;
    await db.transaction().execute(async (trx) => {
      await migration.up(trx);
      await sql.raw(`PRAGMA application_id = ${APPLICATION_ID}`).execute(trx);
      await sql.raw(`PRAGMA user_version = ${migration.version}`).execute(trx);
    });
    applied.push(migration.version);
  }
  return applied;
}

/** How many distinct SQL texts keep their prepared statement; the queries of a session are far fewer. */
const STATEMENT_CACHE_SIZE = 256;

/**
 * Kysely prepares every query anew, and preparing costs more than running an inbox page read off
 * an index (0.3 ms against 0.1 ms on a 250,000-case store). The same SQL text always gets the same
 * statement here, least recently used dropped first. Safe because the store has one connection and
 * Kysely runs one query on it at a time; SQLite re-prepares a cached statement itself when a
 * migration changes the schema under it.
 */
function cachingStatements(sqlite: BetterSqlite3.Database) {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string) {
      let statement = cache.get(text);
      if (statement) {
        cache.delete(text);
      } else {
        statement = sqlite.prepare(text);
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      }
      cache.set(text, statement);
      return statement;
    },
  };
}

/**
 * Opens an Ombud store: refuses foreign or newer files untouched, then sets WAL, foreign keys and
 * a busy timeout, and migrates to the latest schema.
 */
export async function openStore(path: string, options: OpenOptions = {}): Promise<Store> {
  const { create = true, migrate: doMigrate = true, readonly = false, check = false, backupBeforeMigrate = true } = options;
  const state = inspectStore(path);
  if (state === 'new' && !create) throw new StoreError('missing', `No Ombud store at ${path}.`);
  if (state !== 'new' && state.version < LATEST_VERSION && !doMigrate && !readonly) {
    throw new StoreError(
      'outdated',
      `${path} has schema ${state.version} and needs migrating to ${LATEST_VERSION}: run \`ombud migrate --db ${path}\`.`,
    );
  }
  const sqlite = new BetterSqlite3(path, { readonly, nativeBinding: nativeBinding() });
  let integrity: Store['integrity'];
  try {
    const reason = check === 'auto' ? (state === 'new' ? null : reasonToCheck(path, sqlite, Date.now(), options.alwaysCheckBytes ?? ALWAYS_CHECK_BYTES)) : check ? 'asked for' : null;
    if (check) {
      const skipped = state === 'new' ? 'new store' : `last checked ${new Date(lastFullCheck(sqlite) ?? 0).toISOString().slice(0, 10)} and closed cleanly since`;
      integrity = { checked: reason !== null, reason: reason ?? skipped };
    }
    if (reason !== null) {
      const problems = quickCheck(sqlite);
      if (problems.length > 0) {
        // SQLite reports one finding per line; the first few say enough.
        const lines = problems.join('\n').split('\n').filter((l) => l.trim() !== '' && !l.startsWith('*** in database'));
        const shown = lines.slice(0, 4).join('; ') + (lines.length > 4 ? ` … (${lines.length - 4} more)` : '');
        throw new StoreError('damaged', `${path} is damaged: PRAGMA quick_check reports ${shown}`);
      }
    }
    if (!readonly) {
      sqlite.pragma('journal_mode = WAL');
      sqlite.pragma('synchronous = NORMAL');
    }
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('cache_size = -65536');
    sqlite.pragma('temp_store = MEMORY');
  } catch (error) {
    sqlite.close();
    if (error instanceof StoreError) throw error;
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
      throw new StoreError('damaged', `${path} is damaged: ${(error as Error).message} (${code})`);
    }
    throw error;
  }
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('cache_size = -65536');
  sqlite.pragma('temp_store = MEMORY');
  registerAuditFunctions(sqlite);
  const statements = cachingStatements(sqlite);
  const db = new Kysely<Database>({ dialect: new WriteLockDialect({ database: statements }, sqlite) });
  runShapesDirectly(db, { sqlite, prepare: (text) => statements.prepare(text) });
  if (!readonly) {
    if (backupBeforeMigrate && state !== 'new' && state.version < LATEST_VERSION) {
      // A migration that goes wrong halfway is rolled back, but one that goes wrong in a way
      // nobody notices until later is not: keep the store as it was before every migration.
      await backupTo(path, join(backupFolder(path), backupFileName(path, `pre-migration-v${state.version}`, new Date())));
    }
    await migrate(db, sqlite);
    repairSearchIndex(sqlite);
  }
  const marker = check === 'auto' && !readonly ? openMarkerPath(path) : null;
  if (marker) {
    if (integrity?.checked) sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(LAST_CHECK_KEY, JSON.stringify(new Date().toISOString()));
    writeFileSync(marker, `${process.pid}\n`);
  }
  return {
    path,
    db,
    sqlite,
    integrity,
    async close() {
      await db.destroy();
      // Closed cleanly: the next start need not check a large store again.
      if (marker) rmSync(marker, { force: true });
    },
  };
}

export function schemaVersion(store: Store): number {
  return store.sqlite.pragma('user_version', { simple: true }) as number;
}
