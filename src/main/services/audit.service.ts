import { stringify } from 'csv-stringify/sync';
import type { AuditFilterInput } from '../../shared/domain/audit';
import type { ChannelOutput, ChannelParsedInput } from '../../shared/ipc/contract';
import type { Db } from '../db/connection';
import {
  auditRowsAfter,
  countAuditRows,
  findCaseIdByNumber,
  appendAuditRow,
  listAuditPage,
  type AuditFilter,
} from '../db/repositories/audit.repository';
import { anchorQuietly } from './anchor.service';
import { now, type ServiceContext } from './context';
import { notFound, ServiceError } from './errors';
import { refusal } from '../../shared/domain/refusals';

import { auditHash, GENESIS_HASH } from '../db/audit-chain';

export { auditHash, GENESIS_HASH };

export interface AuditEntry {
  at: string;
  userId: number | null;
  action: string;
  caseId: number | null;
  detail: Record<string, unknown>;
}

/**
 * Appends one audit row, chained to the last. Call inside the transaction that does the audited
 * work, so the work and its record are stored together or not at all.
 */
export async function appendAudit(db: Db, entry: AuditEntry): Promise<void> {
  // One statement reads the head and appends (see registerAuditFunctions): atomic under the write
  // lock whether or not the caller is in a transaction, in this process or any other.
  await appendAuditRow(db, { at: entry.at, user_id: entry.userId, action: entry.action, case_id: entry.caseId, detail: JSON.stringify(entry.detail) });
}

/** The outcome of walking the chain: intact, or the first row where it breaks and how. */
export type AuditVerification =
  | { intact: true; rows: number; lastHash: string }
  | { intact: false; rows: number; brokenAt: number; problem: 'prev_hash' | 'hash'; expected: string; found: string; message: string };

/**
 * Walks the whole log in id order and recomputes every link. A row whose `prev_hash` is not the
 * hash of the row before means a row was removed, inserted or re-hashed; a row whose own hash no
 * longer matches its content means its time, user, action, case or detail was edited.
 */
export async function verifyAuditChain(db: Db, batch = 5000, visit?: (index: number, id: number, hash: string) => void): Promise<AuditVerification> {
  let prev = GENESIS_HASH;
  let prevId: number | null = null;
  let rows = 0;
  let afterId = 0;
  for (;;) {
    const page = await auditRowsAfter(db, afterId, batch);
    if (page.length === 0) return { intact: true, rows, lastHash: prev };
    for (const row of page) {
      if (row.prev_hash !== prev) {
        const before = prevId === null ? 'the chain start (genesis)' : `row ${prevId}`;
        return {
          intact: false,
          rows,
          brokenAt: row.id,
          problem: 'prev_hash',
          expected: prev,
          found: row.prev_hash,
          message: `Audit row ${row.id} (${row.action}, ${row.at}) does not link to ${before}: its prev_hash is ${row.prev_hash}, but ${before} hashes to ${prev}. A row was removed, inserted or re-hashed here.`,
        };
      }
      const computed = auditHash(prev, { at: row.at, userId: row.user_id, action: row.action, caseId: row.case_id, detail: row.detail });
      if (computed !== row.hash) {
        return {
          intact: false,
          rows,
          brokenAt: row.id,
          problem: 'hash',
          expected: computed,
          found: row.hash,
          message: `Audit row ${row.id} (${row.action}, ${row.at}) was changed after it was written: its content (at, user, action, case, detail) hashes to ${computed}, but the row says ${row.hash}.`,
        };
      }
      prev = row.hash;
      prevId = row.id;
      rows += 1;
      visit?.(rows, row.id, row.hash);
    }
    afterId = page[page.length - 1]!.id;
  }
}

function requireAuditReader(ctx: ServiceContext): void {
  if (ctx.user.role !== 'auditor' && ctx.user.role !== 'ombudsman') {
    throw new ServiceError(refusal('role.auditorOrOmbudsman'), 'Only an auditor or the ombudsman may read the audit log.');
  }
}

