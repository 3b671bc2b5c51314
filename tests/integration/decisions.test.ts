import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/main/db/connection';
import { insertUser } from '../../src/main/db/repositories/user.repository';
import { dispatch } from '../../src/main/ipc/dispatch';
import { createCaseIntake } from '../../src/main/services/case-intake.service';
import type { ServiceContext, SessionUser } from '../../src/main/services/context';
import type { DecisionView } from '../../src/shared/domain/decision';
import type { Result } from '../../src/shared/ipc/result';
import { buildCase, buildEvent } from '../fixtures/cases';
import { fillDraft } from '../fixtures/decisions';
import { tempStore } from '../fixtures/temp-store';

let store: Store;
let cleanup: () => Promise<void>;
let fia: SessionUser;
let stina: SessionUser;
let jonas: SessionUser;
let linnea: SessionUser;
let gunnar: SessionUser;
const clock = () => new Date('2026-03-12T10:00:00.000Z');

function as(user: SessionUser): ServiceContext {
  return { store, user, now: clock };
}

async function ok<T>(promise: Promise<Result<T>>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
}

async function user(username: string, name: string, role: 'ombudsman' | 'handler' | 'auditor'): Promise<SessionUser> {
  return { id: await insertUser(store.db, { username, display_name: name, role, title: null, created_at: '2026-01-01T00:00:00Z' }), name, role };
}

beforeEach(async () => {
  ({ store, cleanup } = await tempStore());
  fia = await user('fia', 'Fia Engström', 'ombudsman');
  stina = await user('stina', 'Stina Ek', 'ombudsman');
  jonas = await user('jonas', 'Jonas Holm', 'handler');
  linnea = await user('linnea', 'Linnea Sjö', 'handler');
  gunnar = await user('gunnar', 'Gunnar Revisor', 'auditor');
});
afterEach(() => cleanup());

function seed(overrides: Parameters<typeof buildCase>[0] = {}): number {
  return createCaseIntake(store).writeBatch([buildCase({ status: 'in_review', ...overrides })])[0]!;
}

async function firstEventId(caseId: number): Promise<number> {
  const view = await ok(dispatch(as(jonas), 'cases:get', { id: caseId }));
  return view.events[0]!.id;
}

/** A handler's draft, filled and saved, ready to submit. */
async function readyDraft(caseId: number): Promise<DecisionView> {
  const created = await ok(dispatch(as(jonas), 'decisions:create', { caseId, language: 'sv' }));
  const filled = fillDraft(created, { citeEventId: await firstEventId(caseId) });
  await ok(dispatch(as(jonas), 'decisions:save', { id: created.id, baseVersion: created.version, ...filled }));
  return ok(dispatch(as(jonas), 'decisions:get', { id: created.id }));
}

async function approved(caseId: number): Promise<DecisionView> {
  const draft = await readyDraft(caseId);
  await ok(dispatch(as(jonas), 'decisions:submit', { id: draft.id, baseVersion: draft.version }));
  return ok(dispatch(as(fia), 'decisions:approve', { id: draft.id, comment: '' }));
}

