import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCaseWriter } from '../../src/main/db/repositories/case-writer.repository';
import { insertUser, setPasswordHash } from '../../src/main/db/repositories/user.repository';
import { startHarness, type Harness } from '../../src/main/harness/server';
import { verifyAuditChain } from '../../src/main/services/audit.service';
import { hashPassword } from '../../src/main/services/password';
import { resetSignInThrottle } from '../../src/main/services/session.service';
import type { Store } from '../../src/main/db/connection';
import { buildCase } from '../fixtures/cases';
import { tempStore } from '../fixtures/temp-store';

let store: Store;
let harness: Harness;
let cleanup: () => Promise<void>;
let caseId: number;
let clock = Date.parse('2026-11-20T09:00:00Z');

const PASSWORD = 'a long enough password';

beforeEach(async () => {
  resetSignInThrottle();
  const temp = await tempStore();
  store = temp.store;
  [caseId] = createCaseWriter(store.sqlite).writeBatch([buildCase()]) as [number];
  for (const [username, name, role] of [
    ['fia', 'Fia Engström', 'ombudsman'],
    ['jonas', 'Jonas Öhman', 'handler'],
    ['vera', 'Vera Lind', 'auditor'],
  ] as const) {
    const id = await insertUser(store.db, { username, display_name: name, role, title: null, created_at: '2026-01-01T00:00:00Z' });
    await setPasswordHash(store.db, id, await hashPassword(PASSWORD));
  }
  const renderer = join(temp.dir, 'renderer');
  mkdirSync(renderer);
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Ombud</title>');
  clock = Date.parse('2026-11-20T09:00:00Z');
  harness = await startHarness({ context: { store, user: null, now: () => new Date(clock) }, rendererDir: renderer, idleMs: 30 * 60 * 1000, clock: () => clock });
  cleanup = async () => {
    await harness.close();
    await temp.cleanup();
  };
});
afterEach(() => cleanup());

/** One browser tab: the start token from the URL, and the session its own sign-in gave it. */
interface Reply {
  ok: boolean;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads the fields its channel answers
  data?: any;
  error?: { code: string; message: string };
}

