import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmdirSync, rmSync, writeFileSync, type WriteStream } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { listRetentionCandidates } from '../db/repositories/retention.repository';
import { findCustomersByPersonalDigits, subjectCaseDetail, subjectCaseList, subjectCases } from '../db/repositories/subject.repository';
import { pdfBody, subjectReportPdf, type SubjectPdfReport } from '../export/subject-pdf';
import { anchorQuietly } from './anchor.service';
import { appendAudit } from './audit.service';
import { now, type ServiceContext } from './context';
import { ServiceError } from './errors';
import { refusal } from '../../shared/domain/refusals';
import { displayFileName } from '../../shared/files/display-name';
import { maskPersonalNumber } from './personal-number';
import { anonymiseCases, readRetentionRules } from './retention.service';

/** Everything held on one person, as written to the JSON file and rendered into the PDF. */
export interface SubjectReport {
  generatedAt: string;
  customers: { name: string; personalNumber: string; email: string | null; phone: string | null; street: string | null; postalCode: string | null; city: string | null; country: string }[];
  cases: {
    number: string;
    market: string;
    language: string;
    receivedAt: string;
    receivedChannel: string;
    status: string;
    category: string;
    summary: string;
    merchant: string | null;
    anonymisedAt: string | null;
    purchases: { orderRef: string; purchasedOn: string; amountMinor: number; currency: string; product: string; status: string }[];
    claims: { kind: string; text: string; amountMinor: number | null; currency: string | null }[];
    events: { occurredAt: string; kind: string; source: string; direction: string; actor: string; summary: string; body: string }[];
    attachments: { fileName: string; sentAs?: string; mediaType: string; size: number; sha256: string; file: string }[];
    matters: { authority: string; reference: string; receivedDate: string; claim: string; status: string; outcome: string | null; decidedOn: string | null; recommendation: string | null }[];
  }[];
}

/** Digits of a Swedish (YYMMDD-NNNN, YYYYMMDD-NNNN) or Danish (DDMMYY-NNNN) personal number. */
export function personalNumberDigits(value: string): string {
  const trimmed = value.trim();
  if (!/^\d{6,8}[-+ ]?\d{4}$/.test(trimmed)) {
    throw new ServiceError(refusal('subject.badPersonalNumber', { masked: maskPersonalNumber(trimmed) }), `personalNumber: "${maskPersonalNumber(trimmed)}" is not a personal number like 19850312-2384 or 120385-1234`);
  }
  return trimmed.replace(/\D/g, '');
}

function requireOmbudsman(ctx: ServiceContext, what: string): void {
  if (ctx.user.role !== 'ombudsman') throw new ServiceError(refusal('role.ombudsmanOnly'), `Only the ombudsman may ${what}.`);
}

/** A file name on disk: the shown name (`displayFileName`) in a portable alphabet. */
function safeName(name: string): string {
  return displayFileName(name).replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 120) || 'file';
}

/** Writes a chunk to a stream, waiting when its buffer is full (so memory stays bounded). */
async function put(out: WriteStream, chunk: string | Buffer): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

/**
 * Writes everything held on one person into `outDir`: a readable PDF, the same data as JSON, and
 * the attachment files. Each case exported is an audit row.
 *
 * Memory stays bounded by one case: cases are read one at a time, their JSON streamed to the
 * file as they are read and their attachments written, while the PDF keeps only each body's
 * first PDF_BODY_LIMIT characters (with a note; the JSON has the whole text). Everything is written
 * into a temporary folder beside `outDir` and renamed to it at the end; on any failure the
 * temporary folder is removed, so a partial extract is never left behind. An existing `outDir`
 * must be empty.
 */
