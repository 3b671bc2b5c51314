import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { APPLICATION_ID, openMarkerPath, openStore, type Store } from '../../src/main/db/connection';
import { enterBulkLoad } from '../../src/main/db/repositories/bulk-load.repository';
import { StoreError } from '../../src/main/db/errors';
import { LATEST_VERSION } from '../../src/main/db/migrations';
import { createCaseWriter } from '../../src/main/db/repositories/case-writer.repository';
import { buildCase, buildEvent } from '../fixtures/cases';
import { tempDir } from '../fixtures/temp-store';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

function folder(): string {
  const { dir, cleanup } = tempDir();
  cleanups.push(cleanup);
  return dir;
}

async function expectRefused(path: string, code: StoreError['code'], pattern: RegExp) {
  const before = readFileSync(path);
  const error = await openStore(path).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(StoreError);
  expect((error as StoreError).code).toBe(code);
  expect((error as StoreError).message).toMatch(pattern);
  expect(readFileSync(path).equals(before)).toBe(true);
}

describe('opening a store', () => {
  it('creates a new store with WAL, foreign keys, our application id and the latest schema', async () => {
    const path = join(folder(), 'new.sqlite');
    const store = await openStore(path);
    cleanups.push(() => store.close());
    expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.sqlite.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(store.sqlite.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    const strict = store.sqlite.prepare(`SELECT name FROM pragma_table_list WHERE schema = 'main' AND strict = 0 AND type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%'`).all();
    expect(strict).toEqual([]);
  });

  it('refuses a file that is not a database and leaves it byte for byte', async () => {
    const path = join(folder(), 'notes.sqlite');
    writeFileSync(path, 'Det här är en anteckning, ingen databas.\n'.repeat(50));
    await expectRefused(path, 'not_ombud', /not an Ombud store: it is not an SQLite database/);
  });

  it('refuses another application’s SQLite database untouched', async () => {
    const path = join(folder(), 'other.sqlite');
    const other = new BetterSqlite3(path);
    other.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5);');
    other.close();
    await expectRefused(path, 'not_ombud', /not an Ombud store \(application id 0, 1 tables\)/);
  });

  it('refuses a store written by a newer Ombud untouched', async () => {
    const path = join(folder(), 'newer.sqlite');
    const store = await openStore(path);
    await store.close();
    const raw = new BetterSqlite3(path);
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    raw.pragma('journal_mode = DELETE');
    raw.close();
    await expectRefused(path, 'too_new', new RegExp(`newer Ombud \\(schema ${LATEST_VERSION + 1}; this version knows up to ${LATEST_VERSION}\\)`));
  });
});

describe('the case store', () => {
  it('keeps history append-only, enforced by the store itself', async () => {
    const store = await openStore(join(folder(), 's.sqlite'));
    cleanups.push(() => store.close());
    createCaseWriter(store.sqlite).writeBatch([buildCase()]);
    expect(() => store.sqlite.prepare(`UPDATE history_events SET body = 'ändrad'`).run()).toThrow(/append-only/);
    expect(() => store.sqlite.prepare('DELETE FROM history_events').run()).toThrow(/append-only/);
    expect(store.sqlite.prepare('SELECT count(*) AS n FROM history_events').get()).toEqual({ n: 3 });
  });

  it('stores money as integer minor units and refuses a float in a STRICT column', async () => {
    const store = await openStore(join(folder(), 's.sqlite'));
    cleanups.push(() => store.close());
    createCaseWriter(store.sqlite).writeBatch([buildCase()]);
    expect(store.sqlite.prepare('SELECT typeof(amount_minor) AS t, amount_minor AS a FROM purchases').get()).toEqual({ t: 'integer', a: 149_900 });
    expect(() => store.sqlite.prepare(`UPDATE purchases SET amount_minor = 14.99`).run()).toThrow(/cannot store REAL value in INTEGER column/);
  });

  it('writes a case completely or not at all', async () => {
    const store = await openStore(join(folder(), 's.sqlite'));
    cleanups.push(() => store.close());
    const writer = createCaseWriter(store.sqlite);
    const good = buildCase();
    const bad = buildCase({ events: [buildEvent({ direction: 'sideways' as never })] });
    expect(() => writer.writeBatch([good, bad])).toThrow(/CHECK constraint failed/);
    for (const table of ['cases', 'customers', 'purchases', 'claims', 'history_events']) {
      expect(store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get()).toEqual({ n: 0 });
    }
  });

  it('stores an attachment once by SHA-256 however often it arrives', async () => {
    const store = await openStore(join(folder(), 's.sqlite'));
    cleanups.push(() => store.close());
    const receipt = { fileName: 'kvitto.pdf', mediaType: 'application/pdf', content: Buffer.from('%PDF-1.4 kvitto ORD-1') };
    createCaseWriter(store.sqlite).writeBatch([
      buildCase({ events: [buildEvent({ attachments: [receipt] })] }),
      buildCase({ events: [buildEvent({ attachments: [{ ...receipt, fileName: 'kvitto (1).pdf' }] })] }),
    ]);
    expect(store.sqlite.prepare('SELECT count(*) AS n FROM attachments').get()).toEqual({ n: 1 });
    expect(store.sqlite.prepare('SELECT count(*) AS n FROM event_attachments').get()).toEqual({ n: 2 });
  });

  it('restores history search when a bulk load was interrupted', async () => {
    const path = join(folder(), 's.sqlite');
    const store = await openStore(path);
    enterBulkLoad(store.sqlite); // and never leave it, as a killed process would
    createCaseWriter(store.sqlite).writeBatch([buildCase({ events: [buildEvent({ body: 'Fakturan pausades igen.' })] })]);
    const hits = (s: Store) => s.sqlite.prepare(`SELECT count(*) AS n FROM history_fts WHERE history_fts MATCH 'pausades'`).get();
    expect(hits(store)).toEqual({ n: 0 });
    await store.close();
    const reopened = await openStore(path);
    cleanups.push(() => reopened.close());
    expect(hits(reopened)).toEqual({ n: 1 });
    createCaseWriter(reopened.sqlite).writeBatch([buildCase({ events: [buildEvent({ body: 'Den pausades en tredje gång.' })] })]);
    expect(hits(reopened)).toEqual({ n: 2 });
  });

  it('keeps full-text search in step with writes, diacritics folded', async () => {
    const store = await openStore(join(folder(), 's.sqlite'));
    cleanups.push(() => store.close());
    const writer = createCaseWriter(store.sqlite);
    writer.writeBatch([buildCase({ customer: { ...buildCase().customer, name: 'Göran Åberg-Öhman' } })]);
    const events = (q: string) => store.sqlite.prepare('SELECT count(*) AS n FROM history_fts WHERE history_fts MATCH ?').get(q);
    const cases = (q: string) => store.sqlite.prepare('SELECT count(*) AS n FROM case_fts WHERE case_fts MATCH ?').get(q);
    expect(cases('goran')).toEqual({ n: 1 });
    expect(cases('aberg')).toEqual({ n: 1 });
    expect(cases('öhman')).toEqual({ n: 1 });
    expect(cases('ohlund')).toEqual({ n: 0 });
    expect(events('pausar')).toEqual({ n: 1 });
    writer.writeBatch([buildCase({ events: [buildEvent({ body: 'Återbetalningen har inte kommit, säger kunden.' })] })]);
    expect(events('aterbetalningen')).toEqual({ n: 1 });
  });
});

