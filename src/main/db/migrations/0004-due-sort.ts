import { sql, type Kysely } from 'kysely';

/**
 * Version 4: sorting the inbox by deadline walks an index in both directions. Cases without a
 * running deadline sort last either way, so each direction has its own expression index that
 * puts them at the far end.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`CREATE INDEX cases_due_asc ON cases(coalesce(next_due_date, '9999-12-31'), id)`).execute(db);
  await sql.raw(`CREATE INDEX cases_due_desc ON cases(coalesce(next_due_date, '0000-01-01'), id)`).execute(db);
}
