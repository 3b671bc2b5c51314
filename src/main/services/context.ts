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
}
