import type { Role } from '../../shared/domain/case';
import type { Store } from '../db/connection';
import { firstUserWithRole, insertUser } from '../db/repositories/user.repository';
import type { SessionUser } from './context';

/**
 * The user a desktop session acts as. Until sign-in exists (the trust issue), a session acts as
 * the first active user of the requested role, and a store without users gets its first
 * ombudsman account, as a fresh installation would.
 */
export async function sessionUser(store: Store, role: Role = 'ombudsman'): Promise<SessionUser> {
  let user = await firstUserWithRole(store.db, role);
  if (!user && role === 'ombudsman') {
    await insertUser(store.db, {
      username: 'ombudsman',
      display_name: 'Ombudsman',
      role: 'ombudsman',
      title: null,
      created_at: new Date().toISOString(),
    });
    user = await firstUserWithRole(store.db, role);
  }
  if (!user) throw new Error(`The store has no active user with the role ${role}.`);
  return { id: user.id, name: user.display_name, role: user.role };
}