describe('the start check', () => {
  async function storeWithCases(): Promise<string> {
    const path = join(folder(), 'big.sqlite');
    const store = await openStore(path);
    createCaseWriter(store.sqlite).writeBatch(Array.from({ length: 20 }, () => buildCase({ events: [buildEvent({}), buildEvent({})] })));
    await store.close();
    return path;
  }

  it('always checks a small store', async () => {
    const path = await storeWithCases();
    for (let i = 0; i < 2; i += 1) {
      const store = await openStore(path, { check: 'auto' });
      expect(store.integrity).toEqual({ checked: true, reason: 'small store, checked on every start' });
      await store.close();
    }
  });

  it('checks a large store when never checked, after an unclean shutdown, or a week after the last check; not after a clean close', async () => {
    const path = await storeWithCases();
    const large = { check: 'auto' as const, alwaysCheckBytes: 0 };
    const first = await openStore(path, large);
    expect(first.integrity).toEqual({ checked: true, reason: 'never checked' });
    // While open, a marker says so; a clean close removes it.
    expect(existsSync(openMarkerPath(path))).toBe(true);
    await first.close();
    expect(existsSync(openMarkerPath(path))).toBe(false);

    const second = await openStore(path, large);
    expect(second.integrity?.checked).toBe(false);
    expect(second.integrity?.reason).toMatch(/^last checked \d{4}-\d{2}-\d{2} and closed cleanly since$/);
    // The process dies without closing: the marker stays, and the next start checks.
    second.sqlite.close();
    const third = await openStore(path, large);
    expect(third.integrity).toEqual({ checked: true, reason: 'the last session did not close the store' });
    // A week later a clean store is checked again.
    third.sqlite.prepare(`UPDATE settings SET value = ? WHERE key = 'store.lastQuickCheck'`).run(JSON.stringify(new Date(Date.now() - 8 * 86_400_000).toISOString()));
    await third.close();
    const fourth = await openStore(path, large);
    expect(fourth.integrity?.checked).toBe(true);
    expect(fourth.integrity?.reason).toMatch(/^last checked \d{4}-\d{2}-\d{2}$/);
    await fourth.close();
  });

  it('refuses a damaged large store after an unclean shutdown', async () => {
    const path = await storeWithCases();
    const open = await openStore(path, { check: 'auto', alwaysCheckBytes: 0 });
    open.sqlite.close(); // crash: the marker stays
    const bytes = readFileSync(path);
    const pageSize = 4096;
    for (let p = Math.floor(bytes.length / pageSize / 3); p < Math.floor((bytes.length / pageSize) * 0.7); p += 1) bytes.fill(0x5a, p * pageSize, (p + 1) * pageSize);
    writeFileSync(path, bytes);
    await expect(openStore(path, { check: 'auto', alwaysCheckBytes: 0 })).rejects.toMatchObject({ code: 'damaged' });
  });
});
