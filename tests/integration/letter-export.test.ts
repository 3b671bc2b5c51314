import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/main/db/connection';
import { insertUser } from '../../src/main/db/repositories/user.repository';
import { writeSetting } from '../../src/main/db/repositories/settings.repository';
import { createCaseIntake } from '../../src/main/services/case-intake.service';
import { getCase } from '../../src/main/services/case.service';
import type { ServiceContext, SessionUser } from '../../src/main/services/context';
import { exportLetter, markSent, sha256 } from '../../src/main/services/export.service';
import { LETTERHEAD_SETTING, loadLetterheads } from '../../src/main/services/letter.service';
import type { TipTapNode } from '../../src/shared/letter/model';
import { buildCase, buildEvent } from '../fixtures/cases';
import { tempStore } from '../fixtures/temp-store';

let store: Store;
let dir: string;
let cleanup: () => Promise<void>;
let fia: SessionUser;
const clock = () => new Date('2026-11-23T10:00:00.000Z');
const ctx = (user = fia): ServiceContext => ({ store, user, now: clock });

const text = (t: string, marks?: TipTapNode['marks']): TipTapNode => ({ type: 'text', text: t, ...(marks ? { marks } : {}) });
const p = (...content: TipTapNode[]): TipTapNode => ({ type: 'paragraph', content });
const field = (f: string): TipTapNode => ({ type: 'mergeField', attrs: { field: f } });
const doc = (...content: TipTapNode[]) => ({ type: 'doc', content });
const SPECIAL = 'Kära kund: å ä ö æ ø é Å Ä Ö Æ Ø – “citat” 12 €';
const filler = (n: number) => Array.from({ length: n }, (_, i) => p(text(`Stycke ${i + 1}. Vi har läst hela historiken och bedömer att fakturan inte borde ha gått vidare till inkasso när varan aldrig levererades.`)));

function pdfText(path: string, page?: number): string {
  return execFileSync('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), '-layout', path, '-'], { encoding: 'utf8' });
}
function pdfPages(path: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))![1]);
}
function docxPart(path: string, part: string): string {
  return execFileSync('unzip', ['-p', path, part], { encoding: 'utf8' });
}
function docxAll(path: string): string {
  return execFileSync('unzip', ['-p', path], { encoding: 'utf8' });
}

let caseId: number;
let callId: number;
let noteId: number;

beforeEach(async () => {
  ({ store, dir, cleanup } = await tempStore());
  const id = await insertUser(store.db, { username: 'fia', display_name: 'Fia Ødegård-Åström', role: 'ombudsman', title: 'Kundombudsman', created_at: '2026-01-01T00:00:00Z' });
  fia = { id, name: 'Fia Ødegård-Åström', role: 'ombudsman' };
  const ids = createCaseIntake(store).writeBatch([
    buildCase({
      events: [
        buildEvent({ occurredAt: '2026-03-02T09:15:00.000Z', summary: 'samtal om fakturan' }),
        buildEvent({ occurredAt: '2026-03-05T09:15:00.000Z', kind: 'note', source: 'internal', direction: 'internal', summary: 'Intern anteckning: misstänkt bedrägeri' }),
      ],
    }),
  ]);
  caseId = ids[0]!;
  const view = await getCase(ctx(), caseId);
  callId = view.events.find((e) => e.kind === 'cs_call')!.id;
  noteId = view.events.find((e) => e.kind === 'note')!.id;
});
afterEach(() => cleanup());

