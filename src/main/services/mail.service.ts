import { basename } from 'node:path';
import { z } from 'zod';
import { mailOfficesSchema, type MailOffices } from '../../shared/domain/mail';
import { MARKET_INFO, type Language, type Market } from '../../shared/domain/market';
import type { ChannelOutput, ChannelParsedInput } from '../../shared/ipc/contract';
import type { Db } from '../db/connection';
import { findCaseById } from '../db/repositories/case.repository';
import { appendEvent } from '../db/repositories/history.repository';
import { attachToEvent, recordOutboundMessageId } from '../db/repositories/outbound-mail.repository';
import { readSetting, writeSetting } from '../db/repositories/settings.repository';
import { renderInWorker } from '../export/render-in-worker';
import { composeMail, newMessageId, type MailFile } from '../mail/compose';
import { SmtpError, sendRaw, smtpSettingsSchema, type SmtpSettings } from '../mail/smtp';
import { defaultMailTemplate, mailBody, mailSubject, mailTemplatesSettingSchema, type MailLetter, type MailTemplate } from '../mail/templates';
import { appendAudit } from './audit.service';
import { dayInZone } from './calendar/business-days';
import { refreshDerived } from './case-work.service';
import { getCase } from './case.service';
import { now, type ServiceContext } from './context';
import { notFound, ServiceError } from './errors';
import { refusal } from '../../shared/domain/refusals';
import { exportsFolder, freePath, runExportJob } from './export-job.service';
import { decisionLetterRequest, renderLetter, sha256, writeFileAtomic, type LetterRenderer } from './export.service';
import { buildCaseLetter, type LetterRequest } from './letter.service';

/**
 * Letters out as mail: the RFC 5322 message (nodemailer's MailComposer) a mail program opens as
 * a draft, or sends through the office's SMTP server; whatever leaves is filed in the case with
 * the exact bytes, their SHA-256 and the Message-ID a reply will name.
 */

export const MAIL_OFFICES_SETTING = 'mail.offices';
export const MAIL_TEMPLATES_SETTING = 'mail.templates';
export const MAIL_SMTP_SETTING = 'mail.smtp';
export const MAIL_ATTACH_DOCX_SETTING = 'mail.attachDocx';
export const MAIL_MAX_ATTACHMENT_SETTING = 'mail.maxAttachmentBytes';
/** The SMTP password for `ombud serve`, the team server and the CLI; the desktop app keeps it in the OS keychain. */
export const SMTP_PASSWORD_ENV = 'OMBUD_SMTP_PASSWORD';


/** The demo company's ombudsman offices (their addresses are on the letterheads too). */
export const DEFAULT_OFFICES: MailOffices = {
  SE: { name: 'Nordkredit Kundombudsmannen', address: 'kundombudsman@nordkredit.se' },
  DK: { name: 'Nordkredit Kundeombudsmanden', address: 'kundeombudsmand@nordkredit.dk' },
};
/** Mail servers commonly refuse messages over 10-25 MB; base64 adds a third. */
export const DEFAULT_MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/**
 * What the desktop app adds: opening a draft in the system's mail program (`shell.openPath`) and
 * the SMTP password kept with Electron's `safeStorage`. The harness, server and CLI leave it empty.
 */
export interface MailShell {
  openDraft?: (path: string) => Promise<void>;
  readPassword?: () => string | null;
  savePassword?: (password: string | null) => void;
}
let mailShell: MailShell = {};
export function configureMailShell(next: MailShell): void {
  mailShell = next;
}

/** A refusal the interface words in its language: `details.mail` names it (`send.error.*`), the message says it in English. */
function mailRefusal(code: 'invalid_input' | 'conflict' | 'unavailable', reason: string, message: string, params: Record<string, string | number> = {}): ServiceError {
  return new ServiceError(code, message, { mail: reason, ...params });
}

function requireWriter(ctx: ServiceContext): void {
  if (ctx.user.role === 'auditor') throw new ServiceError(refusal('role.auditorReadOnly'), 'An auditor may read but not send letters.');
}

