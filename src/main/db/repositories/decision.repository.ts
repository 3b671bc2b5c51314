import { sql } from 'kysely';
import type { Db } from '../connection';
import type { DecisionTable, DecisionVersionTable } from '../schema';

/** Decisions, their versions and review steps. Issued rows are frozen by a trigger, not only here. */

export async function findDecision(db: Db, id: number) {
  return db.selectFrom('decisions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listCaseDecisions(db: Db, caseId: number) {
  return db.selectFrom('decisions').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
}

export async function findOpenDecision(db: Db, caseId: number) {
  return db.selectFrom('decisions').selectAll().where('case_id', '=', caseId).where('status', '<>', 'issued').executeTakeFirst();
}

export async function insertDecision(
  db: Db,
  row: Omit<DecisionTable, 'id' | 'issued_by' | 'issued_at' | 'rendered_text' | 'sha256' | 'arn_window_ends_on'>,
): Promise<number> {
  const r = await db.insertInto('decisions').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/**
 * Writes a new current draft only if the stored version is still `baseVersion` and the decision is
 * not issued: the compare-and-set that keeps two windows from overwriting each other. Returns
 * whether a row changed.
 */
export async function saveDraftIfVersion(
  db: Db,
  id: number,
  baseVersion: number,
  values: { content: string; panel: string; saved_by: number; saved_at: string; version: number },
): Promise<boolean> {
  const r = await db
    .updateTable('decisions')
    .set(values)
    .where('id', '=', id)
    .where('version', '=', baseVersion)
    .where('status', '<>', 'issued')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function setDecisionStatus(db: Db, id: number, status: DecisionTable['status']): Promise<void> {
  await db.updateTable('decisions').set({ status }).where('id', '=', id).execute();
}

export async function freezeDecision(
  db: Db,
  id: number,
  values: { issued_by: number; issued_at: string; rendered_text: string; sha256: string; arn_window_ends_on: string | null },
): Promise<void> {
  await db
    .updateTable('decisions')
    .set({ ...values, status: 'issued' })
    .where('id', '=', id)
    .execute();
}

export async function insertVersion(db: Db, row: DecisionVersionTable): Promise<void> {
  await db.insertInto('decision_versions').values(row).execute();
}

export async function listVersions(db: Db, decisionId: number) {
  return db
    .selectFrom('decision_versions')
    .innerJoin('users', 'users.id', 'decision_versions.saved_by')
    .select([
      'decision_versions.version',
      'decision_versions.saved_at',
      'decision_versions.reason',
      'decision_versions.saved_by',
      'users.display_name as saved_by_name',
      sql<string>`substr(decision_versions.content, 1, 4000)`.as('content_head'),
    ])
    .where('decision_versions.decision_id', '=', decisionId)
    .orderBy('decision_versions.version', 'desc')
    .execute();
}

export async function findVersion(db: Db, decisionId: number, version: number) {
  return db.selectFrom('decision_versions').selectAll().where('decision_id', '=', decisionId).where('version', '=', version).executeTakeFirst();
}

export async function insertReview(db: Db, row: { decision_id: number; action: 'created' | 'submitted' | 'returned' | 'approved' | 'issued' | 'restored'; user_id: number; at: string; comment: string }) {
  await db.insertInto('decision_reviews').values(row).execute();
}

export async function listReviews(db: Db, decisionId: number) {
  return db
    .selectFrom('decision_reviews')
    .innerJoin('users', 'users.id', 'decision_reviews.user_id')
    .select(['decision_reviews.action', 'decision_reviews.user_id', 'users.display_name', 'decision_reviews.at', 'decision_reviews.comment'])
    .where('decision_reviews.decision_id', '=', decisionId)
    .orderBy('decision_reviews.id')
    .execute();
}

export async function userNames(db: Db, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/* Templates */

export async function findStoredTemplate(db: Db, market: string, language: string) {
  return db.selectFrom('decision_templates').selectAll().where('market', '=', market).where('language', '=', language).executeTakeFirst();
}

export async function listStoredTemplates(db: Db) {
  return db.selectFrom('decision_templates').selectAll().orderBy('market').orderBy('language').execute();
}

export async function upsertTemplate(db: Db, row: { market: string; language: string; name: string; content: string; updated_at: string; updated_by: number }): Promise<number> {
  const r = await db
    .insertInto('decision_templates')
    .values(row)
    .onConflict((oc) => oc.columns(['market', 'language']).doUpdateSet({ name: row.name, content: row.content, updated_at: row.updated_at, updated_by: row.updated_by }))
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Customer-service events of a case: the impartiality check reads their actors. */
export async function customerServiceActors(db: Db, caseId: number) {
  return db
    .selectFrom('history_events')
    .select(['id', 'actor', 'actor_user_id', 'kind'])
    .where('case_id', '=', caseId)
    .where('kind', 'in', ['cs_call', 'cs_chat', 'cs_email', 'cs_final_answer'])
    .execute();
}
