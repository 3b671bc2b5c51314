import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/main/db/connection';
import { writeSetting } from '../../src/main/db/repositories/settings.repository';
import { insertUser } from '../../src/main/db/repositories/user.repository';
import { stopRenderWorker } from '../../src/main/export/render-in-worker';
import { startHarness } from '../../src/main/harness/server';
import { dispatch } from '../../src/main/ipc/dispatch';
import { createCaseIntake } from '../../src/main/services/case-intake.service';
import type { ServiceContext, SessionUser } from '../../src/main/services/context';
import { EXPORTS_FOLDER_SETTING } from '../../src/main/services/export-job.service';
import type { DecisionView } from '../../src/shared/domain/decision';
import type { ExportJob } from '../../src/shared/domain/export';
import type { Result } from '../../src/shared/ipc/result';
import { buildCase, buildEvent } from '../fixtures/cases';
import { fillDraft } from '../fixtures/decisions';
import { tempDir, tempStore } from '../fixtures/temp-store';

let store: Store;
let dir: string;
let cleanup: () => Promise<void>;
let fia: SessionUser;
let jonas: SessionUser;
let gunnar: SessionUser;
let folder: string;
const clock = () => new Date('2026-03-12T10:00:00.000Z');
const as = (user: SessionUser): ServiceContext => ({ store, user, now: clock });

