import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_VERSION } from '../../src/main/db/migrations';
import { ombud } from '../fixtures/cli';
import { tempDir } from '../fixtures/temp-store';

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

describe('the ombud command', () => {
  it('creates a deterministic demo store and reports its counts', async () => {
    const a = join(dir, 'a.sqlite');
    const b = join(dir, 'b.sqlite');
    const made = await ombud('demo', '--cases', '25', '--as-of', '2026-06-30', '--db', a);
    expect(made.code).toBe(0);
    expect(made.stdout).toMatch(/25 cases, \d+ history events/);
    await ombud('demo', '--cases', '25', '--as-of', '2026-06-30', '--db', b);
    const info = JSON.parse((await ombud('info', '--json', '--db', a)).stdout);
    expect(info).toMatchObject({ schemaVersion: LATEST_VERSION, counts: { cases: 25 } });
    expect(info.counts.events).toBeGreaterThan(25 * 5);
    const rows = (path: string) => {
      const db = new BetterSqlite3(path, { readonly: true });
      const out = db.prepare('SELECT number, customer_name, status, received_at FROM cases ORDER BY id').all();
      const events = db.prepare('SELECT occurred_at, summary, body FROM history_events ORDER BY id').all();
      db.close();
      return JSON.stringify([out, events]);
    };
    expect(rows(a)).toBe(rows(b));
  });

  it('refuses to overwrite an existing store without --force', async () => {
    const path = join(dir, 'a.sqlite');
    const result = await ombud('demo', '--cases', '3', '--db', path);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('already exists. Use --force');
  });

  it('migrate creates or upgrades a store and says so', async () => {
    const path = join(dir, 'm.sqlite');
    expect((await ombud('migrate', '--db', path)).stdout).toContain(`migrated from schema 0 to ${LATEST_VERSION}`);
    expect((await ombud('migrate', '--db', path)).stdout).toContain(`is at schema ${LATEST_VERSION}, the latest`);
  });

  it('refuses a file that is not an Ombud store with a clear message, untouched', async () => {
    const path = join(dir, 'letter.sqlite');
    writeFileSync(path, 'Hej! Detta är ett brev.');
    const before = readFileSync(path);
    for (const command of [['info'], ['migrate'], ['serve']]) {
      const result = await ombud(...command, '--db', path);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toMatch(/is not an Ombud store|No built renderer/);
    }
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('info on a missing store says there is none', async () => {
    const result = await ombud('info', '--db', join(dir, 'none.sqlite'));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('No Ombud store at');
  });

  it('cases lists like the inbox, filtered, as text or JSON', async () => {
    const path = join(dir, 'a.sqlite');
    const json = JSON.parse((await ombud('cases', '--db', path, '--market', 'se', '--status', 'in_review,closed', '--json', '--limit', '500')).stdout);
    const db = new BetterSqlite3(path, { readonly: true });
    const expected = db.prepare(`SELECT count(*) FROM cases WHERE market = 'SE' AND status IN ('in_review', 'closed')`).pluck().get();
    db.close();
    expect(json.total).toBe(expected);
    for (const row of json.rows) {
      expect(row.market).toBe('SE');
      expect(['in_review', 'closed']).toContain(row.status);
    }
    const text = await ombud('cases', '--db', path, '--limit', '3');
    expect(text.stdout).toMatch(/^KO-\d{4}-\d{6} {2}/m);
    expect(text.stdout).toContain('3 of 25 cases.');
    const bad = await ombud('cases', '--db', path, '--status', 'pending');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('cases: status.0:');
  });

  it('search finds a customer typed without diacritics', async () => {
    const path = join(dir, 'a.sqlite');
    const db = new BetterSqlite3(path, { readonly: true });
    const name = db.prepare(`SELECT customer_name FROM cases WHERE customer_name GLOB '*[ÅÄÖåäöØøÆæ]*' LIMIT 1`).pluck().get() as string | undefined;
    db.close();
    expect(name).toBeDefined();
    const surname = name!.split(' ').at(-1)!;
    const folded = surname.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    const result = JSON.parse((await ombud('search', folded, '--db', path, '--json')).stdout) as { customerName: string }[];
    expect(result.length).toBeGreaterThan(0);
    expect(result.some((h) => h.customerName.includes(surname))).toBe(true);
  });

  it('stats arn counts the store’s ARN matters of a year, and matters --due soon lists the urgent ones', async () => {
    const path = join(dir, 'arn.sqlite');
    expect((await ombud('demo', '--cases', '600', '--as-of', '2026-11-16', '--db', path)).code).toBe(0);
    const db = new BetterSqlite3(path, { readonly: true });
    const count = (where: string) =>
      db.prepare(`SELECT count(*) FROM authority_matters WHERE authority = 'ARN' AND received_date LIKE '2026-%' AND ${where}`).pluck().get() as number;
    const expected = { registered: count('1'), pending: count('outcome IS NULL'), settled: count(`outcome IN ('settled', 'written_off')`) };
    const soon = db
      .prepare(`SELECT reference FROM authority_matters WHERE status = 'registered' AND response_due <= '2026-11-30' ORDER BY response_due, received_date DESC, id DESC`)
      .pluck()
      .all();
    db.close();
    expect(expected.registered).toBeGreaterThan(5);
    const stats = JSON.parse((await ombud('stats', 'arn', '--year', '2026', '--json', '--db', path)).stdout);
    expect(stats).toMatchObject({ authority: 'ARN', year: 2026, ...expected });
    expect(stats.decided + stats.settled + stats.pending).toBe(stats.registered);
    const text = await ombud('stats', 'arn', '--year', '2026', '--db', path);
    expect(text.stdout).toContain(`ARN 2026: ${expected.registered} registered; ${expected.pending} pending; ${expected.settled} settled;`);
    const listed = JSON.parse((await ombud('matters', '--due', 'soon', '--today', '2026-11-16', '--json', '--db', path)).stdout);
    // SE and DK share these ten business days (no holidays between 16 and 30 November 2026).
    expect(listed.rows.map((m: { reference: string }) => m.reference)).toEqual(soon);
  });

  it('deadline prints the N-th business day in the market’s calendar', async () => {
    expect((await ombud('deadline', '--market', 'SE', '--from', '2026-12-23', '--business-days', '1')).stdout.trim()).toBe('2026-12-28');
    expect((await ombud('deadline', '--market', 'DK', '--from', '2026-06-04', '--business-days', '1')).stdout.trim()).toBe('2026-06-08');
    const bad = await ombud('deadline', '--market', 'SE', '--from', '2026-13-01', '--business-days', '1');
    expect(bad.stderr).toContain('"2026-13-01" must be a real calendar date (there is no month 13)');
  });

  it('names a bad option value', async () => {
    const result = await ombud('demo', '--cases', 'många', '--db', join(dir, 'x.sqlite'));
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('"många" is not a whole number');
  });
});
