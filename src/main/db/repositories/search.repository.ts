import { sql } from 'kysely';
import type { Db } from '../connection';

/**
 * Full-text search, SQLite FTS5 flavour: the one place that knows MATCH, bm25(), snippet() and
 * highlight(). Another dialect implements these two functions and nothing else changes.
 * `match` is an FTS5 query built by the search service from the user's words.
 */

const MARK_START = '\u0002';
const MARK_END = '\u0003';

export interface CaseDocHit {
  case_id: number;
  score: number;
  number: string;
  customer: string;
  merchant: string;
  order_refs: string;
  claims: string;
  summary: string;
  personal_number_hit: number;
}

/** Cases whose own fields match, best first. Columns come back highlighted. */
export async function searchCaseDocuments(db: Db, match: string, limit: number): Promise<CaseDocHit[]> {
  const hl = (col: number) => sql<string>`highlight(case_fts, ${sql.lit(col)}, ${MARK_START}, ${MARK_END})`;
  const result = await sql<CaseDocHit>`
    SELECT rowid AS case_id,
      -bm25(case_fts, 10.0, 8.0, 8.0, 4.0, 8.0, 2.0, 1.0) AS score,
      ${hl(0)} AS number, ${hl(1)} AS customer, ${hl(3)} AS merchant, ${hl(4)} AS order_refs,
      ${hl(5)} AS claims, ${hl(6)} AS summary,
      instr(${hl(2)}, ${MARK_START}) > 0 AS personal_number_hit
    FROM case_fts WHERE case_fts MATCH ${match}
    ORDER BY rank LIMIT ${limit}`.execute(db);
  return result.rows;
}

export interface EventHit {
  event_id: number;
  case_id: number;
  occurred_at: string;
  score: number;
  snippet: string;
}

/**
 * The most recent history events that match, with their bm25 score and a snippet. Walking the
 * index newest first and stopping after `limit` keeps a word that occurs in a million events as
 * fast as a rare one; score and snippet are computed for those rows only.
 */
export async function searchEvents(db: Db, match: string, limit: number): Promise<EventHit[]> {
  const result = await sql<EventHit>`
    SELECT e.id AS event_id, e.case_id, e.occurred_at, f.score, f.snippet
    FROM (
      SELECT rowid, -rank AS score, snippet(history_fts, -1, ${MARK_START}, ${MARK_END}, '…', 14) AS snippet
      FROM history_fts WHERE history_fts MATCH ${match} ORDER BY rowid DESC LIMIT ${limit}
    ) AS f
    JOIN history_events e ON e.id = f.rowid`.execute(db);
  return result.rows;
}

/** The list columns of the cases behind a set of hits. */
export async function casesByIds(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('cases')
    .select(['id', 'number', 'customer_name', 'market', 'status', 'received_date'])
    .where('id', 'in', ids)
    .execute();
}

/**
 * Cases with an issued decision in the same category whose own text (summary, claims, merchant)
 * shares words with `match`, best bm25 first. The precedents panel re-ranks these by shared claims.
 */
export async function similarDecidedCases(db: Db, match: string, category: string, excludeCaseId: number, limit: number): Promise<{ case_id: number; score: number }[]> {
  const result = await sql<{ case_id: number; score: number }>`
    SELECT f.rowid AS case_id, -bm25(case_fts) AS score
    FROM case_fts f JOIN cases c ON c.id = f.rowid
    WHERE case_fts MATCH ${match} AND c.category = ${category} AND c.id <> ${excludeCaseId}
      AND EXISTS (SELECT 1 FROM decisions d WHERE d.case_id = c.id AND d.status = 'issued')
    ORDER BY rank LIMIT ${limit}`.execute(db);
  return result.rows;
}

/** The most recent decided cases of a category, for when no words are shared. */
export async function recentDecidedCases(db: Db, category: string, excludeCaseId: number, limit: number): Promise<{ case_id: number; score: number }[]> {
  const result = await sql<{ case_id: number; score: number }>`
    SELECT c.id AS case_id, 0.0 AS score FROM cases c
    WHERE c.category = ${category} AND c.id <> ${excludeCaseId}
      AND EXISTS (SELECT 1 FROM decisions d WHERE d.case_id = c.id AND d.status = 'issued')
    ORDER BY c.received_at DESC LIMIT ${limit}`.execute(db);
  return result.rows;
}