describe('drafting from a template', () => {
  it('starts from the Swedish template with one block per claim and names every gap before submit', async () => {
    const caseId = seed({
      claims: [
        { kind: 'refund', text: 'Fakturan på 1 499 kr ska krediteras', amountMinor: 149_900, currency: 'SEK' },
        { kind: 'apology', text: 'En ursäkt', amountMinor: null, currency: null },
      ],
    });
    const draft = await ok(dispatch(as(jonas), 'decisions:create', { caseId, language: 'sv' }));
    expect(draft.status).toBe('draft');
    expect(draft.version).toBe(1);
    expect(draft.panel.claims).toHaveLength(2);
    const text = draft.renderedText.replace(/[\u00a0\u202f]/g, ' ');
    // The customer's claim is quoted as a quote.
    expect(text).toContain('Yrkande 1: ”Fakturan på 1 499 kr ska krediteras” (1 499,00 kr)');
    expect(draft.renderedText).toContain('Yrkande 2: ”En ursäkt”');
    expect(draft.renderedText).toContain('Allmänna reklamationsnämnden');
    expect(draft.renderedText).toContain('senast 2 mars 2027');
    // Per claim: its outcome, then its reasoning, then its remedy, before the next claim starts.
    const assessment = draft.renderedText.slice(draft.renderedText.indexOf('Bedömning och beslut'));
    expect(assessment).toMatch(/Yrkande 1: \{\{claim\.1\.outcome\}\}\n\n\{\{claim\.1\.reasoning\}\}\n\n\{\{claim\.1\.remedies\}\}\n\nYrkande 2: \{\{claim\.2\.outcome\}\}\n\n\{\{claim\.2\.reasoning\}\}/);
    const codes = draft.issues.map((i) => `${i.code}@${i.path}`);
    expect(codes).toEqual(
      expect.arrayContaining(['outcome_missing@claims.0.outcome', 'reasoning_missing@claims.0.reasoning', 'outcome_missing@claims.1.outcome', 'placeholder_left@letter']),
    );

    const refused = await dispatch(as(jonas), 'decisions:submit', { id: draft.id, baseVersion: draft.version });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('invalid_input');
      expect(refused.error.message).toContain('Claim 1: choose an outcome.');
      expect(refused.error.message).toContain('Claim 2: write the reasoning.');
    }
  });

  it('refuses a second open draft, an unknown language template and a closed case', async () => {
    const caseId = seed();
    await ok(dispatch(as(jonas), 'decisions:create', { caseId, language: 'sv' }));
    const again = await dispatch(as(linnea), 'decisions:create', { caseId, language: 'sv' });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const dk = seed({ market: 'DK', language: 'da' });
    const sv = await dispatch(as(jonas), 'decisions:create', { caseId: dk, language: 'sv' });
    expect(sv).toEqual({ ok: false, error: { code: 'invalid_input', message: 'decisions:create: language: there is no sv template for DK cases', reason: 'decision.noTemplate', params: { market: 'DK', language: 'sv' } } });
  });

  it('names a remedy the letter does not show, an invalid amount and a wrong-market appeal section', async () => {
    const caseId = seed();
    const draft = await ok(dispatch(as(jonas), 'decisions:create', { caseId, language: 'sv' }));
    const filled = fillDraft(draft, { minor: -5 });
    // The handler typed the remedy into the text by hand and removed the merge field: the panel now disagrees.
    const content = JSON.parse(JSON.stringify(filled.content).replaceAll('{"type":"mergeField","attrs":{"field":"claim.1.remedies"}}', '{"type":"text","text":"Återbetalning 1 000,00 kr."}'));
    content.content.push({ type: 'paragraph', content: [{ type: 'text', text: 'Du kan även klaga till Det Finansielle Ankenævn.' }] });
    const saved = await ok(dispatch(as(jonas), 'decisions:save', { id: draft.id, baseVersion: 1, content, panel: filled.panel }));
    const byCode = Object.fromEntries(saved.issues.map((i) => [i.code, i]));
    expect(byCode.amount_invalid?.path).toBe('claims.0.remedies.0.amount');
    expect(byCode.appeal_wrong_market?.message).toContain('Det Finansielle Ankenævn');

    const fixedAmount = fillDraft(draft);
    const again = await ok(dispatch(as(jonas), 'decisions:save', { id: draft.id, baseVersion: saved.version, content, panel: fixedAmount.panel }));
    expect(again.issues.find((i) => i.code === 'remedy_not_in_letter')?.message).toMatch(/refund of 1\s499,00\skr is not in the letter/);
  });

  it('refuses a document with a node type outside the shared list, naming where', async () => {
    const caseId = seed();
    const draft = await ok(dispatch(as(jonas), 'decisions:create', { caseId, language: 'sv' }));
    const bad = await dispatch(as(jonas), 'decisions:save', { id: draft.id, baseVersion: 1, content: { type: 'doc', content: [{ type: 'iframe' }] }, panel: draft.panel });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toMatch(/^decisions:save: content\.content\.0\.type: /);
  });
});

