import { createHash } from 'node:crypto';
import { closeSync, createReadStream, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { mboxReader } from 'mbox-reader';
import { MARKET_INFO, type Market } from '../../shared/domain/market';
import type { NewAttachment, NewEvent } from '../db/repositories/case-writer.repository';
import { appendAudit } from '../services/audit.service';
import type { ServiceContext } from '../services/context';
import { ServiceError } from '../services/errors';
import { refusal } from '../../shared/domain/refusals';
import { maxAttachmentBytes } from './case-import';
import { openImportSession } from './import-session';
import { checkpointInWorker } from './parse-in-worker';
import { marketDay } from '../services/calendar/business-days';
import { findCaseForReply } from './mail-thread';

/** `KO-2026-000123`, bracketed or not, anywhere in a subject. */
export const CASE_NUMBER_IN_SUBJECT = /\bKO-\d{4}-\d{6}\b/;

export interface MailImportOptions {
  path: string;
  /** Market of a case opened by a mail; default from the sender's domain (.dk → DK), else SE. */
  market?: Market;
  /** Category of a case opened by a mail until a handler sets it; default invoice_dispute. */
  category?: string;
  maxAttachmentBytes?: number;
  onProgress?: (done: number) => void;
}

export interface MailOutcome {
  /** The file (and, inside an mbox, the message's position). */
  origin: string;
  messageId: string;
  subject: string;
  result: 'attached' | 'new_case' | 'duplicate' | 'rejected';
  caseNumber: string | null;
  problem?: string;
}

export interface MailImportReport {
  messages: number;
  attached: number;
  newCases: number;
  duplicates: number;
  rejected: number;
  outcomes: MailOutcome[];
}

interface RawMessage {
  origin: string;
  content: Buffer;
}

function looksLikeMbox(path: string): boolean {
  const head = Buffer.alloc(5);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, 5, 0);
  } finally {
    closeSync(fd);
  }
  return head.toString('latin1') === 'From ';
}

function listFiles(path: string): string[] {
  const stat = statSync(path);
  if (stat.isFile()) return [path];
  const out: string[] = [];
  for (const entry of readdirSync(path, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = join(path, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full));
    else if (entry.isFile() && (/\.(eml|mbox)$/i.test(entry.name) || (extname(entry.name) === '' && looksLikeMbox(full)))) out.push(full);
  }
  return out;
}

/** Every message under `path`: an .eml file, an mbox file, or a folder of them (recursively). */
async function* messages(path: string): AsyncGenerator<RawMessage> {
  for (const file of listFiles(path)) {
    if (statSync(file).size === 0) continue;
    if (looksLikeMbox(file)) {
      let n = 0;
      for await (const m of mboxReader(createReadStream(file))) {
        n++;
        yield { origin: `${basename(file)}#${n}`, content: m.content };
      }
    } else yield { origin: basename(file), content: readFileSync(file) };
  }
}

function addressText(a: AddressObject | AddressObject[] | undefined): string {
  if (!a) return '';
  return (Array.isArray(a) ? a : [a]).map((x) => x.text).join(', ');
}

function firstAddress(a: AddressObject | undefined): { name: string; address: string } {
  const v = a?.value[0];
  return { name: v?.name?.trim() || v?.address || 'Unknown sender', address: v?.address ?? '' };
}