function smtpPassword(): string | null {
  return mailShell.readPassword?.() ?? process.env[SMTP_PASSWORD_ENV] ?? null;
}

export interface MailConfig {
  offices: MailOffices;
  templates: z.infer<typeof mailTemplatesSettingSchema>;
  smtp: SmtpSettings | null;
  attachDocx: boolean;
  maxAttachmentBytes: number;
}

export async function mailConfig(db: Db): Promise<MailConfig> {
  return {
    offices: (await readSetting(db, MAIL_OFFICES_SETTING, mailOfficesSchema)) ?? DEFAULT_OFFICES,
    templates: (await readSetting(db, MAIL_TEMPLATES_SETTING, mailTemplatesSettingSchema)) ?? {},
    smtp: (await readSetting(db, MAIL_SMTP_SETTING, smtpSettingsSchema.nullable())) ?? null,
    attachDocx: (await readSetting(db, MAIL_ATTACH_DOCX_SETTING, z.boolean())) ?? false,
    maxAttachmentBytes: (await readSetting(db, MAIL_MAX_ATTACHMENT_SETTING, z.number().int().positive())) ?? DEFAULT_MAX_ATTACHMENT_BYTES,
  };
}

function templateFor(config: MailConfig, market: Market, language: Language): MailTemplate {
  return config.templates[`${market}-${language}`] ?? defaultMailTemplate(market, language);
}

const FILE_WORDS: Record<MailLetter, Record<Language, string>> = {
  decision: { sv: 'beslut', da: 'afgørelse', en: 'decision' },
  holding_reply: { sv: 'besked-om-handläggningstid', da: 'besked-om-sagsbehandlingstid', en: 'time-needed' },
  info_request: { sv: 'begäran-om-uppgifter', da: 'anmodning-om-oplysninger', en: 'information-request' },
  letter: { sv: 'brev', da: 'brev', en: 'letter' },
};

/** A ready message and what the case files about it. */
export interface PreparedMail {
  raw: Buffer;
  messageId: string;
  from: string;
  to: string | null;
  subject: string;
  /** `KO-2026-000040-beslut.eml`. */
  fileName: string;
  caseNumber: string;
  market: Market;
}

/** The customer's address, or null when the case has none; an address that is not one is refused by name. */
async function recipient(ctx: ServiceContext, caseId: number): Promise<{ name: string; address: string } | null> {
  const { header } = await getCase(ctx, caseId);
  const address = header.customer.email?.trim() ?? '';
  if (address === '') return null;
  if (!z.email().safeParse(address).success) {
    throw mailRefusal('invalid_input', 'invalid_address', `The customer's e-mail address "${address}" of case ${header.number} is not a valid address; correct it in the case first.`, { address });
  }
  return { name: header.customer.name, address };
}

/**
 * Builds the mail for one letter: the letter rendered as PDF (and DOCX when `mail.attachDocx`),
 * the subject `[case number] …` and body from the market's template in the letter's language.
 * Refuses an invalid address and an attachment over `mail.maxAttachmentBytes` before anything is
 * written or sent.
 */
