import { sql, type Kysely } from 'kysely';

/**
 * Version 17: revisions for the writes colleagues race. A case's `revision` counts changes to its
 * own state (status, assignee); an authority matter's counts its steps. A writer sends the
 * revision it saw and the update only happens `WHERE revision = ?`, so a lost race is answered
 * with a `conflict` carrying both versions instead of overwriting the colleague's change.
 * Settings keep their revision inside their JSON value (as the deadline rules already do).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`ALTER TABLE cases ADD COLUMN revision INTEGER NOT NULL DEFAULT 0`).execute(db);
  await sql.raw(`ALTER TABLE authority_matters ADD COLUMN revision INTEGER NOT NULL DEFAULT 0`).execute(db);
}
