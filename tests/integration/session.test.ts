import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCaseWriter } from '../../src/main/db/repositories/case-writer.repository';
import { insertUser, setPasswordHash } from '../../src/main/db/repositories/user.repository';
import { dispatch } from '../../src/main/ipc/dispatch';
import type { SessionContext } from '../../src/main/services/context';
import { hashPassword } from '../../src/main/services/password';
import { resetSignInThrottle } from '../../src/main/services/session.service';
import { buildCase } from '../fixtures/cases';
import { tempStore } from '../fixtures/temp-store';

let ctx: SessionContext;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  resetSignInThrottle();
  const temp = await tempStore();
  cleanup = temp.cleanup;
  ctx = { store: temp.store, user: null };
  createCaseWriter(temp.store.sqlite).writeBatch([buildCase()]);
});
afterEach(() => cleanup());

function auditActions(): string[] {
  return ctx.store.sqlite.prepare('SELECT action FROM audit_log ORDER BY id').pluck().all() as string[];
}

async function addAccount(username: string, role: 'ombudsman' | 'handler' | 'auditor', password: string): Promise<number> {
  const id = await insertUser(ctx.store.db, { username, display_name: username.toUpperCase(), role, title: null, created_at: '2026-01-01T00:00:00.000Z' });
  await setPasswordHash(ctx.store.db, id, await hashPassword(password));
  return id;
}

describe('sign-in', () => {
  it('a new store asks for the first ombudsman account and refuses everything else until then', async () => {
    expect(await dispatch(ctx, 'session:get', {})).toEqual({ ok: true, data: { user: null, needsSetup: true } });
    expect(await dispatch(ctx, 'cases:list', {})).toEqual({ ok: false, error: { code: 'unauthenticated', message: 'cases:list: sign in first.', reason: 'signIn.required', params: {} } });
    expect((await dispatch(ctx, 'app:info', {})).ok).toBe(true);
  });

  it('setup names a weak password, then creates the ombudsman, signs in, and cannot run twice', async () => {
    const weak = await dispatch(ctx, 'session:setup', { username: 'fia', displayName: 'Fia Engström', password: 'short' });
    expect(weak).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('password: must be at least 10 characters') } });

    const made = await dispatch(ctx, 'session:setup', { username: 'Fia', displayName: 'Fia Engström', password: 'correct horse battery' }, { validateOutput: true });
    expect(made).toEqual({ ok: true, data: { user: { id: expect.any(Number), username: 'fia', name: 'Fia Engström', role: 'ombudsman' }, needsSetup: false } });
    expect((await dispatch(ctx, 'cases:list', {})).ok).toBe(true);

    const stored = ctx.store.sqlite.prepare(`SELECT password_hash FROM users WHERE username = 'fia'`).pluck().get() as string;
    expect(stored).toMatch(/^scrypt\$32768\$8\$3\$/);
    expect(stored).not.toContain('correct horse');

    const again = await dispatch(ctx, 'session:setup', { username: 'eve', displayName: 'Eve', password: 'another long one' });
    expect(again).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(ctx.store.sqlite.prepare(`SELECT count(*) FROM users WHERE username = 'eve'`).pluck().get()).toBe(0);
    expect(auditActions()).toEqual(['session.setup']);
  });

  it('signs in with the right password only; failures are audited without the password', async () => {
    const id = await addAccount('jonas', 'handler', 'handler password 1');
    const wrong = await dispatch(ctx, 'session:signIn', { username: 'jonas', password: 'guess' });
    expect(wrong).toEqual({ ok: false, error: { code: 'unauthenticated', message: 'The username or password is wrong.', reason: 'signIn.wrong', params: {} } });
    const unknown = await dispatch(ctx, 'session:signIn', { username: 'nobody', password: 'guess' });
    expect(unknown).toEqual(wrong);
    expect(ctx.user).toBeNull();

    const good = await dispatch(ctx, 'session:signIn', { username: ' JONAS ', password: 'handler password 1' });
    expect(good).toMatchObject({ ok: true, data: { user: { id, username: 'jonas', role: 'handler' }, needsSetup: false } });
    expect(ctx.user).toMatchObject({ id, role: 'handler' });

    const rows = ctx.store.sqlite.prepare('SELECT user_id, action, detail FROM audit_log ORDER BY id').all() as { user_id: number | null; action: string; detail: string }[];
    expect(rows.map((r) => [r.user_id, r.action])).toEqual([
      [id, 'session.sign_in_failed'],
      [null, 'session.sign_in_failed'],
      [id, 'session.sign_in'],
    ]);
    expect(rows.map((r) => r.detail).join()).not.toContain('guess');
  });

  it('signing out closes every other channel again', async () => {
    await addAccount('fia', 'ombudsman', 'ombudsman password');
    await dispatch(ctx, 'session:signIn', { username: 'fia', password: 'ombudsman password' });
    expect((await dispatch(ctx, 'cases:get', { id: 1 })).ok).toBe(true);
    expect(await dispatch(ctx, 'session:signOut', {})).toEqual({ ok: true, data: { user: null, needsSetup: false } });
    expect(await dispatch(ctx, 'cases:get', { id: 1 })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(auditActions()).toEqual(['session.sign_in', 'session.sign_out']);
  });

  it('slows down guessing: after three failures even the right password waits', async () => {
    // A fixed clock: on a slow machine four hashes could outlast the wait itself.
    ctx.now = () => new Date('2026-11-16T09:00:00.000Z');
    await addAccount('mette', 'handler', 'mette password');
    for (let i = 0; i < 4; i++) await dispatch(ctx, 'session:signIn', { username: 'mette', password: `guess ${i}` });
    const blocked = await dispatch(ctx, 'session:signIn', { username: 'mette', password: 'mette password' });
    expect(blocked).toMatchObject({ ok: false, error: { code: 'unauthenticated', message: expect.stringMatching(/Too many failed sign-ins.*Try again in \d+ s/) } });
    expect(ctx.user).toBeNull();
  });

  it('a deactivated account cannot sign in, and its open session ends when the window asks who is signed in', async () => {
    const id = await addAccount('linnea', 'handler', 'linnea password');
    await dispatch(ctx, 'session:signIn', { username: 'linnea', password: 'linnea password' });
    ctx.store.sqlite.prepare('UPDATE users SET active = 0 WHERE id = ?').run(id);
    expect(await dispatch(ctx, 'session:get', {})).toMatchObject({ ok: true, data: { user: null } });
    expect(await dispatch(ctx, 'session:signIn', { username: 'linnea', password: 'linnea password' })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });
});
