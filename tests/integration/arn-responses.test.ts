import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/main/db/connection';
import { anonymiseCaseData } from '../../src/main/db/repositories/retention.repository';
import { insertUser } from '../../src/main/db/repositories/user.repository';
import { dispatch } from '../../src/main/ipc/dispatch';
import { createCaseIntake } from '../../src/main/services/case-intake.service';
import type { SessionUser } from '../../src/main/services/context';
import { sessionUser } from '../../src/main/services/session.service';
import type { ArnResponseView, ResponsePanel } from '../../src/shared/domain/arn-response';
import type { DocNode } from '../../src/shared/editor/document';
import type { Channel } from '../../src/shared/ipc/channels';
import type { ChannelOutput } from '../../src/shared/ipc/contract';
import { buildCase, buildEvent } from '../fixtures/cases';
import { ombud } from '../fixtures/cli';
import { pdfWithPages, png } from '../fixtures/files';
import { tempStore } from '../fixtures/temp-store';

let store: Store;
let dir: string;
let cleanup: () => Promise<void>;
let ombudsman: SessionUser;
let handler: SessionUser;
let auditor: SessionUser;
let caseId: number;
let caseNumber: string;
let matterId: number;
const ev: Record<string, number> = {};
const att: Record<string, number> = {};

/** Before the authority's deadline (2026-12-11), then after it. */
const BEFORE = () => new Date('2026-11-20T10:00:00.000Z');
const AFTER = () => new Date('2026-12-15T10:00:00.000Z');

async function as<C extends Channel>(user: SessionUser, channel: C, input: unknown, now = BEFORE): Promise<ChannelOutput<C>> {
  const r = await dispatch({ store, user, now }, channel, input);
  if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
  return r.data as ChannelOutput<C>;
}

async function refused(user: SessionUser, channel: Channel, input: unknown, now = BEFORE) {
  const r = await dispatch({ store, user, now }, channel, input);
  if (r.ok) throw new Error(`${channel} was not refused`);
  return r.error;
}

const SECRET = 'Jämför med Bertil Ståhl, 19790505-1234';

/** The template's text with the grounds written and one sentence about another customer, redacted or not. */
function withGrounds(doc: DocNode, grounds: string, redactSecret: boolean): DocNode {
  const content = [...(doc.content ?? [])];
  const at = content.findIndex((b) => b.type === 'heading' && b.content?.[0]?.text === 'Grunder');
  content.splice(at + 2, 0, {
    type: 'paragraph',
    content: [{ type: 'text', text: `${grounds} ` }, { type: 'text', text: SECRET, ...(redactSecret ? { marks: [{ type: 'redaction' }] } : {}) }],
  });
  return { ...doc, content };
}

beforeAll(async () => {
  ({ store, dir, cleanup } = await tempStore());
  ombudsman = await sessionUser(store);
  handler = { id: await insertUser(store.db, { username: 'hanna', display_name: 'Hanna Handläggare', role: 'handler', title: null, created_at: '2026-01-01T00:00:00Z' }), name: 'Hanna Handläggare', role: 'handler' };
  auditor = { id: await insertUser(store.db, { username: 'ari', display_name: 'Ari Revisor', role: 'auditor', title: null, created_at: '2026-01-01T00:00:00Z' }), name: 'Ari Revisor', role: 'auditor' };
  const bundle = buildCase({
    events: [
      buildEvent({ occurredAt: '2026-02-01T10:00:00.000Z', kind: 'invoice_issued', source: 'invoice', direction: 'outbound', actor: 'System', summary: 'Faktura skapad', body: '' }),
      buildEvent({ occurredAt: '2026-02-10T09:00:00.000Z', kind: 'cs_chat', source: 'chat', summary: 'Chatt om utebliven leverans', body: 'Agent: Vi pausar fakturan.' }),
      buildEvent({
        occurredAt: '2026-02-20T09:00:00.000Z',
        kind: 'document',
        source: 'document',
        summary: 'Kvitto från handlaren',
        body: '',
        attachments: [{ fileName: 'kvitto.pdf', mediaType: 'application/pdf', content: Buffer.from(await pdfWithPages('Kvitto sida ett')) }],
      }),
      buildEvent({
        occurredAt: '2026-02-25T09:00:00.000Z',
        kind: 'document',
        source: 'mail',
        summary: 'Skärmbild av spårningen',
        body: '',
        attachments: [{ fileName: 'spårning.png', mediaType: 'image/png', content: Buffer.from(png()) }],
      }),
      buildEvent({ occurredAt: '2026-03-01T09:00:00.000Z', kind: 'note', source: 'internal', direction: 'internal', actor: 'Hanna', summary: 'Intern bedömning', body: 'Kunden verkar ha fått paketet enligt spårningen hos ombudet.' }),
      buildEvent({ occurredAt: '2026-03-09T18:30:00.000Z', kind: 'customer_escalation', source: 'mail', summary: 'Kunden eskalerar till kundombudet', body: 'Hej, pröva mitt ärende.' }),
    ],
  });
  const other = buildCase({ customer: { ...bundle.customer, name: 'Bertil Ståhl', personalNumber: '19790505-1234', email: 'bertil@example.se' } });
  [caseId] = createCaseIntake(store).writeBatch([bundle, other]) as [number];
  caseNumber = bundle.number;
  for (const row of store.sqlite.prepare('SELECT id, summary FROM history_events WHERE case_id = ?').all(caseId) as { id: number; summary: string }[]) ev[row.summary] = row.id;
  for (const row of store.sqlite.prepare('SELECT attachment_id AS id, file_name FROM event_attachments').all() as { id: number; file_name: string }[]) att[row.file_name] = row.id;
  const matter = await as(handler, 'matters:register', {
    caseId,
    authority: 'ARN',
    reference: '2026-04711',
    receivedDate: '2026-11-10',
    responseDue: '2026-12-11',
    claimText: 'Konsumenten yrkar att fakturan krediteras',
    claimAmount: '1499,00',
    questions: ['Har bolaget pausat fakturan under reklamationen?'],
    documents: ['Anmälan'],
  });
  matterId = matter.id;
});
afterAll(() => cleanup());

