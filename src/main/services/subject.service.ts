import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listRetentionCandidates } from '../db/repositories/retention.repository';
import { findCustomersByPersonalDigits, subjectCases } from '../db/repositories/subject.repository';
import { subjectReportPdf } from '../export/subject-pdf';
import { appendAudit } from './audit.service';
import { now, type ServiceContext } from './context';
import { ServiceError } from './errors';
import { refusal } from '../../shared/domain/refusals';
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
    attachments: { fileName: string; mediaType: string; size: number; sha256: string; file: string }[];
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

function safeName(name: string): string {
  return name.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 120) || 'file';
}

/**
 * Writes everything held on one person into `outDir`: a readable PDF, the same data as JSON, and
 * the attachment files. Each case exported is an audit row. Files are written beside and renamed.
 */
export async function exportSubject(ctx: ServiceContext, personalNumber: string, outDir: string, language?: 'sv' | 'da' | 'en') {
  requireOmbudsman(ctx, 'export a subject access report');
  const digits = personalNumberDigits(personalNumber);
  const at = now(ctx).toISOString();
  const { customers, cases } = await ctx.store.db.transaction().execute(async (trx) => {
    const customers = await findCustomersByPersonalDigits(trx, digits);
    const cases = await subjectCases(trx, customers.map((c) => c.id));
    for (const c of cases) {
      await appendAudit(trx, { at, userId: ctx.user.id, action: 'subject.export', caseId: c.id, detail: { customerId: c.customer_id } });
    }
    return { customers, cases };
  });
  if (customers.length === 0) throw new ServiceError(refusal('subject.none', { masked: maskPersonalNumber(personalNumber) }), `No customer with the personal number ${maskPersonalNumber(personalNumber)} is held.`);
  mkdirSync(join(outDir, 'attachments'), { recursive: true });
  const report: SubjectReport = {
    generatedAt: at,
    customers: customers.map((c) => ({ name: c.name, personalNumber: c.personal_number, email: c.email, phone: c.phone, street: c.street, postalCode: c.postal_code, city: c.city, country: c.country })),
    cases: cases.map((c) => ({
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
      events: c.events.map((e) => ({ occurredAt: e.occurred_at, kind: e.kind, source: e.source, direction: e.direction, actor: e.actor, summary: e.summary, body: e.body })),
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
      attachments: c.attachments.map((a) => {
        const file = join('attachments', `${c.number}-${a.event_id}-${safeName(a.file_name)}`);
        writeFileSync(join(outDir, file), a.content);
        return { fileName: a.file_name, mediaType: a.media_type, size: a.size, sha256: a.sha256, file };
      }),
    })),
  };
  const lang = language ?? ((cases[0]?.language as 'sv' | 'da' | 'en' | undefined) ?? 'sv');
  const stamp = at.slice(0, 10);
  const pdfPath = join(outDir, `subject-access-${stamp}.pdf`);
  const jsonPath = join(outDir, `subject-access-${stamp}.json`);
  const pdf = await subjectReportPdf(report, lang);
  writeFileSync(`${pdfPath}.partial`, pdf);
  renameSync(`${pdfPath}.partial`, pdfPath);
  writeFileSync(`${jsonPath}.partial`, `${JSON.stringify(report, null, 2)}\n`);
  renameSync(`${jsonPath}.partial`, jsonPath);
  return { pdfPath, jsonPath, cases: report.cases.length, attachments: report.cases.reduce((n, c) => n + c.attachments.length, 0) };
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
