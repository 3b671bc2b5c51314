import { createHash } from 'node:crypto';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/main/db/connection';
import { writeSetting } from '../../src/main/db/repositories/settings.repository';
import { insertUser } from '../../src/main/db/repositories/user.repository';
import { stopRenderWorker } from '../../src/main/export/render-in-worker';
import { importMail } from '../../src/main/import/mail-import';
import { dispatch } from '../../src/main/ipc/dispatch';
import { createCaseIntake } from '../../src/main/services/case-intake.service';
import { getCase } from '../../src/main/services/case.service';
import type { ServiceContext, SessionUser } from '../../src/main/services/context';
import { EXPORTS_FOLDER_SETTING } from '../../src/main/services/export-job.service';
import { MAIL_ATTACH_DOCX_SETTING, MAIL_MAX_ATTACHMENT_SETTING, MAIL_SMTP_SETTING, sendLetterMail, SMTP_PASSWORD_ENV } from '../../src/main/services/mail.service';
import type { ExportJob } from '../../src/shared/domain/export';
import type { NewCaseBundle } from '../../src/main/db/repositories/case-writer.repository';
import type { Result } from '../../src/shared/ipc/result';
import { buildCase, buildEvent } from '../fixtures/cases';
import { ombud } from '../fixtures/cli';
import { fillDraft } from '../fixtures/decisions';
import { tempStore } from '../fixtures/temp-store';

let store: Store;
let dir: string;
let cleanup: () => Promise<void>;
let fia: SessionUser;
let jonas: SessionUser;
let folder: string;
const clock = () => new Date('2026-03-12T10:00:00.000Z');
const as = (user: SessionUser): ServiceContext => ({ store, user, now: clock });
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function ok<T>(promise: Promise<Result<T>>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
}
async function refused<T>(promise: Promise<Result<T>>) {
  const result = await promise;
  if (result.ok) throw new Error('expected a refusal');
  return result.error as { code: string; message: string; details?: { mail?: string } & Record<string, unknown> };
}
async function user(username: string, name: string, role: 'ombudsman' | 'handler'): Promise<SessionUser> {
  return { id: await insertUser(store.db, { username, display_name: name, role, title: 'Kundombudsman', created_at: '2026-01-01T00:00:00Z' }), name, role };
}

interface ParsedMail {
  headers: Record<string, string>;
  defects: string[];
  text: string;
  attachments: { fileName: string; contentType: string; base64: string }[];
}
/** The second parser: Python's `email` package reads the bytes we wrote. */
function parseWithPython(path: string): ParsedMail {
  return JSON.parse(execFileSync('python3', ['tests/fixtures/parse-eml.py', path], { encoding: 'utf8' })) as ParsedMail;
}
function pdfTextOf(base64: string): string {
  const path = join(dir, `attachment-${Date.now()}-${Math.random()}.pdf`);
  writeFileSync(path, Buffer.from(base64, 'base64'));
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
}

