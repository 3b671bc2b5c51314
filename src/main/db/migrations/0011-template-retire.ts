import type { Kysely } from 'kysely';

/**
 * Version 11: the ombudsman can go back to a shipped decision template. Decisions keep pointing
 * at the stored template they started from, so the row cannot be deleted; `retired_at` marks it
 * as no longer used for new drafts, and saving the template again brings the row back.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('decision_templates').addColumn('retired_at', 'text').execute();
}
