import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/main/db/connection';
import { insertUser } from '../../src/main/db/repositories/user.repository';
import { dispatch } from '../../src/main/ipc/dispatch';
import { createCaseIntake } from '../../src/main/services/case-intake.service';
import type { ServiceContext, SessionUser } from '../../src/main/services/context';
import type { DecisionView } from '../../src/shared/domain/decision';
import type { Result } from '../../src/shared/ipc/result';
import { buildCase } from '../fixtures/cases';
import { fillDraft } from '../fixtures/decisions';
import { tempStore } from '../fixtures/temp-store';

/**
 * Working together: two sessions (each with its own user, as two windows are) race on the same
 * case, matter, draft and setting. The second write always ends in `conflict` with both versions.
 */
let store: Store;
let cleanup: () => Promise<void>;
let fia: SessionUser;
let jonas: SessionUser;
let linnea: SessionUser;
const clock = () => new Date('2026-11-16T10:00:00.000Z');
const as = (user: SessionUser): ServiceContext => ({ store, user, now: clock });

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
  jonas = await user('jonas', 'Jonas Öhman', 'handler');
  linnea = await user('linnea', 'Linnea Sjö', 'handler');
});
afterEach(() => cleanup());

function seed(): number {
  return createCaseIntake(store).writeBatch([buildCase({ status: 'in_review', receivedAt: '2026-11-02T08:00:00.000Z', receivedDate: '2026-11-02' })])[0]!;
}

async function readyDraft(caseId: number, by: SessionUser): Promise<DecisionView> {
  const created = await ok(dispatch(as(by), 'decisions:create', { caseId, language: 'sv' }));
  await ok(dispatch(as(by), 'decisions:save', { id: created.id, baseVersion: created.version, ...fillDraft(created) }));
  return ok(dispatch(as(by), 'decisions:get', { id: created.id }));
}

