import { createHash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';

/** The hash the first row of every store's chain points back to. */
export const GENESIS_HASH = '0'.repeat(64);

/** Each row's hash covers the previous row's hash and its own content, so an edit breaks the chain. */
export function auditHash(prevHash: string, entry: { at: string; userId: number | null; action: string; caseId: number | null; detail: string }): string {
  return createHash('sha256').update(JSON.stringify([prevHash, entry.at, entry.userId, entry.action, entry.caseId, entry.detail])).digest('hex');
}

/**
 * Registers `ombud_audit_hash(prev, at, user_id, action, case_id, detail)` on a connection, so an
 * audit row is appended by one INSERT … SELECT that reads the chain's head and writes the row in
 * one statement, under SQLite's write lock: two writers in any number of processes can never both
 * append after the same head. Every connection that may write the store registers it.
 */
export function registerAuditFunctions(sqlite: BetterSqlite3.Database): void {
  sqlite.function('ombud_audit_hash', { deterministic: true, varargs: false }, (prev, at, userId, action, caseId, detail) =>
    auditHash(String(prev), {
      at: String(at),
      userId: userId === null ? null : Number(userId),
      action: String(action),
      caseId: caseId === null ? null : Number(caseId),
      detail: String(detail),
    }),
  );
}