describe('versions and conflicts', () => {
  it('keeps every save as a version; compare shows what changed; restore makes an old one current', async () => {
    const caseId = seed();
    const draft = await ok(dispatch(as(jonas), 'decisions:create', { caseId, language: 'sv' }));
    const filled = fillDraft(draft);
    const v2 = await ok(dispatch(as(jonas), 'decisions:save', { id: draft.id, baseVersion: 1, ...filled }));
    expect(v2.version).toBe(2);
    const v3 = await ok(dispatch(as(jonas), 'decisions:save', { id: draft.id, baseVersion: 2, content: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Helt ny text' }] }] }, panel: filled.panel }));
    expect(v3.version).toBe(3);

    const { versions } = await ok(dispatch(as(gunnar), 'decisions:versions', { id: draft.id }));
    expect(versions.map((v) => [v.version, v.reason, v.savedBy.name])).toEqual([
      [3, 'autosave', 'Jonas Holm'],
      [2, 'autosave', 'Jonas Holm'],
      [1, 'created', 'Jonas Holm'],
    ]);
    expect(versions[0]!.excerpt).toBe('Helt ny text');

    const diff = await ok(dispatch(as(jonas), 'decisions:compare', { id: draft.id, from: 2, to: 3 }));
    expect(diff.to.text).toBe('Helt ny text');
    // The changes rebuild both texts: what was kept plus what was removed is the old one, plus what was added the new one.
    expect(diff.changes.filter((c) => c.op !== 'insert').map((c) => c.text).join('')).toBe(diff.from.text);
    expect(diff.changes.filter((c) => c.op !== 'delete').map((c) => c.text).join('')).toBe('Helt ny text');
    expect(diff.changes.filter((c) => c.op === 'delete').map((c) => c.text).join('')).toContain('Kundombudets');
    expect(diff.from.text).toContain('Kundombudets beslut');

    const restored = await ok(dispatch(as(jonas), 'decisions:restore', { id: draft.id, version: 2, baseVersion: 3 }));
    expect(restored.version).toBe(4);
    expect(restored.content).toEqual(filled.content);
    const after = await ok(dispatch(as(jonas), 'decisions:versions', { id: draft.id }));
    expect(after.versions.map((v) => v.reason)).toEqual(['restore', 'autosave', 'autosave', 'created']);
  });

  it('refuses a save from a stale version with a conflict that carries both texts, and loses nothing', async () => {
    const caseId = seed();
    const draft = await ok(dispatch(as(jonas), 'decisions:create', { caseId, language: 'sv' }));
    const text = (t: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: t }] }] });
    await ok(dispatch(as(linnea), 'decisions:save', { id: draft.id, baseVersion: 1, content: text('Linneas version'), panel: draft.panel }));
    const stale = await dispatch(as(jonas), 'decisions:save', { id: draft.id, baseVersion: 1, content: text('Jonas version'), panel: draft.panel });
    expect(stale.ok).toBe(false);
    if (stale.ok) return;
    expect(stale.error.code).toBe('conflict');
    expect(stale.error.message).toContain('Linnea Sjö saved version 2');
    expect(stale.error.details).toMatchObject({ theirs: { version: 2, text: 'Linneas version', savedBy: { name: 'Linnea Sjö' } }, mine: { text: 'Jonas version' } });
    const current = await ok(dispatch(as(jonas), 'decisions:get', { id: draft.id }));
    expect(current.renderedText).toBe('Linneas version');
    expect(current.version).toBe(2);
  });
});

