import { displayFileName } from '../../shared/files/display-name';
import { resolve } from 'node:path';
import { EXHIBIT_WORD, numberedExhibits } from '../../shared/domain/arn-response';
import { MARKET_INFO, type Language } from '../../shared/domain/market';
import type { DocNode } from '../../shared/editor/document';
import { redactedTexts } from '../../shared/editor/walk';
import { fitDecisionToFrame } from '../../shared/letter/decision-frame';
import { findAttachment } from '../db/repositories/attachment.repository';
import { findResponseByMatter } from '../db/repositories/arn-response.repository';
import { renderLetterDocx } from '../export/docx';
import { buildArnPackage, renderEventExhibit, type Exhibit } from '../export/package';
import { renderLetterPdf } from '../export/pdf';
import { renderInWorker } from '../export/render-in-worker';
import { responseForExport } from './arn-response.service';
import { type ServiceContext } from './context';
import { notFound, ServiceError } from './errors';
import { refusal } from '../../shared/domain/refusals';
import { recordExport, sha256, writeFileAtomic } from './export.service';
import { buildCaseLetter, sourceLabel } from './letter.service';
import { caseMatters } from './matter.service';
import { dayInZone } from './calendar/business-days';

/**
 * ARN response exports: the finalised response with its exhibits as one PDF package (response,
 * exhibit index, "Bilaga N: title" separators, exhibits in number order), or the response alone
 * as DOCX. Both come from the same letter model, with every redaction already removed.
 */

export type ResponseFormat = 'package' | 'docx';

const REDACTED: Record<Language, string> = { sv: '[maskerat]', da: '[skjult]', en: '[redacted]' };

/**
 * What the response redacts, as the strings to hide everywhere else in the package: text carrying
 * the redaction mark and the values of redacted merge fields (the customer's name also word by word,
 * so "Åsa" alone in a chat transcript is hidden too).
 */
export function redactionSecrets(content: DocNode, fields: readonly string[], values: Readonly<Record<string, string>>): string[] {
  const out = new Set<string>(redactedTexts(content).filter((t) => t.length >= 3));
  for (const field of fields) {
    const value = values[field]?.trim();
    if (!value || value.length < 3) continue;
    out.add(value);
    if (field === 'customer.name') for (const part of value.split(/\s+/)) if (part.length >= 3) out.add(part);
  }
  // Longest first, so a full name is replaced before its parts.
  return [...out].sort((a, b) => b.length - a.length);
}

const SUBJECT: Record<Language, (ref: string) => string> = {
  sv: (ref) => `Yttrande i ärende ${ref}`,
  da: (ref) => `Svar i sag ${ref}`,
  en: (ref) => `Response in case ${ref}`,
};
const CASE_WORD: Record<Language, string> = { sv: 'ärende', da: 'sag', en: 'case' };

export interface BuiltExport {
  bytes: Uint8Array;
  fileName: string;
  mediaType: string;
  pages: number | null;
  warnings: string[];
  caseId: number;
}

/**
 * Renders a finalised response; refuses a draft (what ARN receives is what was approved and frozen).
 * `worker`: render in the export worker, so the process that answers the window stays free while
 * a package with dozens of exhibits is built (the app); the CLI renders in its own process.
 */