async function ok<T>(promise: Promise<Result<T>>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
}
async function user(username: string, name: string, role: 'ombudsman' | 'handler' | 'auditor'): Promise<SessionUser> {
  return { id: await insertUser(store.db, { username, display_name: name, role, title: 'Kundombudsman', created_at: '2026-01-01T00:00:00Z' }), name, role };
}
function pdfText(path: string, page?: number): string {
  return execFileSync('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), '-layout', path, '-'], { encoding: 'utf8' });
}
function pdfPages(path: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))![1]);
}
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Polls `exports:status` as the user who started the job until it is no longer running. */
async function finished(u: SessionUser, jobId: string): Promise<ExportJob> {
  const until = Date.now() + 60_000;
  for (;;) {
    const job = await ok(dispatch(as(u), 'exports:status', { jobId }));
    if (job.state !== 'running') return job;
    if (Date.now() > until) throw new Error(`export ${jobId} still running at ${job.fraction}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

let caseId: number;
let caseNumber: string;

async function draftFor(extraParagraphs = 0): Promise<DecisionView> {
  const created = await ok(dispatch(as(jonas), 'decisions:create', { caseId, language: 'sv' }));
  const view = await ok(dispatch(as(jonas), 'cases:get', { id: caseId }));
  const filled = fillDraft(created, { citeEventId: view.events[0]!.id });
  const extra = Array.from({ length: extraParagraphs }, (_, i) => ({
    type: 'paragraph',
    content: [{ type: 'text', text: `Stycke ${i + 1}: kunden betalade fakturan för att slippa inkasso trots att varan aldrig kom; bolaget borde ha förlängt pausen när handlaren inte svarade.` }],
  }));
  const content = { ...filled.content, content: [...(filled.content.content ?? []), ...extra] } as typeof filled.content;
  await ok(dispatch(as(jonas), 'decisions:save', { id: created.id, baseVersion: created.version, content, panel: filled.panel }));
  return ok(dispatch(as(jonas), 'decisions:get', { id: created.id }));
}

async function issued(): Promise<DecisionView> {
  const draft = await draftFor();
  await ok(dispatch(as(jonas), 'decisions:submit', { id: draft.id, baseVersion: draft.version }));
  await ok(dispatch(as(fia), 'decisions:approve', { id: draft.id, comment: '' }));
  return ok(dispatch(as(fia), 'decisions:issue', { id: draft.id }));
}

beforeEach(async () => {
  ({ store, dir, cleanup } = await tempStore());
  folder = join(dir, 'Exporter');
  await writeSetting(store.db, EXPORTS_FOLDER_SETTING, folder);
  fia = await user('fia', 'Fia Ødegård-Åström', 'ombudsman');
  jonas = await user('jonas', 'Jonas Holm', 'handler');
  gunnar = await user('gunnar', 'Gunnar Revisor', 'auditor');
  const bundle = buildCase({ status: 'in_review', events: [buildEvent({ occurredAt: '2026-03-02T09:15:00.000Z', summary: 'samtal om fakturan' })] });
  caseId = createCaseIntake(store).writeBatch([bundle])[0]!;
  caseNumber = bundle.number;
});
afterEach(() => cleanup());
afterAll(() => stopRenderWorker());

describe('exporting a decision through the channels', () => {
  it('writes the issued letter to the exports folder, books it with the file hash and lists it as not yet sent', async () => {
    await issued();
    const { jobId } = await ok(dispatch(as(jonas), 'exports:start', { caseId, kind: 'decision', format: 'pdf' }));
    expect(jobId).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    const job = await finished(jonas, jobId!);
    expect(job.error).toBeNull();
    expect(job).toMatchObject({ state: 'done', fraction: 1, kind: 'decision', fileName: `${caseNumber}-beslut.pdf` });
    const path = join(folder, `${caseNumber}-beslut.pdf`);
    expect(job.result!.path).toBe(path);
    const bytes = readFileSync(path);
    expect(job.result!.sha256).toBe(sha(bytes));
    const text = pdfText(path);
    expect(text).toContain(caseNumber);
    expect(text.replace(/\s+/g, ' ')).toContain('Fakturan gick till inkasso trots att varan aldrig levererades');
    expect(text).toContain('Fia Ødegård-Åström');
    expect(text).not.toMatch(/UTKAST/);
    expect(text).toMatch(new RegExp(`Sida 1 av ${pdfPages(path)}`));
    // The template's title is the subject, and what the frame prints is not repeated by the body.
    const page1 = pdfText(path, 1);
    expect(page1).toContain('Kundombudets beslut');
    expect(page1.split(caseNumber)).toHaveLength(2);
    expect(page1).not.toMatch(/Ärende:/);
    expect(text.split('Fia Ødegård-Åström')).toHaveLength(2);
    expect(text).toMatch(/Med vänliga hälsningar\s+Fia Ødegård-Åström/);

    const event = store.sqlite.prepare("SELECT id, actor, data FROM history_events WHERE case_id = ? AND kind = 'letter_exported'").get(caseId) as { id: number; actor: string; data: string };
    expect(JSON.parse(event.data)).toMatchObject({ letter: 'decision', format: 'pdf', sha256: sha(bytes), draft: false });
    expect(event.actor).toBe('Jonas Holm');
    const audit = store.sqlite.prepare("SELECT detail FROM audit_log WHERE case_id = ? AND action = 'letter.export'").get(caseId) as { detail: string };
    expect(JSON.parse(audit.detail)).toMatchObject({ exportId: event.id, sha256: sha(bytes), path });

    const { exports } = await ok(dispatch(as(gunnar), 'exports:list', { caseId }));
    expect(exports).toEqual([expect.objectContaining({ exportId: event.id, letter: 'decision', format: 'pdf', fileName: `${caseNumber}-beslut.pdf`, draft: false, path, sent: null })]);
  });

  it('never overwrites an earlier export: the second DOCX gets its own name', async () => {
    await issued();
    const first = await finished(jonas, (await ok(dispatch(as(jonas), 'exports:start', { caseId, kind: 'decision', format: 'docx' }))).jobId!);
    const second = await finished(fia, (await ok(dispatch(as(fia), 'exports:start', { caseId, kind: 'decision', format: 'docx' }))).jobId!);
    expect(first.result!.fileName).toBe(`${caseNumber}-beslut.docx`);
    expect(second.result!.fileName).toBe(`${caseNumber}-beslut-2.docx`);
    const xml = execFileSync('unzip', ['-p', second.result!.path, 'word/document.xml'], { encoding: 'utf8' });
    expect(xml).toContain('Fakturan gick till inkasso trots att varan aldrig levererades');
    expect(sha(readFileSync(first.result!.path))).toBe(first.result!.sha256);
  });

  it('marks a draft UTKAST on every page and refuses to mark it as sent', async () => {
    await draftFor(60);
    const job = await finished(jonas, (await ok(dispatch(as(jonas), 'exports:start', { caseId, kind: 'decision', format: 'pdf', draft: true }))).jobId!);
    expect(job.result!.fileName).toBe(`${caseNumber}-beslut-utkast.pdf`);
    const pages = pdfPages(job.result!.path);
    expect(pages).toBeGreaterThanOrEqual(3);
    for (let page = 1; page <= pages; page++) expect(pdfText(job.result!.path, page), `page ${page}`).toContain('UTKAST');
    const refused = await dispatch(as(jonas), 'exports:markSent', { caseId, exportId: job.result!.exportId, date: '2026-03-12', channel: 'post' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('is a draft') } });
  });

  it('exports a draft straight from the template, showing the fields still without a value', async () => {
    await ok(dispatch(as(jonas), 'decisions:create', { caseId, language: 'sv' }));
    const job = await finished(jonas, (await ok(dispatch(as(jonas), 'exports:start', { caseId, kind: 'decision', format: 'pdf', draft: true }))).jobId!);
    expect(job.error).toBeNull();
    const text = pdfText(job.result!.path);
    expect(text).toContain('UTKAST');
    expect(text).toContain('{{claim.1.outcome}}');
  });

  it('refuses an auditor, a case without an issued decision, and another user’s job', async () => {
    expect(await dispatch(as(gunnar), 'exports:start', { caseId, kind: 'decision', format: 'pdf' })).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'exports:start: only the ombudsman or a handler may do this.', reason: 'role.auditorReadOnly', params: {} },
    });
    expect(await dispatch(as(jonas), 'exports:start', { caseId, kind: 'decision', format: 'pdf' })).toMatchObject({ ok: false, error: { code: 'not_found', message: expect.stringContaining('no issued decision') } });
    expect(await dispatch(as(jonas), 'exports:start', { caseId, kind: 'decision', format: 'rtf' })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('format') } });
    await issued();
    const { jobId } = await ok(dispatch(as(jonas), 'exports:start', { caseId, kind: 'decision', format: 'pdf' }));
    expect(await dispatch(as(fia), 'exports:status', { jobId: jobId! })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await finished(jonas, jobId!);
    expect(existsSync(folder)).toBe(true);
    expect(await dispatch(as(gunnar), 'exports:markSent', { caseId, exportId: 1, date: '2026-03-12', channel: 'post' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('marks the final letter as sent: a letter_sent event on that day, an audit row, and the list shows it', async () => {
    await issued();
    const job = await finished(jonas, (await ok(dispatch(as(jonas), 'exports:start', { caseId, kind: 'decision', format: 'pdf' }))).jobId!);
    const exportId = job.result!.exportId;
    const future = await dispatch(as(jonas), 'exports:markSent', { caseId, exportId, date: '2026-03-13', channel: 'post' });
    expect(future).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('date: 2026-03-13 lies in the future') } });
    const { eventId } = await ok(dispatch(as(jonas), 'exports:markSent', { caseId, exportId, date: '2026-03-11', channel: 'email' }));
    const sent = store.sqlite.prepare('SELECT kind, occurred_at, data FROM history_events WHERE id = ?').get(eventId) as { kind: string; occurred_at: string; data: string };
    expect(sent.kind).toBe('letter_sent');
    expect(sent.occurred_at.slice(0, 10)).toBe('2026-03-11');
    expect(JSON.parse(sent.data)).toMatchObject({ letter: 'decision', exportId, channel: 'email', sentOn: '2026-03-11', sha256: job.result!.sha256 });
    const audit = store.sqlite.prepare("SELECT detail FROM audit_log WHERE action = 'letter.sent'").get() as { detail: string };
    expect(JSON.parse(audit.detail)).toMatchObject({ exportId, eventId, channel: 'email', sha256: job.result!.sha256 });
    const { exports } = await ok(dispatch(as(jonas), 'exports:list', { caseId }));
    expect(exports[0]!.sent).toEqual({ eventId, date: '2026-03-11', channel: 'email', by: 'Jonas Holm' });
    expect(await dispatch(as(jonas), 'exports:markSent', { caseId, exportId, date: '2026-03-11', channel: 'email' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const shown = await ok(dispatch(as(jonas), 'exports:showInFolder', { caseId, exportId }));
    expect(shown).toEqual({ path: job.result!.path, exists: true, shown: false });
  });

  it('keeps answering other channels while a long letter renders in the worker', async () => {
    await draftFor(900);
    // Warm the worker so the measurement is about rendering, not about starting tsx in it.
    await finished(jonas, (await ok(dispatch(as(jonas), 'exports:start', { caseId, kind: 'decision', format: 'docx', draft: true }))).jobId!);
    const { jobId } = await ok(dispatch(as(jonas), 'exports:start', { caseId, kind: 'decision', format: 'pdf', draft: true }));
    const latencies: number[] = [];
    let job = await ok(dispatch(as(jonas), 'exports:status', { jobId: jobId! }));
    while (job.state === 'running') {
      const t = performance.now();
      await ok(dispatch(as(jonas), 'app:info', {}));
      latencies.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 10));
      job = await ok(dispatch(as(jonas), 'exports:status', { jobId: jobId! }));
    }
    expect(job.state).toBe('done');
    expect(pdfPages(job.result!.path)).toBeGreaterThanOrEqual(30);
    // While the ~40-page PDF rendered, the cheap channel was answered many times, each quickly (rendered
    // on main, the same letter stalls the loop for 0.7–1 s: `npm run bench:letter`).
    expect(latencies.length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...latencies)).toBeLessThan(400);
  });
});

describe('the harness download', () => {
  it('hands the finished file to the user who exported it, with the token only', async () => {
    await issued();
    const session = { store, user: jonas, now: clock };
    const { dir: rendererDir, cleanup: rmRenderer } = tempDir();
    const harness = await startHarness({ context: session, rendererDir });
    try {
      const job = await finished(jonas, (await ok(dispatch(as(jonas), 'exports:start', { caseId, kind: 'decision', format: 'pdf' }))).jobId!);
      const url = `${harness.origin}/download/${job.jobId}`;
      expect((await fetch(url)).status).toBe(401);
      const response = await fetch(url, { headers: { 'x-ombud-token': harness.token } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toContain(`${caseNumber}-beslut.pdf`);
      expect(sha(new Uint8Array(await response.arrayBuffer()))).toBe(job.result!.sha256);
      // Another person, at her own harness tab: the job is not hers.
      const fiaHarness = await startHarness({ context: { store, user: fia, now: clock }, rendererDir });
      try {
        expect((await fetch(`${fiaHarness.origin}/download/${job.jobId}`, { headers: { 'x-ombud-token': fiaHarness.token } })).status).toBe(404);
      } finally {
        await fiaHarness.close();
      }
    } finally {
      await harness.close();
      rmRenderer();
    }
  });
});
