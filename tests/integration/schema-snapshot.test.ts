import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/main/db/connection';
import { MIGRATIONS } from '../../src/main/db/migrations';
import { enterBulkLoad } from '../../src/main/db/repositories/bulk-load.repository';
import type { Database } from '../../src/main/db/schema';
import { tempDir } from '../fixtures/temp-store';

/**
 * Migrations are frozen: what a released step produced is what every store of that version has.
 * `schema/NNNN.sql` holds the `sqlite_master` of a store migrated to exactly version NNNN; editing
 * a migration that already landed changes one of them and fails here. A new migration writes its
 * file on its first local run (`vitest` creates a missing file snapshot; CI refuses one): check it
 * in with the migration.
 */

const { dir, cleanup } = tempDir();
afterAll(() => cleanup());

/** The schema as text: every table, index, trigger and view with its SQL, in a stable order. */
function schemaOf(raw: BetterSqlite3.Database): string {
  const rows = raw
    .prepare(`SELECT type, name, tbl_name AS tableName, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name`)
    .all() as { type: string; name: string; tableName: string; sql: string | null }[];
  return `${rows.map((r) => `-- ${r.type} ${r.name} on ${r.tableName}\n${r.sql ?? '(no SQL: created by its virtual table)'};\n`).join('\n')}`;
}

async function migratedTo(version: number): Promise<BetterSqlite3.Database> {
  const raw = new BetterSqlite3(join(dir, `v${version}.sqlite`));
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
  await migrate(db, raw, version);
  return raw;
}

describe('the schema of every version', () => {
  for (const { version, name } of MIGRATIONS) {
    it(`${version} (${name}) is what it was when it landed`, async () => {
      const raw = await migratedTo(version);
      try {
        await expect(schemaOf(raw)).toMatchFileSnapshot(`schema/${String(version).padStart(4, '0')}.sql`);
      } finally {
        raw.close();
      }
    });
  }

  it('is the same after a bulk load dropped and restored the history search trigger', async () => {
    const latest = MIGRATIONS[MIGRATIONS.length - 1]!.version;
    const raw = await migratedTo(latest);
    try {
      const before = schemaOf(raw);
      const leave = enterBulkLoad(raw);
      expect(raw.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'history_events_fts'`).pluck().get()).toBe(0);
      leave();
      expect(schemaOf(raw)).toBe(before);
    } finally {
      raw.close();
    }
  });
});