const EXT: Record<string, string> = { 'text/plain': 'txt', 'text/html': 'html', 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg', 'message/rfc822': 'eml' };

interface Flattened {
  body: string;
  attachments: NewAttachment[];
}

/**
 * The mail's readable text and every file it carries. HTML-only mail becomes text (mailparser
 * converts it; scripts and styles never reach the store as markup) and the original HTML is kept
 * as an attachment. A forwarded message (message/rfc822) is parsed in turn: its text follows the
 * outer text and its files join the event's.
 */
async function flatten(mail: ParsedMail, source: string, depth: number): Promise<Flattened> {
  // For HTML-only mail mailparser derives `text` from the HTML (html-to-text).
  let body = (mail.text ?? '').trim();
  const attachments: NewAttachment[] = [];
  if (mail.html) {
    attachments.push({ fileName: 'message.html', mediaType: 'text/html', content: Buffer.from(mail.html, 'utf8'), source });
  }
  let n = 0;
  for (const a of mail.attachments) {
    n++;
    const mediaType = (a.contentType || 'application/octet-stream').toLowerCase();
    if (mediaType === 'message/rfc822' && depth < 5) {
      const inner = await simpleParser(a.content);
      const nested = await flatten(inner, source, depth + 1);
      body += `\n\n---------- ${depth === 0 ? 'Forwarded message' : 'Nested message'} ----------\nFrom: ${addressText(inner.from)}\nDate: ${inner.date?.toISOString() ?? ''}\nSubject: ${inner.subject ?? ''}\n\n${nested.body}`;
      attachments.push(...nested.attachments);
    }
    attachments.push({
      fileName: a.filename?.trim() || `attachment-${n}.${EXT[mediaType] ?? 'bin'}`,
      mediaType,
      content: a.content,
      source,
    });
  }
  return { body: body.trim(), attachments };
}

function marketFor(sender: string, fallback: Market | undefined): Market {
  if (fallback) return fallback;
  return /\.dk$/i.test(sender.split('@')[1] ?? '') ? 'DK' : 'SE';
}

/**
 * Imports mail (.eml files, folders of them, mbox files). A mail whose subject names a case
 * number is appended to that case as a history event; any other mail opens a new case in
 * "received" with the mail as its first event. The Message-ID deduplicates: a mail already
 * imported is skipped, however it arrives again. The raw message is kept as an attachment
 * (message/rfc822), so nothing the mail carried is lost. All in one transaction: a killed import
 * leaves the store as before, and a rerun completes it.
 */
export async function importMail(ctx: ServiceContext, options: MailImportOptions): Promise<MailImportReport> {
  if (ctx.user.role === 'auditor') throw new ServiceError(refusal('role.auditorReadOnly'), 'An auditor may read but not import mail.');
  const path = resolve(options.path);
  try {
    statSync(path);
  } catch {
    throw new ServiceError(refusal('import.noFile', { file: path }), `There is no file or folder ${path}.`);
  }
  const limit = options.maxAttachmentBytes ?? (await maxAttachmentBytes(ctx.store));
  const report: MailImportReport = { messages: 0, attached: 0, newCases: 0, duplicates: 0, rejected: 0, outcomes: [] };
  const { own, stamp, importer, tx } = await openImportSession(ctx);
  const seenInRun = new Set<string>();
  try {
    for await (const raw of messages(path)) {
      report.messages++;
      options.onProgress?.(report.messages);
      const mail = await simpleParser(raw.content);
      const messageId = mail.messageId?.trim() || `<sha256-${createHash('sha256').update(raw.content).digest('hex')}@ombud.invalid>`;
      const subject = (mail.subject ?? '').trim();
      const outcome: MailOutcome = { origin: raw.origin, messageId, subject, result: 'rejected', caseNumber: null };
      report.outcomes.push(outcome);
      const known = importer.mailByMessageId(messageId);
      if (known || seenInRun.has(messageId)) {
        outcome.result = 'duplicate';
        report.duplicates++;
        continue;
      }
      const source = `mail:${messageId}`;
      const flat = await flatten(mail, source, 0);
      const all: NewAttachment[] = [{ fileName: `${(subject || 'message').replace(/[^\p{L}\p{N} ._-]+/gu, '_').slice(0, 80)}.eml`, mediaType: 'message/rfc822', content: raw.content, source }, ...flat.attachments];
      const tooBig = all.find((a) => a.content.length > limit);
      if (tooBig) {
        outcome.problem = `attachment "${tooBig.fileName}" is ${tooBig.content.length} bytes, above the limit of ${limit} bytes (setting import.maxAttachmentBytes or --max-attachment-bytes)`;
        report.rejected++;
        continue;
      }
      const sender = firstAddress(mail.from);
      const occurredAt = (mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date : new Date(stamp)).toISOString();
      const event: NewEvent = {
        sourceId: source,
        occurredAt,
        kind: 'customer_escalation',
        source: 'mail',
        direction: 'inbound',
        actor: sender.address ? `${sender.name} <${sender.address}>` : sender.name,
        summary: (subject || '(no subject)').slice(0, 300),
        body: flat.body,
        data: { messageId, from: addressText(mail.from), to: addressText(mail.to), subject },
        attachments: all,
      };
      const number = CASE_NUMBER_IN_SUBJECT.exec(subject)?.[0] ?? null;
      const thread = findCaseForReply(own.sqlite, { inReplyTo: mail.inReplyTo, references: mail.references, subject });
      const target = thread ? { id: thread.caseId, number: thread.number } : undefined;
      tx.step(() => {
        if (target) {
          const [eventId] = importer.appendEvents(target.id, [{ ...event, kind: 'document' }]);
          importer.recordMail(messageId, eventId!, target.id, stamp);
          outcome.result = 'attached';
          outcome.caseNumber = target.number;
          report.attached++;
        } else {
          const market = marketFor(sender.address, options.market);
          const result = importer.upsert({
            sourceId: source,
            number: null,
            market,
            language: MARKET_INFO[market].defaultLanguage,
            receivedAt: occurredAt,
            receivedDate: marketDay(occurredAt, market),
            receivedChannel: 'email',
            status: 'received',
            category: options.category ?? 'invoice_dispute',
            summary: (subject || '(no subject)').slice(0, 300) + (number ? ` (names ${number}, which is not in this store)` : ''),
            customer: {
              sourceId: sender.address ? `mail:${sender.address.toLowerCase()}` : null,
              name: sender.name,
              personalNumber: '',
              email: sender.address || null,
              phone: null,
              street: null,
              postalCode: null,
              city: null,
              country: market,
            },
            merchant: null,
            purchases: [],
            claims: [],
            events: [event],
          });
          importer.recordMail(messageId, importer.eventBySource(result.caseId, source)!.id, result.caseId, stamp);
          outcome.result = 'new_case';
          outcome.caseNumber = result.number;
          report.newCases++;
        }
      });
      seenInRun.add(messageId);
    }
    if (report.attached + report.newCases > 0) {
      await appendAudit(own.db, {
        at: stamp,
        userId: ctx.user.id,
        action: 'import.mail',
        caseId: null,
        detail: { path: basename(path), attached: report.attached, newCases: report.newCases, duplicates: report.duplicates, rejected: report.rejected },
      });
    }
    tx.commit();
    void checkpointInWorker(ctx.store.path);
  } finally {
    tx.rollback();
    await own.close();
  }
  return report;
}