describe('four eyes, by role, enforced in the services', () => {
  it('lets the handler submit, the ombudsman return with a comment, the handler fix and resubmit, and the ombudsman approve and issue', async () => {
    const caseId = seed();
    const draft = await readyDraft(caseId);
    expect(draft.issues).toEqual([]);
    const submitted = await ok(dispatch(as(jonas), 'decisions:submit', { id: draft.id, baseVersion: draft.version }));
    expect(submitted.status).toBe('submitted');
    expect((await ok(dispatch(as(jonas), 'cases:get', { id: caseId }))).header.status).toBe('decision_drafted');

    const locked = await dispatch(as(jonas), 'decisions:save', { id: draft.id, baseVersion: submitted.version, content: submitted.content, panel: submitted.panel });
    expect(locked).toMatchObject({ ok: false, error: { code: 'conflict' } });

    const returned = await ok(dispatch(as(fia), 'decisions:return', { id: draft.id, comment: 'Förtydliga bakgrunden.' }));
    expect(returned.status).toBe('returned');
    expect(returned.review.at(-1)).toMatchObject({ action: 'returned', by: { name: 'Fia Engström' }, comment: 'Förtydliga bakgrunden.' });

    await ok(dispatch(as(jonas), 'decisions:save', { id: draft.id, baseVersion: returned.version, content: returned.content, panel: returned.panel }));
    const again = await ok(dispatch(as(jonas), 'decisions:get', { id: draft.id }));
    await ok(dispatch(as(jonas), 'decisions:submit', { id: draft.id, baseVersion: again.version }));
    const ok2 = await ok(dispatch(as(fia), 'decisions:approve', { id: draft.id, comment: 'Bra.' }));
    expect(ok2.status).toBe('approved');
    const issued = await ok(dispatch(as(fia), 'decisions:issue', { id: draft.id }));
    expect(issued.status).toBe('issued');
    expect(issued.review.map((r) => r.action)).toEqual(['created', 'submitted', 'returned', 'submitted', 'approved', 'issued']);
  });

  it('refuses every step to the wrong role', async () => {
    const caseId = seed();
    const draft = await readyDraft(caseId);
    expect(await dispatch(as(gunnar), 'decisions:create', { caseId: seed(), language: 'sv' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await dispatch(as(gunnar), 'decisions:save', { id: draft.id, baseVersion: draft.version, content: draft.content, panel: draft.panel })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await dispatch(as(gunnar), 'decisions:submit', { id: draft.id, baseVersion: draft.version })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await ok(dispatch(as(jonas), 'decisions:submit', { id: draft.id, baseVersion: draft.version }));
    // A handler may approve only as the deputy for the ombudsman's own drafts (review.service).
    expect(await dispatch(as(jonas), 'decisions:approve', { id: draft.id })).toMatchObject({ ok: false, error: { code: 'forbidden', message: 'Only the ombudsman may approve a decision.', reason: 'role.ombudsmanOnly' } });
    expect(await dispatch(as(linnea), 'decisions:return', { id: draft.id, comment: 'x' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await dispatch(as(jonas), 'decisions:issue', { id: draft.id })).toEqual({ ok: false, error: { code: 'forbidden', message: 'decisions:issue: only the ombudsman may do this.', reason: 'role.ombudsmanOnly', params: {} } });
    expect(await dispatch(as(fia), 'decisions:issue', { id: draft.id })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('must be approved') } });
    expect(await dispatch(as(jonas), 'decisions:saveTemplate', { market: 'SE', language: 'sv', name: 'x', content: draft.content })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const stored = await store.db.selectFrom('decisions').select('status').where('id', '=', draft.id).executeTakeFirstOrThrow();
    expect(stored.status).toBe('submitted');
  });

  it('does not let the ombudsman approve a draft they submitted themselves', async () => {
    const caseId = seed();
    const created = await ok(dispatch(as(fia), 'decisions:create', { caseId, language: 'sv' }));
    const filled = fillDraft(created);
    const saved = await ok(dispatch(as(fia), 'decisions:save', { id: created.id, baseVersion: 1, ...filled }));
    await ok(dispatch(as(fia), 'decisions:submit', { id: created.id, baseVersion: saved.version }));
    const self = await dispatch(as(fia), 'decisions:approve', { id: created.id });
    expect(self).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('four eyes') } });
    await ok(dispatch(as(stina), 'decisions:approve', { id: created.id }));
  });
});

describe('impartiality', () => {
  it('refuses to let an ombudsman who took part in customer service issue, with the reason, and lets another', async () => {
    const caseId = seed({
      events: [
        buildEvent({ occurredAt: '2026-02-10T10:00:00.000Z', kind: 'cs_chat', source: 'chat', actor: 'Kundservice (Fia Engström)', summary: 'Chatt om fakturan' }),
        buildEvent({ occurredAt: '2026-03-09T18:30:00.000Z', kind: 'customer_escalation', source: 'mail', summary: 'Kunden eskalerar' }),
      ],
    });
    const decision = await approved(caseId);
    const refused = await dispatch(as(fia), 'decisions:issue', { id: decision.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/You appear as "Kundservice \(Fia Engström\)".*impartiality/) } });
    expect((await ok(dispatch(as(stina), 'decisions:issue', { id: decision.id }))).issued?.by.name).toBe('Stina Ek');
  });
});

