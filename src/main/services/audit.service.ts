import { createHash } from 'node:crypto';
import type { Db } from '../db/connection';
import { insertAuditRow, lastAuditHash } from '../db/repositories/audit.repository';

/** The hash the first row of every store's chain points back to. */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  at: string;
  userId: number | null;
  action: string;
  caseId: number | null;
  detail: Record<string, unknown>;
}

/** Each row's hash covers the previous row's hash and its own content, so an edit breaks the chain. */
export function auditHash(prevHash: string, entry: { at: string; userId: number | null; action: string; caseId: number | null; detail: string }): string {
  return createHash('sha256').update(JSON.stringify([prevHash, entry.at, entry.userId, entry.action, entry.caseId, entry.detail])).digest('hex');
}

/**
 * Appends one audit row, chained to the last. Call inside the transaction that does the audited
 * work, so the work and its record are stored together or not at all.
 */
export async function appendAudit(db: Db, entry: AuditEntry): Promise<void> {
  const prev = (await lastAuditHash(db)) ?? GENESIS_HASH;
  const detail = JSON.stringify(entry.detail);
  await insertAuditRow(db, {
    at: entry.at,
    user_id: entry.userId,
    action: entry.action,
    case_id: entry.caseId,
    detail,
    prev_hash: prev,
    hash: auditHash(prev, { ...entry, detail }),
  });
}