export async function buildResponseExport(ctx: ServiceContext, id: number, format: ResponseFormat, render: 'inline' | 'worker' = 'inline'): Promise<BuiltExport> {
  if (ctx.user.role === 'auditor') throw new ServiceError(refusal('role.auditorReadOnly'), 'An auditor may read ARN responses but not export them.');
  const { row, src, rendered } = await responseForExport(ctx, id);
  if (row.status !== 'finalised') throw new ServiceError(refusal('response.notFinalised', { responseStatus: row.status }), `ARN response ${row.id} is ${row.status}; finalise it before exporting it for ${src.matter.authority}.`);
  const language = src.language;
  // The response's title ("Yttrande till Allmänna reklamationsnämnden") becomes the subject with
  // ARN's reference, so the letter does not print two headings one under the other.
  const fitted = fitDecisionToFrame(rendered.doc, rendered.values);
  const letter = await buildCaseLetter(ctx, {
    caseId: row.case_id,
    content: fitted.content,
    language,
    subject: fitted.title ? `${fitted.title}, ${CASE_WORD[language]} ${src.matter.reference}` : SUBJECT[language](src.matter.reference),
    draft: false,
    date: src.date,
    fields: rendered.values,
    redaction: rendered.redaction,
    addressee: [src.matter.authorityName],
    signerUserId: row.finalised_by ?? undefined,
    citations: 'facts',
  });
  const base = `${src.matter.authority}-${src.matter.reference}`.replace(/[^\p{L}\p{N}._-]+/gu, '-');
  if (format === 'docx') {
    const bytes = render === 'worker' ? await workerBytes(letter, 'docx') : await renderLetterDocx(letter);
    return { bytes, fileName: `${base}-yttrande.docx`, mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', pages: null, warnings: [], caseId: row.case_id };
  }
  const tz = MARKET_INFO[src.view.header.market].timeZone;
  const events = new Map(src.view.events.map((e) => [e.id, e]));
  // Redaction covers the whole package: what the response hides never shows in an exhibit either.
  const secrets = redactionSecrets(src.content, rendered.redaction.fields, rendered.values);
  const hide = (text: string) => secrets.reduce((t, s) => t.split(s).join(REDACTED[language]), text);
  const exhibits: Exhibit[] = [];
  const cautions: string[] = [];
  for (const { number, exhibit } of numberedExhibits(src.panel)) {
    if (exhibit.source === 'attachment') {
      const a = await findAttachment(ctx.store.db, exhibit.id);
      if (!a) throw notFound(`${EXHIBIT_WORD[language]} ${number}: attachment ${exhibit.id}`);
      if (secrets.length > 0) {
        // A PDF or an image cannot be searched and blanked here: the user is told which one to check.
        cautions.push(`${EXHIBIT_WORD[language]} ${number} (${exhibit.title}, ${a.file_name ?? a.id}) cannot be redacted automatically; check that it holds none of the redacted data before sending.`);
      }
      exhibits.push({ title: exhibit.title, fileName: displayFileName(a.file_name, `bilaga-${a.id}`), mediaType: a.media_type, bytes: new Uint8Array(a.content) });
    } else {
      const e = events.get(exhibit.id);
      if (!e) throw notFound(`${EXHIBIT_WORD[language]} ${number}: event ${exhibit.id}`);
      exhibits.push({
        title: exhibit.title,
        fileName: `${base}-${EXHIBIT_WORD[language].toLowerCase()}-${number}.pdf`,
        mediaType: 'application/pdf',
        bytes: await renderEventExhibit({ date: dayInZone(e.occurredAt, tz), source: sourceLabel(e.source, language), actor: hide(e.actor), summary: hide(e.summary), body: hide(e.body) }, language),
      });
    }
  }
  const response = render === 'worker' ? await workerBytes(letter, 'pdf') : await renderLetterPdf(letter);
  let pkg;
  try {
    pkg = render === 'worker' ? await workerPackage(response, exhibits, language) : await buildArnPackage({ response, exhibits, language });
  } catch (error) {
    // A refused exhibit (fonts not embedded) is the user's to fix: say which, not "internal".
    if (error instanceof Error && (error.name === 'PackageRefusal' || /not embedded|ikke er indlejret|inte är inbäddade/.test(error.message))) throw new ServiceError(refusal('export.exhibitRefused', { detail: error.message }), error.message);
    throw error;
  }
  return { bytes: pkg.pdf, fileName: `${base}.pdf`, mediaType: 'application/pdf', pages: pkg.pages, warnings: [...cautions, ...pkg.warnings], caseId: row.case_id };
}

async function workerBytes(letter: Parameters<typeof renderLetterPdf>[0], format: 'pdf' | 'docx'): Promise<Uint8Array> {
  const output = await renderInWorker({ kind: 'letter', letter, format });
  if (output.kind !== 'letter') throw new Error('The export worker returned a package for a letter.');
  return output.bytes;
}

async function workerPackage(response: Uint8Array, exhibits: Exhibit[], language: Language) {
  const output = await renderInWorker({ kind: 'arn_package', response, exhibits, language });
  if (output.kind !== 'arn_package') throw new Error('The export worker returned a letter for a package.');
  return output.result;
}

/** The app's export: the file's bytes for the window to save, booked in the history and the audit log. */
export async function exportResponse(ctx: ServiceContext, input: { id: number; format: ResponseFormat }) {
  const built = await buildResponseExport(ctx, input.id, input.format, 'worker');
  const hash = sha256(built.bytes);
  const { exportId } = await recordExport(ctx, { caseId: built.caseId, kind: 'arn_response', format: input.format === 'package' ? 'arn_package' : 'docx', sha256: hash, path: built.fileName });
  return {
    fileName: built.fileName,
    mediaType: built.mediaType,
    base64: Buffer.from(built.bytes).toString('base64'),
    sha256: hash,
    bytes: built.bytes.length,
    pages: built.pages,
    warnings: built.warnings,
    exportId,
  };
}

/**
 * `ombud export arn CASE --out PATH`: the case's finalised response (the one of `matterId`, or the
 * only finalised one) written atomically to `out` and booked.
 */
export async function exportArnForCase(ctx: ServiceContext, input: { caseId: number; matterId?: number; format: ResponseFormat; out: string }) {
  const { rows } = await caseMatters(ctx, input.caseId);
  const candidates = input.matterId === undefined ? rows : rows.filter((m) => m.id === input.matterId);
  if (input.matterId !== undefined && candidates.length === 0) throw new ServiceError(refusal('matter.notOfCase'), `--matter: matter ${input.matterId} is not a matter of this case`);
  const withResponse = [];
  for (const m of candidates) {
    const r = await findResponseByMatter(ctx.store.db, m.id);
    if (r?.status === 'finalised') withResponse.push({ matter: m, responseId: r.id });
  }
  if (withResponse.length === 0) throw new ServiceError(refusal('response.noneFinalised'), input.matterId === undefined ? 'The case has no finalised ARN response.' : `Matter ${input.matterId} has no finalised response.`);
  if (withResponse.length > 1) {
    throw new ServiceError(refusal('response.chooseMatter', { count: withResponse.length }), `The case has ${withResponse.length} finalised responses; choose one with --matter (${withResponse.map((w) => `${w.matter.id} = ${w.matter.authority} ${w.matter.reference}`).join(', ')}).`);
  }
  const { matter, responseId } = withResponse[0]!;
  const built = await buildResponseExport(ctx, responseId, input.format);
  const path = resolve(input.out);
  writeFileAtomic(path, built.bytes);
  const hash = sha256(built.bytes);
  const { exportId } = await recordExport(ctx, { caseId: built.caseId, kind: 'arn_response', format: input.format === 'package' ? 'arn_package' : 'docx', sha256: hash, path });
  return { path, sha256: hash, bytes: built.bytes.length, pages: built.pages, warnings: built.warnings, exportId, matterId: matter.id, responseId };
}