async function finished(u: SessionUser, jobId: string): Promise<ExportJob> {
  const until = Date.now() + 60_000;
  for (;;) {
    const job = await ok(dispatch(as(u), 'exports:status', { jobId }));
    if (job.state !== 'running') return job;
    if (Date.now() > until) throw new Error(`job ${jobId} still running`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

function addCase(overrides: Partial<NewCaseBundle> = {}): { id: number; number: string } {
  const bundle = buildCase({ status: 'in_review', events: [buildEvent({ occurredAt: '2026-03-02T09:15:00.000Z', summary: 'samtal om fakturan' })], ...overrides });
  return { id: createCaseIntake(store).writeBatch([bundle])[0]!, number: bundle.number };
}

async function issue(caseId: number, language: 'sv' | 'da' = 'sv', currency = 'SEK'): Promise<void> {
  const created = await ok(dispatch(as(jonas), 'decisions:create', { caseId, language }));
  const view = await ok(dispatch(as(jonas), 'cases:get', { id: caseId }));
  const filled = fillDraft(created, { citeEventId: view.events[0]!.id, currency });
  const saved = await ok(dispatch(as(jonas), 'decisions:save', { id: created.id, baseVersion: created.version, content: filled.content, panel: filled.panel }));
  await ok(dispatch(as(jonas), 'decisions:submit', { id: created.id, baseVersion: saved.version }));
  await ok(dispatch(as(fia), 'decisions:approve', { id: created.id, comment: '' }));
  await ok(dispatch(as(fia), 'decisions:issue', { id: created.id }));
}

function eventsOf(caseId: number) {
  return store.sqlite.prepare('SELECT id, kind, source, direction, summary, data FROM history_events WHERE case_id = ? ORDER BY id').all(caseId) as { id: number; kind: string; source: string; direction: string; summary: string; data: string }[];
}
function attachmentsOf(eventId: number) {
  return store.sqlite
    .prepare('SELECT ea.file_name, ea.media_type, a.sha256, a.content FROM event_attachments ea JOIN attachments a ON a.id = ea.attachment_id WHERE ea.event_id = ?')
    .all(eventId) as { file_name: string; media_type: string; sha256: string; content: Buffer }[];
}

/** `smtp-server` as its own process on 127.0.0.1; every accepted message lands in `inbox`. */
async function startSmtp(account?: { user: string; password: string }): Promise<{ port: number; inbox: string; stop: () => Promise<void> }> {
  const inbox = join(dir, `smtp-${Date.now()}`);
  mkdirSync(inbox);
  const child: ChildProcess = spawn(process.execPath, ['tests/fixtures/smtp-sink.mjs', inbox, ...(account ? [account.user, account.password] : [])], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolveLine, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`smtp-sink exited with ${code}`)));
    createInterface({ input: child.stdout! }).once('line', resolveLine);
  });
  const { port } = JSON.parse(line) as { port: number };
  return {
    port,
    inbox,
    stop: () =>
      new Promise<void>((r) => {
        child.removeAllListeners('exit');
        child.once('exit', () => r());
        child.kill('SIGTERM');
      }),
  };
}
const delivered = (inbox: string) => readdirSync(inbox).filter((f) => f.endsWith('.eml')).sort();

beforeEach(async () => {
  ({ store, dir, cleanup } = await tempStore());
  folder = join(dir, 'Exporter');
  await writeSetting(store.db, EXPORTS_FOLDER_SETTING, folder);
  fia = await user('fia', 'Fia Ødegård-Åström', 'ombudsman');
  jonas = await user('jonas', 'Jonas Holm', 'handler');
  delete process.env[SMTP_PASSWORD_ENV];
});
afterEach(() => cleanup());
afterAll(() => stopRenderWorker());

