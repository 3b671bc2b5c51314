import { sql } from 'kysely';
import type { Db } from '../connection';

/** What is waiting in a review: decisions and ARN responses submitted or returned, with who did it last. */
export interface ReviewQueueRow {
  subject: 'decision' | 'arn_response';
  id: number;
  case_id: number;
  case_number: string;
  market: string;
  matter_id: number | null;
  status: 'submitted' | 'returned';
  version: number;
  submitted_by: number | null;
  submitted_by_name: string | null;
  submitted_at: string | null;
  last_by: number | null;
  last_by_name: string | null;
  last_at: string | null;
  last_comment: string | null;
}

/**
 * Every submitted or returned draft of both kinds, oldest submission first. The office has at
 * most a few dozen at once (they are the ombudsman's desk), so the approver rule is applied by the
 * service on this list rather than in SQL.
 */
export async function listReviewQueue(db: Db): Promise<ReviewQueueRow[]> {
  const result = await sql<ReviewQueueRow>`
    WITH items AS (
      SELECT 'decision' AS subject, d.id, d.case_id, NULL AS matter_id, d.status, d.version,
        (SELECT r.id FROM decision_reviews r WHERE r.decision_id = d.id AND r.action = 'submitted' ORDER BY r.id DESC LIMIT 1) AS submit_review,
        (SELECT r.id FROM decision_reviews r WHERE r.decision_id = d.id ORDER BY r.id DESC LIMIT 1) AS last_review
      FROM decisions d WHERE d.status IN ('submitted', 'returned')
      UNION ALL
      SELECT 'arn_response', a.id, a.case_id, a.matter_id, a.status, a.version,
        (SELECT r.id FROM arn_response_reviews r WHERE r.response_id = a.id AND r.action = 'submitted' ORDER BY r.id DESC LIMIT 1),
        (SELECT r.id FROM arn_response_reviews r WHERE r.response_id = a.id ORDER BY r.id DESC LIMIT 1)
      FROM arn_responses a WHERE a.status IN ('submitted', 'returned')
    ),
    reviews AS (
      SELECT 'decision' AS subject, id, user_id, at, comment FROM decision_reviews
      UNION ALL
      SELECT 'arn_response', id, user_id, at, comment FROM arn_response_reviews
    )
    SELECT i.subject, i.id, i.case_id, c.number AS case_number, c.market, i.matter_id, i.status, i.version,
      s.user_id AS submitted_by, su.display_name AS submitted_by_name, s.at AS submitted_at,
      l.user_id AS last_by, lu.display_name AS last_by_name, l.at AS last_at, l.comment AS last_comment
    FROM items i
    JOIN cases c ON c.id = i.case_id
    LEFT JOIN reviews s ON s.subject = i.subject AND s.id = i.submit_review
    LEFT JOIN users su ON su.id = s.user_id
    LEFT JOIN reviews l ON l.subject = i.subject AND l.id = i.last_review
    LEFT JOIN users lu ON lu.id = l.user_id
    ORDER BY coalesce(s.at, l.at), i.subject, i.id
  `.execute(db);
  return result.rows;
}

/** The last person who submitted a decision or an ARN response (undefined: never submitted). */
export async function lastSubmitter(db: Db, subject: 'decision' | 'arn_response', id: number): Promise<number | undefined> {
  const row =
    subject === 'decision'
      ? await db.selectFrom('decision_reviews').select('user_id').where('decision_id', '=', id).where('action', '=', 'submitted').orderBy('id', 'desc').limit(1).executeTakeFirst()
      : await db.selectFrom('arn_response_reviews').select('user_id').where('response_id', '=', id).where('action', '=', 'submitted').orderBy('id', 'desc').limit(1).executeTakeFirst();
  return row?.user_id;
}