export async function prepareMail(
  ctx: ServiceContext,
  input: { letter: MailLetter; request: LetterRequest; unsent: boolean; render?: LetterRenderer },
): Promise<PreparedMail> {
  const to = await recipient(ctx, input.request.caseId);
  const config = await mailConfig(ctx.store.db);
  const letter = await buildCaseLetter(ctx, input.request);
  const render = input.render ?? renderLetter;
  const stem = `${letter.caseNumber}-${FILE_WORDS[input.letter][letter.language]}`;
  const files: MailFile[] = [{ fileName: `${stem}.pdf`, contentType: 'application/pdf', content: Buffer.from(await render(letter, 'pdf')) }];
  if (config.attachDocx) {
    files.push({ fileName: `${stem}.docx`, contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', content: Buffer.from(await render(letter, 'docx')) });
  }
  for (const f of files) {
    if (f.content.length > config.maxAttachmentBytes) {
      throw mailRefusal('invalid_input', 'too_large', `The attachment ${f.fileName} is ${f.content.length} bytes, above the limit of ${config.maxAttachmentBytes} bytes (setting ${MAIL_MAX_ATTACHMENT_SETTING}).`, { fileName: f.fileName, bytes: f.content.length, limit: config.maxAttachmentBytes });
    }
  }
  const office = config.offices[letter.market];
  const template = templateFor(config, letter.market, letter.language);
  const subject = mailSubject(template, input.letter, letter.caseNumber);
  const messageId = newMessageId(office.address);
  const text = mailBody(template, { name: to?.name ?? letter.addressee[0] ?? '', caseNumber: letter.caseNumber, letter: input.letter, signer: letter.signature.name, office: office.name });
  const raw = await composeMail({ from: office, to, subject, text, attachments: files, messageId, date: now(ctx), unsent: input.unsent });
  return { raw, messageId, from: office.address, to: to?.address ?? null, subject, fileName: `${stem}.eml`, caseNumber: letter.caseNumber, market: letter.market };
}

/**
 * Files what left in the case, in one transaction: a `letter_exported` event (format `eml`, the
 * exact message attached, its SHA-256 and Message-ID), the Message-ID among the case's mail (so a
 * reply threads back), the audit row; and for a sent mail a `letter_sent` event (channel `email`)
 * that the deadline clocks read, with the Message-ID.
 */
export async function fileOutboundMail(
  ctx: ServiceContext,
  input: { caseId: number; letter: MailLetter; mail: PreparedMail; state: 'draft' | 'sent'; path: string | null; serverResponse?: string },
): Promise<{ exportId: number; sentEventId: number | null; sha256: string }> {
  const { mail } = input;
  const hash = sha256(mail.raw);
  return ctx.store.db.transaction().execute(async (trx) => {
    const row = await findCaseById(trx, input.caseId);
    if (!row) throw notFound(`Case ${input.caseId}`);
    const at = now(ctx).toISOString();
    const file = { fileName: mail.fileName, mediaType: 'message/rfc822', content: mail.raw, source: `mail:${mail.messageId}` };
    const facts = { messageId: mail.messageId, from: mail.from, to: mail.to, subject: mail.subject };
    // Both events are the outbound mail: from the office, titled by its subject, the .eml attached.
    const appendMailEvent = async (kind: 'letter_exported' | 'letter_sent', data: Record<string, unknown>): Promise<number> => {
      const id = await appendEvent(trx, {
        case_id: input.caseId,
        occurred_at: at,
        kind,
        source: 'mail',
        direction: 'outbound',
        actor: ctx.user.name,
        actor_user_id: ctx.user.id,
        summary: mail.subject,
        body: '',
        data: JSON.stringify({ ...data, ...facts }),
      });
      await attachToEvent(trx, id, file, at);
      return id;
    };
    const exportId = await appendMailEvent('letter_exported', { letter: input.letter, format: 'eml', sha256: hash, fileName: mail.fileName, draft: false, mail: input.state });
    await recordOutboundMessageId(trx, { messageId: mail.messageId, eventId: exportId, caseId: input.caseId, at });
    await appendAudit(trx, {
      at,
      userId: ctx.user.id,
      action: 'letter.export',
      caseId: input.caseId,
      detail: { exportId, kind: input.letter, format: 'eml', sha256: hash, path: input.path, draft: false, messageId: mail.messageId, mail: input.state },
    });
    if (input.state !== 'sent') return { exportId, sentEventId: null, sha256: hash };
    const sentOn = dayInZone(new Date(at), MARKET_INFO[row.market as Market].timeZone);
    const sentEventId = await appendMailEvent('letter_sent', { letter: input.letter, exportId, channel: 'email', sentOn, sha256: hash });
    await refreshDerived(trx, input.caseId, row.market as Market, row.received_date);
    await appendAudit(trx, {
      at,
      userId: ctx.user.id,
      action: 'letter.sent',
      caseId: input.caseId,
      detail: { exportId, eventId: sentEventId, channel: 'email', date: sentOn, sha256: hash, messageId: mail.messageId, to: mail.to, server: input.serverResponse ?? null },
    });
    return { exportId, sentEventId, sha256: hash };
  });
}

/**
 * Writes a ready draft (`X-Unsent: 1`) to `out` and files it. Without a customer address the draft
 * has no To and `recipient` is null: the user adds one in the mail program.
 */
export async function writeMailDraft(
  ctx: ServiceContext,
  input: { caseId: number; letter: MailLetter; request: LetterRequest; out: string; render?: LetterRenderer },
): Promise<{ path: string; bytes: number; sha256: string; exportId: number; messageId: string; recipient: string | null }> {
  requireWriter(ctx);
  const mail = await prepareMail(ctx, { letter: input.letter, request: input.request, unsent: true, render: input.render });
  writeFileAtomic(input.out, mail.raw);
  const filed = await fileOutboundMail(ctx, { caseId: input.caseId, letter: input.letter, mail, state: 'draft', path: input.out });
  return { path: input.out, bytes: mail.raw.length, sha256: filed.sha256, exportId: filed.exportId, messageId: mail.messageId, recipient: mail.to };
}

/**
 * Sends the letter through the office's SMTP server and files exactly what was sent. A failure
 * (no server configured, no address, the server refusing) changes nothing in the case and says why.
 */
export async function sendLetterMail(
  ctx: ServiceContext,
  input: { caseId: number; letter: MailLetter; request: LetterRequest; render?: LetterRenderer },
): Promise<{ exportId: number; eventId: number; messageId: string; recipient: string; sha256: string; raw: Buffer }> {
  requireWriter(ctx);
  const config = await mailConfig(ctx.store.db);
  if (!config.smtp) throw mailRefusal('conflict', 'no_server', `No mail server is configured (setting ${MAIL_SMTP_SETTING}); open the draft in your mail program instead.`);
  const mail = await prepareMail(ctx, { letter: input.letter, request: input.request, unsent: false, render: input.render });
  if (!mail.to) throw mailRefusal('invalid_input', 'no_recipient', `Case ${mail.caseNumber} has no customer e-mail address; add one or open the draft and address it yourself.`);
  let response: string;
  try {
    ({ response } = await sendRaw(config.smtp, smtpPassword(), { from: mail.from, to: mail.to }, mail.raw));
  } catch (error) {
    if (!(error instanceof SmtpError)) throw error;
    throw mailRefusal('unavailable', `smtp_${error.reason}`, `The mail to ${mail.to} was not sent (${config.smtp.host}:${config.smtp.port}): ${error.detail}`, { host: config.smtp.host, detail: error.detail });
  }
  const filed = await fileOutboundMail(ctx, { caseId: input.caseId, letter: input.letter, mail, state: 'sent', path: null, serverResponse: response });
  return { exportId: filed.exportId, eventId: filed.sentEventId!, messageId: mail.messageId, recipient: mail.to, sha256: filed.sha256, raw: mail.raw };
}

/** The render a job uses: the export worker, with progress. */
function workerRender(progress: (fraction: number, step: string) => void): LetterRenderer {
  return async (letter, format) => {
    progress(0.2, 'render');
    const output = await renderInWorker({ kind: 'letter', letter, format }, (p) => progress(0.2 + 0.6 * (p.total > 0 ? p.done / p.total : 0), p.step));
    if (output.kind !== 'letter') throw new Error('The render worker answered with the wrong kind of output.');
    return output.bytes;
  };
}

/** The issued decision's letter request; mail is for what is final, never a draft. */
async function issuedDecisionRequest(ctx: ServiceContext, caseId: number): Promise<LetterRequest> {
  const { request } = await decisionLetterRequest(ctx, caseId, false);
  return request;
}

/**
 * "Öppna i e-postprogrammet": a job that writes the draft to the exports folder and files it; the
 * desktop app then opens it in the system's mail program, the harness offers it as a download.
 * The address is checked before the job starts, so a bad one is refused at once.
 */
export async function startMailDraft(ctx: ServiceContext, input: ChannelParsedInput<'mail:draft'>): Promise<ChannelOutput<'mail:draft'>> {
  requireWriter(ctx);
  const row = await findCaseById(ctx.store.db, input.caseId);
  if (!row) throw notFound(`Case ${input.caseId}`);
  const request = await issuedDecisionRequest(ctx, input.caseId);
  const to = await recipient(ctx, input.caseId);
  const language = request.language ?? (row.language as Language);
  const out = freePath(await exportsFolder(ctx), `${row.number}-${FILE_WORDS[input.letter][language]}.eml`);
  const { jobId } = runExportJob(ctx, {
    kind: 'mail_draft',
    caseId: input.caseId,
    fileName: basename(out),
    run: async (jobCtx, control) => {
      control.progress(0.1, 'letter');
      const result = await writeMailDraft(jobCtx, { caseId: input.caseId, letter: input.letter, request, out, render: workerRender(control.progress) });
      control.progress(0.95, 'open');
      await mailShell.openDraft?.(result.path);
      return { exportId: result.exportId, path: result.path, sha256: result.sha256, bytes: result.bytes };
    },
  });
  return { jobId, recipient: to?.address ?? null, opensInMailProgram: mailShell.openDraft !== undefined };
}

/** "Skicka": the same message through the office's server, filed as sent. */
export async function sendMailNow(ctx: ServiceContext, input: ChannelParsedInput<'mail:send'>): Promise<ChannelOutput<'mail:send'>> {
  requireWriter(ctx);
  const request = await issuedDecisionRequest(ctx, input.caseId);
  const sent = await sendLetterMail(ctx, { caseId: input.caseId, letter: input.letter, request, render: workerRender(() => undefined) });
  return { exportId: sent.exportId, eventId: sent.eventId, messageId: sent.messageId, recipient: sent.recipient, sha256: sent.sha256 };
}

/** What the send UI needs to know: whether "Skicka" can work, and the office addresses per market. */
export async function mailSettings(ctx: ServiceContext): Promise<ChannelOutput<'mail:settings'>> {
  const config = await mailConfig(ctx.store.db);
  const stored = mailShell.readPassword?.() ?? null;
  const fromEnvironment = !!process.env[SMTP_PASSWORD_ENV];
  return {
    offices: config.offices,
    smtp: config.smtp,
    attachDocx: config.attachDocx,
    maxAttachmentBytes: config.maxAttachmentBytes,
    keychain: mailShell.savePassword !== undefined,
    passwordStored: stored !== null || fromEnvironment,
    canSend: config.smtp !== null && (config.smtp.user === null || stored !== null || fromEnvironment),
  };
}

/** The ombudsman sets the offices, the server and its password (the OS keychain; elsewhere $OMBUD_SMTP_PASSWORD). */
export async function setMailSettings(ctx: ServiceContext, input: ChannelParsedInput<'mail:setSettings'>): Promise<ChannelOutput<'mail:settings'>> {
  if (ctx.user.role !== 'ombudsman') throw new ServiceError(refusal('role.ombudsmanOnly'), 'Only the ombudsman changes the mail settings.');
  if (input.password !== undefined && !mailShell.savePassword) {
    throw mailRefusal('conflict', 'no_keychain', `This Ombud has no keychain to keep a password in; set ${SMTP_PASSWORD_ENV} in its environment instead.`);
  }
  const at = now(ctx).toISOString();
  await ctx.store.db.transaction().execute(async (trx) => {
    if (input.offices) await writeSetting(trx, MAIL_OFFICES_SETTING, input.offices);
    if (input.smtp !== undefined) await writeSetting(trx, MAIL_SMTP_SETTING, input.smtp);
    if (input.attachDocx !== undefined) await writeSetting(trx, MAIL_ATTACH_DOCX_SETTING, input.attachDocx);
    if (input.maxAttachmentBytes !== undefined) await writeSetting(trx, MAIL_MAX_ATTACHMENT_SETTING, input.maxAttachmentBytes);
    const { password: _p, ...changed } = input;
    await appendAudit(trx, { at, userId: ctx.user.id, action: 'settings.mail', caseId: null, detail: { ...changed, passwordChanged: input.password !== undefined } });
  });
  if (input.password !== undefined) mailShell.savePassword!(input.password);
  return mailSettings(ctx);
}

