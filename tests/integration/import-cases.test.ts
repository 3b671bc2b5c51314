import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentDigest } from '../../src/main/db/repositories/case-import.repository';
import { writeSetting } from '../../src/main/db/repositories/settings.repository';
import { demoExchangeLines } from '../../src/main/demo/exchange';
import { importCases, type CaseImportReport } from '../../src/main/import/case-import';
import { addNote } from '../../src/main/services/case-work.service';
import type { ServiceContext } from '../../src/main/services/context';
import { sessionUser } from '../../src/main/services/session.service';
import { tempStore } from '../fixtures/temp-store';

let store: Awaited<ReturnType<typeof tempStore>>;
let ctx: ServiceContext;
let dir: string;

beforeAll(async () => {
  store = await tempStore();
  dir = store.dir;
  ctx = { store: store.store, user: await sessionUser(store.store) };
});
afterAll(async () => store.cleanup());

const lines = (count: number, seed = 11) => [...demoExchangeLines({ seed, count, asOf: '2026-11-16' })];
const write = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const digest = () => contentDigest(ctx.store.sqlite);
const count = (sql: string) => (ctx.store.sqlite.prepare(sql).get() as { n: number }).n;

describe('ombud import cases', () => {
  let export1000: string[];

  it('imports a generated export of 1,000 cases, and a second run changes nothing', async () => {
    export1000 = lines(1000);
    const file = write('export-1000.jsonl', export1000.join(''));
    const events = export1000.reduce((n, l) => n + (JSON.parse(l) as { events: unknown[] }).events.length, 0);
    const first = await importCases(ctx, { path: file });
    expect(first).toMatchObject({ committed: true, created: 1000, updated: 0, unchanged: 0, eventsAdded: events, invalidLines: 0, problems: [] });
    expect(count('SELECT count(*) AS n FROM cases')).toBe(1000);
    expect(count('SELECT count(*) AS n FROM history_events')).toBe(events);
    expect(count('SELECT sum(event_count) AS n FROM cases')).toBe(events);
    // History search covers the imported events, like events written any other way.
    expect(count(`SELECT count(*) AS n FROM history_fts`)).toBe(events);
    expect(count(`SELECT count(*) AS n FROM sqlite_schema WHERE name = 'history_events_fts'`)).toBe(1);
    expect(count(`SELECT count(*) AS n FROM audit_log WHERE action = 'import.cases'`)).toBe(1);

    const before = digest();
    const again = await importCases(ctx, { path: file });
    expect(again).toMatchObject({ committed: true, created: 0, updated: 0, unchanged: 1000, eventsAdded: 0 });
    expect(digest()).toBe(before);
  });

  it('a newer export appends only the events a case lacks and never touches the ombudsman’s own notes', async () => {
    const c0 = JSON.parse(export1000[0]!) as { sourceId: string; summary: string; events: { sourceId: string; occurredAt: string; summary: string }[] };
    const row = ctx.store.sqlite.prepare('SELECT id, number, status FROM cases WHERE source_id = ?').get(c0.sourceId) as { id: number; number: string; status: string };
    await addNote(ctx, { id: row.id, text: 'Min egen anteckning: ring kunden.' });
    const eventsBefore = count(`SELECT count(*) AS n FROM history_events WHERE case_id = ${row.id}`);

    const newer = structuredClone(c0);
    newer.summary = 'Uppdaterad sammanfattning från kundservice';
    newer.events.push({ ...newer.events[0]!, sourceId: 'late-1', occurredAt: '2026-11-15T10:00:00+01:00', summary: 'Nytt samtal efter exporten' });
    // The source edited an old event's text: history is append-only, so the stored one stays.
    newer.events[0]!.summary = 'Changed afterwards';
    const file = write('newer.jsonl', `${JSON.stringify(newer)}\n${export1000[1]}`);
    const report = await importCases(ctx, { path: file });
    expect(report).toMatchObject({ committed: true, created: 0, updated: 1, unchanged: 1, eventsAdded: 1 });

    const summaries = ctx.store.sqlite.prepare(`SELECT summary, source_id FROM history_events WHERE case_id = ? ORDER BY id`).all(row.id) as { summary: string; source_id: string | null }[];
    expect(summaries.length).toBe(eventsBefore + 1);
    expect(summaries.some((e) => e.summary === 'Nytt samtal efter exporten')).toBe(true);
    expect(summaries.filter((e) => e.source_id === null).map((e) => e.summary)).toEqual(expect.arrayContaining([expect.stringContaining('anteckning')]));
    expect(summaries.find((e) => e.source_id === c0.events[0]!.sourceId)!.summary).toBe(c0.events[0]!.summary);
    const after = ctx.store.sqlite.prepare('SELECT number, status, summary, event_count FROM cases WHERE id = ?').get(row.id) as { number: string; status: string; summary: string; event_count: number };
    expect(after).toMatchObject({ number: row.number, summary: 'Uppdaterad sammanfattning från kundservice', event_count: eventsBefore + 1 });
    // Searchable at once.
    expect(count(`SELECT count(*) AS n FROM history_fts WHERE history_fts MATCH 'exporten'`)).toBeGreaterThan(0);

    const d = digest();
    expect(await importCases(ctx, { path: file })).toMatchObject({ created: 0, updated: 0, unchanged: 2, eventsAdded: 0 });
    expect(digest()).toBe(d);
  });
});

