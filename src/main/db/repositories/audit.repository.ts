import type { Db } from '../connection';

export async function lastAuditHash(db: Db): Promise<string | null> {
  const row = await db.selectFrom('audit_log').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
  return row?.hash ?? null;
}

export async function insertAuditRow(
  db: Db,
  row: { at: string; user_id: number | null; action: string; case_id: number | null; detail: string; prev_hash: string; hash: string },
): Promise<number> {
  const inserted = await db.insertInto('audit_log').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

export async function listAuditRows(db: Db, caseId?: number) {
  let q = db.selectFrom('audit_log').selectAll().orderBy('id');
  if (caseId !== undefined) q = q.where('case_id', '=', caseId);
  return q.execute();
}