describe('compare-and-set on every write a colleague could race', () => {
  it('case status: both open revision N, the first moves it, the second gets a conflict with both statuses and nothing of theirs is lost', async () => {
    const id = seed();
    const opened = await ok(dispatch(as(fia), 'cases:get', { id }));
    const base = opened.header.revision;
    const first = await ok(dispatch(as(jonas), 'cases:setStatus', { id, status: 'waiting_for_customer', baseRevision: base }));
    expect(first.header.revision).toBe(base + 1);
    const second = await dispatch(as(fia), 'cases:setStatus', { id, status: 'closed', reason: 'Återkallat', baseRevision: base });
    expect(second).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        details: {
          subject: 'case',
          mine: { revision: base, status: 'closed' },
          theirs: { revision: base + 1, status: 'waiting_for_customer', by: { id: jonas.id, name: 'Jonas Öhman' }, at: '2026-11-16T10:00:00.000Z' },
        },
      },
    });
    const now = await ok(dispatch(as(fia), 'cases:get', { id }));
    expect(now.header.status).toBe('waiting_for_customer');
    expect(now.events.filter((e) => e.kind === 'status_change').map((e) => e.actor)).toEqual(['Jonas Öhman']);
    // Keeping mine means sending it again on their revision.
    const mine = await ok(dispatch(as(fia), 'cases:setStatus', { id, status: 'closed', reason: 'Återkallat', baseRevision: base + 1 }));
    expect(mine.header.status).toBe('closed');
  });

  it('assignment: the second assigner sees who the first one chose', async () => {
    const id = seed();
    const { revision } = (await ok(dispatch(as(fia), 'cases:get', { id }))).header;
    await ok(dispatch(as(fia), 'cases:assign', { id, assigneeId: jonas.id, baseRevision: revision }));
    const lost = await dispatch(as(jonas), 'cases:assign', { id, assigneeId: linnea.id, baseRevision: revision });
    expect(lost).toMatchObject({
      ok: false,
      error: { code: 'conflict', details: { mine: { assignee: { id: linnea.id, name: 'Linnea Sjö' } }, theirs: { assignee: { id: jonas.id, name: 'Jonas Öhman' }, by: { name: 'Fia Engström' } } } },
    });
    expect((await ok(dispatch(as(fia), 'cases:get', { id }))).header.assignee).toEqual({ id: jonas.id, name: 'Jonas Öhman' });
  });

  it('a note on a case that was closed meanwhile is refused with both versions; notes alone never conflict with each other', async () => {
    const id = seed();
    const { revision } = (await ok(dispatch(as(fia), 'cases:get', { id }))).header;
    await ok(dispatch(as(jonas), 'cases:addNote', { id, text: 'Första', baseRevision: revision }));
    await ok(dispatch(as(linnea), 'cases:addNote', { id, text: 'Andra', baseRevision: revision }));
    await ok(dispatch(as(fia), 'cases:setStatus', { id, status: 'closed', reason: 'Klart', baseRevision: revision }));
    const late = await dispatch(as(jonas), 'cases:addNote', { id, text: 'Tredje', baseRevision: revision });
    expect(late).toMatchObject({ ok: false, error: { code: 'conflict', details: { mine: { note: 'Tredje' }, theirs: { status: 'closed' } } } });
    const notes = (await ok(dispatch(as(fia), 'cases:get', { id }))).events.filter((e) => e.kind === 'note').map((e) => e.body);
    expect(notes).toEqual(['Första', 'Andra']);
  });

  it('matter steps: two people record the response as sent; the second gets a conflict with the matter as recorded', async () => {
    const caseId = seed();
    const matter = await ok(
      dispatch(as(jonas), 'matters:register', {
        caseId,
        authority: 'ARN',
        reference: '2026-04711',
        receivedDate: '2026-11-02',
        responseDue: '2026-11-23',
        claimText: 'Konsumenten yrkar återbetalning.',
        claimAmount: null,
        questions: [],
        documents: [],
      }),
    );
    await ok(dispatch(as(jonas), 'matters:recordResponseSent', { matterId: matter.id, sentOn: '2026-11-13', baseRevision: matter.revision }));
    const lost = await dispatch(as(linnea), 'matters:recordResponseSent', { matterId: matter.id, sentOn: '2026-11-16', baseRevision: matter.revision });
    expect(lost).toMatchObject({
      ok: false,
      error: { code: 'conflict', details: { subject: 'matter', mine: { revision: matter.revision, sentOn: '2026-11-16' }, theirs: { revision: matter.revision + 1, status: 'response_sent', responseSentOn: '2026-11-13' } } },
    });
  });

  it('decision drafts: a stale save carries both texts', async () => {
    const caseId = seed();
    const draft = await readyDraft(caseId, jonas);
    await ok(dispatch(as(linnea), 'decisions:save', { id: draft.id, baseVersion: draft.version, content: draft.content, panel: draft.panel }));
    const lost = await dispatch(as(jonas), 'decisions:save', { id: draft.id, baseVersion: draft.version, content: draft.content, panel: draft.panel });
    expect(lost).toMatchObject({ ok: false, error: { code: 'conflict', details: { theirs: { version: draft.version + 1, savedBy: { name: 'Linnea Sjö' }, text: expect.any(String) }, mine: { text: expect.any(String) } } } });
  });

  it('settings: two ombudsman windows name different deputies; the second sees both', async () => {
    const first = await ok(dispatch(as(fia), 'settings:approvers', {}));
    await ok(dispatch(as(fia), 'settings:setApprovers', { deputyId: jonas.id, baseRevision: first.revision }));
    const lost = await dispatch(as(fia), 'settings:setApprovers', { deputyId: linnea.id, baseRevision: first.revision });
    expect(lost).toMatchObject({
      ok: false,
      error: { code: 'conflict', details: { subject: 'setting', mine: { deputy: { name: 'Linnea Sjö' } }, theirs: { revision: 1, deputy: { name: 'Jonas Öhman' }, by: { name: 'Fia Engström' } } } },
    });
    expect((await ok(dispatch(as(fia), 'settings:approvers', {}))).deputy?.name).toBe('Jonas Öhman');
  });
});

