import { execFile } from 'node:child_process';
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentDigest } from '../../src/main/db/repositories/case-import.repository';
import { demoExchangeLines } from '../../src/main/demo/exchange';
import { importCases } from '../../src/main/import/case-import';
import { importMail, type MailImportReport } from '../../src/main/import/mail-import';
import type { ServiceContext } from '../../src/main/services/context';
import { sessionUser } from '../../src/main/services/session.service';
import { tempStore } from '../fixtures/temp-store';

const fixtures = new URL('../fixtures/mail/', import.meta.url).pathname;
let t: Awaited<ReturnType<typeof tempStore>>;
let ctx: ServiceContext;
let report: MailImportReport;

interface EventRow {
  id: number;
  case_id: number;
  number: string;
  kind: string;
  source: string;
  actor: string;
  summary: string;
  body: string;
  data: string;
}
const eventFor = (messageId: string) =>
  t.store.sqlite
    .prepare(
      `SELECT h.id, h.case_id, c.number, h.kind, h.source, h.actor, h.summary, h.body, h.data FROM mail_messages m
       JOIN history_events h ON h.id = m.event_id JOIN cases c ON c.id = h.case_id WHERE m.message_id = ?`,
    )
    .get(messageId) as EventRow;
const filesOf = (eventId: number) =>
  t.store.sqlite
    .prepare(
      `SELECT ea.file_name, ea.media_type, ea.source, a.content FROM event_attachments ea JOIN attachments a ON a.id = ea.attachment_id
       WHERE ea.event_id = ? ORDER BY ea.file_name`,
    )
    .all(eventId) as { file_name: string; media_type: string; source: string; content: Buffer }[];

beforeAll(async () => {
  t = await tempStore();
  ctx = { store: t.store, user: await sessionUser(t.store) };
  // Two cases the mail can name: KO-2026-000001 and KO-2026-000002.
  const lines = [...demoExchangeLines({ seed: 5, count: 2, asOf: '2026-11-16' })].map((l, i) => {
    const o = JSON.parse(l) as Record<string, unknown>;
    o.caseNumber = `KO-2026-00000${i + 1}`;
    return `${JSON.stringify(o)}\n`;
  });
  const file = join(t.dir, 'two.jsonl');
  writeFileSync(file, lines.join(''));
  expect((await importCases(ctx, { path: file })).created).toBe(2);
  report = await importMail(ctx, { path: fixtures });
});
afterAll(async () => t.cleanup());

