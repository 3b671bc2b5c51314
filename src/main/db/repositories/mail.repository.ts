import { sql } from 'kysely';
import type { Db } from '../connection';

/** When the store's oldest case was received (null in an empty store): the floor of a plausible Date header. */
export async function oldestCaseReceivedAt(db: Db): Promise<string | null> {
  const row = await db.selectFrom('cases').select(sql<string | null>`min(received_at)`.as('at')).executeTakeFirst();
  return row?.at ?? null;
}
