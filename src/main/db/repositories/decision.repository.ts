import { COMPLAINT_KINDS } from '../../../shared/domain/legal';
import type BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import type { Db } from '../connection';
import type { DecisionTable, DecisionVersionTable } from '../schema';

/**
 * `status` written into the SQL, not bound: the partial index decisions_one_open is on
 * `status <> 'issued'`, and SQLite prepares a statement again on every run when a bound value
 * could decide whether a partial index applies (about 60 µs each time, measured on the case view).
 */
const ISSUED = sql.lit<'issued'>('issued');

/** Decisions, their versions and review steps. Issued rows are frozen by a trigger, not only here. */

export async function findDecision(db: Db, id: number) {
  return db.selectFrom('decisions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listCaseDecisions(db: Db, caseId: number) {
  return db.selectFrom('decisions').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
}

export async function findOpenDecision(db: Db, caseId: number) {
  return db.selectFrom('decisions').selectAll().where('case_id', '=', caseId).where('status', '<>', ISSUED).executeTakeFirst();
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
    .where('status', '<>', ISSUED)
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

/** The ombudsman's template in use for a market and language (a retired one is not). */
export async function findStoredTemplate(db: Db, market: string, language: string) {
  return db.selectFrom('decision_templates').selectAll().where('market', '=', market).where('language', '=', language).where('retired_at', 'is', null).executeTakeFirst();
}

/** Retires a stored template (decisions keep pointing at it); returns how many rows changed (0 or 1). */
export async function retireStoredTemplate(db: Db, market: string, language: string, at: string): Promise<number> {
  const r = await db
    .updateTable('decision_templates')
    .set({ retired_at: at })
    .where('market', '=', market)
    .where('language', '=', language)
    .where('retired_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function listStoredTemplates(db: Db) {
  return db.selectFrom('decision_templates').selectAll().where('retired_at', 'is', null).orderBy('market').orderBy('language').execute();
}

export async function upsertTemplate(db: Db, row: { market: string; language: string; name: string; content: string; updated_at: string; updated_by: number }): Promise<number> {
  const r = await db
    .insertInto('decision_templates')
    .values(row)
    .onConflict((oc) => oc.columns(['market', 'language']).doUpdateSet({ name: row.name, content: row.content, updated_at: row.updated_at, updated_by: row.updated_by, retired_at: null }))
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

/* Demo store: issued decisions for the cases whose history already says a decision went out. */

/** Cases with a `decision_issued` event and no decision row yet, with what a letter needs. */
export async function demoDecisionSources(db: Db) {
  return db
    .selectFrom('history_events as e')
    .innerJoin('cases as c', 'c.id', 'e.case_id')
    .innerJoin('customers as cu', 'cu.id', 'c.customer_id')
    .leftJoin('merchants as m', 'm.id', 'c.merchant_id')
    .select([
      'e.case_id',
      'e.occurred_at',
      'e.data',
      'e.actor_user_id',
      'c.number',
      'c.market',
      'c.language',
      'c.received_date',
      'c.summary',
      'c.assignee_id',
      'cu.name as customer_name',
      'cu.street',
      'cu.postal_code',
      'cu.city',
      'cu.country',
      'm.name as merchant_name',
      (eb) =>
        eb
          .selectFrom('history_events as f')
          .select((f) => f.fn.min('f.occurred_at').as('at'))
          .whereRef('f.case_id', '=', 'e.case_id')
          .where('f.kind', 'in', [...COMPLAINT_KINDS])
          .where('f.direction', '=', 'inbound')
          .as('first_complaint_at'),
    ])
    .where('e.kind', '=', 'decision_issued')
    .where((eb) => eb.not(eb.exists(eb.selectFrom('decisions as d').select('d.id').whereRef('d.case_id', '=', 'e.case_id'))))
    .orderBy('e.case_id')
    .orderBy('e.id')
    .execute();
}

export async function claimsOfDecidedCases(db: Db) {
  return db
    .selectFrom('claims')
    .selectAll()
    .where('case_id', 'in', (eb) => eb.selectFrom('history_events').select('case_id').where('kind', '=', 'decision_issued'))
    .orderBy('case_id')
    .orderBy('position')
    .execute();
}

export async function purchasesOfDecidedCases(db: Db) {
  return db
    .selectFrom('purchases')
    .selectAll()
    .where('case_id', 'in', (eb) => eb.selectFrom('history_events').select('case_id').where('kind', '=', 'decision_issued'))
    .orderBy('case_id')
    .orderBy('id')
    .execute();
}

export type IssuedDecisionRow = Omit<DecisionTable, 'id'> & { issued_by: number; issued_at: string; rendered_text: string; sha256: string };

/**
 * Writes issued decisions, each with its one version and its issue step, in one SQLite
 * transaction through prepared statements: the demo store writes thousands at once.
 */
export function insertIssuedDecisions(sqlite: BetterSqlite3.Database, rows: readonly IssuedDecisionRow[]): void {
  const decision = sqlite.prepare(
    `INSERT INTO decisions (case_id, status, market, language, template_id, version, content, panel, created_by, created_at, saved_by, saved_at,
       corrects_decision_id, issued_by, issued_at, rendered_text, sha256, arn_window_ends_on)
     VALUES (@case_id, 'issued', @market, @language, @template_id, @version, @content, @panel, @created_by, @created_at, @saved_by, @saved_at,
       @corrects_decision_id, @issued_by, @issued_at, @rendered_text, @sha256, @arn_window_ends_on)`,
  );
  const version = sqlite.prepare(
    `INSERT INTO decision_versions (decision_id, version, content, panel, saved_by, saved_at, reason) VALUES (?, ?, ?, ?, ?, ?, 'created')`,
  );
  const review = sqlite.prepare(`INSERT INTO decision_reviews (decision_id, action, user_id, at, comment) VALUES (?, 'issued', ?, ?, '')`);
  sqlite.transaction(() => {
    for (const r of rows) {
      const id = Number(decision.run(r).lastInsertRowid);
      version.run(id, r.version, r.content, r.panel, r.saved_by, r.saved_at);
      review.run(id, r.issued_by, r.issued_at);
    }
  })();
}
