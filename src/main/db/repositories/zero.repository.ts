import { sql } from 'kysely';
import type { Db } from '../connection';

/**
 * SQL of the zero-complaints measure, the recurring causes and the complaints register. Months are
 * the first seven characters of a stored date (dates are the market's calendar dates already).
 * `json_each` over the case's red flags is SQLite's; a PostgreSQL store would use jsonb here.
 */

/** Monthly figures, optionally of one market, oldest first. */
export async function monthlyFigures(db: Db, market: string | null) {
  let q = db.selectFrom('monthly_figures').select(['month', 'market', 'purchases', 'customer_service_complaints']).orderBy('month').orderBy('market');
  if (market) q = q.where('market', '=', market);
  return q.execute();
}

/** Complaints registered with authorities per received month and the case's market. */
export async function authorityMattersPerMonth(db: Db, market: string | null) {
  let q = db
    .selectFrom('authority_matters as m')
    .innerJoin('cases as c', 'c.id', 'm.case_id')
    .select([sql<string>`substr(m.received_date, 1, 7)`.as('month'), 'c.market', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy([sql`substr(m.received_date, 1, 7)`, 'c.market'])
    .orderBy('month');
  if (market) q = q.where('c.market', '=', market);
  return q.execute();
}

/** Cases received per month in [from, to] (dates), per category. */
export async function categoryCountsPerMonth(db: Db, from: string, to: string, market: string | null) {
  let q = db
    .selectFrom('cases')
    .select([sql<string>`substr(received_date, 1, 7)`.as('month'), 'category', (eb) => eb.fn.countAll<number>().as('n')])
    .where('received_date', '>=', from)
    .where('received_date', '<=', to)
    .groupBy([sql`substr(received_date, 1, 7)`, 'category']);
  if (market) q = q.where('market', '=', market);
  return q.execute();
}

/** Cases received per month in [from, to] carrying each red flag (a case counts once per flag). */
export async function flagCountsPerMonth(db: Db, from: string, to: string, market: string | null) {
  const rows = await sql<{ month: string; code: string; n: number }>`
    SELECT substr(c.received_date, 1, 7) AS month, json_extract(f.value, '$.code') AS code, count(DISTINCT c.id) AS n
    FROM cases c, json_each(c.flags) f
    WHERE c.received_date >= ${from} AND c.received_date <= ${to} AND (${market} IS NULL OR c.market = ${market})
    GROUP BY month, code`.execute(db);
  return rows.rows;
}

/** The cases behind one cause in the given months, newest first. */
export async function casesForCause(db: Db, kind: 'category' | 'flag', code: string, months: readonly string[], market: string | null, limit: number) {
  let q = db
    .selectFrom('cases')
    .select(['id', 'number', 'customer_name', 'market', 'category', 'received_date', 'status'])
    .where(sql<boolean>`substr(received_date, 1, 7) IN (${sql.join(months)})`)
    .orderBy('received_date', 'desc')
    .orderBy('id', 'desc')
    .limit(limit);
  if (market) q = q.where('market', '=', market);
  q =
    kind === 'category'
      ? q.where('category', '=', code)
      : q.where(sql<boolean>`EXISTS (SELECT 1 FROM json_each(cases.flags) f WHERE json_extract(f.value, '$.code') = ${code})`);
  return q.execute();
}

export async function insertReviewNote(
  db: Db,
  row: { month: string; cause: string; market: string | null; noted_on: string; text: string; created_by: number; created_at: string },
): Promise<number> {
  const inserted = await db.insertInto('review_notes').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

/** Review notes of the months in [fromMonth, toMonth], oldest month first; market null lists every note. */
export async function listReviewNotes(db: Db, fromMonth: string, toMonth: string, market: string | null, id?: number) {
  let q = db
    .selectFrom('review_notes as n')
    .innerJoin('users as u', 'u.id', 'n.created_by')
    .selectAll('n')
    .select('u.display_name as author')
    .where('n.month', '>=', fromMonth)
    .where('n.month', '<=', toMonth)
    .orderBy('n.month')
    .orderBy('n.noted_on')
    .orderBy('n.id');
  if (market) q = q.where((eb) => eb.or([eb('n.market', '=', market), eb('n.market', 'is', null)]));
  if (id !== undefined) q = q.where('n.id', '=', id);
  return q.execute();
}

/** Escalated cases received in [from, to], oldest first: the register's rows. */
export async function registerCases(db: Db, from: string, to: string, market: string | null) {
  let q = db
    .selectFrom('cases')
    .select(['id', 'number', 'market', 'received_date', 'category', 'status', 'claim_currency'])
    .where('received_date', '>=', from)
    .where('received_date', '<=', to)
    .orderBy('received_date')
    .orderBy('id');
  if (market) q = q.where('market', '=', market);
  return q.execute();
}

/** Chunks of ids for IN lists, so a year of cases never exceeds SQLite's variable limit. */
async function inChunks<T>(ids: readonly number[], read: (chunk: number[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += 500) out.push(...(await read(ids.slice(i, i + 500))));
  return out;
}

/** The events the clocks read (status changes, decisions, letters) of the given cases. */
export async function registerClockEvents(db: Db, caseIds: readonly number[]) {
  return inChunks(caseIds, (chunk) =>
    db
      .selectFrom('history_events')
      .select(['id', 'case_id', 'occurred_at', 'kind', 'data'])
      .where('case_id', 'in', chunk)
      .where('kind', 'in', ['status_change', 'decision_issued', 'letter_sent'])
      .orderBy('case_id')
      .orderBy('occurred_at')
      .orderBy('id')
      .execute(),
  );
}

export async function registerClaims(db: Db, caseIds: readonly number[]) {
  return inChunks(caseIds, (chunk) =>
    db.selectFrom('claims').select(['id', 'case_id', 'position', 'kind', 'text', 'amount_minor', 'currency']).where('case_id', 'in', chunk).orderBy('case_id').orderBy('position').execute(),
  );
}

export async function registerProducts(db: Db, caseIds: readonly number[]) {
  return inChunks(caseIds, (chunk) => db.selectFrom('purchases').select(['case_id', 'product']).distinct().where('case_id', 'in', chunk).orderBy('case_id').orderBy('product').execute());
}

/** Issued decisions of the cases, oldest first (a correction comes after what it corrects). */
export async function registerDecisions(db: Db, caseIds: readonly number[]) {
  return inChunks(caseIds, (chunk) =>
    db
      .selectFrom('decisions')
      .select(['id', 'case_id', 'panel', 'issued_at'])
      .where('case_id', 'in', chunk)
      .where('status', '=', sql.lit<'issued'>('issued'))
      .orderBy('case_id')
      .orderBy('issued_at')
      .orderBy('id')
      .execute(),
  );
}

export async function registerMatters(db: Db, caseIds: readonly number[]) {
  return inChunks(caseIds, (chunk) =>
    db
      .selectFrom('authority_matters')
      .select(['case_id', 'authority', 'reference', 'received_date', 'status', 'outcome', 'decided_on', 'compliance'])
      .where('case_id', 'in', chunk)
      .orderBy('case_id')
      .orderBy('received_date')
      .orderBy('id')
      .execute(),
  );
}
