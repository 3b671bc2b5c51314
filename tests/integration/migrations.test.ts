import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, openStore } from '../../src/main/db/connection';
import { LATEST_VERSION, MIGRATIONS } from '../../src/main/db/migrations';
import type { Database } from '../../src/main/db/schema';
import { tempDir } from '../fixtures/temp-store';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** A store migrated to exactly `version`, the way an older Ombud left it. */
async function storeAt(version: number) {
  const { dir, cleanup } = tempDir();
  const path = join(dir, 'old.sqlite');
  const raw = new BetterSqlite3(path);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
  await migrate(db, raw, version);
  cleanups.push(async () => {
    await db.destroy();
    cleanup();
  });
  return { path, raw, db };
}

/** Rows as version 1 defines them: one case with customer, merchant, purchase, claim and events. */
function populateV1(raw: BetterSqlite3.Database) {
  raw.exec(`
    INSERT INTO users (id, username, display_name, role, created_at) VALUES (1, 'fia', 'Fia Engström', 'ombudsman', '2025-01-01T00:00:00Z');
    INSERT INTO customers (id, name, personal_number, country) VALUES (1, 'Göran Ölund', '19700101-1234', 'SE');
    INSERT INTO merchants (id, name, country) VALUES (1, 'Möbelmagasinet', 'SE');
    INSERT INTO cases (id, number, market, language, received_at, received_date, received_channel, status, category,
      summary, customer_id, merchant_id, customer_name, created_at, updated_at)
      VALUES (1, 'KO-2025-000001', 'SE', 'sv', '2025-05-01T08:00:00Z', '2025-05-01', 'email', 'in_review', 'refund_missing',
      'Utlovad återbetalning kom aldrig', 1, 1, 'Göran Ölund', '2025-05-01T08:00:00Z', '2025-05-01T08:00:00Z');
    INSERT INTO purchases (case_id, order_ref, purchased_on, amount_minor, currency, product, status, merchant_id)
      VALUES (1, 'ORD-77', '2025-03-01', 499900, 'SEK', 'invoice', 'open', 1);
    INSERT INTO claims (case_id, position, kind, text, amount_minor, currency) VALUES (1, 1, 'refund', 'Återbetala soffan', 499900, 'SEK');
    INSERT INTO history_events (case_id, occurred_at, kind, source, direction, actor, summary, body, recorded_at)
      VALUES (1, '2025-04-01T10:00:00Z', 'cs_chat', 'chat', 'inbound', 'Kundservice', 'Chatt om retur',
      'Agent: Pengarna återbetalas inom fem bankdagar.', '2025-05-01T08:00:00Z');
  `);
}