describe('a ready mail draft', () => {
  it('writes an RFC 5322 draft a second parser reads: X-Unsent, the bracketed case number, the customer, the letter as PDF; and files it', async () => {
    const c = addCase({ customer: { ...buildCase().customer, personalNumber: '19600101-0013', name: 'Åsa Öberg-Ærø', email: 'asa.oberg@example.se' } });
    await issue(c.id);
    const before = eventsOf(c.id).length;
    const started = await ok(dispatch(as(jonas), 'mail:draft', { caseId: c.id, letter: 'decision' }));
    expect(started.recipient).toBe('asa.oberg@example.se');
    const job = await finished(jonas, started.jobId);
    expect(job.error).toBeNull();
    expect(job).toMatchObject({ kind: 'mail_draft', state: 'done', fileName: `${c.number}-beslut.eml` });
    const path = job.result!.path;
    expect(path).toBe(join(folder, `${c.number}-beslut.eml`));

    const mail = parseWithPython(path);
    expect(mail.defects).toEqual([]);
    expect(mail.headers['X-Unsent']).toBe('1');
    expect(mail.headers['Subject']).toBe(`[${c.number}] Kundombudsmannens beslut`);
    expect(mail.headers['From']).toBe('Nordkredit Kundombudsmannen <kundombudsman@nordkredit.se>');
    expect(mail.headers['To']).toBe('Åsa Öberg-Ærø <asa.oberg@example.se>');
    expect(mail.headers['Message-ID']).toMatch(/^<[0-9a-f-]{36}@nordkredit\.se>$/);
    expect(mail.headers['MIME-Version']).toBe('1.0');
    expect(mail.text).toContain('Hej Åsa Öberg-Ærø,');
    expect(mail.text).toContain(`i ditt ärende ${c.number}`);
    expect(mail.text).toContain('Fia Ødegård-Åström');
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]).toMatchObject({ fileName: `${c.number}-beslut.pdf`, contentType: 'application/pdf' });
    const pdf = pdfTextOf(mail.attachments[0]!.base64);
    expect(pdf).toContain(c.number);
    expect(pdf).toContain('Fia Ødegård-Åström');
    // Raw bytes: 7-bit clean, headers as encoded words, the body quoted-printable.
    const raw = readFileSync(path);
    expect([...raw].every((b) => b < 128)).toBe(true);
    expect(raw.toString('latin1')).not.toMatch(/[^\r]\n/);
    expect(raw.toString('latin1')).toMatch(/Content-Transfer-Encoding: quoted-printable/);

    // Filed: one outbound mail event with the exact bytes and their hash, the Message-ID known for replies.
    const events = eventsOf(c.id);
    expect(events).toHaveLength(before + 1);
    const filed = events.at(-1)!;
    expect(filed).toMatchObject({ kind: 'letter_exported', source: 'mail', direction: 'outbound', summary: `[${c.number}] Kundombudsmannens beslut` });
    expect(JSON.parse(filed.data)).toMatchObject({ letter: 'decision', format: 'eml', mail: 'draft', sha256: sha(raw), messageId: mail.headers['Message-ID'], to: 'asa.oberg@example.se' });
    const [attached] = attachmentsOf(filed.id);
    expect(attached).toMatchObject({ file_name: `${c.number}-beslut.eml`, media_type: 'message/rfc822', sha256: sha(raw) });
    expect(Buffer.compare(attached!.content, raw)).toBe(0);
    expect(store.sqlite.prepare('SELECT case_id FROM mail_messages WHERE message_id = ?').get(mail.headers['Message-ID'])).toEqual({ case_id: c.id });
    // It is listed among the exports, not yet sent: the user may send it from the mail program and mark it.
    const { exports } = await ok(dispatch(as(jonas), 'exports:list', { caseId: c.id }));
    expect(exports[0]).toMatchObject({ exportId: filed.id, format: 'eml', path, sent: null });
  });

  it('writes Danish mail for a Danish decision, with a DOCX beside the PDF when the setting asks, Danish letters intact', async () => {
    await writeSetting(store.db, MAIL_ATTACH_DOCX_SETTING, true);
    const base = buildCase();
    base.customer.personalNumber = '19700101-0019';
    const c = addCase({
      market: 'DK',
      language: 'da',
      customer: { ...base.customer, name: 'Søren Ærbø', email: 'soren.aerboe@example.dk', country: 'DK', city: 'København', postalCode: '1050' },
      purchases: base.purchases.map((p) => ({ ...p, currency: 'DKK' })),
      claims: base.claims.map((cl) => ({ ...cl, text: 'Fakturaen på 1.499 kr. skal krediteres', currency: 'DKK' })),
    });
    await issue(c.id, 'da', 'DKK');
    const started = await ok(dispatch(as(jonas), 'mail:draft', { caseId: c.id, letter: 'decision' }));
    const job = await finished(jonas, started.jobId);
    expect(job.error).toBeNull();
    expect(job.fileName).toBe(`${c.number}-afgørelse.eml`);
    const raw = readFileSync(job.result!.path);
    // A non-ASCII file name is encoded by RFC 2231, which the second parser decodes.
    expect(raw.toString('latin1')).toMatch(/filename\*0?\*?=utf-8''/i);
    const mail = parseWithPython(job.result!.path);
    expect(mail.defects).toEqual([]);
    expect(mail.headers['Subject']).toBe(`[${c.number}] Kundeombudsmandens afgørelse`);
    expect(mail.headers['From']).toBe('Nordkredit Kundeombudsmanden <kundeombudsmand@nordkredit.dk>');
    expect(mail.headers['To']).toBe('Søren Ærbø <soren.aerboe@example.dk>');
    expect(mail.text).toContain('Kære Søren Ærbø');
    expect(mail.text).toContain(`i din sag ${c.number}`);
    expect(mail.attachments.map((a) => a.fileName)).toEqual([`${c.number}-afgørelse.pdf`, `${c.number}-afgørelse.docx`]);
    expect(pdfTextOf(mail.attachments[0]!.base64)).toContain(c.number);
    const docx = join(dir, 'a.docx');
    writeFileSync(docx, Buffer.from(mail.attachments[1]!.base64, 'base64'));
    expect(execFileSync('unzip', ['-p', docx, 'word/document.xml'], { encoding: 'utf8' })).toContain(c.number);
  });

  it('makes the draft without a To when the case has no e-mail address, and says so', async () => {
    const c = addCase({ customer: { ...buildCase().customer, personalNumber: '19800101-0010', email: null } });
    await issue(c.id);
    const started = await ok(dispatch(as(jonas), 'mail:draft', { caseId: c.id, letter: 'decision' }));
    expect(started.recipient).toBeNull();
    const job = await finished(jonas, started.jobId);
    const mail = parseWithPython(job.result!.path);
    expect(mail.headers['To']).toBeUndefined();
    expect(mail.headers['X-Unsent']).toBe('1');
  });

  it('refuses an invalid address and too large an attachment with the reason, filing nothing', async () => {
    const bad = addCase({ customer: { ...buildCase().customer, personalNumber: '19900101-0017', email: 'asa.oberg@@example' } });
    await issue(bad.id);
    const before = eventsOf(bad.id).length;
    const invalid = await refused(dispatch(as(jonas), 'mail:draft', { caseId: bad.id, letter: 'decision' }));
    expect(invalid).toMatchObject({ code: 'invalid_input', details: { mail: 'invalid_address', address: 'asa.oberg@@example' } });
    expect(invalid.message).toContain('asa.oberg@@example');
    expect(eventsOf(bad.id)).toHaveLength(before);

    const c = addCase();
    await issue(c.id);
    await writeSetting(store.db, MAIL_MAX_ATTACHMENT_SETTING, 2048);
    const smtp = await startSmtp();
    try {
      await writeSetting(store.db, MAIL_SMTP_SETTING, { host: '127.0.0.1', port: smtp.port, security: 'none', user: null });
      const count = eventsOf(c.id).length;
      const tooBig = await refused(dispatch(as(jonas), 'mail:send', { caseId: c.id, letter: 'decision' }));
      expect(tooBig).toMatchObject({ code: 'invalid_input', details: { mail: 'too_large', fileName: `${c.number}-beslut.pdf`, limit: 2048 } });
      expect(delivered(smtp.inbox)).toEqual([]);
      expect(eventsOf(c.id)).toHaveLength(count);
    } finally {
      await smtp.stop();
    }
  });
});

