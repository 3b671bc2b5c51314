import type { Db } from '../connection';

export async function findUser(db: Db, id: number) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The first active user with the role; the session before sign-in exists (see session.service). */
export async function firstUserWithRole(db: Db, role: 'ombudsman' | 'handler' | 'auditor') {
  return db.selectFrom('users').selectAll().where('role', '=', role).where('active', '=', 1).orderBy('id').executeTakeFirst();
}

export async function insertUser(
  db: Db,
  user: { username: string; display_name: string; role: 'ombudsman' | 'handler' | 'auditor'; title: string | null; created_at: string },
) {
  const row = await db.insertInto('users').values(user).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function findUserByUsername(db: Db, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function listActiveUsers(db: Db) {
  return db.selectFrom('users').select(['id', 'display_name', 'role', 'title']).where('active', '=', 1).orderBy('role').orderBy('display_name').execute();
}

export async function setPasswordHash(db: Db, id: number, hash: string) {
  await db.updateTable('users').set({ password_hash: hash }).where('id', '=', id).execute();
}

/** How many accounts can sign in; none means the store still needs its first ombudsman. */
export async function countSignInAccounts(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('active', '=', 1)
    .where('password_hash', 'is not', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
