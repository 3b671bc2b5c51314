import type { Role } from '../../shared/domain/case';
import type { Store } from '../db/connection';
import { dayInZone } from './calendar/business-days';

/** Who is calling. Every service checks the role itself; the UI hiding a button is not a rule. */
export interface SessionUser {
  id: number;
  name: string;
  role: Role;
}

/**
 * What a transport holds for one window: the open store, the clock and whoever is signed in
 * (nobody until sign-in). The session channels change `user`; every other channel needs one.
 */
export interface SessionContext {
  store: Store;
  user: SessionUser | null;
  /** The clock; tests and demos pass a fixed one so "today" is reproducible. */
  now?: () => Date;
}

/** What every service call receives: the open store and the signed-in caller. */
export interface ServiceContext extends SessionContext {
  user: SessionUser;
}

export function now(ctx: Pick<SessionContext, 'now'>): Date {
  return ctx.now ? ctx.now() : new Date();
}

/** Today's calendar date in the market's time zone (SE and DK share CET/CEST). */
export function today(ctx: Pick<SessionContext, 'now'>, timeZone = 'Europe/Stockholm'): string {
  return dayInZone(now(ctx), timeZone);
}