describe('issuing freezes the decision', () => {
  it('stores text, hash, signer and time; appends the event; moves the case; gives the ARN date one year from the first complaint', async () => {
    const caseId = seed();
    const decision = await approved(caseId);
    const issued = await ok(dispatch(as(fia), 'decisions:issue', { id: decision.id }));
    expect(issued.issued).toMatchObject({ by: { name: 'Fia Engström' }, at: '2026-03-12T10:00:00.000Z', arnWindowEndsOn: '2027-03-02' });
    expect(issued.renderedText).toContain('Med vänliga hälsningar\nFia Engström\nKundombudet');
    expect(issued.renderedText).toMatch(/Återbetalning 1\s499,00\skr senast 1 april 2026\./);
    // The customer first complained by phone on 2 March 2026 (the case reached the ombudsman on 10 March): one year from then.
    expect(issued.renderedText).toContain('senast 2 mars 2027');
    expect(issued.renderedText).not.toMatch(/två månader|ODR/);
    const row = await store.db.selectFrom('decisions').selectAll().where('id', '=', decision.id).executeTakeFirstOrThrow();
    expect(row.sha256).toBe(createHash('sha256').update(JSON.stringify({ content: JSON.parse(row.content), text: row.rendered_text })).digest('hex'));

    const view = await ok(dispatch(as(jonas), 'cases:get', { id: caseId }));
    expect(view.header.status).toBe('decision_issued');
    const event = view.events.find((e) => e.kind === 'decision_issued')!;
    expect(event).toMatchObject({ actor: 'Fia Engström', summary: 'Decision issued', data: { decisionId: decision.id, arnWindowEndsOn: '2027-03-02' } });
    expect(event.body).toBe(issued.renderedText);
    expect(view.deadlines.find((d) => d.kind === 'psd2_final')?.metOn).toBe('2026-03-12');
    // The customer's ARN window shows beside the clocks: 2026-03-12 to 2027-03-02 is 355 calendar days.
    expect(view.customerWindows).toEqual([{ kind: 'arn', decisionId: decision.id, endsOn: '2027-03-02', daysLeft: 355 }]);
    // It is the customer's window, not the company's: it never becomes the inbox's next deadline.
    const listed = await ok(dispatch(as(jonas), 'cases:list', { status: ['decision_issued'] }));
    expect(listed.rows.find((r) => r.id === caseId)?.nextDue ?? null).toBeNull();
    // A month later it counts down; after the last day it is closed.
    const later = (iso: string): ServiceContext => ({ store, user: jonas, now: () => new Date(iso) });
    expect((await ok(dispatch(later('2027-02-02T10:00:00Z'), 'cases:get', { id: caseId }))).customerWindows[0]!.daysLeft).toBe(28);
    expect((await ok(dispatch(later('2027-03-03T10:00:00Z'), 'cases:get', { id: caseId }))).customerWindows[0]!.daysLeft).toBe(-1);
  });

  it('has no ARN window for a Danish decision', async () => {
    const caseId = seed({ market: 'DK', language: 'da' });
    const created = await ok(dispatch(as(jonas), 'decisions:create', { caseId, language: 'da' }));
    expect(created.id).toBeGreaterThan(0);
    const view = await ok(dispatch(as(jonas), 'cases:get', { id: caseId }));
    expect(view.customerWindows).toEqual([]);
  });

  it('never changes through any channel, and the store refuses a direct UPDATE or DELETE', async () => {
    const caseId = seed();
    const decision = await approved(caseId);
    const issued = await ok(dispatch(as(fia), 'decisions:issue', { id: decision.id }));
    for (const [channel, input] of [
      ['decisions:save', { id: decision.id, baseVersion: issued.version, content: issued.content, panel: issued.panel }],
      ['decisions:restore', { id: decision.id, version: 1, baseVersion: issued.version }],
      ['decisions:submit', { id: decision.id, baseVersion: issued.version }],
      ['decisions:return', { id: decision.id, comment: 'Ändra' }],
      ['decisions:approve', { id: decision.id }],
      ['decisions:issue', { id: decision.id }],
    ] as const) {
      const result = await dispatch(as(fia), channel, input);
      expect(result.ok, channel).toBe(false);
    }
    expect(() => store.sqlite.prepare(`UPDATE decisions SET rendered_text = 'ändrad' WHERE id = ?`).run(decision.id)).toThrow(/issued decision cannot be changed/);
    expect(() => store.sqlite.prepare(`DELETE FROM decisions WHERE id = ?`).run(decision.id)).toThrow(/cannot be deleted/);
    expect(() => store.sqlite.prepare(`UPDATE decision_versions SET content = '{}' WHERE decision_id = ?`).run(decision.id)).toThrow(/append-only/);
    const after = await ok(dispatch(as(fia), 'decisions:get', { id: decision.id }));
    expect(after.renderedText).toBe(issued.renderedText);
  });

  it('corrects an issued decision with a new decision linked to the old one', async () => {
    const caseId = seed();
    const decision = await approved(caseId);
    const first = await ok(dispatch(as(fia), 'decisions:issue', { id: decision.id }));
    const fresh = await dispatch(as(jonas), 'decisions:create', { caseId, language: 'sv' });
    expect(fresh).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('correction') } });
    const correction = await ok(dispatch(as(jonas), 'decisions:create', { caseId, language: 'sv', correctsDecisionId: decision.id }));
    expect(correction.correctsDecisionId).toBe(decision.id);
    expect(correction.content).toEqual(first.content);
    const panel = { claims: correction.panel.claims.map((c) => ({ ...c, remedies: [{ kind: 'refund' as const, amount: { minor: 159_900, currency: 'SEK' }, dueDate: '2026-04-01' }] })) };
    const saved = await ok(dispatch(as(jonas), 'decisions:save', { id: correction.id, baseVersion: 1, content: correction.content, panel }));
    await ok(dispatch(as(jonas), 'decisions:submit', { id: correction.id, baseVersion: saved.version }));
    await ok(dispatch(as(fia), 'decisions:approve', { id: correction.id }));
    const second = await ok(dispatch(as(fia), 'decisions:issue', { id: correction.id }));
    expect(second.renderedText).toMatch(/1\s599,00\skr/);
    const { decisions } = await ok(dispatch(as(gunnar), 'decisions:forCase', { caseId }));
    expect(decisions.map((d) => [d.id, d.status, d.correctsDecisionId])).toEqual([
      [decision.id, 'issued', null],
      [correction.id, 'issued', decision.id],
    ]);
    expect((await ok(dispatch(as(gunnar), 'decisions:get', { id: decision.id }))).renderedText).toBe(first.renderedText);
  });
});

