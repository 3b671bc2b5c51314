import type { Channel } from '../../shared/ipc/channels';
import type { Result } from '../../shared/ipc/result';
import type { Store } from '../db/connection';
import { dispatch } from '../ipc/dispatch';
import { dispatchRecovery, type Recovery } from '../ipc/recovery';
import type { ServiceContext, SessionContext, SessionUser } from '../services/context';
import { publishChange } from '../services/changes';
import { noticeFor } from './notices';
import type { SessionTable, TransportKind } from './session';

export interface TransportOptions {
  kind: TransportKind;
  /** The store opened for work and its clock. Absent when the store failed its start check (then `recovery`). */
  context?: SessionContext;
  /** Serve the recovery channels only, until a restore reopens the store. */
  recovery?: Recovery;
  sessions: SessionTable;
  /**
   * Tests only: the user for calls that carry no session token at all. `ombud serve`, the app and
   * the team server never set it: there, a call without a session is a call by nobody.
   */
  anonymousUser?: SessionUser | null;
  validateOutput?: boolean;
  log?: (line: string) => void;
}

export interface TransportCall {
  result: Result<unknown>;
  /** Set when the call opened a session (sign-in, first setup): the window or tab keeps it. Null when it ended one. */
  session?: string | null;
}

/**
 * The one adapter between a transport (Electron IPC, the harness, the team server) and dispatch:
 * recovery mode, which session a call belongs to, opening a session at sign-in and ending it at
 * sign-out. Every call gets a context of its own, built from its session; no call can change
 * another call's user.
 */
export interface Transport {
  call(token: string | null | undefined, channel: Channel, input: unknown): Promise<TransportCall>;
  /** The signed-in context for a route that is not an RPC (upload, download, events), or null. `touch: false` does not count as activity. */
  signedIn(token: string | null | undefined, touch?: boolean): ServiceContext | null;
  /** The open store, or null in recovery mode. */
  store(): Store | null;
  readonly sessions: SessionTable;
}

export function createTransport(options: TransportOptions): Transport {
  let context = options.context;
  let recovery = options.recovery;
  if (!context && !recovery) throw new Error('A transport needs a store opened for work or a recovery.');
  const { sessions } = options;
  let anonymousUser = options.anonymousUser ?? null;

  function contextFor(token: string | null | undefined, touch = true): { ctx: SessionContext; session: string | null } | null {
    if (!context) return null;
    const session = sessions.resolve(context.store, token, touch);
    const user = session ? { ...session.user } : token ? null : anonymousUser;
    return { ctx: { store: context.store, user, now: context.now }, session: session?.token ?? null };
  }

  return {
    sessions,
    store: () => context?.store ?? null,
    signedIn(token, touch = true) {
      const found = contextFor(token, touch);
      return found?.ctx.user ? { ...found.ctx, user: found.ctx.user } : null;
    },
    async call(token, channel, input) {
      if (recovery) {
        const result = await dispatchRecovery(recovery, channel, input, (reopened) => {
          context = { store: reopened.store, user: null, now: reopened.now };
          anonymousUser = reopened.user;
          recovery = undefined;
        });
        return { result };
      }
      const { ctx, session } = contextFor(token)!;
      const signedInBefore = ctx.user?.id ?? null;
      const result = await dispatch(ctx, channel, input, {
        validateOutput: options.validateOutput,
        onInternalError: (ch, error) => options.log?.(`${ch}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
      });
      if (result.ok) {
        // Every open window, tab and connection of this store hears that something changed.
        const notice = noticeFor(channel, input, result.data);
        if (notice) publishChange(ctx.store, { ...notice, by: ctx.user?.id ?? null, at: ctx.now?.() });
      }
      if ((channel === 'session:signIn' || channel === 'session:setup') && result.ok && ctx.user) {
        // A new sign-in in this window replaces its old session; other windows keep theirs.
        sessions.end(session);
        const opened = sessions.open(ctx.user, options.kind);
        return { result: { ok: true, data: { ...(result.data as object), token: opened.token } }, session: opened.token };
      }
      if (channel === 'session:signOut' && result.ok) {
        sessions.end(session);
        return { result, session: null };
      }
      if (signedInBefore !== null && !ctx.user) {
        // The service found the account gone or deactivated.
        sessions.endForUser(signedInBefore);
        return { result, session: null };
      }
      return { result };
    },
  };
}
