import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { z } from 'zod';
import { SEND_CHANNELS, type ExportFormat } from '../../shared/domain/export';
import { MARKET_INFO, type Market } from '../../shared/domain/market';
import { fitDecisionToFrame } from '../../shared/letter/decision-frame';
import type { LetterDocument } from '../../shared/letter/frame';
import { findCaseById } from '../db/repositories/case.repository';
import { appendEvent, listCaseEvents } from '../db/repositories/history.repository';
import { renderLetterDocx } from '../export/docx';
import { renderLetterPdf } from '../export/pdf';
import { appendAudit } from './audit.service';
import { refreshDerived } from './case-work.service';
import { now, type ServiceContext } from './context';
import { inputRefusal, notFound, ServiceError } from './errors';
import { refusal } from '../../shared/domain/refusals';
import { buildCaseLetter, type CitedRecord, type LetterRequest } from './letter.service';
import { decisionsForCase, getDecision } from './decision.service';
import { getCase } from './case.service';
import { dayInZone, marketDay } from './calendar/business-days';
import { calendarDateSchema } from '../../shared/domain/dates';
import { anchorQuietly } from './anchor.service';

export { EXPORT_FORMATS, SEND_CHANNELS, type ExportFormat } from '../../shared/domain/export';

/** What was exported: a decision letter, an ARN response, a free letter (holding reply, information request). */
export const exportKindSchema = z.enum(['letter', 'decision', 'arn_response', 'holding_reply']);
export type ExportKind = z.infer<typeof exportKindSchema>;

export interface ExportRecord {
  caseId: number;
  kind: ExportKind;
  format: ExportFormat | 'arn_package';
  sha256: string;
  path: string;
  draft?: boolean;
  /** The exact events the letter cites (its readable references name them only in words). */
  cited?: readonly CitedRecord[];
}