describe('templates', () => {
  it('ships sv, en and da defaults and lets only the ombudsman replace one, which new drafts then use', async () => {
    const { templates } = await ok(dispatch(as(jonas), 'decisions:templates', {}));
    expect(templates.map((t) => `${t.market}-${t.language}:${t.source}`)).toEqual(['DK-da:default', 'DK-en:default', 'SE-en:default', 'SE-sv:default']);
    const sv = templates.find((t) => t.market === 'SE' && t.language === 'sv')!;
    const edited = { ...sv.content, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Kontorets egen mall för ' }, { type: 'mergeField', attrs: { field: 'customer.name' } }] }, ...(sv.content.content ?? [])] };
    const saved = await ok(dispatch(as(fia), 'decisions:saveTemplate', { market: 'SE', language: 'sv', name: 'Vår mall', content: edited }));
    expect(saved).toMatchObject({ source: 'store', name: 'Vår mall' });
    const draft = await ok(dispatch(as(jonas), 'decisions:create', { caseId: seed(), language: 'sv' }));
    expect(draft.templateId).toBe(saved.id);
    expect(draft.renderedText.startsWith('Kontorets egen mall för Åsa Öberg')).toBe(true);
  });

  it('refuses a template that could not make a valid decision, naming every problem, and keeps the stored one', async () => {
    const { templates } = await ok(dispatch(as(fia), 'decisions:templates', { market: 'SE' }));
    const sv = templates.find((t) => t.language === 'sv')!;
    const saved = await ok(dispatch(as(fia), 'decisions:saveTemplate', { market: 'SE', language: 'sv', name: 'Vår mall', content: sv.content }));
    // The ombudsman deletes the appeal section, types an unknown field, adds a Danish body and cites an event.
    const blocks = (sv.content.content ?? []).filter((b) => !JSON.stringify(b).includes('reklamationsnämnden') && !JSON.stringify(b).includes('konsumentvägledare'));
    const broken = {
      ...sv.content,
      content: [
        { type: 'paragraph', content: [{ type: 'mergeField', attrs: { field: 'customer.shoeSize' } }, { type: 'text', text: ' Det Finansielle Ankenævn ' }, { type: 'citation', attrs: { eventId: 1 } }] },
        ...blocks.map((b) => (JSON.stringify(b).includes('signer.name') ? { type: 'paragraph', content: [{ type: 'text', text: 'Kundombudsmannen' }] } : b)),
      ],
    };
    const refused = await dispatch(as(fia), 'decisions:saveTemplate', { market: 'SE', language: 'sv', name: 'Trasig', content: broken });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('invalid_input');
    const message = refused.error.message;
    expect(message).toContain('The merge field "customer.shoeSize" is not one a SE case can fill.');
    expect(message).toContain("The template must show the signer's name: insert the field signer.name.");
    expect(message).toContain('A template cannot cite history events');
    expect(message).toContain('must mention Allmänna reklamationsnämnden (ARN)');
    expect(message).toContain('must mention the municipal consumer adviser');
    expect(message).toContain('Det Finansielle Ankenævn (a Danish body)');
    // arn.deadline is a Swedish field; a Danish template cannot use it.
    const dk = (await ok(dispatch(as(fia), 'decisions:templates', { market: 'DK' }))).templates.find((t) => t.language === 'da')!;
    const withArn = { ...dk.content, content: [{ type: 'paragraph', content: [{ type: 'mergeField', attrs: { field: 'arn.deadline' } }] }, ...(dk.content.content ?? [])] };
    const dkRefused = await dispatch(as(fia), 'decisions:saveTemplate', { market: 'DK', language: 'da', name: 'Skabelon', content: withArn });
    expect(dkRefused).toMatchObject({ ok: false, error: { message: expect.stringContaining('"arn.deadline" is not one a DK case can fill') } });
    // What was stored before is untouched.
    const after = (await ok(dispatch(as(fia), 'decisions:templates', { market: 'SE' }))).templates.find((t) => t.language === 'sv')!;
    expect(after).toMatchObject({ id: saved.id, name: 'Vår mall', source: 'store' });
  });

  it('lets the ombudsman go back to the shipped default, and nobody else', async () => {
    const { templates } = await ok(dispatch(as(fia), 'decisions:templates', { market: 'SE' }));
    const sv = templates.find((t) => t.language === 'sv')!;
    const stored = await ok(dispatch(as(fia), 'decisions:saveTemplate', { market: 'SE', language: 'sv', name: 'Vår mall', content: sv.content }));
    const before = await ok(dispatch(as(jonas), 'decisions:create', { caseId: seed(), language: 'sv' }));
    expect(before.templateId).toBe(stored.id);
    expect(await dispatch(as(jonas), 'decisions:resetTemplate', { market: 'SE', language: 'sv' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const reset = await ok(dispatch(as(fia), 'decisions:resetTemplate', { market: 'SE', language: 'sv' }));
    expect(reset).toMatchObject({ source: 'default', id: null, name: sv.name });
    const listed = await ok(dispatch(as(jonas), 'decisions:templates', { market: 'SE' }));
    expect(listed.templates.find((t) => t.language === 'sv')?.source).toBe('default');
    // New drafts start from the default; a draft made from the edited template still says where it came from.
    const draft = await ok(dispatch(as(jonas), 'decisions:create', { caseId: seed(), language: 'sv' }));
    expect(draft.templateId).toBeNull();
    expect((await ok(dispatch(as(jonas), 'decisions:get', { id: before.id }))).templateId).toBe(stored.id);
    // Saving again brings the same row back.
    const again = await ok(dispatch(as(fia), 'decisions:saveTemplate', { market: 'SE', language: 'sv', name: 'Vår mall 2', content: sv.content }));
    expect(again).toMatchObject({ id: stored.id, source: 'store', name: 'Vår mall 2' });
    const audit = await store.db.selectFrom('audit_log').select('action').where('action', 'like', 'decision.template%').execute();
    expect(audit.map((a) => a.action)).toEqual(['decision.template', 'decision.template.reset', 'decision.template']);
  });

  it('the Danish template passes the Danish appeal rules once filled', async () => {
    const caseId = seed({ market: 'DK', language: 'da', claims: [{ kind: 'refund', text: 'Refusion', amountMinor: 50_000, currency: 'DKK' }] });
    const draft = await ok(dispatch(as(jonas), 'decisions:create', { caseId, language: 'da' }));
    const filled = fillDraft(draft, { currency: 'DKK', minor: 50_000 });
    const saved = await ok(dispatch(as(jonas), 'decisions:save', { id: draft.id, baseVersion: 1, ...filled }));
    expect(saved.issues).toEqual([]);
    expect(saved.renderedText).toContain('Det Finansielle Ankenævn');
    expect(saved.renderedText).toMatch(/Tilbagebetaling 500,00\skr\. senest 1\. april 2026\./);
  });
});

describe('precedents', () => {
  it('lists decided cases of the same category, shared claim kinds first, with outcomes and remedies', async () => {
    const decidedLike = seed({ summary: 'Varan levererades aldrig men fakturan gick till inkasso' });
    const decidedOther = seed({ summary: 'Helt annan historia om en soffa', claims: [{ kind: 'apology', text: 'Ursäkt', amountMinor: null, currency: null }] });
    seed({ summary: 'Varan levererades aldrig', category: 'fees_and_reminders' });
    for (const id of [decidedLike, decidedOther]) {
      const d = await approved(id);
      await ok(dispatch(as(fia), 'decisions:issue', { id: d.id }));
    }
    const current = seed({ summary: 'Varan levererades aldrig, fakturan skickades till inkasso' });
    const { precedents } = await ok(dispatch(as(jonas), 'decisions:precedents', { caseId: current }));
    expect(precedents.map((p) => p.caseId)).toEqual([decidedLike, decidedOther]);
    expect(precedents[0]).toMatchObject({ sharedClaimKinds: ['refund'], claims: [{ outcome: 'upheld', remedies: [{ kind: 'refund', amount: { minor: 149_900, currency: 'SEK' } }] }] });
  });
});