describe('migrations', () => {
  it('are numbered 1..N without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(Array.from({ length: LATEST_VERSION }, (_, i) => i + 1));
  });

  it('1: creates the core tables on an empty file', async () => {
    const { raw } = await storeAt(1);
    const tables = raw.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).pluck().all();
    expect(tables).toEqual(
      expect.arrayContaining(['attachments', 'audit_log', 'cases', 'claims', 'counters', 'customers', 'event_attachments', 'history_events', 'merchants', 'purchases', 'settings', 'users']),
    );
    expect(raw.pragma('user_version', { simple: true })).toBe(1);
  });

  it('2: adds full-text search and indexes the rows a version-1 store already holds', async () => {
    const { path, raw, db } = await storeAt(1);
    populateV1(raw);
    await db.destroy();
    const store = await openStore(path);
    cleanups.push(() => store.close());
    expect(store.sqlite.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(2);
    const match = (table: string, q: string) => store.sqlite.prepare(`SELECT rowid FROM ${table} WHERE ${table} MATCH ?`).pluck().all(q);
    expect(match('case_fts', 'olund')).toEqual([1]);
    expect(match('case_fts', '"ORD-77"')).toEqual([1]);
    expect(match('case_fts', 'mobelmagasinet')).toEqual([1]);
    expect(match('history_fts', 'aterbetalas')).toHaveLength(1);
    // Nothing stored before the migration was lost.
    expect(store.sqlite.prepare('SELECT amount_minor FROM purchases').pluck().get()).toBe(499900);
  });

  it('3: adds the derived review columns, marking existing cases for recomputation', async () => {
    const { path, raw, db } = await storeAt(2);
    populateV1(raw);
    await db.destroy();
    const store = await openStore(path);
    cleanups.push(() => store.close());
    expect(store.sqlite.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(store.sqlite.prepare('SELECT flags, flag_count, next_due_date, derived_version FROM cases').get()).toEqual({
      flags: '[]',
      flag_count: 0,
      next_due_date: null,
      derived_version: 0,
    });
  });

  it('3: indexes the running deadline (until version 14 reads deadline windows off the deadline sort index)', async () => {
    const { raw } = await storeAt(3);
    const plan = raw.prepare(`EXPLAIN QUERY PLAN SELECT id FROM cases WHERE next_due_date < '2026-01-01' ORDER BY next_due_date`).all();
    expect(JSON.stringify(plan)).toContain('cases_next_due');
  });

  it('4: sorts by deadline on an index in both directions, cases without one last', async () => {
    const { path, raw, db } = await storeAt(3);
    populateV1(raw);
    await db.destroy();
    const store = await openStore(path);
    cleanups.push(() => store.close());
    expect(store.sqlite.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    for (const [fallback, dir] of [['9999-12-31', 'ASC'], ['0000-01-01', 'DESC']]) {
      const plan = store.sqlite.prepare(`EXPLAIN QUERY PLAN SELECT id FROM cases ORDER BY coalesce(next_due_date, '${fallback}') ${dir}, id ${dir} LIMIT 50`).all();
      expect(JSON.stringify(plan)).toMatch(/cases_due_(asc|desc)/);
      expect(JSON.stringify(plan)).not.toContain('TEMP B-TREE');
    }
  });

  it('5: keeps the assignee’s name on the case for the inbox sort, and sorts by it and by claimed amount on indexes', async () => {
    const { path, raw, db } = await storeAt(4);
    populateV1(raw);
    raw.exec(`UPDATE cases SET assignee_id = 1, claim_total_minor = 499900, claim_currency = 'SEK' WHERE id = 1`);
    raw.exec(`INSERT INTO users (id, username, display_name, role, created_at) VALUES (2, 'mette', 'Mette Søndergaard', 'handler', '2025-01-01T00:00:00Z')`);
    await db.destroy();
    const store = await openStore(path);
    cleanups.push(() => store.close());
    const name = (id: number) => store.sqlite.prepare('SELECT assignee_name FROM cases WHERE id = ?').pluck().get(id);
    expect(name(1)).toBe('Fia Engström');
    store.sqlite.exec(`UPDATE cases SET assignee_id = 2 WHERE id = 1`);
    expect(name(1)).toBe('Mette Søndergaard');
    store.sqlite.exec(`UPDATE users SET display_name = 'Mette S. Holm' WHERE id = 2`);
    expect(name(1)).toBe('Mette S. Holm');
    store.sqlite.exec(`UPDATE cases SET assignee_id = NULL WHERE id = 1`);
    expect(name(1)).toBeNull();
    store.sqlite.exec(`
      INSERT INTO cases (id, number, market, language, received_at, received_date, received_channel, status, category,
        summary, customer_id, merchant_id, customer_name, created_at, updated_at, assignee_id)
        VALUES (2, 'KO-2025-000002', 'SE', 'sv', '2025-05-02T08:00:00Z', '2025-05-02', 'email', 'received', 'refund_missing',
        'x', 1, 1, 'Göran Ölund', '2025-05-02T08:00:00Z', '2025-05-02T08:00:00Z', 1)`);
    expect(name(2)).toBe('Fia Engström');
    for (const order of ['assignee_name COLLATE NOCASE DESC, id DESC', 'claim_total_minor ASC, id ASC']) {
      const plan = JSON.stringify(store.sqlite.prepare(`EXPLAIN QUERY PLAN SELECT id FROM cases ORDER BY ${order} LIMIT 50`).all());
      expect(plan).toMatch(/cases_(assignee_name|claim_total)/);
      expect(plan).not.toContain('TEMP B-TREE');
    }
  });

  it('6: adds authority matters to a version-5 store, one per authority and reference, listed by due date on an index', async () => {
    const { raw, db } = await storeAt(5);
    populateV1(raw);
    await migrate(db, raw, 6);
    expect(raw.pragma('user_version', { simple: true })).toBe(6);
    const insert = raw.prepare(`INSERT INTO authority_matters (case_id, authority, reference, received_date, response_due, claim_text, questions, registered_by, created_at, updated_at)
      VALUES (1, ?, ?, '2025-06-01', ?, 'Kräver återbetalning', ?, 1, '2025-06-01T08:00:00Z', '2025-06-01T08:00:00Z')`);
    insert.run('ARN', '2025-01234', '2025-06-20', '[]');
    expect(raw.prepare('SELECT authority, reference, status, documents FROM authority_matters').all()).toEqual([
      { authority: 'ARN', reference: '2025-01234', status: 'registered', documents: '[]' },
    ]);
    expect(() => insert.run('ARN', '2025-01234', '2025-06-21', '[]')).toThrow(/UNIQUE/);
    expect(() => insert.run('FI', 'FI-1', '2025-06-21', 'not json')).toThrow(/CHECK/);
    expect(() => raw.prepare(`INSERT INTO authority_matters (case_id, authority, reference, received_date, claim_text, registered_by, created_at, updated_at)
      VALUES (1, 'FI', 'FI-2', '2025-06-01', 'x', 'fia', 'now', 'now')`).run()).toThrow(/cannot store TEXT value in INTEGER column/);
    const plan = JSON.stringify(raw.prepare(`EXPLAIN QUERY PLAN SELECT id FROM authority_matters WHERE status = 'registered' ORDER BY response_due, id LIMIT 20`).all());
    expect(plan).toContain('authority_matters_open_due');
    expect(plan).not.toContain('TEMP B-TREE');
  });

  it('7: adds monthly figures, the mail register and per-link attachment media type and source, keeping existing links', async () => {
    const { path, raw, db } = await storeAt(4);
    populateV1(raw);
    raw.exec(`
      INSERT INTO attachments (id, sha256, size, media_type, content, created_at) VALUES (1, '${'a'.repeat(64)}', 3, 'application/pdf', x'255044', '2025-05-01T08:00:00Z');
      INSERT INTO event_attachments (event_id, attachment_id, file_name) VALUES (1, 1, 'kvitto.pdf');
    `);
    await db.destroy();
    const store = await openStore(path);
    cleanups.push(() => store.close());
    expect(store.sqlite.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(7);
    expect(store.sqlite.prepare('SELECT file_name, media_type, source FROM event_attachments').all()).toEqual([{ file_name: 'kvitto.pdf', media_type: null, source: null }]);
    store.sqlite.prepare(`INSERT INTO monthly_figures VALUES ('2018-01', 'SE', 1000000, 57, 'x.csv', '2026-01-01T00:00:00Z')`).run();
    expect(() => store.sqlite.prepare(`INSERT INTO monthly_figures VALUES ('2018-01', 'SE', 5, 5, 'y.csv', 'now')`).run()).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => store.sqlite.prepare(`INSERT INTO monthly_figures VALUES ('2018-02', 'SE', -1, 5, 'y.csv', 'now')`).run()).toThrow(/CHECK/);
    expect(() => store.sqlite.prepare(`INSERT INTO monthly_figures VALUES ('2018-2', 'SE', 1, 5, 'y.csv', 'now')`).run()).toThrow(/CHECK/);
    store.sqlite.prepare(`INSERT INTO mail_messages VALUES ('<a@b>', 1, 1, 'now')`).run();
    expect(() => store.sqlite.prepare(`INSERT INTO mail_messages VALUES ('<a@b>', 1, 1, 'now')`).run()).toThrow(/UNIQUE|PRIMARY KEY/);
  });

  it('10: adds decisions whose issued rows the store itself refuses to change', async () => {
    const { path, raw, db } = await storeAt(9);
    populateV1(raw);
    await db.destroy();
    const store = await openStore(path);
    cleanups.push(() => store.close());
    expect(store.sqlite.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(store.sqlite.prepare(`SELECT count(*) FROM cases`).pluck().get()).toBe(1);
    const doc = JSON.stringify({ type: 'doc', content: [] });
    store.sqlite
      .prepare(
        `INSERT INTO decisions (id, case_id, status, market, language, version, content, panel, created_by, created_at, saved_by, saved_at, issued_by, issued_at, rendered_text, sha256)
         VALUES (1, 1, 'issued', 'SE', 'sv', 3, ?, '{"claims":[]}', 1, '2025-06-01T00:00:00Z', 1, '2025-06-01T00:00:00Z', 1, '2025-06-02T00:00:00Z', 'Beslut', 'abc')`,
      )
      .run(doc);
    expect(() => store.sqlite.prepare(`UPDATE decisions SET status = 'draft' WHERE id = 1`).run()).toThrow(/cannot be changed/);
    // An issued row must carry its frozen text and hash; a draft may not pretend to be issued.
    expect(() =>
      store.sqlite
        .prepare(`INSERT INTO decisions (case_id, status, market, language, version, content, panel, created_by, created_at, saved_by, saved_at) VALUES (1, 'issued', 'SE', 'sv', 1, ?, '{}', 1, 'x', 1, 'x')`)
        .run(doc),
    ).toThrow(/CHECK/);
    store.sqlite.prepare(`INSERT INTO decisions (case_id, status, market, language, version, content, panel, created_by, created_at, saved_by, saved_at) VALUES (1, 'draft', 'SE', 'sv', 1, ?, '{}', 1, 'x', 1, 'x')`).run(doc);
    expect(() =>
      store.sqlite.prepare(`INSERT INTO decisions (case_id, status, market, language, version, content, panel, created_by, created_at, saved_by, saved_at) VALUES (1, 'draft', 'SE', 'sv', 1, ?, '{}', 1, 'x', 1, 'x')`).run(doc),
    ).toThrow(/UNIQUE/);
  });

  it('11: retires an edited template instead of deleting it, so decisions made from it keep their link', async () => {
    const { path, raw, db } = await storeAt(10);
    populateV1(raw);
    raw.exec(`INSERT INTO decision_templates (id, market, language, name, content, updated_at, updated_by) VALUES (7, 'SE', 'sv', 'Vår mall', '{"type":"doc"}', '2025-06-01T00:00:00Z', 1)`);
    await db.destroy();
    const store = await openStore(path);
    cleanups.push(() => store.close());
    expect(store.sqlite.prepare(`SELECT id, name, retired_at FROM decision_templates`).all()).toEqual([{ id: 7, name: 'Vår mall', retired_at: null }]);
  });

  it('12: adds append-only review notes and counts cases and authority matters by received date on indexes', async () => {
    const { path, raw, db } = await storeAt(11);
    populateV1(raw);
    await db.destroy();
    const store = await openStore(path);
    cleanups.push(() => store.close());
    const s = store.sqlite;
    expect(s.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(s.prepare(`SELECT count(*) FROM cases`).pluck().get()).toBe(1);
    s.prepare(
      `INSERT INTO review_notes (month, cause, market, noted_on, text, created_by, created_at)
       VALUES ('2025-05', 'category:refund_missing', 'SE', '2025-06-03', 'Återbetalningar bekräftas nu med sms', 1, '2025-06-03T08:00:00Z')`,
    ).run();
    expect(() => s.prepare(`UPDATE review_notes SET text = 'x'`).run()).toThrow(/append-only/);
    expect(() => s.prepare(`DELETE FROM review_notes`).run()).toThrow(/append-only/);
    expect(() =>
      s.prepare(`INSERT INTO review_notes (month, cause, noted_on, text, created_by, created_at) VALUES ('2025-5', 'x', '2025-06-03', 't', 1, 'x')`).run(),
    ).toThrow(/CHECK/);
    const plan = (q: string) => JSON.stringify(s.prepare(`EXPLAIN QUERY PLAN ${q}`).all());
    expect(plan(`SELECT count(*) FROM cases WHERE received_date >= '2025-01-01' AND received_date <= '2025-12-31'`)).toMatch(/cases_received_date/);
    expect(plan(`SELECT count(*) FROM authority_matters WHERE received_date >= '2025-01-01' AND received_date <= '2025-12-31'`)).toMatch(/authority_matters_received_date/);
  });

  it('13: adds ARN responses, one per matter, whose finalised rows the store refuses to change or delete', async () => {
    const { path, raw, db } = await storeAt(12);
    populateV1(raw);
    raw.exec(`INSERT INTO authority_matters (id, case_id, authority, reference, received_date, response_due, claim_text, registered_by, created_at, updated_at)
      VALUES (1, 1, 'ARN', '2025-00001', '2025-06-01', '2025-06-20', 'Återbetala soffan', 1, '2025-06-01T00:00:00Z', '2025-06-01T00:00:00Z')`);
    await db.destroy();
    const store = await openStore(path);
    cleanups.push(() => store.close());
    const s = store.sqlite;
    expect(s.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(s.prepare(`SELECT count(*) FROM cases`).pluck().get()).toBe(1);
    expect(s.prepare(`SELECT reference FROM authority_matters`).pluck().all()).toEqual(['2025-00001']);
    const insert = (status: string, frozen: boolean) =>
      s
        .prepare(
          `INSERT INTO arn_responses (matter_id, case_id, status, language, version, content, panel, created_by, created_at, saved_by, saved_at, finalised_by, finalised_at, rendered_text, sha256)
           VALUES (1, 1, ?, 'sv', 1, '{"type":"doc"}', '{}', 1, 'x', 1, 'x', ?, ?, ?, ?)`,
        )
        .run(status, frozen ? 1 : null, frozen ? '2025-06-10T00:00:00Z' : null, frozen ? 'Yttrande' : null, frozen ? 'abc' : null);
    // A finalised row carries its text and hash; a draft may not pretend to be final.
    expect(() => insert('finalised', false)).toThrow(/CHECK/);
    insert('finalised', true);
    expect(() => insert('draft', false)).toThrow(/UNIQUE/);
    expect(() => s.prepare(`UPDATE arn_responses SET content = '{"type":"doc","content":[]}'`).run()).toThrow('a finalised ARN response cannot be changed');
    expect(() => s.prepare(`DELETE FROM arn_responses`).run()).toThrow('a finalised ARN response cannot be deleted');
    s.prepare(`INSERT INTO arn_response_reviews (response_id, action, user_id, at) VALUES (1, 'finalised', 1, 'x')`).run();
    expect(() => s.prepare(`INSERT INTO arn_response_reviews (response_id, action, user_id, at) VALUES (1, 'issued', 1, 'x')`).run()).toThrow(/CHECK/);
  });

  it('9: keeps view counts by trigger and splits case search into identity fields and free text', async () => {
    const { path, raw, db } = await storeAt(4);
    populateV1(raw);
    raw.exec(`UPDATE cases SET flag_count = 2, next_due_date = '2025-06-12'`);
    // The case document as the version-4 writer indexed it.
    raw.exec(`INSERT INTO case_fts (rowid, number, customer, personal_number, merchant, order_refs, claims, summary)
      VALUES (1, 'KO-2025-000001', 'Göran Ölund', '19700101-1234', 'Möbelmagasinet', 'ORD-77', 'Återbetala soffan', 'Utlovad återbetalning kom aldrig')`);
    await db.destroy();
    const store = await openStore(path);
    cleanups.push(() => store.close());
    const s = store.sqlite;
    expect(s.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    // The populated store's rows are counted by the backfill.
    expect(s.prepare('SELECT status, market, category, assignee_key, flagged, n FROM case_counts').all()).toEqual([
      { status: 'in_review', market: 'SE', category: 'refund_missing', assignee_key: 0, flagged: 1, n: 1 },
    ]);
    expect(s.prepare('SELECT day, n FROM case_due_counts').all()).toEqual([{ day: '2025-06-12', n: 1 }]);
    // Every later change moves the count with it.
    s.exec(`UPDATE cases SET status = 'closed', assignee_id = 1, flag_count = 0, next_due_date = NULL`);
    expect(s.prepare('SELECT status, assignee_key, flagged, n FROM case_counts WHERE n > 0').all()).toEqual([
      { status: 'closed', assignee_key: 1, flagged: 0, n: 1 },
    ]);
    expect(s.prepare('SELECT coalesce(sum(n), 0) FROM case_due_counts').pluck().get()).toBe(0);
    // Identity fields and free text are searchable in their own indexes; nothing was lost.
    const match = (table: string, q: string) => s.prepare(`SELECT rowid FROM ${table} WHERE ${table} MATCH ?`).pluck().all(q);
    expect(match('case_fts', 'olund')).toEqual([1]);
    expect(match('case_fts', '"ORD-77"')).toEqual([1]);
    expect(match('case_text_fts', 'soffan')).toEqual([1]);
    expect(match('case_text_fts', 'aterbetalning')).toEqual([1]);
    expect(match('case_fts', 'soffan')).toEqual([]);
    // A filtered page walks a sort index that carries the filter columns: no table lookups.
    for (const order of [`received_at DESC, id DESC`, `customer_name COLLATE NOCASE, id`, `coalesce(next_due_date, '9999-12-31'), id`]) {
      const plan = s.prepare(`EXPLAIN QUERY PLAN SELECT id FROM cases WHERE +market = 'DK' AND +status IN ('closed') AND +assignee_id = 1 ORDER BY ${order} LIMIT 50`).all();
      expect(JSON.stringify(plan), order).toMatch(/COVERING INDEX cases_(received|customer_name|due_asc)/);
    }
  });

  it('14: counts a deadline window with other filters off the deadline index alone, and drops the running-deadline index', async () => {
    const { path, raw, db } = await storeAt(13);
    populateV1(raw);
    raw.exec(`UPDATE cases SET flag_count = 1, next_due_date = '2025-06-12'`);
    expect(raw.prepare(`SELECT count(*) FROM sqlite_schema WHERE name = 'cases_next_due'`).pluck().get()).toBe(1);
    await db.destroy();
    const store = await openStore(path);
    cleanups.push(() => store.close());
    const s = store.sqlite;
    expect(s.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(s.prepare(`SELECT count(*) FROM sqlite_schema WHERE name = 'cases_next_due'`).pluck().get()).toBe(0);
    // The case is still there and still found by its deadline, as the inbox asks for it.
    const window = `+market = 'SE' AND +next_due_date IS NOT NULL AND coalesce(next_due_date, '9999-12-31') <= '2025-06-30'`;
    expect(s.prepare(`SELECT count(*) FROM cases WHERE ${window}`).pluck().get()).toBe(1);
    const plan = JSON.stringify(s.prepare(`EXPLAIN QUERY PLAN SELECT count(*) FROM cases WHERE ${window}`).all());
    expect(plan).toContain('COVERING INDEX cases_due_asc');
    expect(s.prepare('SELECT day, n FROM case_due_counts').all()).toEqual([{ day: '2025-06-12', n: 1 }]);
  });

  it('a failing step leaves the store at the previous version', async () => {
    const { raw, db } = await storeAt(1);
    raw.exec(`CREATE TABLE history_fts (x TEXT) STRICT`); // collides with what step 2 creates
    await expect(migrate(db, raw)).rejects.toThrow(/already exists/);
    expect(raw.pragma('user_version', { simple: true })).toBe(1);
    expect(raw.prepare(`SELECT count(*) FROM sqlite_schema WHERE name = 'case_fts'`).pluck().get()).toBe(0);
  });

  it('8: anonymisation may rewrite history text only under a grant; retention runs are recorded', async () => {
    const { path, raw, db } = await storeAt(4);
    populateV1(raw);
    await db.destroy();
    const store = await openStore(path);
    cleanups.push(() => store.close());
    expect(store.sqlite.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    const s = store.sqlite;
    expect(s.prepare('SELECT anonymised_at FROM cases WHERE id = 1').pluck().get()).toBeNull();
    // Without a grant history stays append-only.
    expect(() => s.prepare(`UPDATE history_events SET body = 'x' WHERE case_id = 1`).run()).toThrow('history is append-only');
    expect(() => s.prepare(`DELETE FROM history_events WHERE case_id = 1`).run()).toThrow('history is append-only');
    // With one, the text columns may change, never the event's kind, time or case.
    s.prepare('INSERT INTO anonymisation_grants (case_id) VALUES (1)').run();
    s.prepare(`UPDATE history_events SET body = '', summary = 'anonymised', actor = 'anonymised', data = '{}' WHERE case_id = 1`).run();
    expect(() => s.prepare(`UPDATE history_events SET kind = 'note' WHERE case_id = 1`).run()).toThrow('history is append-only');
    expect(() => s.prepare(`UPDATE history_events SET occurred_at = '2020-01-01T00:00:00Z' WHERE case_id = 1`).run()).toThrow('history is append-only');
    expect(() => s.prepare(`DELETE FROM history_events WHERE case_id = 1`).run()).toThrow('history is append-only');
    s.prepare('DELETE FROM anonymisation_grants').run();
    expect(() => s.prepare(`UPDATE history_events SET body = 'y' WHERE case_id = 1`).run()).toThrow('history is append-only');
    expect(s.prepare('SELECT kind, occurred_at, body FROM history_events WHERE case_id = 1').get()).toEqual({ kind: 'cs_chat', occurred_at: '2025-04-01T10:00:00Z', body: '' });
    expect(s.prepare(`SELECT count(*) FROM retention_runs`).pluck().get()).toBe(0);
    // The store was backed up before the migration.
    const { listBackups } = await import('../../src/main/db/backup');
    expect(listBackups(path).map((b) => b.reason)).toEqual(['pre-migration-v4']);
  });
});