describe('drafting a response to ARN', () => {
  let response: ArnResponseView;

  it('starts from the Swedish template with the claim point and the question, and names what is missing', async () => {
    expect(await as(handler, 'arnResponses:forMatter', { matterId })).toEqual({ response: null });
    expect((await refused(auditor, 'arnResponses:create', { matterId, language: 'sv' })).code).toBe('forbidden');
    response = await as(handler, 'arnResponses:create', { matterId, language: 'sv' });
    expect(response.status).toBe('draft');
    expect(response.panel.points).toEqual([{ text: 'Konsumenten yrkar att fakturan krediteras', amount: { minor: 149_900, currency: 'SEK' }, position: null, amountReasonable: null }]);
    expect(response.renderedText).toContain('Yttrande till Allmänna reklamationsnämnden');
    expect(response.renderedText).toContain('Nämndens ärende: 2026-04711');
    expect(response.renderedText).toContain('Anmälare: Åsa Öberg');
    expect(response.renderedText).toContain('Har bolaget pausat fakturan under reklamationen?');
    expect(response.issues.map((i) => i.code).sort()).toEqual(['amount_not_assessed', 'position_missing', 'question_unanswered']);
    expect(response.issues.find((i) => i.code === 'position_missing')!.path).toBe('points.0.position');
    expect((await refused(handler, 'arnResponses:create', { matterId, language: 'sv' })).code).toBe('conflict');
  });

  it('names each check: exhibit order and references, internal notes, other customers, the deadline', async () => {
    const panel: ResponsePanel = {
      ...response.panel,
      points: [{ ...response.panel.points[0]!, position: 'partly_admits', amountReasonable: true }],
      answers: ['Ja, fakturan pausades i 30 dagar.'],
      facts: [
        { eventId: ev['Chatt om utebliven leverans']!, redacted: false },
        { eventId: ev['Intern bedömning']!, redacted: false },
      ],
      exhibits: [
        { source: 'attachment', id: att['kvitto.pdf']!, title: 'Kvitto', redacted: false },
        { source: 'attachment', id: att['spårning.png']!, title: 'Spårning', redacted: false },
      ],
    };
    const content = withGrounds(response.content, 'Spårningen visar leverans (Bilaga 2) och kvittot köpet (Bilaga 1), se även Bilaga 3.', false);
    const saved = await as(handler, 'arnResponses:save', { id: response.id, baseVersion: response.version, content, panel }, AFTER);
    const codes = saved.issues.map((i) => i.code).sort();
    expect(codes).toEqual(['deadline_passed', 'exhibit_order', 'exhibit_reference_unknown', 'internal_note', 'other_customer', 'other_customer']);
    expect(saved.issues.find((i) => i.code === 'exhibit_reference_unknown')!.message).toBe('The text refers to Bilaga 3, but the response has 2 exhibits.');
    expect(saved.issues.find((i) => i.code === 'internal_note')!.path).toBe('facts.1');
    expect(saved.issues.filter((i) => i.code === 'other_customer').map((i) => i.message).sort()).toEqual([
      'The text holds the personal number of another customer (19790505-****); redact it.',
      'The text names Bertil Ståhl, a customer of another case; redact the name.',
    ]);
    // A stale version is refused, not overwritten.
    expect((await refused(handler, 'arnResponses:save', { id: response.id, baseVersion: response.version, content, panel })).code).toBe('conflict');

    // Fixed: exhibits referred to in order, the note redacted, the other customer's data redacted, lateness acknowledged.
    const fixedPanel: ResponsePanel = { ...panel, facts: [panel.facts[0]!, { ...panel.facts[1]!, redacted: true }, { eventId: ev['Kvitto från handlaren']!, redacted: false }], lateAcknowledged: true };
    const fixed = withGrounds(response.content, 'Kvittot visar köpet (Bilaga 1) och spårningen leveransen (Bilaga 2).', true);
    const ok = await as(handler, 'arnResponses:save', { id: response.id, baseVersion: saved.version, content: fixed, panel: fixedPanel }, AFTER);
    expect(ok.issues).toEqual([]);
    expect(ok.renderedText).not.toContain('Bertil');
    expect(ok.renderedText).not.toContain('Intern bedömning');
    expect(ok.renderedText).toContain('Bolaget medger yrkandet delvis.');
    expect(ok.renderedText).toContain('Det yrkade beloppet vitsordas som skäligt i och för sig.');
    expect(ok.renderedText).toMatch(/\[2026-02-10: Chatt om utebliven leverans\][\s\S]*\[2026-02-20: Kvitto från handlaren\] \(Bilaga 1\)/);
    expect(ok.renderedText).toMatch(/Bilaga 1: Kvitto\s+Bilaga 2: Spårning/);
    response = await as(handler, 'arnResponses:forMatter', { matterId }).then((r) => r.response!);
  });

  it('needs a second person: the handler submits, only another person approves, then it is finalised and frozen', async () => {
    expect((await refused(handler, 'arnResponses:finalise', { id: response.id, baseVersion: response.version }, AFTER)).message).toContain('four eyes');
    const submitted = await as(handler, 'arnResponses:submit', { id: response.id, baseVersion: response.version }, AFTER);
    expect(submitted.status).toBe('submitted');
    expect((await refused(handler, 'arnResponses:approve', { id: response.id }, AFTER)).code).toBe('forbidden');
    expect((await refused(handler, 'arnResponses:save', { id: response.id, baseVersion: submitted.version, content: submitted.content, panel: submitted.panel }, AFTER)).code).toBe('conflict');
    const approved = await as(ombudsman, 'arnResponses:approve', { id: response.id, comment: 'Bra' }, AFTER);
    expect(approved.status).toBe('approved');
    const finalised = await as(handler, 'arnResponses:finalise', { id: response.id, baseVersion: approved.version }, AFTER);
    expect(finalised.status).toBe('finalised');
    expect(finalised.finalised).toMatchObject({ by: { name: 'Hanna Handläggare' }, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(finalised.review.map((r) => r.action)).toEqual(['created', 'submitted', 'approved', 'finalised']);

    // Frozen through every channel and beneath them.
    for (const [channel, input] of [
      ['arnResponses:save', { id: response.id, baseVersion: finalised.version, content: finalised.content, panel: finalised.panel }],
      ['arnResponses:submit', { id: response.id, baseVersion: finalised.version }],
      ['arnResponses:finalise', { id: response.id, baseVersion: finalised.version }],
    ] as const) {
      expect((await refused(handler, channel, input, AFTER)).code).toBe('conflict');
    }
    expect((await refused(ombudsman, 'arnResponses:return', { id: response.id, comment: 'Ändra' }, AFTER)).code).toBe('conflict');
    expect(() => store.sqlite.prepare(`UPDATE arn_responses SET rendered_text = 'ändrad' WHERE id = ?`).run(response.id)).toThrow('a finalised ARN response cannot be changed');
    expect(() => store.sqlite.prepare(`DELETE FROM arn_responses WHERE id = ?`).run(response.id)).toThrow('a finalised ARN response cannot be deleted');
    const history = store.sqlite.prepare(`SELECT summary FROM history_events WHERE case_id = ? AND kind = 'authority_correspondence' ORDER BY id`).pluck().all(caseId);
    expect(history).toEqual(expect.arrayContaining(['ARN response draft started', 'ARN response submitted for approval', 'ARN response approved', 'ARN response finalised']));
    response = finalised;
  });

  it('exports the package: response, index, exhibits in order; the redacted and internal text is absent; DOCX holds the same', async () => {
    const out = join(dir, 'arn-paket.pdf');
    const run = await ombud('export', 'arn', caseNumber, '--out', out, '--db', store.path);
    // Only warnings naming the exhibits to check by hand (the receipt PDF cannot be redacted automatically, its font is not embedded).
    expect(run.stderr.split('\n').filter((l) => l.trim() !== '' && !/^warning: Bilaga [12]/.test(l))).toEqual([]);
    expect(run.code).toBe(0);
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
    expect(text).toContain('Allmänna reklamationsnämnden');
    // The response's title is the letter's subject, with ARN's reference, printed once.
    expect(text.replace(/\s+/g, ' ')).toContain('Yttrande till Allmänna reklamationsnämnden, ärende 2026-04711');
    expect(text.match(/Yttrande till Allmänna reklamationsnämnden/g)).toHaveLength(1);
    expect(text).toContain('Bolaget medger yrkandet delvis.');
    expect(text).toMatch(/Bilageförteckning[\s\S]*Bilaga 1: Kvitto[\s\S]*Bilaga 2: Spårning[\s\S]*Kvitto sida ett/);
    expect(text.indexOf('Kvitto sida ett')).toBeLessThan(text.lastIndexOf('spårning.png'));
    for (const hidden of ['Bertil', 'Ståhl', '19790505', 'Intern bedömning', 'fått paketet']) expect(text).not.toContain(hidden);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [out], { encoding: 'utf8' }))![1]);
    expect(run.stdout).toContain(`${pages} pages`);

    const docx = join(dir, 'arn.docx');
    expect((await ombud('export', 'arn', caseNumber, '--out', docx, '--format', 'docx', '--db', store.path)).code).toBe(0);
    const xml = execFileSync('unzip', ['-p', docx, 'word/document.xml'], { encoding: 'utf8' });
    expect(xml).toContain('Bolaget medger yrkandet delvis.');
    expect(xml).toContain('Omständigheter');
    expect(xml).toContain('Bilaga 2: Spårning');
    for (const hidden of ['Bertil', 'Ståhl', '19790505', 'Intern bedömning']) expect(xml).not.toContain(hidden);

    const exports = store.sqlite.prepare(`SELECT detail FROM audit_log WHERE action = 'letter.export' AND case_id = ?`).pluck().all(caseId) as string[];
    expect(exports.map((d) => JSON.parse(d) as { kind: string; format: string }).map((d) => `${d.kind}/${d.format}`)).toEqual(['arn_response/arn_package', 'arn_response/docx']);
    expect((await refused(auditor, 'arnResponses:export', { id: response.id, format: 'package' })).code).toBe('forbidden');
    const viaChannel = await as(handler, 'arnResponses:export', { id: response.id, format: 'package' });
    expect(viaChannel.fileName).toBe('ARN-2026-04711.pdf');
    expect(Buffer.from(viaChannel.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('without four eyes a valid draft is finalised directly; the ombudsman alone changes the setting', async () => {
    expect((await refused(handler, 'settings:setArnFourEyes', { enabled: false })).code).toBe('forbidden');
    await as(ombudsman, 'settings:setArnFourEyes', { enabled: false });
    const second = await as(handler, 'matters:register', {
      caseId,
      authority: 'KOV',
      reference: 'KOV-2026-9',
      receivedDate: '2026-11-12',
      responseDue: null,
      claimText: 'Konsumentverket frågar om rutinerna',
      claimAmount: null,
      questions: [],
      documents: [],
    });
    const draft = await as(handler, 'arnResponses:create', { matterId: second.id, language: 'en' });
    expect(draft.renderedText).toContain('Response to Konsumentverket');
    const saved = await as(handler, 'arnResponses:save', {
      id: draft.id,
      baseVersion: draft.version,
      content: draft.content,
      panel: { ...draft.panel, points: [{ ...draft.panel.points[0]!, position: 'contests' }] },
    });
    expect(saved.issues).toEqual([]);
    const done = await as(handler, 'arnResponses:finalise', { id: draft.id, baseVersion: saved.version });
    expect(done.status).toBe('finalised');
    await as(ombudsman, 'settings:setArnFourEyes', { enabled: true });
    const run = await ombud('export', 'arn', caseNumber, '--out', join(dir, 'x.pdf'), '--db', store.path);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('choose one with --matter');
  });

  it('retention blanks the texts of the case’s responses, which stay finalised and hashed', async () => {
    const before = store.sqlite.prepare(`SELECT id, status, sha256, finalised_at FROM arn_responses WHERE case_id = ? ORDER BY id`).all(caseId);
    await store.db.transaction().execute((trx) => anonymiseCaseData(trx, caseId, '2030-01-01T00:00:00.000Z', 'Anonymiserad'));
    expect(store.sqlite.prepare(`SELECT id, status, sha256, finalised_at FROM arn_responses WHERE case_id = ? ORDER BY id`).all(caseId)).toEqual(before);
    const dump = JSON.stringify(store.sqlite.prepare(`SELECT content, panel, rendered_text FROM arn_responses WHERE case_id = ?`).all(caseId));
    for (const secret of ['Åsa', 'Öberg', 'Bertil', 'kvittot visar', 'fakturan pausades']) expect(dump.toLowerCase()).not.toContain(secret.toLowerCase());
    expect(() => store.sqlite.prepare(`UPDATE arn_responses SET rendered_text = 'x' WHERE case_id = ?`).run(caseId)).toThrow('a finalised ARN response cannot be changed');
  });
});