describe('a letter as PDF', () => {
  it('prints body, merge fields, citations and signature with Swedish and Danish characters, a page count and UTKAST on every page', async () => {
    const out = join(dir, 'beslut.pdf');
    const content = doc(
      { type: 'heading', attrs: { level: 1 }, content: [text('Beslut')] },
      p(text('Hej '), field('customer.name'), text(', gäller '), field('case.number'), text(' och '), field('claim.1.amount'), text('.')),
      p(text(SPECIAL)),
      p(text('Enligt '), { type: 'citation', attrs: { eventId: callId } }, text('.')),
      ...filler(60),
    );
    const r = await exportLetter(ctx(), { caseId, content, draft: true, subject: 'Beslut i ditt ärende' }, { format: 'pdf', out });
    expect(r.sha256).toBe(sha256(readFileSync(out)));
    const all = pdfText(out);
    for (const s of ['Åsa Öberg', 'Storgatan 1', '111 22 Stockholm', '1 499,00 kr', '23 november 2026', 'Beslut i ditt ärende', 'Fia Ødegård-Åström', 'Kundombudsman', 'Nordkredit AB']) expect(all).toContain(s);
    expect(all).toContain(SPECIAL);
    // A citation reads as a reference in words, set apart from the sentence, not as a log line.
    expect(all.replace(/\s+/g, ' ')).toContain('Enligt (se samtalet med kundservice den 2 mars 2026: ”samtal om fakturan”).');
    expect(all).toMatch(/KO-2026-\d{6}/);
    expect(all).not.toMatch(/\{\{|mergeField|customer\.name/);
    const pages = pdfPages(out);
    expect(pages).toBeGreaterThanOrEqual(3);
    for (let i = 1; i <= pages; i++) {
      const page = pdfText(out, i);
      expect(page).toContain(`Sida ${i} av ${pages}`);
      expect(page).toContain('UTKAST');
    }
    const fonts = execFileSync('pdffonts', [out], { encoding: 'utf8' });
    expect(fonts).toMatch(/DejaVuSans\s.*\byes\s+yes\s+yes/);
  });

  it('numbers pages in Danish and English, dates each language its own way, and has no draft mark on a final letter', async () => {
    const da = join(dir, 'da.pdf');
    await exportLetter(ctx(), { caseId, content: doc(...filler(40)), draft: false, language: 'da' }, { format: 'pdf', out: da });
    const daText = pdfText(da);
    expect(daText).toContain('23. november 2026');
    expect(daText).toContain(`Side 1 af ${pdfPages(da)}`);
    expect(daText).not.toContain('UDKAST');
    const en = join(dir, 'en.pdf');
    await exportLetter(ctx(), { caseId, content: doc(p(text('Hello'))), draft: true, language: 'en' }, { format: 'pdf', out: en });
    expect(pdfText(en)).toMatch(/23 November 2026[\s\S]*DRAFT|DRAFT[\s\S]*23 November 2026/);
    expect(pdfText(en)).toContain('Page 1 of 1');
  });

  it('uses the letterhead saved in settings over the shipped default', async () => {
    const heads = await loadLetterheads(ctx());
    await writeSetting(store.db, LETTERHEAD_SETTING, { ...heads, SE: { ...heads.SE, companyName: 'Ändrad Kredit AB' } });
    const out = join(dir, 'head.pdf');
    await exportLetter(ctx(), { caseId, content: doc(p(text('x'))), draft: false }, { format: 'pdf', out });
    expect(pdfText(out)).toContain('Ändrad Kredit AB');
  });
});

describe('a letter as DOCX', () => {
  it('holds the same paragraphs as real Word headings, numbered lists, a table and page-number fields', async () => {
    const out = join(dir, 'beslut.docx');
    const content = doc(
      { type: 'heading', attrs: { level: 1 }, content: [text('Bakgrund')] },
      { type: 'heading', attrs: { level: 2 }, content: [text('Vad hände')] },
      p(field('customer.name'), text(' – '), text(SPECIAL, [{ type: 'italic' }])),
      { type: 'orderedList', attrs: { start: 1 }, content: [{ type: 'listItem', content: [p(text('Första yrkandet'))] }, { type: 'listItem', content: [p(text('Andra yrkandet'))] }] },
      { type: 'bulletList', content: [{ type: 'listItem', content: [p(text('En punkt'))] }] },
      {
        type: 'table',
        content: [
          { type: 'tableRow', content: [{ type: 'tableHeader', content: [p(text('Datum'))] }, { type: 'tableHeader', content: [p(text('Händelse'))] }] },
          { type: 'tableRow', content: [{ type: 'tableCell', content: [p(text('2026-03-02'))] }, { type: 'tableCell', content: [p({ type: 'citation', attrs: { eventId: callId } })] }] },
        ],
      },
    );
    await exportLetter(ctx(), { caseId, content, draft: true }, { format: 'docx', out });
    const xml = docxPart(out, 'word/document.xml');
    expect(xml).toMatch(/<w:pStyle w:val="Heading1"\/>[\s\S]*Bakgrund/);
    expect(xml).toMatch(/<w:pStyle w:val="Heading2"\/>[\s\S]*Vad hände/);
    expect(xml).toContain('Åsa Öberg');
    expect(xml).toContain('Kära kund: å ä ö æ ø é Å Ä Ö Æ Ø – “citat” 12 €');
    expect((xml.match(/<w:numPr>/g) ?? []).length).toBe(3);
    expect(xml).toContain('<w:tbl>');
    expect(xml).toMatch(/<w:tblHeader\/>/);
    expect(xml).toContain('(se samtalet med kundservice den 2 mars 2026: ”samtal om fakturan”)');
    expect(xml).toContain('Fia Ødegård-Åström');
    expect(xml).toContain('23 november 2026');
    const all = docxAll(out);
    expect(all).toMatch(/PAGE[\s\S]*NUMPAGES/);
    expect(all).toMatch(/Sida /);
    expect(all).toContain('UTKAST');
    expect(docxPart(out, 'word/numbering.xml')).toContain('w:val="decimal"');
  });
});

describe('redaction and what never enters a letter', () => {
  it('leaves a redacted string out of both the PDF text and the DOCX XML', async () => {
    const content = doc(
      p(text('Det här står kvar. '), text('Personnummer 850312-2384 hemligt', [{ type: 'redaction' }])),
      { type: 'paragraph', attrs: { redacted: true }, content: [text('Hela stycket om Elektronikhuset')] },
      p(text('Belopp: '), field('claim.1.amount'), text('. Kund: '), field('customer.name')),
      p({ type: 'citation', attrs: { eventId: callId } }),
    );
    const redaction = { fields: ['customer.name', 'customer.street'], eventIds: [callId] };
    const pdf = join(dir, 'arn.pdf');
    const docx = join(dir, 'arn.docx');
    await exportLetter(ctx(), { caseId, content, draft: false, redaction }, { format: 'pdf', out: pdf });
    await exportLetter(ctx(), { caseId, content, draft: false, redaction }, { format: 'docx', out: docx });
    const pdfAll = pdfText(pdf);
    const docxText = docxAll(docx);
    for (const [name, out] of [['pdf', pdfAll], ['docx', docxText]] as const) {
      // Compared as booleans: a failure should name the string and format, not print the whole package.
      expect({ name, kept: out.includes('Det här står kvar.') && /1\s499,00\s*kr/.test(out) }).toEqual({ name, kept: true });
      for (const gone of ['850312', 'hemligt', 'Hela stycket', 'Åsa', 'Öberg', 'Storgatan', 'samtal om fakturan']) expect({ name, gone, found: out.includes(gone) }).toEqual({ name, gone, found: false });
    }
  });

  it('refuses to cite an internal note and an unknown merge field, writing no file and booking nothing', async () => {
    const before = (await getCase(ctx(), caseId)).events.length;
    const out = join(dir, 'no.pdf');
    await expect(exportLetter(ctx(), { caseId, content: doc(p({ type: 'citation', attrs: { eventId: noteId } })), draft: false }, { format: 'pdf', out })).rejects.toThrow(
      `Event ${noteId} ("Intern anteckning: misstänkt bedrägeri") is one of the office's own working records and cannot be cited in a letter`,
    );
    await expect(exportLetter(ctx(), { caseId, content: doc(p(field('customer.shoeSize'))), draft: false }, { format: 'docx', out })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('Unknown merge field "customer.shoeSize"'),
    });
    expect(existsSync(out)).toBe(false);
    expect((await getCase(ctx(), caseId)).events.length).toBe(before);
  });
});

describe('export bookkeeping', () => {
  it('books each export with its SHA-256 in history and audit, and marks a final letter as sent', async () => {
    const out = join(dir, 'final.pdf');
    const r = await exportLetter(ctx(), { caseId, content: doc(p(text('Slutligt'))), draft: false }, { format: 'pdf', out, kind: 'holding_reply' });
    const hash = sha256(readFileSync(out));
    const view = await getCase(ctx(), caseId);
    const exported = view.events.find((e) => e.id === r.exportId)!;
    expect(exported).toMatchObject({ kind: 'letter_exported', actor: 'Fia Ødegård-Åström', data: { letter: 'holding_reply', format: 'pdf', sha256: hash, fileName: 'final.pdf', draft: false } });
    const audit = await store.db.selectFrom('audit_log').selectAll().where('action', '=', 'letter.export').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({ exportId: r.exportId, sha256: hash, path: out });

    const { eventId } = await markSent(ctx(), { caseId, exportId: r.exportId, date: '2026-11-20', channel: 'post' });
    const sent = (await getCase(ctx(), caseId)).events.find((e) => e.id === eventId)!;
    expect(sent).toMatchObject({ kind: 'letter_sent', direction: 'outbound', data: { letter: 'holding_reply', exportId: r.exportId, channel: 'post', sentOn: '2026-11-20', sha256: hash } });
    expect(sent.occurredAt.slice(0, 10)).toBe('2026-11-20');
    await expect(markSent(ctx(), { caseId, exportId: r.exportId, date: '2026-11-20', channel: 'post' })).rejects.toThrow('already marked as sent');
    await expect(markSent(ctx(), { caseId, exportId: r.exportId, date: '2026-12-01', channel: 'post' })).rejects.toThrow('lies in the future');

    const draft = await exportLetter(ctx(), { caseId, content: doc(p(text('Utkast'))), draft: true }, { format: 'docx', out: join(dir, 'draft.docx') });
    await expect(markSent(ctx(), { caseId, exportId: draft.exportId, date: '2026-11-23', channel: 'email' })).rejects.toThrow('is a draft');
    await expect(markSent(ctx(), { caseId, exportId: 123456, date: '2026-11-23', channel: 'email' })).rejects.toThrow('is not an export of case');
    await expect(markSent(ctx(), { caseId, exportId: r.exportId, date: '23/11', channel: 'fax' as 'post' })).rejects.toThrow(/date: must be YYYY-MM-DD; channel/);
  });

  it('lets an auditor read but not export', async () => {
    const id = await insertUser(store.db, { username: 'gunnar', display_name: 'Gunnar', role: 'auditor', title: null, created_at: '2026-01-01T00:00:00Z' });
    await expect(exportLetter(ctx({ id, name: 'Gunnar', role: 'auditor' }), { caseId, content: doc(p(text('x'))), draft: true }, { format: 'pdf', out: join(dir, 'a.pdf') })).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('ombud export letter', () => {
  it('renders a TipTap file for a case number and refuses an unresolved field by name', async () => {
    const number = (await getCase(ctx(), caseId)).header.number;
    await store.close();
    const body = join(dir, 'body.json');
    writeFileSync(body, JSON.stringify(doc(p(text('Hej '), field('customer.name'), text(', välkommen.')))));
    const db = join(dir, 'ombud.sqlite');
    const out = join(dir, 'cli.pdf');
    const stdout = execFileSync(process.execPath, ['bin/ombud.mjs', 'export', 'letter', '--db', db, '--case', number, '--content', body, '--format', 'pdf', '--out', out, '--draft', '--language', 'da'], { encoding: 'utf8' });
    expect(stdout).toContain(`sha256 ${sha256(readFileSync(out))}`);
    expect(pdfText(out)).toMatch(/Hej Åsa Öberg, välkommen\.[\s\S]*/);
    expect(pdfText(out)).toContain('Side 1 af 1');
    expect(pdfText(out)).toContain('UDKAST');
    writeFileSync(body, JSON.stringify(doc(p(field('claim.7.amount')))));
    let stderr = '';
    try {
      execFileSync(process.execPath, ['bin/ombud.mjs', 'export', 'letter', '--db', db, '--case', number, '--content', body, '--format', 'docx', '--out', join(dir, 'x.docx')], { encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      stderr = (error as { stderr: string }).stderr;
    }
    expect(stderr).toContain('Unknown merge field "claim.7.amount"');
    expect(existsSync(join(dir, 'x.docx'))).toBe(false);
    ({ store } = await tempStore()); // afterEach closes a store
  });
});