export async function exportSubject(ctx: ServiceContext, personalNumber: string, outDir: string, language?: 'sv' | 'da' | 'en') {
  requireOmbudsman(ctx, 'export a subject access report');
  const digits = personalNumberDigits(personalNumber);
  const target = resolve(outDir);
  if (existsSync(target) && readdirSync(target).length > 0) {
    throw new ServiceError(refusal('subject.folderNotEmpty', { folder: target }), `The folder ${target} is not empty; name a new or empty folder for the extract.`);
  }
  const at = now(ctx).toISOString();
  const customers = await findCustomersByPersonalDigits(ctx.store.db, digits);
  if (customers.length === 0) throw new ServiceError(refusal('subject.none', { masked: maskPersonalNumber(personalNumber) }), `No customer with the personal number ${maskPersonalNumber(personalNumber)} is held.`);
  const caseList = await subjectCaseList(ctx.store.db, customers.map((c) => c.id));

  mkdirSync(dirname(target), { recursive: true });
  const work = mkdtempSync(join(dirname(target), `.${basename(target)}.partial-`));
  const stamp = at.slice(0, 10);
  const pdfName = `subject-access-${stamp}.pdf`;
  const jsonName = `subject-access-${stamp}.json`;
  let attachmentCount = 0;
  try {
    mkdirSync(join(work, 'attachments'));
    const json = createWriteStream(join(work, jsonName));
    const failed = new Promise<never>((_, reject) => json.once('error', reject));
    failed.catch(() => undefined);
    const pdfReport: SubjectPdfReport = {
      generatedAt: at,
      customers: customers.map((c) => ({ name: c.name, personalNumber: c.personal_number, email: c.email, phone: c.phone, street: c.street, postalCode: c.postal_code, city: c.city, country: c.country })),
      cases: [],
    };
    await put(json, `{\n  "generatedAt": ${JSON.stringify(at)},\n  "customers": ${JSON.stringify(pdfReport.customers, null, 2).replace(/\n/g, '\n  ')},\n  "cases": [`);
    for (const [index, row] of caseList.entries()) {
      const c = await subjectCaseDetail(ctx.store.db, row);
      const attachments = c.attachments.map((a) => {
        const file = join('attachments', `${c.number}-${a.event_id}-${safeName(a.file_name)}`);
        writeFileSync(join(work, file), a.content);
        // The name as shown (no path parts, no bidi controls); the name as sent only when it differs.
        const shown = displayFileName(a.file_name);
        return { fileName: shown, ...(shown === a.file_name ? {} : { sentAs: a.file_name }), mediaType: a.media_type, size: a.size, sha256: a.sha256, file };
      });
      attachmentCount += attachments.length;
      const item: SubjectReport['cases'][number] = {
        number: c.number,
        market: c.market,
        language: c.language,
        receivedAt: c.received_at,
        receivedChannel: c.received_channel,
        status: c.status,
        category: c.category,
        summary: c.summary,
        merchant: c.merchant_name,
        anonymisedAt: c.anonymised_at,
        purchases: c.purchases.map((p) => ({ orderRef: p.order_ref, purchasedOn: p.purchased_on, amountMinor: p.amount_minor, currency: p.currency, product: p.product, status: p.status })),
        claims: c.claims.map((cl) => ({ kind: cl.kind, text: cl.text, amountMinor: cl.amount_minor, currency: cl.currency })),
        events: [],
        matters: c.matters.map((m) => ({
          authority: m.authority,
          reference: m.reference,
          receivedDate: m.received_date,
          claim: m.claim_text,
          status: m.status,
          outcome: m.outcome,
          decidedOn: m.decided_on,
          recommendation: m.recommendation,
        })),
        attachments,
      };
      // The case without its events, then the events one by one: no string holds a whole case.
      const head = JSON.stringify({ ...item, events: undefined, attachments: undefined }, null, 2).replace(/\n}$/, '');
      await put(json, `${index === 0 ? '' : ','}\n    ${head.replace(/\n/g, '\n    ')},\n      "events": [`);
      for (const [k, e] of c.events.entries()) {
        const event = { occurredAt: e.occurred_at, kind: e.kind, source: e.source, direction: e.direction, actor: e.actor, summary: e.summary, body: e.body };
        await put(json, `${k === 0 ? '' : ','}\n        ${JSON.stringify(event)}`);
      }
      await put(json, `\n      ],\n      "attachments": ${JSON.stringify(attachments)}\n    }`);
      pdfReport.cases.push({
        ...item,
        events: c.events.map((e) => ({ occurredAt: e.occurred_at, kind: e.kind, source: e.source, direction: e.direction, actor: e.actor, summary: e.summary, ...pdfBody(e.body) })),
      });
    }
    await put(json, `\n  ]\n}\n`);
    await Promise.race([new Promise<void>((ok) => json.end(ok)), failed]);
    const lang = language ?? ((caseList[0]?.language as 'sv' | 'da' | 'en' | undefined) ?? 'sv');
    writeFileSync(join(work, pdfName), await subjectReportPdf(pdfReport, lang));
    await ctx.store.db.transaction().execute(async (trx) => {
      for (const c of caseList) await appendAudit(trx, { at, userId: ctx.user.id, action: 'subject.export', caseId: c.id, detail: { customerId: c.customer_id } });
    });
    if (existsSync(target)) rmdirSync(target);
    renameSync(work, target);
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    throw error;
  }
  await anchorQuietly(ctx.store, 'export');
  return { pdfPath: join(target, pdfName), jsonPath: join(target, jsonName), cases: caseList.length, attachments: attachmentCount };
}