describe('approval routing', () => {
  it("a handler's draft goes to the ombudsman's queue, is approved there, and a returned one comes back to its author", async () => {
    const caseId = seed();
    const draft = await readyDraft(caseId, jonas);
    expect(await ok(dispatch(as(jonas), 'review:approvers', {}))).toEqual({ approvers: [{ id: fia.id, name: 'Fia Engström' }], reason: null });
    await ok(dispatch(as(jonas), 'decisions:submit', { id: draft.id, baseVersion: draft.version }));
    const fiaQueue = await ok(dispatch(as(fia), 'review:queue', {}));
    expect(fiaQueue.waiting).toMatchObject([{ subject: 'decision', id: draft.id, caseId, submittedBy: { name: 'Jonas Öhman' } }]);
    // Not in a colleague handler's queue, nor in the submitter's.
    expect((await ok(dispatch(as(linnea), 'review:queue', {}))).waiting).toEqual([]);
    expect((await ok(dispatch(as(jonas), 'review:queue', {}))).waiting).toEqual([]);
    await ok(dispatch(as(fia), 'decisions:return', { id: draft.id, comment: 'Förtydliga skälen.' }));
    expect((await ok(dispatch(as(fia), 'review:queue', {}))).waiting).toEqual([]);
    expect((await ok(dispatch(as(jonas), 'review:queue', {}))).returned).toMatchObject([{ id: draft.id, lastBy: { name: 'Fia Engström' }, comment: 'Förtydliga skälen.' }]);
  });

  it("refuses the ombudsman's own draft up front while no deputy is named, then routes it to the deputy, who may approve it", async () => {
    const caseId = seed();
    const draft = await readyDraft(caseId, fia);
    expect(await ok(dispatch(as(fia), 'review:approvers', {}))).toEqual({ approvers: [], reason: 'no_deputy' });
    const refused = await dispatch(as(fia), 'decisions:submit', { id: draft.id, baseVersion: draft.version });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', details: { reason: 'no_deputy' } } });
    expect((await ok(dispatch(as(fia), 'decisions:get', { id: draft.id }))).status).toBe('draft');

    await ok(dispatch(as(fia), 'settings:setApprovers', { deputyId: jonas.id, baseRevision: 0 }));
    expect((await ok(dispatch(as(fia), 'review:approvers', {}))).approvers).toEqual([{ id: jonas.id, name: 'Jonas Öhman' }]);
    await ok(dispatch(as(fia), 'decisions:submit', { id: draft.id, baseVersion: draft.version }));
    expect((await ok(dispatch(as(jonas), 'review:queue', {}))).waiting).toMatchObject([{ id: draft.id, submittedBy: { name: 'Fia Engström' } }]);
    // Another handler is not the deputy.
    expect(await dispatch(as(linnea), 'decisions:approve', { id: draft.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await dispatch(as(fia), 'decisions:approve', { id: draft.id })).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('four eyes') } });
    const approved = await ok(dispatch(as(jonas), 'decisions:approve', { id: draft.id, comment: 'Ok' }));
    expect(approved.status).toBe('approved');
    expect(approved.review.at(-1)).toMatchObject({ action: 'approved', by: { name: 'Jonas Öhman' } });
    const audit = store.sqlite.prepare(`SELECT user_id FROM audit_log WHERE action = 'decision.approved'`).pluck().all();
    expect(audit).toEqual([jonas.id]);
  });

  it('refuses a handler\'s submission when the office has no active ombudsman, with the reason', async () => {
    const caseId = seed();
    const draft = await readyDraft(caseId, jonas);
    store.sqlite.prepare('UPDATE users SET active = 0 WHERE id = ?').run(fia.id);
    const refused = await dispatch(as(jonas), 'decisions:submit', { id: draft.id, baseVersion: draft.version });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', details: { reason: 'no_ombudsman' } } });
  });
});
