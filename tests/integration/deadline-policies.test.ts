import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/main/db/connection';
import { insertUser } from '../../src/main/db/repositories/user.repository';
import { dispatch } from '../../src/main/ipc/dispatch';
import { addBusinessDays } from '../../src/main/services/calendar/business-days';
import { createCaseIntake } from '../../src/main/services/case-intake.service';
import type { ServiceContext, SessionUser } from '../../src/main/services/context';
import { startDerivedRefresh } from '../../src/main/services/derived-refresh.service';
import { sessionUser } from '../../src/main/services/session.service';
import { DEFAULT_DEADLINE_POLICIES, type DeadlinePolicies } from '../../src/shared/domain/deadline-policy';
import { buildCase } from '../fixtures/cases';
import { tempStore } from '../fixtures/temp-store';

let store: Store;
let cleanup: () => Promise<void>;
let ombudsman: SessionUser;
let handler: SessionUser;
let caseIds: number[];
const clock = () => new Date('2026-03-12T10:00:00.000Z');
const as = (user: SessionUser): ServiceContext => ({ store, user, now: clock });

beforeEach(async () => {
  ({ store, cleanup } = await tempStore());
  ombudsman = await sessionUser(store);
  handler = {
    id: await insertUser(store.db, { username: 'johan', display_name: 'Johan Berg', role: 'handler', title: null, created_at: '2026-01-01T00:00:00Z' }),
    name: 'Johan Berg',
    role: 'handler',
  };
  // Received Tuesday 2026-03-10 in Sweden, and Tuesday 2026-03-10 in Denmark.
  caseIds = createCaseIntake(store).writeBatch([buildCase(), buildCase({ market: 'DK', language: 'da' })]);
});
afterEach(() => cleanup());

const shorter: DeadlinePolicies = {
  SE: [
    { kind: 'psd2_final', businessDays: 10, extendedDays: 30 },
    { kind: 'internal_target', businessDays: 5 },
  ],
  DK: DEFAULT_DEADLINE_POLICIES.DK,
};

function stored(id: number) {
  return store.sqlite.prepare('SELECT next_due_date AS due, next_due_kind AS kind, derived_version AS version FROM cases WHERE id = ?').get(id) as {
    due: string;
    kind: string;
    version: number;
  };
}

describe('deadline rules per market', () => {
  it('start from the brief’s defaults, readable by every role', async () => {
    const view = await dispatch(as(handler), 'settings:deadlinePolicies', {}, { validateOutput: true });
    expect(view).toMatchObject({ ok: true, data: { policies: DEFAULT_DEADLINE_POLICIES, revision: 0, updatedBy: null } });
    expect(stored(caseIds[0]!)).toEqual({ due: addBusinessDays('SE', '2026-03-10', 10), kind: 'internal_target', version: 2 });
  });

  it('only the ombudsman may change them', async () => {
    const refused = await dispatch(as(handler), 'settings:setDeadlinePolicies', { policies: shorter, baseRevision: 0 });
    expect(refused).toEqual({ ok: false, error: { code: 'forbidden', message: 'settings:setDeadlinePolicies: only the ombudsman may do this.', reason: 'role.ombudsmanOnly', params: {} } });
    expect(store.sqlite.prepare('SELECT count(*) FROM settings').pluck().get()).toBe(0);
  });

  it('refuse what the law or the kind does not allow, naming the place', async () => {
    const cases: [DeadlinePolicies, RegExp][] = [
      [{ ...shorter, SE: [{ kind: 'psd2_final', businessDays: 20, extendedDays: 35 }] }, /policies\.SE\.0\.businessDays: must be at most 15 for psd2_final/],
      [{ ...shorter, SE: [{ kind: 'psd2_final', businessDays: 15, extendedDays: 40 }] }, /policies\.SE\.0\.extendedDays: must be at most 35/],
      [{ ...shorter, SE: [{ kind: 'psd2_final', businessDays: 15, extendedDays: 12 }] }, /extendedDays: must be longer than the ordinary deadline/],
      [{ ...shorter, DK: [{ kind: 'dk_decision', businessDays: 10 }] }, /policies\.DK: psd2_final is required by law/],
      [{ ...shorter, SE: [...shorter.SE, { kind: 'dk_acknowledge', businessDays: 1 }] }, /policies\.SE\.2\.kind: dk_acknowledge does not apply in SE/],
      [{ ...shorter, SE: [...shorter.SE, { kind: 'internal_target', businessDays: 3 }] }, /policies\.SE\.2\.kind: internal_target is listed twice/],
    ];
    for (const [policies, message] of cases) {
      const result = await dispatch(as(ombudsman), 'settings:setDeadlinePolicies', { policies, baseRevision: 0 });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(message) } });
    }
    expect(store.sqlite.prepare('SELECT count(*) FROM settings').pluck().get()).toBe(0);
  });

  it('a change applies to the case view at once, recomputes the inbox’s stored deadlines, and is audited', async () => {
    const saved = await dispatch(as(ombudsman), 'settings:setDeadlinePolicies', { policies: shorter, baseRevision: 0 }, { validateOutput: true });
    expect(saved).toMatchObject({ ok: true, data: { revision: 1, policies: shorter, updatedBy: ombudsman.name } });

    const view = await dispatch(as(ombudsman), 'cases:get', { id: caseIds[0]! });
    if (!view.ok) throw new Error(view.error.message);
    expect(view.data.deadlines.map((d) => [d.kind, d.dueDate])).toEqual([
      ['psd2_final', addBusinessDays('SE', '2026-03-10', 10)],
      ['internal_target', addBusinessDays('SE', '2026-03-10', 5)],
    ]);

    await startDerivedRefresh(store);
    expect(stored(caseIds[0]!)).toEqual({ due: addBusinessDays('SE', '2026-03-10', 5), kind: 'internal_target', version: 1002 });
    // Denmark's rules did not change, but every case is stamped with the revision it was computed with.
    expect(stored(caseIds[1]!).version).toBe(1002);

    const audit = store.sqlite.prepare(`SELECT user_id, detail FROM audit_log WHERE action = 'settings.deadline_policies'`).get() as { user_id: number; detail: string };
    expect(audit.user_id).toBe(ombudsman.id);
    expect(JSON.parse(audit.detail)).toMatchObject({ revision: 1, before: DEFAULT_DEADLINE_POLICIES, after: shorter });

    // New cases entering the store are derived with the new rules straight away.
    const [fresh] = createCaseIntake(store).writeBatch([buildCase()]);
    expect(stored(fresh!)).toEqual({ due: addBusinessDays('SE', '2026-03-10', 5), kind: 'internal_target', version: 1002 });
  });

  it('a change made from a stale copy is refused as a conflict, not silently merged', async () => {
    await dispatch(as(ombudsman), 'settings:setDeadlinePolicies', { policies: shorter, baseRevision: 0 });
    const stale = await dispatch(as(ombudsman), 'settings:setDeadlinePolicies', { policies: DEFAULT_DEADLINE_POLICIES, baseRevision: 0 });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('while you edited them') } });
    const now = await dispatch(as(ombudsman), 'settings:deadlinePolicies', {});
    expect(now).toMatchObject({ ok: true, data: { revision: 1, policies: shorter } });
  });
});