export interface ErasureOutcome {
  erased: string[];
  refused: { number: string; reason: string }[];
}

/**
 * Erasure on request: every case of the person is anonymised the same way retention does it,
 * except where a legal hold applies, which is refused with its reason: a case that is not
 * closed, or a case with an authority matter (ARN …) still within its retention period.
 */
export async function eraseSubject(ctx: ServiceContext, personalNumber: string, options: { dryRun: boolean }): Promise<ErasureOutcome> {
  requireOmbudsman(ctx, 'erase a customer’s data');
  const digits = personalNumberDigits(personalNumber);
  const customers = await findCustomersByPersonalDigits(ctx.store.db, digits);
  if (customers.length === 0) throw new ServiceError(refusal('subject.none', { masked: maskPersonalNumber(personalNumber) }), `No customer with the personal number ${maskPersonalNumber(personalNumber)} is held.`);
  const rules = await readRetentionRules(ctx.store.db);
  const cases = await subjectCases(ctx.store.db, customers.map((c) => c.id));
  const open = cases.filter((c) => c.anonymised_at === null);
  const candidates = new Map((await listRetentionCandidates(ctx.store.db, open.map((c) => c.id))).map((c) => [c.id, c]));
  const at = now(ctx);
  const outcome: ErasureOutcome = { erased: [], refused: [] };
  const toErase: { caseId: number; reason: string }[] = [];
  for (const c of open) {
    if (c.status !== 'closed') {
      outcome.refused.push({ number: c.number, reason: `the case is not closed (status ${c.status}); it is still being handled` });
      continue;
    }
    const cand = candidates.get(c.id);
    if (cand?.open_matters) {
      outcome.refused.push({ number: c.number, reason: `an authority matter is still open (${cand.open_matters}); its outcome must be recorded first` });
      continue;
    }
    if (cand?.last_authority_at) {
      const until = new Date(cand.last_authority_at);
      until.setUTCFullYear(until.getUTCFullYear() + rules.authorityMatterYears);
      if (until > at) {
        outcome.refused.push({
          number: c.number,
          reason: `an authority matter (ARN or similar, last correspondence ${cand.last_authority_at.slice(0, 10)}) is kept for ${rules.authorityMatterYears} years, until ${until.toISOString().slice(0, 10)}`,
        });
        continue;
      }
    }
    toErase.push({ caseId: c.id, reason: 'erasure_request' });
    outcome.erased.push(c.number);
  }
  if (!options.dryRun && toErase.length > 0) await anonymiseCases(ctx, toErase, at.toISOString());
  await ctx.store.db.transaction().execute(async (trx) => {
    await appendAudit(trx, {
      at: at.toISOString(),
      userId: ctx.user.id,
      action: 'subject.erase',
      caseId: null,
      detail: { dryRun: options.dryRun, customerIds: customers.map((c) => c.id), erased: outcome.erased, refused: outcome.refused },
    });
  });
  return outcome;
}