describe('sending through the office mail server', () => {
  it('delivers to a real SMTP server exactly the message filed in the case, records the letter as sent with its Message-ID', async () => {
    const c = addCase();
    await issue(c.id);
    const smtp = await startSmtp({ user: 'kontoret', password: 'rätt lösen' });
    try {
      await writeSetting(store.db, MAIL_SMTP_SETTING, { host: '127.0.0.1', port: smtp.port, security: 'none', user: 'kontoret' });
      process.env[SMTP_PASSWORD_ENV] = 'rätt lösen';
      expect(await ok(dispatch(as(jonas), 'mail:settings', {}))).toMatchObject({ canSend: true, passwordStored: true, keychain: false });
      const sent = await ok(dispatch(as(jonas), 'mail:send', { caseId: c.id, letter: 'decision' }));
      expect(sent.recipient).toBe('asa.oberg@example.se');

      const files = delivered(smtp.inbox);
      expect(files).toHaveLength(1);
      const received = readFileSync(join(smtp.inbox, files[0]!));
      expect(JSON.parse(readFileSync(join(smtp.inbox, files[0]!.replace('.eml', '.json')), 'utf8'))).toEqual({ from: 'kundombudsman@nordkredit.se', to: ['asa.oberg@example.se'], user: 'kontoret' });

      const events = eventsOf(c.id);
      const letterSent = events.at(-1)!;
      const exported = events.at(-2)!;
      expect(letterSent).toMatchObject({ kind: 'letter_sent', source: 'mail', direction: 'outbound' });
      expect(JSON.parse(letterSent.data)).toMatchObject({ letter: 'decision', channel: 'email', exportId: exported.id, messageId: sent.messageId, sentOn: '2026-03-12', sha256: sent.sha256 });
      const [filed] = attachmentsOf(exported.id);
      // What the server received is, byte for byte, the .eml filed in the case.
      expect(Buffer.compare(received, filed!.content)).toBe(0);
      expect(sha(received)).toBe(sent.sha256);
      const copy = join(dir, 'received.eml');
      writeFileSync(copy, received);
      const mail = parseWithPython(copy);
      expect(mail.headers['X-Unsent']).toBeUndefined();
      expect(mail.headers['Message-ID']).toBe(sent.messageId);
      expect(mail.headers['Subject']).toBe(`[${c.number}] Kundombudsmannens beslut`);
      expect(pdfTextOf(mail.attachments[0]!.base64)).toContain(c.number);
      const { exports } = await ok(dispatch(as(jonas), 'exports:list', { caseId: c.id }));
      expect(exports[0]).toMatchObject({ exportId: exported.id, format: 'eml', sent: { eventId: letterSent.id, date: '2026-03-12', channel: 'email' } });
    } finally {
      await smtp.stop();
    }
  });

  it('says why a send failed (sign-in refused, server unreachable, none configured) and leaves the case unchanged', async () => {
    const c = addCase();
    await issue(c.id);
    const count = eventsOf(c.id).length;
    expect(await refused(dispatch(as(jonas), 'mail:send', { caseId: c.id, letter: 'decision' }))).toMatchObject({ code: 'conflict', details: { mail: 'no_server' } });

    const smtp = await startSmtp({ user: 'kontoret', password: 'rätt lösen' });
    try {
      await writeSetting(store.db, MAIL_SMTP_SETTING, { host: '127.0.0.1', port: smtp.port, security: 'none', user: 'kontoret' });
      process.env[SMTP_PASSWORD_ENV] = 'fel lösen';
      const auth = await refused(dispatch(as(jonas), 'mail:send', { caseId: c.id, letter: 'decision' }));
      expect(auth).toMatchObject({ code: 'unavailable', details: { mail: 'smtp_auth', host: '127.0.0.1' } });
      expect(auth.message).toMatch(/535/);
      expect(delivered(smtp.inbox)).toEqual([]);
    } finally {
      await smtp.stop();
    }
    // The server is gone: nothing listens on its port now.
    const down = await refused(dispatch(as(jonas), 'mail:send', { caseId: c.id, letter: 'decision' }));
    expect(down).toMatchObject({ code: 'unavailable', details: { mail: 'smtp_connect' } });
    expect(eventsOf(c.id)).toHaveLength(count);
    expect(store.sqlite.prepare('SELECT count(*) AS n FROM mail_messages WHERE case_id = ?').get(c.id)).toEqual({ n: 0 });
  });

  it('refuses an unencrypted connection to a server that is not on this machine', async () => {
    const result = await refused(dispatch(as(fia), 'mail:setSettings', { smtp: { host: 'smtp.nordkredit.se', port: 25, security: 'none', user: null } }));
    expect(result.code).toBe('invalid_input');
    expect(result.message).toMatch(/smtp\.security: security "none" is allowed only for a server on this machine/);
  });

  it('a holding reply sent by mail extends the PSD2 answer time', async () => {
    const c = addCase();
    const smtp = await startSmtp();
    try {
      await writeSetting(store.db, MAIL_SMTP_SETTING, { host: '127.0.0.1', port: smtp.port, security: 'none', user: null });
      const extendable = (await getCase(as(jonas), c.id)).deadlines.filter((d) => d.extended === false && d.metOn === null);
      const content = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Vi behöver mer tid och svarar senast den 20 april 2026.' }] }] };
      const sent = await sendLetterMail(as(jonas), { caseId: c.id, letter: 'holding_reply', request: { caseId: c.id, content, draft: false } });
      const received = readFileSync(join(smtp.inbox, delivered(smtp.inbox)[0]!));
      expect(sha(received)).toBe(sent.sha256);
      const copy = join(dir, 'besked.eml');
      writeFileSync(copy, received);
      const mail = parseWithPython(copy);
      expect(mail.headers['Subject']).toBe(`[${c.number}] Besked om handläggningstiden`);
      expect(mail.text).toContain('vårt besked om handläggningstiden');
      expect(mail.attachments[0]!.fileName).toBe(`${c.number}-besked-om-handläggningstid.pdf`);
      expect(pdfTextOf(mail.attachments[0]!.base64)).toContain('Vi behöver mer tid');
      expect(JSON.parse(eventsOf(c.id).at(-1)!.data)).toMatchObject({ letter: 'holding_reply', channel: 'email', messageId: sent.messageId });
      // The clock PSD2 allows to extend now runs to its extended date.
      const after = (await getCase(as(jonas), c.id)).deadlines;
      const extended = after.filter((d) => d.extended);
      expect(extended.length).toBeGreaterThan(0);
      for (const d of extended) {
        const earlier = extendable.find((e) => e.kind === d.kind)!;
        expect(d.dueDate! > earlier.dueDate!).toBe(true);
      }
    } finally {
      await smtp.stop();
    }
  });
});

