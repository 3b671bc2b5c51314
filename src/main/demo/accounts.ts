import type { Store } from '../db/connection';
import { countSignInAccounts, findUserByUsername } from '../db/repositories/user.repository';
import { verifyPassword } from '../services/password';
import { DEMO_PASSWORD } from './generate';
import { DEMO_STAFF } from './people';

/** One line for `ombud serve` telling the person at the terminal how to get in. */
export async function signInHint(store: Store): Promise<string> {
  if ((await countSignInAccounts(store.db)) === 0) return 'First start: the workbench asks you to create the ombudsman account.';
  const found = await Promise.all(
    DEMO_STAFF.map(async (staff) => {
      const row = await findUserByUsername(store.db, staff.username);
      const usable = row?.active === 1 && row.password_hash !== null && (await verifyPassword(DEMO_PASSWORD, row.password_hash));
      return usable ? `${staff.username} (${staff.role})` : null;
    }),
  );
  const demo = found.filter((line): line is string => line !== null);
  if (demo.length === 0) return 'Sign in with your Ombud account.';
  return `Demo accounts, password "${DEMO_PASSWORD}": ${demo.join(', ')}.`;
}
