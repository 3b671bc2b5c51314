import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../connection';
import { runShape, type SlotFn } from '../query-shapes';

/** A search statement compiled once (see query-shapes.ts); its values come from `values`. */
function runRaw<R>(db: Db, key: string, build: (slot: SlotFn) => RawBuilder<R>, values: readonly unknown[]): Promise<R[]> {
  return runShape(db, key, (slot) => ({ compile: () => build(slot).compile(db) }), values);
}

/**
 * Full-text search, SQLite FTS5 flavour: the one place that knows MATCH, bm25(), snippet() and
 * highlight(). Another dialect implements these functions and nothing else changes.
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
  personal_number_hit: number;
}

/**
 * How many of the newest matching cases bm25 ranks. Identity words are selective (a surname matches
 * a few thousand cases at most), but a short prefix ("a") matches most of the store; ranking only
 * the newest window keeps such a query as fast as a full name.
 */
export const CASE_RANK_WINDOW = 2000;

/**
 * Cases whose identity fields (number, customer, personal number, merchant, order references)
 * match, best first by bm25 among the newest CASE_RANK_WINDOW matches. Columns come back highlighted.
 */
export async function searchCaseDocuments(db: Db, match: string, limit: number): Promise<CaseDocHit[]> {
  const hl = (col: number) => sql<string>`highlight(case_fts, ${sql.lit(col)}, ${sql.lit(MARK_START)}, ${sql.lit(MARK_END)})`;
  return runRaw(
    db,
    'search.caseDocuments',
    (slot) => sql<CaseDocHit>`
    SELECT rowid AS case_id,
      -bm25(case_fts, 10.0, 8.0, 8.0, 4.0, 8.0) AS score,
      ${hl(0)} AS number, ${hl(1)} AS customer, ${hl(3)} AS merchant, ${hl(4)} AS order_refs,
      instr(${hl(2)}, ${sql.lit(MARK_START)}) > 0 AS personal_number_hit
    FROM case_fts WHERE case_fts MATCH ${slot(0)}
      AND rowid >= coalesce((SELECT rowid FROM case_fts WHERE case_fts MATCH ${slot(0)} ORDER BY rowid DESC LIMIT 1 OFFSET ${sql.lit(CASE_RANK_WINDOW - 1)}), 0)
    ORDER BY rank LIMIT ${slot(1)}`,
    [match, limit],
  );
}

export interface TextHit {
  case_id: number;
  /** The history event that matched; null when the case's claims or summary matched. */
  event_id: number | null;
  occurred_at: string;
  field: 'claims' | 'summary' | 'event';
  snippet: string;
}

/**
 * The most recently recorded free text that matches: history events and the cases' claims and
 * summaries, newest first, with a snippet. Walking each index newest first and stopping after
 * `limit` keeps a word in a million events as fast as a rare one; no bm25 is computed, because
 * its weight of a word needs the word's whole doclist, which for "faktura" is most of the index.
 */
export async function searchText(db: Db, match: string, limit: number): Promise<TextHit[]> {
  const mark = [sql.lit(MARK_START), sql.lit(MARK_END)] as const;
  const events = await runRaw(
    db,
    'search.textEvents',
    (slot) => sql<TextHit>`
    SELECT e.case_id, e.id AS event_id, e.occurred_at, 'event' AS field, f.snippet
    FROM (
      SELECT rowid, snippet(history_fts, -1, ${mark[0]}, ${mark[1]}, '…', 14) AS snippet
      FROM history_fts WHERE history_fts MATCH ${slot(0)} ORDER BY rowid DESC LIMIT ${slot(1)}
    ) AS f
    JOIN history_events e ON e.id = f.rowid`,
    [match, limit],
  );
  const cases = await runRaw(
    db,
    'search.textCases',
    (slot) => sql<TextHit>`
    SELECT c.id AS case_id, NULL AS event_id, c.received_at AS occurred_at,
      CASE WHEN instr(f.claims_hl, ${mark[0]}) > 0 THEN 'claims' ELSE 'summary' END AS field, f.snippet
    FROM (
      SELECT rowid, snippet(case_text_fts, -1, ${mark[0]}, ${mark[1]}, '…', 14) AS snippet,
        highlight(case_text_fts, 0, ${mark[0]}, ${mark[1]}) AS claims_hl
      FROM case_text_fts WHERE case_text_fts MATCH ${slot(0)} ORDER BY rowid DESC LIMIT ${slot(1)}
    ) AS f
    JOIN cases c ON c.id = f.rowid`,
    [match, limit],
  );
  return [...events, ...cases];
}

/**
 * The list columns of the cases behind a set of hits. The ids go in as one JSON array, so every
 * number of hits runs the same prepared statement.
 */
export async function casesByIds(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return runRaw(
    db,
    'search.casesByIds',
    (slot) =>
      sql<{ id: number; number: string; customer_name: string; market: string; status: string; received_date: string }>`
    SELECT id, number, customer_name, market, status, received_date FROM cases WHERE id IN (SELECT value FROM json_each(${slot(0)}))`,
    [JSON.stringify(ids)],
  );
}

/**
 * Cases with an issued decision in the same category whose own text (summary, claims; migration 9's case_text_fts)
 * shares words with `match`, best bm25 first. The precedents panel re-ranks these by shared claims.
 */
export async function similarDecidedCases(db: Db, match: string, category: string, excludeCaseId: number, limit: number): Promise<{ case_id: number; score: number }[]> {
  const result = await sql<{ case_id: number; score: number }>`
    SELECT f.rowid AS case_id, -bm25(case_text_fts) AS score
    FROM case_text_fts f JOIN cases c ON c.id = f.rowid
    WHERE case_text_fts MATCH ${match} AND c.category = ${category} AND c.id <> ${excludeCaseId}
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
