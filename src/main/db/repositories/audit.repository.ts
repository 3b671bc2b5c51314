import { sql } from 'kysely';
import { GENESIS_HASH } from '../audit-chain';
import type { Db } from '../connection';

/**
 * Appends a row after the chain's current head, read in the same statement (`ombud_audit_hash` is
 * registered on every connection when the store is opened).
 */
export async function appendAuditRow(
  db: Db,
  row: { at: string; user_id: number | null; action: string; case_id: number | null; detail: string },
): Promise<void> {
  await sql`INSERT INTO audit_log (at, user_id, action, case_id, detail, prev_hash, hash)
    SELECT ${row.at}, ${row.user_id}, ${row.action}, ${row.case_id}, ${row.detail}, head.prev,
           ombud_audit_hash(head.prev, ${row.at}, ${row.user_id}, ${row.action}, ${row.case_id}, ${row.detail})
    FROM (SELECT coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), ${GENESIS_HASH}) AS prev) AS head`.execute(db);
}

export async function listAuditRows(db: Db, caseId?: number) {
  let q = db.selectFrom('audit_log').selectAll().orderBy('id');
  if (caseId !== undefined) q = q.where('case_id', '=', caseId);
  return q.execute();
}

/** The next `limit` rows after `afterId` in chain order, for walking a long log in batches. */
export async function auditRowsAfter(db: Db, afterId: number, limit: number) {
  return db.selectFrom('audit_log').selectAll().where('id', '>', afterId).orderBy('id').limit(limit).execute();
}

export interface AuditFilter {
  caseId?: number;
  userId?: number;
  /** Inclusive lower bound on `at` (ISO, UTC). */
  fromAt?: string;
  /** Exclusive upper bound on `at` (ISO, UTC). */
  toAt?: string;
}

function filtered(db: Db, filter: AuditFilter) {
  let q = db.selectFrom('audit_log');
  if (filter.caseId !== undefined) q = q.where('audit_log.case_id', '=', filter.caseId);
  if (filter.userId !== undefined) q = q.where('audit_log.user_id', '=', filter.userId);
  if (filter.fromAt !== undefined) q = q.where('audit_log.at', '>=', filter.fromAt);
  if (filter.toAt !== undefined) q = q.where('audit_log.at', '<', filter.toAt);
  return q;
}

/** One page of the log, newest first, with the user's name and the case number. */
export async function listAuditPage(db: Db, filter: AuditFilter, offset: number, limit: number) {
  return filtered(db, filter)
    .leftJoin('users', 'users.id', 'audit_log.user_id')
    .leftJoin('cases', 'cases.id', 'audit_log.case_id')
    .select([
      'audit_log.id',
      'audit_log.at',
      'audit_log.user_id',
      'users.display_name as user_name',
      'audit_log.action',
      'audit_log.case_id',
      'cases.number as case_number',
      'audit_log.detail',
      'audit_log.hash',
    ])
    .orderBy('audit_log.id', 'desc')
    .offset(offset)
    .limit(limit)
    .execute();
}

export async function countAuditRows(db: Db, filter: AuditFilter): Promise<number> {
  const row = await filtered(db, filter).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findCaseIdByNumber(db: Db, number: string): Promise<number | undefined> {
  const row = await db.selectFrom('cases').select('id').where('number', '=', number).executeTakeFirst();
  return row?.id;
}

/** The chain's head: how many rows, and the id and hash of the last. */
export async function auditHead(db: Db): Promise<{ rows: number; headId: number | null; headHash: string | null }> {
  const count = await db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const last = await db.selectFrom('audit_log').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
  return { rows: Number(count.n), headId: last?.id ?? null, headHash: last?.hash ?? null };
}