class Tab {
  session = '';
  async call(channel: string, input: unknown = {}): Promise<{ status: number; body: Reply }> {
    const response = await fetch(`${harness.origin}/rpc/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-ombud-token': harness.token, 'x-ombud-session': this.session },
      body: JSON.stringify(input),
    });
    const body = (await response.json()) as Reply;
    if ((channel === 'session:signIn' || channel === 'session:setup') && body.ok) this.session = body.data.token;
    return { status: response.status, body };
  }
  signIn(username: string, password = PASSWORD) {
    return this.call('session:signIn', { username, password });
  }
}

function noteAuthors(): string[] {
  return store.sqlite
    .prepare(`SELECT u.display_name FROM history_events e JOIN users u ON u.id = e.actor_user_id WHERE e.case_id = ? AND e.kind = 'note' ORDER BY e.id`)
    .pluck()
    .all(caseId) as string[];
}

describe('every tab is its own person', () => {
  it('jonas signing in in a second tab does not turn the first tab, signed in as Fia, into Jonas', async () => {
    const fiaTab = new Tab();
    const jonasTab = new Tab();
    expect((await fiaTab.signIn('fia')).body).toMatchObject({ ok: true, data: { user: { username: 'fia', name: 'Fia Engström' }, token: expect.any(String) } });
    expect((await jonasTab.signIn('jonas')).body).toMatchObject({ ok: true, data: { user: { username: 'jonas' } } });
    expect(fiaTab.session).not.toBe(jonasTab.session);

    expect((await fiaTab.call('cases:addNote', { id: caseId, text: 'Fias anteckning' })).body.ok).toBe(true);
    expect((await jonasTab.call('cases:addNote', { id: caseId, text: 'Jonas anteckning' })).body.ok).toBe(true);
    expect(noteAuthors()).toEqual(['Fia Engström', 'Jonas Öhman']);
    expect((await fiaTab.call('session:get')).body.data.user.username).toBe('fia');

    const audit = store.sqlite.prepare(`SELECT a.action, u.username FROM audit_log a LEFT JOIN users u ON u.id = a.user_id WHERE a.action LIKE 'session.%' ORDER BY a.id`).all();
    expect(audit).toEqual([
      { action: 'session.sign_in', username: 'fia' },
      { action: 'session.sign_in', username: 'jonas' },
    ]);
  });

  it('a failed sign-in in one tab signs nobody out, and a tab without a session is nobody', async () => {
    const fiaTab = new Tab();
    await fiaTab.signIn('fia');
    const stranger = new Tab();
    expect((await stranger.signIn('jonas', 'wrong password here')).body).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect((await stranger.call('cases:list')).body).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect((await fiaTab.call('cases:list')).body.ok).toBe(true);
    // A made-up session token is nobody, not the last person who signed in.
    stranger.session = fiaTab.session.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    expect((await stranger.call('cases:list')).body).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('signing out ends that tab only', async () => {
    const a = new Tab();
    const b = new Tab();
    await a.signIn('fia');
    await b.signIn('fia');
    const before = a.session;
    expect((await a.call('session:signOut')).body).toMatchObject({ ok: true, data: { user: null } });
    a.session = before;
    expect((await a.call('cases:list')).body).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect((await b.call('cases:list')).body.ok).toBe(true);
  });

  it('a session ends after the idle time, and stays while in use', async () => {
    const tab = new Tab();
    await tab.signIn('jonas');
    clock += 29 * 60 * 1000;
    expect((await tab.call('cases:list')).body.ok).toBe(true);
    clock += 29 * 60 * 1000;
    expect((await tab.call('cases:list')).body.ok).toBe(true);
    clock += 31 * 60 * 1000;
    expect((await tab.call('cases:list')).body).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect((await tab.call('session:get')).body.data.user).toBeNull();
  });

  it('deactivating an account ends its sessions at once, even when another process does it', async () => {
    const tab = new Tab();
    await tab.signIn('jonas');
    store.sqlite.prepare(`UPDATE users SET active = 0 WHERE username = 'jonas'`).run();
    expect((await tab.call('cases:list')).body).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    store.sqlite.prepare(`UPDATE users SET active = 1 WHERE username = 'jonas'`).run();
    // Reactivated: the old session stays ended; a new sign-in is needed.
    expect((await tab.call('cases:list')).body).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('dispatch enforces the role table for every caller', async () => {
    const vera = new Tab();
    await vera.signIn('vera');
    expect((await vera.call('cases:addNote', { id: caseId, text: 'Revisorns anteckning' })).body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(noteAuthors()).toEqual([]);
    expect((await vera.call('audit:list', {})).body.ok).toBe(true);
  });
});

describe('the sign-in throttle', () => {
  async function tries(parallel: boolean): Promise<number> {
    resetSignInThrottle();
    const before = store.sqlite.prepare(`SELECT count(*) FROM audit_log WHERE action = 'session.sign_in_failed'`).pluck().get() as number;
    const guess = (i: number) => new Tab().signIn('jonas', `wrong guess number ${i}`);
    if (parallel) await Promise.all(Array.from({ length: 40 }, (_, i) => guess(i)));
    else for (let i = 0; i < 40; i += 1) await guess(i);
    const after = store.sqlite.prepare(`SELECT count(*) FROM audit_log WHERE action = 'session.sign_in_failed'`).pluck().get() as number;
    return after - before;
  }

  it('40 parallel wrong passwords get no more tries than 40 sequential ones', async () => {
    const sequential = await tries(false);
    const parallel = await tries(true);
    expect(sequential).toBe(4);
    expect(parallel).toBe(sequential);
    // The right password is refused too while the wait runs: the throttle is per name, not per guess.
    expect((await new Tab().signIn('jonas')).body).toMatchObject({ ok: false, error: { code: 'unauthenticated', message: expect.stringContaining('Try again in') } });
    expect((await verifyAuditChain(store.db)).intact).toBe(true);
  });

  it('a failed sign-in records a known username, or that the name was unknown, never the typed text', async () => {
    await new Tab().signIn('hemligt.losen-2026', 'whatever it was');
    await new Tab().signIn('Jonas', 'not his password');
    const details = store.sqlite.prepare(`SELECT detail FROM audit_log WHERE action = 'session.sign_in_failed' ORDER BY id`).pluck().all() as string[];
    expect(details.map((d) => JSON.parse(d) as unknown)).toEqual([
      { username: null, unknownName: true, attempt: 1 },
      { username: 'jonas', attempt: 1 },
    ]);
    expect(details.join('\n')).not.toContain('hemligt');
  });
});