describe('broken inputs leave the store unchanged, each with a clear error', () => {
  const valid = () => lines(3, 99);
  // Broken on purpose, so typed loosely: each entry reaches into the record where it breaks it.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type Loose = Record<string, any>;
  const mutate = (line: string, f: (o: Loose) => void) => {
    const o = JSON.parse(line) as Loose;
    f(o);
    return `${JSON.stringify(o)}\n`;
  };
  const catalogue: { name: string; content: () => string | Buffer; line: number | null; path: string; message: RegExp }[] = [
    { name: 'bad JSON', content: () => { const v = valid(); v[1] = '{"format": "ombud-case/1", sourceId: 3}\n'; return v.join(''); }, line: 2, path: '$', message: /is not valid JSON at column 28: Expected double-quoted property name/ },
    { name: 'wrong types', content: () => { const v = valid(); v[2] = mutate(v[2]!, (o) => (o.events = 'none')); return v.join(''); }, line: 3, path: '$.events', message: /expected array, received string/i },
    { name: 'unknown market', content: () => { const v = valid(); v[0] = mutate(v[0]!, (o) => (o.market = 'NO')); return v.join(''); }, line: 1, path: '$.market', message: /must be one of SE, DK/ },
    { name: 'float money', content: () => { const v = valid(); v[1] = mutate(v[1]!, (o) => (o.purchases[0].amount.value = 1499.5)); return v.join(''); }, line: 2, path: '$.purchases[0].amount.value', message: /must be a decimal string such as "1499.00", not a JSON number/ },
    { name: 'missing case id', content: () => { const v = valid(); v[1] = mutate(v[1]!, (o) => delete o.sourceId); return v.join(''); }, line: 2, path: '$.sourceId', message: /expected string, received undefined/i },
    { name: 'missing event id', content: () => { const v = valid(); v[1] = mutate(v[1]!, (o) => delete o.events[2].sourceId); return v.join(''); }, line: 2, path: '$.events[2].sourceId', message: /expected string, received undefined/i },
    { name: 'duplicate event ids', content: () => { const v = valid(); v[0] = mutate(v[0]!, (o) => (o.events[3].sourceId = o.events[1].sourceId)); return v.join(''); }, line: 1, path: '$.events[3].sourceId', message: /duplicate event id ".+" \(also events\[1\]\)/ },
    { name: 'truncated last line', content: () => { const v = valid().join(''); return v.slice(0, v.length - 200); }, line: 3, path: '$', message: /ends mid-record: the last line has no newline and its JSON is incomplete/ },
    { name: 'wrong encoding (Latin-1)', content: () => { const v = valid(); return Buffer.concat([Buffer.from(v[0]!), Buffer.from(v[1]!, 'latin1'), Buffer.from(v[2]!)]); }, line: 2, path: '$', message: /Line 2 is not valid UTF-8 \(byte 0x[0-9a-f]{2} at column \d+\); save the file as UTF-8/ },
    { name: 'wrong encoding (UTF-16)', content: () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(valid().join(''), 'utf16le')]), line: null, path: '$', message: /The file is UTF-16 \(little-endian\); save it as UTF-8/ },
    { name: '0-byte file', content: () => '', line: null, path: '$', message: /The file is empty \(0 bytes\): it holds no cases/ },
    { name: 'huge line', content: () => { const v = valid(); v[1] = `{"format":"ombud-case/1","summary":"${'x'.repeat(70 * 1024 * 1024)}"}\n`; return v.join(''); }, line: 2, path: '$', message: /Line 2 is longer than the limit of 67108864 bytes/ },
    { name: 'attachment above the size limit', content: () => { const v = valid(); v[0] = mutate(v[0]!, (o) => (o.events[0].attachments = [{ fileName: 'big.bin', mediaType: 'application/octet-stream', base64: Buffer.alloc(2000).toString('base64') }])); return v.join(''); }, line: 1, path: '$.events[0].attachments[0].base64', message: /"big.bin" is 2000 bytes, above the attachment limit of 1000 bytes/ },
    { name: 'attachment path outside the folder', content: () => { const v = valid(); v[0] = mutate(v[0]!, (o) => (o.events[0].attachments = [{ fileName: 'x', mediaType: 'text/plain', path: '../etc/passwd' }])); return v.join(''); }, line: 1, path: '$.events[0].attachments[0].path', message: /must be relative to the import file and stay inside its folder/ },
  ];

  let baseline: string;
  beforeAll(async () => {
    // A store with content, so "unchanged" means something.
    await writeSetting(ctx.store.db, 'import.maxAttachmentBytes', 1000);
    baseline = digest();
  });
  afterAll(async () => {
    await writeSetting(ctx.store.db, 'import.maxAttachmentBytes', 25 * 1024 * 1024);
  });

  for (const entry of catalogue) {
    it(entry.name, async () => {
      const file = write(`broken-${entry.name.replace(/\W+/g, '-')}.jsonl`, entry.content());
      const report: CaseImportReport = await importCases(ctx, { path: file });
      expect(report.committed).toBe(false);
      expect(report.created + report.updated + report.eventsAdded).toBe(0);
      const problem = report.problems.find((p) => p.line === entry.line && p.path === entry.path);
      expect(problem, JSON.stringify(report.problems)).toBeDefined();
      expect(problem!.message).toMatch(entry.message);
      expect(digest()).toBe(baseline);
    });
  }

  it('--partial stores the valid cases and writes each rejected line with its reasons', async () => {
    const v = lines(4, 123);
    v[1] = mutate(v[1]!, (o) => (o.market = 'NO'));
    v[3] = '{not json\n';
    const file = write('partial.jsonl', v.join(''));
    const rejectPath = join(dir, 'partial-rejects.jsonl');
    const report = await importCases(ctx, { path: file, partial: true, rejectPath });
    expect(report).toMatchObject({ committed: true, created: 2, invalidLines: 2, rejectFile: rejectPath });
    const rejected = readFileSync(rejectPath, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { line: number; problems: { path: string; message: string }[]; text: string });
    expect(rejected.map((r) => r.line)).toEqual([2, 4]);
    expect(rejected[0]!.problems[0]).toMatchObject({ path: '$.market', message: expect.stringMatching(/must be one of SE, DK/) });
    expect(rejected[0]!.text).toBe(v[1]!.trimEnd());
    expect(rejected[1]!.text).toBe('{not json');
  });
});

