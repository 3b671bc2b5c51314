import type { Role } from '../../shared/domain/case';
import type { Store } from '../db/connection';

/** Who is calling. Every service checks the role itself; the UI hiding a button is not a rule. */
export interface SessionUser {
  id: number;
  name: string;
  role: Role;
}

/** What every service call receives: the open store and the caller. */
export interface ServiceContext {
  store: Store;
  user: SessionUser;
  /** The clock; tests and demos pass a fixed one so "today" is reproducible. */
  now?: () => Date;
}

export function now(ctx: Pick<ServiceContext, 'now'>): Date {
  return ctx.now ? ctx.now() : new Date();
}

/** Today's calendar date in the market's time zone (SE and DK share CET/CEST). */
export function today(ctx: Pick<ServiceContext, 'now'>, timeZone = 'Europe/Stockholm'): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone }).format(now(ctx));
}
