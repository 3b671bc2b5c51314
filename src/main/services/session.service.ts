import type { Role } from '../../shared/domain/case';
import type { Store } from '../db/connection';
import {
  countSignInAccounts,
  findUserByUsername,
  firstUserWithRole,
  insertUser,
  setPasswordHash,
} from '../db/repositories/user.repository';
import { appendAudit } from './audit.service';
import { now, type SessionContext, type SessionUser } from './context';
import { ServiceError } from './errors';
import { refusal } from '../../shared/domain/refusals';
import { hashPassword, passwordProblem, verifyPassword } from './password';

export interface SessionState {
  user: (SessionUser & { username: string }) | null;
  /** True while the store has no account that can sign in: the first start creates the ombudsman. */
  needsSetup: boolean;
}

/** Consecutive failures per username before each further try waits; reset by a good sign-in. */
const FREE_FAILURES = 3;
/** At most this many names are tracked; a flood of made-up names forgets the oldest first. */
const MAX_TRACKED = 10_000;
const failures = new Map<string, { count: number; until: number }>();

/** How long the try after `count` consecutive failures must wait: none for the first few, then doubling to a minute. */
function waitAfter(count: number): number {
  return count > FREE_FAILURES ? Math.min(60_000, 1000 * 2 ** (count - FREE_FAILURES - 1)) : 0;
}

/**
 * Takes a try for `username`, or refuses with the wait left. Counted as a failure at once,
 * synchronously, before the password is checked: 40 calls in parallel see each other's tries
 * exactly as 40 calls one after another would. A good password gives the try back.
 */
function takeTry(username: string, at: number): { count: number } {
  const state = failures.get(username);
  if (state && state.until > at) {
    const seconds = Math.ceil((state.until - at) / 1000);
    throw new ServiceError(refusal('signIn.throttled', { seconds }), `Too many failed sign-ins for this account. Try again in ${seconds} s.`);
  }
  const count = (state?.count ?? 0) + 1;
  failures.delete(username);
  if (failures.size >= MAX_TRACKED) failures.delete(failures.keys().next().value as string);
  failures.set(username, { count, until: at + waitAfter(count) });
  return { count };
}

/** A hash to compare against when the username is unknown, so timing does not tell which names exist. */
let dummyHash: Promise<string> | null = null;

export async function sessionState(ctx: SessionContext): Promise<SessionState> {
  const needsSetup = (await countSignInAccounts(ctx.store.db)) === 0;
  if (!ctx.user) return { user: null, needsSetup };
  const row = await ctx.store.db.selectFrom('users').select(['username', 'active']).where('id', '=', ctx.user.id).executeTakeFirst();
  if (!row || row.active !== 1) {
    ctx.user = null;
    return { user: null, needsSetup };
  }
  return { user: { ...ctx.user, username: row.username }, needsSetup };
}

export async function signIn(ctx: SessionContext, input: { username: string; password: string }): Promise<SessionState> {
  const username = input.username.trim().toLowerCase();
  const at = now(ctx);
  const { count } = takeTry(username, at.getTime());
  const row = await findUserByUsername(ctx.store.db, username);
  const hash = row?.active === 1 ? row.password_hash : null;
  dummyHash ??= hashPassword('not a password of anyone');
  const good = await verifyPassword(input.password, hash ?? (await dummyHash));
  if (!row || !hash || !good) {
    // What was typed may be a password typed into the wrong field: the log names a known account, never the text.
    await appendAudit(ctx.store.db, {
      at: at.toISOString(),
      userId: row?.id ?? null,
      action: 'session.sign_in_failed',
      caseId: null,
      detail: row ? { username: row.username, attempt: count } : { username: null, unknownName: true, attempt: count },
    });
    ctx.user = null;
    throw new ServiceError(refusal('signIn.wrong'), 'The username or password is wrong.');
  }
  failures.delete(username);
  ctx.user = { id: row.id, name: row.display_name, role: row.role };
  await appendAudit(ctx.store.db, { at: at.toISOString(), userId: row.id, action: 'session.sign_in', caseId: null, detail: {} });
  return sessionState(ctx);
}

export async function signOut(ctx: SessionContext): Promise<SessionState> {
  if (ctx.user) {
    await appendAudit(ctx.store.db, { at: now(ctx).toISOString(), userId: ctx.user.id, action: 'session.sign_out', caseId: null, detail: {} });
  }
  ctx.user = null;
  return sessionState(ctx);
}

/** The first start: creates the ombudsman account and signs it in. Refused once any account can sign in. */
export async function setupFirstAccount(
  ctx: SessionContext,
  input: { username: string; displayName: string; password: string },
): Promise<SessionState> {
  const problem = passwordProblem(input.password);
  if (problem) throw new ServiceError(refusal('password.length', { min: 10, max: 200 }), `password: ${problem}.`);
  const hash = await hashPassword(input.password);
  const username = input.username.trim().toLowerCase();
  const at = now(ctx).toISOString();
  const user = await ctx.store.db.transaction().execute(async (trx) => {
    if ((await countSignInAccounts(trx)) > 0) {
      throw new ServiceError(refusal('setup.done'), 'This store already has accounts. Sign in instead.');
    }
    const existing = await findUserByUsername(trx, username);
    if (existing && existing.role !== 'ombudsman') {
      throw new ServiceError(refusal('setup.usernameTaken', { username, role: existing.role }), `username: "${username}" already belongs to a ${existing.role}.`);
    }
    const id =
      existing?.id ??
      (await insertUser(trx, { username, display_name: input.displayName.trim(), role: 'ombudsman', title: null, created_at: at }));
    await setPasswordHash(trx, id, hash);
    await appendAudit(trx, { at, userId: id, action: 'session.setup', caseId: null, detail: { username } });
    return { id, name: existing?.display_name ?? input.displayName.trim(), role: 'ombudsman' as const };
  });
  ctx.user = user;
  return sessionState(ctx);
}

/**
 * The user a command-line run acts as: whoever runs `ombud` on the store's file already has the
 * file, so the CLI acts as the first active user of the role. The app and the harness sign in.
 */
export async function sessionUser(store: Store, role: Role = 'ombudsman'): Promise<SessionUser> {
  let user = await firstUserWithRole(store.db, role);
  if (!user && role === 'ombudsman') {
    await insertUser(store.db, { username: 'ombudsman', display_name: 'Ombudsman', role: 'ombudsman', title: null, created_at: new Date().toISOString() });
    user = await firstUserWithRole(store.db, role);
  }
  if (!user) throw new Error(`The store has no active user with the role ${role}.`);
  return { id: user.id, name: user.display_name, role: user.role };
}

/** Forget failure counts (tests start each case fresh). */
export function resetSignInThrottle(): void {
  failures.clear();
}