describe('attachments', () => {
  it('are stored once by SHA-256, from inline base64 or a path beside the file, with name, type and source kept', async () => {
    const [a, b] = lines(2, 321);
    const content = Buffer.from('%PDF-1.4 samma kvitto\n');
    write('kvitto.pdf', content);
    const withFiles = (line: string, attachment: Record<string, string>) => {
      const o = JSON.parse(line) as { events: { attachments?: unknown[] }[] };
      o.events[0]!.attachments = [attachment];
      return `${JSON.stringify(o)}\n`;
    };
    const file = write(
      'attachments.jsonl',
      withFiles(a!, { fileName: 'kvitto.pdf', mediaType: 'application/pdf', path: 'kvitto.pdf' }) +
        withFiles(b!, { fileName: 'receipt-copy.pdf', mediaType: 'application/pdf', base64: content.toString('base64') }),
    );
    const attachmentsBefore = count('SELECT count(*) AS n FROM attachments');
    const report = await importCases(ctx, { path: file });
    expect(report.committed).toBe(true);
    expect(count('SELECT count(*) AS n FROM attachments')).toBe(attachmentsBefore + 1);
    const links = ctx.store.sqlite
      .prepare(
        `SELECT ea.file_name, ea.media_type, ea.source, a.size FROM event_attachments ea JOIN attachments a ON a.id = ea.attachment_id
         WHERE a.sha256 = ? ORDER BY ea.file_name`,
      )
      .all(createHashHex(content));
    expect(links).toEqual([
      { file_name: 'kvitto.pdf', media_type: 'application/pdf', source: 'import:attachments.jsonl', size: content.length },
      { file_name: 'receipt-copy.pdf', media_type: 'application/pdf', source: 'import:attachments.jsonl', size: content.length },
    ]);
  });
});

function createHashHex(b: Buffer): string {
  return createHash('sha256').update(b).digest('hex');
}

describe('a killed import', () => {
  it('leaves the store as it was, and a rerun completes', async () => {
    const file = write('kill.jsonl', lines(3000, 555).join(''));
    const dbPath = ctx.store.path;
    const before = digest();
    const casesBefore = count('SELECT count(*) AS n FROM cases');
    const child = spawn(process.execPath, ['bin/ombud.mjs', 'import', 'cases', file, '--db', dbPath, '--progress'], { stdio: ['ignore', 'ignore', 'pipe'] });
    // Kill it once it is well into writing: more than a thousand cases stored in its transaction.
    await new Promise<void>((resolve, reject) => {
      let seen = '';
      child.stderr.on('data', (d: Buffer) => {
        seen += d.toString();
        const m = [...seen.matchAll(/(\d+) cases/g)].pop();
        if (m && Number(m[1]) > 1000 && child.exitCode === null) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', (code, signal) => {
        if (signal !== 'SIGKILL') reject(new Error(`the import ended (${code}) before it could be killed: ${seen.slice(-500)}`));
      });
    });
    await new Promise((ok) => child.once('exit', ok));
    expect(digest()).toBe(before);
    expect(count('SELECT count(*) AS n FROM cases')).toBe(casesBefore);

    const rerun = await importCases(ctx, { path: file });
    expect(rerun).toMatchObject({ committed: true, created: 3000 });
    expect(count('SELECT count(*) AS n FROM cases')).toBe(casesBefore + 3000);
  }, 300_000); // a child process writes 3,000 cases twice over; slow on a shared machine
});
