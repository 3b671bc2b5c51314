import { sql, type Kysely } from 'kysely';

/**
 * Version 14: the inbox reads a deadline window ("overdue", "due this week") off the deadline
 * sort index of migrations 4 and 9, whose entries carry every list filter's column, so counting
 * "overdue in Denmark" reads 6,301 index entries instead of looking up 62,000 Danish cases in the
 * table (150 ms at 250,000 cases). The partial index of migration 3 on the running deadline then
 * serves no query: the saved views' deadline counts come from `case_due_counts`, and EXPLAIN QUERY
 * PLAN over every saved view × filter × sort of the inbox no longer names it. Dropping it spares
 * every case write (imports, derived-field refreshes) one index to keep.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`DROP INDEX IF EXISTS cases_next_due`).execute(db);
}
