import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/main/db/connection';
import { contentDigest } from '../../src/main/db/repositories/case-import.repository';
import { insertUser } from '../../src/main/db/repositories/user.repository';
import { demoExchangeLines } from '../../src/main/demo/exchange';
import { importCases } from '../../src/main/import/case-import';
import { dispatch } from '../../src/main/ipc/dispatch';
import { createCaseIntake } from '../../src/main/services/case-intake.service';
import type { ServiceContext, SessionUser } from '../../src/main/services/context';
import { sessionUser } from '../../src/main/services/session.service';
import { buildCase } from '../fixtures/cases';
import { tempStore } from '../fixtures/temp-store';

/** Issue 22, items 2, 3, 5 (partial import), 6 and 8: each attack reproduced against a real store. */

let store: Store;
let dir: string;
let cleanup: () => Promise<void>;
let ombudsman: SessionUser;
let handler: SessionUser;
let caseIds: number[];
const as = (user: SessionUser): ServiceContext => ({ store, user, now: () => new Date('2026-11-16T08:00:00.000Z') });
const digest = () => contentDigest(store.sqlite);
const lines = (count: number, seed = 5) => [...demoExchangeLines({ seed, count, asOf: '2026-11-16' })].map((l) => JSON.parse(l) as Record<string, unknown>);
const write = (name: string, records: unknown[]) => {
  const path = join(dir, name);
  writeFileSync(path, records.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n') + '\n');
  return path;
};

beforeEach(async () => {
  ({ store, dir, cleanup } = await tempStore());
  ombudsman = await sessionUser(store);
  handler = { id: await insertUser(store.db, { username: 'johan', display_name: 'Johan Berg', role: 'handler', title: null, created_at: '2026-01-01T00:00:00Z' }), name: 'Johan Berg', role: 'handler' };
  caseIds = createCaseIntake(store).writeBatch([buildCase()]);
});
afterEach(() => cleanup());

const matter = (overrides: Record<string, unknown> = {}) => ({
  caseId: caseIds[0]!,
  authority: 'ARN',
  reference: '2026-0001',
  receivedDate: '2026-11-02',
  responseDue: '2026-11-23',
  claimText: 'Återbetalning.',
  claimAmount: '',
  questions: [],
  documents: [],
  ...overrides,
});

describe('item 2: real calendar dates', () => {
  it.each(['2026-02-30', '0000-00-00', '2026-02-29', '2026-13-01', '1899-12-31', '2201-01-01'])('matters:register refuses receivedDate %s, names the field and writes nothing', async (date) => {
    const before = digest();
    const result = await dispatch(as(handler), 'matters:register', matter({ receivedDate: date }));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_input');
      expect(result.error.message).toContain('receivedDate');
    }
    expect(digest()).toBe(before);
    expect((await dispatch(as(handler), 'matters:list', {})).ok).toBe(true);
  });

  it('accepts a real leap day and refuses impossible dates on review notes and response-sent', async () => {
    expect((await dispatch(as(handler), 'matters:register', matter({ receivedDate: '2024-02-29', responseDue: '2024-03-20' }))).ok).toBe(true);
    const before = digest();
    const note = await dispatch(as(handler), 'stats:addReviewNote', { month: '2026-02', cause: 'category:refund_missing', notedOn: '2026-02-30', text: 'x' });
    expect(note).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!note.ok) expect(note.error.message).toContain('notedOn');
    const sent = await dispatch(as(handler), 'matters:recordResponseSent', { matterId: 1, sentOn: '2026-11-31' });
    expect(sent).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!sent.ok) expect(sent.error.message).toContain('sentOn');
    expect(digest()).toBe(before);
  });

  it('a bad date already stored does not break matters:list or matters:forCase for anyone, and the row is still listed', async () => {
    expect((await dispatch(as(handler), 'matters:register', matter())).ok).toBe(true);
    // A row from before the check (the adversarial pass stored one through the old pattern check).
    store.sqlite.prepare(`UPDATE authority_matters SET received_date = '2026-02-30', response_due = '2026-02-30'`).run();
    for (const user of [handler, ombudsman]) {
      const list = await dispatch(as(user), 'matters:list', {});
      expect(list.ok).toBe(true);
      if (list.ok) expect(list.data.rows).toHaveLength(1);
      expect((await dispatch(as(user), 'matters:forCase', { caseId: caseIds[0]! })).ok).toBe(true);
    }
  });

  it('a failed matters:register writes nothing even when the failure comes after the insert', async () => {
    expect((await dispatch(as(handler), 'matters:register', matter())).ok).toBe(true);
    const before = digest();
    const again = await dispatch(as(handler), 'matters:register', matter());
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(digest()).toBe(before);
  });
});