describe('replies come back to their case', () => {
  it('files a reply naming a sent Message-ID in In-Reply-To (or only in References) in that case, whatever its subject', async () => {
    const c = addCase();
    const other = addCase();
    await issue(c.id);
    const started = await ok(dispatch(as(jonas), 'mail:draft', { caseId: c.id, letter: 'decision' }));
    await finished(jonas, started.jobId);
    const messageId = (JSON.parse(eventsOf(c.id).at(-1)!.data) as { messageId: string }).messageId;
    const inbox = join(dir, 'inkorg');
    mkdirSync(inbox);
    writeFileSync(
      join(inbox, 'svar.eml'),
      [
        'From: =?UTF-8?Q?=C3=85sa_=C3=96berg?= <asa.oberg@example.se>',
        'To: kundombudsman@nordkredit.se',
        // The subject names another case: the thread wins.
        `Subject: Re: ang. ${other.number}`,
        'Message-ID: <svar-1@example.se>',
        `In-Reply-To: ${messageId}`,
        `References: ${messageId}`,
        'Date: Thu, 12 Mar 2026 12:00:00 +0100',
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: 8bit',
        '',
        'Tack för beslutet. Jag har en fråga om återbetalningen.',
        '',
      ].join('\r\n'),
    );
    writeFileSync(
      join(inbox, 'svar2.eml'),
      ['From: asa.oberg@example.se', 'To: kundombudsman@nordkredit.se', 'Subject: en sak till', 'Message-ID: <svar-2@example.se>', `References: <okand@example.se> ${messageId}`, 'Date: Thu, 12 Mar 2026 13:00:00 +0100', '', 'Kvitto bifogas senare.', ''].join('\r\n'),
    );
    const report = await importMail(as(jonas), { path: inbox });
    expect(report.outcomes.map((o) => [o.result, o.caseNumber])).toEqual([
      ['attached', c.number],
      ['attached', c.number],
    ]);
    const replies = eventsOf(c.id).filter((e) => e.source === 'mail' && e.direction === 'inbound');
    expect(replies.map((e) => e.summary)).toEqual([`Re: ang. ${other.number}`, 'en sak till']);
  });
});

describe('ombud export decision --format eml', () => {
  it('writes the draft from the shell and files it', async () => {
    const c = addCase();
    await issue(c.id);
    const path = store.path;
    await store.close();
    const out = join(dir, 'utkast.eml');
    const result = await ombud('export', 'decision', c.number, '--format', 'eml', '--out', out, '--db', path);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('to asa.oberg@example.se');
    const mail = parseWithPython(out);
    expect(mail.headers['X-Unsent']).toBe('1');
    expect(mail.headers['Subject']).toBe(`[${c.number}] Kundombudsmannens beslut`);
    const refusedDraft = await ombud('export', 'decision', c.number, '--format', 'eml', '--draft', '--out', out, '--db', path);
    expect(refusedDraft.code).toBe(1);
    expect(refusedDraft.stderr).toContain('--draft: a draft decision is not sent');
  });
});