describe('ombud import mail', () => {
  it('reads every message of the folder and the mbox, once', () => {
    expect(report).toMatchObject({ messages: 9, attached: 3, newCases: 5, duplicates: 1, rejected: 0 });
    expect(report.outcomes.find((o) => o.result === 'duplicate')).toMatchObject({ origin: '07-mailbox.mbox#3 (line 20)', messageId: '<latin1-1@example.se>' });
  });

  it('UTF-8 with quoted-printable and RFC 2047 words: attached to the case its subject names', () => {
    const e = eventFor('<utf8-qp-1@example.se>');
    expect(e).toMatchObject({ number: 'KO-2026-000001', source: 'mail', summary: 'Re: [KO-2026-000001] Återbetalning som aldrig kom', actor: 'Göran Ölund <goran.olund@example.se>' });
    expect(e.body).toContain('Kundtjänst lovade återbetalning inom fem bankdagar.');
    expect(e.body).toContain('4 999,00 kr');
    expect(JSON.parse(e.data)).toMatchObject({ messageId: '<utf8-qp-1@example.se>', subject: 'Re: [KO-2026-000001] Återbetalning som aldrig kom' });
    // The raw message is kept, so nothing the mail carried is lost.
    expect(filesOf(e.id).map((f) => f.media_type)).toContain('message/rfc822');
    const row = t.store.sqlite.prepare('SELECT event_count FROM cases WHERE number = ?').get('KO-2026-000001') as { event_count: number };
    expect(row.event_count).toBe((t.store.sqlite.prepare(`SELECT count(*) AS n FROM history_events h JOIN cases c ON c.id = h.case_id WHERE c.number = 'KO-2026-000001'`).get() as { n: number }).n);
  });

  it('ISO-8859-1: a mail without a case number opens a new case in "received"', () => {
    const e = eventFor('<latin1-1@example.se>');
    expect(e.summary).toBe('Klagomål på påminnelseavgift');
    expect(e.body).toContain('Jag bestrider påminnelseavgiften på 60 kr. Varan återsändes i september.');
    expect(e.kind).toBe('customer_escalation');
    const c = t.store.sqlite.prepare('SELECT number, status, market, language, received_channel, customer_name FROM cases WHERE id = ?').get(e.case_id);
    expect(c).toEqual({ number: 'KO-2026-000003', status: 'received', market: 'SE', language: 'sv', received_channel: 'email', customer_name: 'Åsa Öberg' });
  });

  it('Windows-1252 in base64: the euro sign and curly quotes survive; a .dk sender opens a Danish case', () => {
    const e = eventFor('<cp1252-1@example.dk>');
    expect(e.summary).toBe('Klage over “rykkergebyr”');
    expect(e.body).toContain('et “rykkergebyr” på 100 kr. og et gebyr på 12 € for en vare');
    expect(e.actor).toBe('Søren Søndergård <soren@example.dk>');
    expect(t.store.sqlite.prepare('SELECT market, language FROM cases WHERE id = ?').get(e.case_id)).toEqual({ market: 'DK', language: 'da' });
  });

  it('HTML-only mail: sanitised text in the history, the original HTML kept as an attachment', () => {
    const e = eventFor('<html-only-1@example.se>');
    expect(e.number).toBe('KO-2026-000002');
    expect(e.body).toContain('Hej, jag vill klaga på inkassokravet.');
    expect(e.body).toMatch(/Faktura 991/);
    expect(e.body).not.toMatch(/<b>|<script|alert\(|color:red/);
    const html = filesOf(e.id).find((f) => f.file_name === 'message.html')!;
    expect(html.media_type).toBe('text/html');
    expect(html.content.toString('utf8')).toContain("<script>alert('x')</script>");
  });

  it('a forwarded message: its text follows, its PDF joins the event', () => {
    const e = eventFor('<forward-1@example.se>');
    expect(e.number).toBe('KO-2026-000001');
    expect(e.body).toContain('Här är kundtjänsts svar, som jag inte godtar.');
    expect(e.body).toContain('---------- Forwarded message ----------');
    expect(e.body).toContain('Subject: Svar på ditt ärende');
    expect(e.body).toContain('Vi har tyvärr inte kunnat nå handlaren. Ärendet avslutas.');
    const files = filesOf(e.id);
    const pdf = files.find((f) => f.file_name === 'beslut.pdf')!;
    expect(pdf.media_type).toBe('application/pdf');
    expect(pdf.content.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.source).toBe('mail:<forward-1@example.se>');
    expect(files.map((f) => f.file_name)).toContain('svar.eml');
  });

  it('attachments of any type, with RFC 2231 file names, byte for byte', () => {
    const e = eventFor('<attachments-1@example.se>');
    const files = filesOf(e.id);
    expect(files.find((f) => f.file_name === 'skärmbild å.png')?.media_type).toBe('image/png');
    const bin = files.find((f) => f.file_name === 'data.bin')!;
    expect(bin.media_type).toBe('application/x-custom-binary');
    expect([...bin.content]).toEqual(Array.from({ length: 256 }, (_, i) => i));
  });

  it('mbox: From-munged lines are restored', () => {
    expect(eventFor('<mbox-1@example.se>').body).toContain('Första raden.\nFrom here the text goes on.');
    expect(eventFor('<mbox-2@example.dk>').body).toBe('Jeg klager over gebyret.');
  });

  it('importing the same mail again changes nothing, in whatever file it arrives', async () => {
    const d = contentDigest(t.store.sqlite);
    const copy = join(t.dir, 'again');
    cpSync(fixtures, copy, { recursive: true });
    const again = await importMail(ctx, { path: copy });
    expect(again).toMatchObject({ messages: 9, attached: 0, newCases: 0, duplicates: 9 });
    expect(contentDigest(t.store.sqlite)).toBe(d);
  });

  it('refuses a mail with an attachment above the limit and says which', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['bin/ombud.mjs', 'import', 'mail', join(fixtures, '06-attachments.eml'), '--db', t.store.path, '--max-attachment-bytes', '100']).catch((e: { stdout: string }) => e);
    expect(stdout).toContain('already imported');
    const fresh = join(t.dir, 'big.eml');
    writeFileSync(fresh, `Message-ID: <big@example.se>\r\nSubject: Big\r\nContent-Type: text/plain\r\n\r\n${'x'.repeat(5000)}\r\n`);
    const r = await importMail(ctx, { path: fresh, maxAttachmentBytes: 1000 });
    expect(r.rejected).toBe(1);
    expect(r.outcomes[0]!.problem).toMatch(/attachment "Big.eml" is \d+ bytes, above the limit of 1000 bytes/);
  });
});