/** UTC instant of midnight starting `date` in Stockholm (CET/CEST). */
export function stockholmMidnight(date: string): string {
  const guess = new Date(`${date}T00:00:00Z`);
  const offset = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Stockholm', timeZoneName: 'longOffset' })
    .formatToParts(guess)
    .find((p) => p.type === 'timeZoneName')!.value;
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(offset);
  const minutes = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  return new Date(guess.getTime() - minutes * 60_000).toISOString();
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

async function resolveFilter(db: Db, input: AuditFilterInput): Promise<AuditFilter> {
  const filter: AuditFilter = {};
  if (input.caseNumber !== undefined) {
    const id = await findCaseIdByNumber(db, input.caseNumber);
    if (id === undefined) throw notFound(`Case ${input.caseNumber}`);
    filter.caseId = id;
  }
  if (input.userId !== undefined) filter.userId = input.userId;
  if (input.from !== undefined) filter.fromAt = stockholmMidnight(input.from);
  if (input.to !== undefined) filter.toAt = stockholmMidnight(nextDay(input.to));
  return filter;
}

function toAuditRow(r: Awaited<ReturnType<typeof listAuditPage>>[number]) {
  return {
    id: r.id,
    at: r.at,
    userId: r.user_id,
    userName: r.user_name,
    action: r.action,
    caseId: r.case_id,
    caseNumber: r.case_number,
    detail: JSON.parse(r.detail) as Record<string, unknown>,
    hash: r.hash,
  };
}

/** One page of the audit log, newest first, for an auditor or the ombudsman. */
export async function listAudit(ctx: ServiceContext, input: ChannelParsedInput<'audit:list'>): Promise<ChannelOutput<'audit:list'>> {
  requireAuditReader(ctx);
  const { offset, limit, ...filterInput } = input;
  const filter = await resolveFilter(ctx.store.db, filterInput);
  const [rows, total] = await Promise.all([listAuditPage(ctx.store.db, filter, offset, limit), countAuditRows(ctx.store.db, filter)]);
  return { rows: rows.map(toAuditRow), total };
}

/** Rows per export; a larger selection is refused with the count, so the auditor narrows it. */
export const AUDIT_EXPORT_MAX = 200_000;

/**
 * The filtered log as CSV (RFC 4180, UTF-8 with a BOM so spreadsheet programs read å/ä/ö), oldest
 * first, with both hashes so the export can be checked against the chain. The export itself is
 * audited, in the same transaction that reads the rows.
 */
export async function exportAudit(ctx: ServiceContext, input: ChannelParsedInput<'audit:export'>): Promise<ChannelOutput<'audit:export'>> {
  requireAuditReader(ctx);
  const exported = await ctx.store.db.transaction().execute(async (trx) => {
    const filter = await resolveFilter(trx, input);
    const total = await countAuditRows(trx, filter);
    if (total > AUDIT_EXPORT_MAX) {
      throw new ServiceError(refusal('audit.tooMany', { count: total, max: AUDIT_EXPORT_MAX }), `audit:export: the filter selects ${total} rows; at most ${AUDIT_EXPORT_MAX} per export. Narrow the period.`);
    }
    const rows = (await listAuditPage(trx, filter, 0, Math.max(total, 1))).reverse();
    const at = now(ctx).toISOString();
    const csv = stringify(
      rows.map((r) => [r.id, r.at, r.user_id ?? '', r.user_name ?? '', r.action, r.case_number ?? '', r.detail, r.hash]),
      { header: true, columns: ['id', 'at', 'user_id', 'user', 'action', 'case', 'detail', 'hash'] },
    );
    await appendAudit(trx, {
      at,
      userId: ctx.user.id,
      action: 'audit.export',
      caseId: filter.caseId ?? null,
      detail: { filter: input, rows: rows.length },
    });
    const stamp = at.slice(0, 10);
    const scope = input.caseNumber ?? (input.from || input.to ? `${input.from ?? 'start'}_${input.to ?? stamp}` : 'all');
    return { fileName: `audit-${scope}-${stamp}.csv`, csv: `\uFEFF${csv}`, rows: rows.length };
  });
  await anchorQuietly(ctx.store, 'export');
  return exported;
}