function requireWriter(ctx: ServiceContext, what: string): void {
  if (ctx.user.role === 'auditor') throw new ServiceError(refusal('role.auditorReadOnly'), `An auditor may read but not ${what}.`);
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Books an export: a `letter_exported` history event and an audit row carrying the file's SHA-256.
 * Returns the event id, which `markSent` takes as the export's id.
 */
export async function recordExport(ctx: ServiceContext, input: ExportRecord): Promise<{ exportId: number }> {
  requireWriter(ctx, 'export letters');
  if (!/^[0-9a-f]{64}$/.test(input.sha256)) throw new ServiceError(refusal('export.badHash'), 'recordExport: sha256: must be 64 lowercase hex digits');
  const booked = await ctx.store.db.transaction().execute(async (trx) => {
    const row = await findCaseById(trx, input.caseId);
    if (!row) throw notFound(`Case ${input.caseId}`);
    const at = now(ctx).toISOString();
    const draft = input.draft ?? false;
    const exportId = await appendEvent(trx, {
      case_id: input.caseId,
      occurred_at: at,
      kind: 'letter_exported',
      source: 'document',
      direction: 'internal',
      actor: ctx.user.name,
      actor_user_id: ctx.user.id,
      summary: `${input.kind} ${input.format.toUpperCase()}${draft ? ' (draft)' : ''}: ${basename(input.path)}`,
      body: '',
      data: JSON.stringify({ letter: input.kind, format: input.format, sha256: input.sha256, fileName: basename(input.path), draft, cited: input.cited ?? [] }),
    });
    await appendAudit(trx, {
      at,
      userId: ctx.user.id,
      action: 'letter.export',
      caseId: input.caseId,
      detail: { exportId, kind: input.kind, format: input.format, sha256: input.sha256, path: input.path, draft, citedEventIds: (input.cited ?? []).map((c) => c.eventId) },
    });
    return { exportId };
  });
  // Each export anchors the audit chain outside the store (anchor.service.ts).
  await anchorQuietly(ctx.store, 'export');
  return booked;
}

export const markSentSchema = z.object({
  caseId: z.number().int().positive(),
  exportId: z.number().int().positive(),
  date: calendarDateSchema,
  channel: z.enum(SEND_CHANNELS),
});

/**
 * Records that an exported letter left the company: a `letter_sent` event dated on the day it was
 * sent (noon in the market, so the market day is that date). Its `data.letter` is the export's kind,
 * which is what the deadline clocks read (a holding reply extends PSD2's answer time).
 */
export async function markSent(ctx: ServiceContext, raw: z.input<typeof markSentSchema>): Promise<{ eventId: number }> {
  requireWriter(ctx, 'mark letters as sent');
  const parsed = markSentSchema.safeParse(raw);
  if (!parsed.success) throw new ServiceError(inputRefusal(parsed.error), `markSent: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const input = parsed.data;
  return ctx.store.db.transaction().execute(async (trx) => {
    const row = await findCaseById(trx, input.caseId);
    if (!row) throw notFound(`Case ${input.caseId}`);
    const today = dayInZone(now(ctx), MARKET_INFO[row.market as Market].timeZone);
    if (input.date > today) throw new ServiceError(refusal('letter.sentInFuture', { date: input.date }), `markSent: date: ${input.date} lies in the future`);
    const { events } = await listCaseEvents(trx, input.caseId);
    const exported = events.find((e) => e.id === input.exportId && e.kind === 'letter_exported');
    if (!exported) throw new ServiceError(refusal('letter.exportUnknown'), `markSent: exportId: ${input.exportId} is not an export of case ${row.number}`);
    const data = JSON.parse(exported.data) as { letter: string; sha256: string; draft?: boolean; fileName?: string };
    if (data.draft) throw new ServiceError(refusal('letter.draftNotSendable'), `markSent: exportId: ${input.exportId} is a draft; export the final letter before sending it`);
    if (events.some((e) => e.kind === 'letter_sent' && (JSON.parse(e.data) as { exportId?: number }).exportId === input.exportId)) {
      throw new ServiceError(refusal('letter.alreadySent'), `markSent: exportId: ${input.exportId} is already marked as sent`);
    }
    const at = now(ctx).toISOString();
    const occurredAt = input.date === today ? at : `${input.date}T11:00:00.000Z`;
    const eventId = await appendEvent(trx, {
      case_id: input.caseId,
      occurred_at: occurredAt,
      kind: 'letter_sent',
      source: 'mail',
      direction: 'outbound',
      actor: ctx.user.name,
      actor_user_id: ctx.user.id,
      summary: `${data.letter} sent by ${input.channel}${data.fileName ? `: ${data.fileName}` : ''}`,
      body: '',
      data: JSON.stringify({ letter: data.letter, exportId: input.exportId, channel: input.channel, sentOn: input.date, sha256: data.sha256 }),
    });
    await refreshDerived(trx, input.caseId, row.market as Market, row.received_date);
    await appendAudit(trx, { at, userId: ctx.user.id, action: 'letter.sent', caseId: input.caseId, detail: { exportId: input.exportId, eventId, channel: input.channel, date: input.date, sha256: data.sha256 } });
    return { eventId };
  });
}

export async function renderLetter(letter: LetterDocument, format: ExportFormat): Promise<Uint8Array> {
  return format === 'pdf' ? renderLetterPdf(letter) : renderLetterDocx(letter);
}

/** Renders a letter model to bytes; in process by default, in a worker thread for the app's export jobs. */
export type LetterRenderer = (letter: LetterDocument, format: ExportFormat) => Promise<Uint8Array>;

/** Writes next to the target and renames, so a crash never leaves half a letter under the real name. */
export function writeFileAtomic(path: string, bytes: Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.partial`;
  try {
    writeFileSync(tmp, bytes);
    renameSync(tmp, path);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}

/**
 * The whole pipeline for one letter: build the model, render, write the file, book the export.
 * `ombud export decision` and the app's save-as call this with their own request.
 */
export async function exportLetter(
  ctx: ServiceContext,
  request: LetterRequest,
  options: { format: ExportFormat; out: string; kind?: ExportKind; render?: LetterRenderer },
): Promise<{ path: string; sha256: string; bytes: number; exportId: number; letter: LetterDocument }> {
  requireWriter(ctx, 'export letters');
  const letter = await buildCaseLetter(ctx, request);
  const bytes = await (options.render ?? renderLetter)(letter, options.format);
  const path = resolve(options.out);
  writeFileAtomic(path, bytes);
  const hash = sha256(bytes);
  let exportId: number;
  try {
    ({ exportId } = await recordExport(ctx, { caseId: request.caseId, kind: options.kind ?? 'letter', format: options.format, sha256: hash, path, draft: request.draft, cited: letter.cited }));
  } catch (error) {
    // An export that is not booked must not lie around looking like one that was.
    rmSync(path, { force: true });
    throw error;
  }
  return { path, sha256: hash, bytes: bytes.length, exportId, letter };
}

/** The decision an export takes: the latest issued one, or with `draft` the current draft. Refuses a case without one. */
export async function decisionToExport(ctx: ServiceContext, caseId: number, draft: boolean): Promise<number> {
  const { decisions, current } = await decisionsForCase(ctx, caseId);
  const issued = [...decisions].reverse().find((d) => d.status === 'issued');
  const wanted = draft ? (current && current.status !== 'issued' ? current.id : null) : (issued?.id ?? null);
  if (wanted === null) {
    throw new ServiceError(draft ? refusal('letter.noDraft') : refusal('letter.noIssued'), draft ? 'The case has no decision draft.' : 'The case has no issued decision; export the draft instead.');
  }
  return wanted;
}

const DECISION_SUBJECT: Record<'sv' | 'da' | 'en', (n: string) => string> = {
  sv: (n) => `Kundombudets beslut i ärende ${n}`,
  da: (n) => `Den uafhængige kunderepræsentants afgørelse i sag ${n}`,
  en: (n) => `The customer ombudsman's decision in case ${n}`,
};

/**
 * The letter request of a case's decision: the issued one (signed by its issuer, dated the day it
 * was issued), or the current draft marked as a draft. The PDF/DOCX export and the mail build on it.
 */
export async function decisionLetterRequest(ctx: ServiceContext, caseId: number, draft: boolean): Promise<{ request: LetterRequest; decisionId: number; draft: boolean }> {
  const decision = await getDecision(ctx, await decisionToExport(ctx, caseId, draft));
  const isDraft = decision.status !== 'issued';
  const number = (await getCase(ctx, caseId)).header.number;
  // The frame prints the case number, date, addressee and subject: the template's own opening would repeat them.
  const fitted = fitDecisionToFrame(decision.content);
  return {
    decisionId: decision.id,
    draft: isDraft,
    request: {
      caseId,
      content: fitted.content,
      language: decision.language,
      subject: fitted.title ?? DECISION_SUBJECT[decision.language](number),
      signsItself: fitted.signsItself,
      draft: isDraft,
      date: decision.issued ? marketDay(decision.issued.at, decision.market) : undefined,
      fields: decision.mergeValues,
      signerUserId: decision.issued?.by.id,
    },
  };
}

/**
 * Exports a case's decision letter: the issued one, or the current draft marked as a draft on
 * every page. Refuses a case without one.
 */
export async function exportDecision(
  ctx: ServiceContext,
  input: { caseId: number; format: ExportFormat; out: string; draft?: boolean; render?: LetterRenderer },
): Promise<{ path: string; sha256: string; bytes: number; exportId: number; decisionId: number; draft: boolean }> {
  requireWriter(ctx, 'export letters');
  const { request, decisionId, draft } = await decisionLetterRequest(ctx, input.caseId, input.draft ?? false);
  const result = await exportLetter(ctx, request, { format: input.format, out: input.out, kind: 'decision', render: input.render });
  return { path: result.path, sha256: result.sha256, bytes: result.bytes, exportId: result.exportId, decisionId, draft };
}
