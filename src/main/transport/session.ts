import { randomBytes } from 'node:crypto';
import type { Store } from '../db/connection';
import type { SessionUser } from '../services/context';

/** Which transport a session came through, for the list of open sessions and the log. */
export type TransportKind = 'ipc' | 'harness' | 'server' | 'in-process';

export interface OpenSession {
  /** Random, 32 bytes base64url; the transport's handle for this window, tab or connection. */
  token: string;
  user: SessionUser;
  transport: TransportKind;
  openedAt: number;
  lastSeen: number;
}

export interface SessionTableOptions {
  /** A session unused this long is over (the next call is unauthenticated); 0 = never. */
  idleMs: number;
  /** The clock (ms); tests move it. */
  clock?: () => number;
  /** At most this many open sessions; the longest idle goes first. Bounds memory against sign-in floods. */
  maxSessions?: number;
}

/** Default idle time in team mode (the team server), and on a person's own machine. */
export const TEAM_IDLE_MS = 30 * 60 * 1000;
export const LOCAL_IDLE_MS = 12 * 60 * 60 * 1000;

/**
 * The sessions of one transport: who each window, tab or connection is. A session exists only
 * after a successful sign-in, and every call looks its user up again in the store, so
 * deactivating an account (in this process or any other) ends its sessions at once, and a
 * changed role applies to the next call. Nothing here is process-wide: two tabs are two entries.
 */
export class SessionTable {
  private readonly sessions = new Map<string, OpenSession>();
  private readonly clock: () => number;

  constructor(private readonly options: SessionTableOptions) {
    this.clock = options.clock ?? Date.now;
  }

  open(user: SessionUser, transport: TransportKind): OpenSession {
    const at = this.clock();
    const max = this.options.maxSessions ?? 10_000;
    if (this.sessions.size >= max) {
      const oldest = [...this.sessions.values()].sort((a, b) => a.lastSeen - b.lastSeen)[0];
      if (oldest) this.sessions.delete(oldest.token);
    }
    const session: OpenSession = { token: randomBytes(32).toString('base64url'), user, transport, openedAt: at, lastSeen: at };
    this.sessions.set(session.token, session);
    return session;
  }

  /**
   * The session a token names, if it is still open: not idle too long, its account still active.
   * Refreshes the user's name and role from the store and counts the call as activity.
   */
  resolve(store: Store, token: string | null | undefined, touch = true): OpenSession | null {
    if (!token) return null;
    const session = this.find(token);
    if (!session) return null;
    const at = this.clock();
    if (this.options.idleMs > 0 && at - session.lastSeen > this.options.idleMs) {
      this.sessions.delete(session.token);
      return null;
    }
    const row = store.sqlite.prepare('SELECT display_name, role, active FROM users WHERE id = ?').get(session.user.id) as
      | { display_name: string; role: SessionUser['role']; active: number }
      | undefined;
    if (!row || row.active !== 1) {
      this.endForUser(session.user.id);
      return null;
    }
    session.user = { id: session.user.id, name: row.display_name, role: row.role };
    if (touch) session.lastSeen = at;
    return session;
  }

  end(token: string | null | undefined): void {
    const session = token ? this.find(token) : undefined;
    if (session) this.sessions.delete(session.token);
  }

  /** Ends every session of one account (deactivated, or ended by the ombudsman). Returns how many. */
  endForUser(userId: number): number {
    let ended = 0;
    for (const [token, session] of this.sessions) {
      if (session.user.id === userId) {
        this.sessions.delete(token);
        ended += 1;
      }
    }
    return ended;
  }

  /** The open sessions (idle ones dropped first). */
  list(): OpenSession[] {
    const at = this.clock();
    for (const [token, session] of this.sessions) {
      if (this.options.idleMs > 0 && at - session.lastSeen > this.options.idleMs) this.sessions.delete(token);
    }
    return [...this.sessions.values()];
  }

  /** A Map lookup by the whole token: a 256-bit random key cannot be guessed by timing its hash. */
  private find(token: string): OpenSession | undefined {
    return this.sessions.get(token);
  }
}