describe('item 6: ill-formed Unicode never reaches the store', () => {
  it('refuses a lone surrogate in any string of any channel with the field path, including append-only review notes', async () => {
    const before = digest();
    const note = await dispatch(as(handler), 'stats:addReviewNote', { month: '2026-02', cause: 'category:refund_missing', notedOn: '2026-02-10', text: 'bad \ud800 text' });
    expect(note).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!note.ok) expect(note.error.message).toContain('text: holds ill-formed Unicode');
    const reg = await dispatch(as(handler), 'matters:register', matter({ questions: ['ok', 'lone \udc00'] }));
    expect(reg).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!reg.ok) expect(reg.error.message).toContain('questions.1');
    expect(digest()).toBe(before);
    // A well-formed pair (an emoji) is fine.
    expect((await dispatch(as(handler), 'stats:addReviewNote', { month: '2026-02', cause: 'category:refund_missing', notedOn: '2026-02-10', text: 'ok 😀' })).ok).toBe(true);
    const bad = store.sqlite.prepare(`SELECT count(*) AS n FROM review_notes WHERE text <> CAST(CAST(text AS BLOB) AS TEXT)`).get() as { n: number };
    expect(bad.n).toBe(0);
  });

  it('an import line with a lone surrogate (a JSON \\ud800 escape) is refused with its path; the store is unchanged', async () => {
    const [c] = lines(1);
    const raw = JSON.stringify(c).replace(/"summary":"/, '"summary":"\\ud800');
    const before = digest();
    const report = await importCases(as(handler), { path: write('surrogate.jsonl', [raw]) });
    expect(report.committed).toBe(false);
    expect(report.problems[0]).toMatchObject({ line: 1, path: '$.summary' });
    expect(report.problems[0]!.message).toContain('ill-formed Unicode');
    expect(digest()).toBe(before);
  });
});

describe('item 3: imports cannot forge the office’s acts', () => {
  it.each(['decision_issued', 'letter_sent', 'letter_exported', 'status_change', 'decision_review', 'note', 'info_request', 'assignment', 'authority_correspondence'])(
    'an imported %s event is refused with line and JSON path, also when reusing a stored case’s source id',
    async (kind) => {
      const [c] = lines(1);
      expect((await importCases(as(handler), { path: write('first.jsonl', [c]) })).committed).toBe(true);
      const before = digest();
      const events = (c!.events as Record<string, unknown>[]).slice();
      events.push({ ...events[0], sourceId: 'forged-1', kind, actor: 'Ombudsmannen' });
      const report = await importCases(as(handler), { path: write('forged.jsonl', ['', { ...c, events }]) });
      expect(report.committed).toBe(false);
      expect(report.problems[0]).toMatchObject({ line: 2, path: `$.events[${events.length - 1}].kind` });
      expect(report.problems[0]!.message).toContain(`"${kind}" records an act of the ombudsman's office`);
      expect(digest()).toBe(before);
    },
  );
});

describe('item 5: a far-future instant in a partial import', () => {
  it('rejects that line and imports the others', async () => {
    const [a, b, c] = lines(3);
    const report = await importCases(as(handler), {
      path: write('future.jsonl', [a, { ...b, receivedAt: '9999-12-31T23:00:00-05:00' }, { ...c, receivedAt: '10000-01-01T00:00:00Z' }]),
      partial: true,
    });
    expect(report).toMatchObject({ committed: true, created: 1, invalidLines: 2 });
    expect(report.problems.map((p) => [p.line, p.path])).toEqual([
      [2, '$.receivedAt'],
      [3, '$.receivedAt'],
    ]);
  });
});

describe('item 8: a duplicate sourceId within one file', () => {
  it('is refused as a duplicate naming both lines, and nothing is written', async () => {
    const [a, b] = lines(2);
    const before = digest();
    const report = await importCases(as(handler), { path: write('dup.jsonl', [a, b, { ...b, summary: 'again' }]) });
    expect(report.committed).toBe(false);
    expect(report).toMatchObject({ created: 0, updated: 0, invalidLines: 1 });
    expect(report.problems[0]).toMatchObject({ line: 3, path: '$.sourceId' });
    expect(report.problems[0]!.message).toContain('lines 2 and 3');
    expect(digest()).toBe(before);
  });

  it('with --partial the first line is imported and the second refused', async () => {
    const [a] = lines(1);
    const report = await importCases(as(handler), { path: write('dup2.jsonl', [a, a]), partial: true });
    expect(report).toMatchObject({ committed: true, created: 1, updated: 0, invalidLines: 1 });
    expect(report.problems[0]!.message).toContain('lines 1 and 2');
  });
});
