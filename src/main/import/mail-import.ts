import { createHash } from 'node:crypto';
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { z } from 'zod';
import { MARKET_INFO, type Market } from '../../shared/domain/market';
import type { NewAttachment, NewEvent } from '../db/repositories/case-writer.repository';
import { oldestCaseReceivedAt } from '../db/repositories/mail.repository';
import { readSetting } from '../db/repositories/settings.repository';
import type { Store } from '../db/connection';
import { displayFileName } from '../../shared/files/display-name';
import { appendAudit } from '../services/audit.service';
import type { ServiceContext } from '../services/context';
import { ServiceError } from '../services/errors';
import { refusal } from '../../shared/domain/refusals';
import { maxAttachmentBytes } from './case-import';
import { openImportSession } from './import-session';
import { findCaseForReply } from './mail-thread';
import { checkpointInWorker } from './parse-in-worker';
import { marketDay } from '../services/calendar/business-days';
import { readContent, type MailContent } from './mail/content';
import { readMbox, startsLikeMbox } from './mail/mbox';
import { MailFormatError, parseMime, type MailAddress } from './mail/mime';

export const MAX_HEADER_SETTING = 'import.maxHeaderBytes';
export const DEFAULT_MAX_HEADER_BYTES = 256 * 1024;

/** The largest header block of a mail (or of one of its parts) an import accepts: the setting, else 256 KiB. */
export async function maxHeaderBytes(store: Store): Promise<number> {
  return (await readSetting(store.db, MAX_HEADER_SETTING, z.int().min(1024).max(64 * 1024 * 1024))) ?? DEFAULT_MAX_HEADER_BYTES;
}

/** `KO-2026-000123`, bracketed or not, anywhere in a subject. */
export const CASE_NUMBER_IN_SUBJECT = /\bKO-\d{4}-\d{6}\b/;

export interface MailImportOptions {
  path: string;
  /** Market of a case opened by a mail; default from the sender's domain (.dk → DK), else SE. */
  market?: Market;
  /** Category of a case opened by a mail until a handler sets it; default invoice_dispute. */
  category?: string;
  maxAttachmentBytes?: number;
  /** Largest header block of a mail or part; default the setting import.maxHeaderBytes, else 256 KiB. */
  maxHeaderBytes?: number;
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
  /** The mbox envelope time (`From sender asctime`), when read from an mbox. */
  envelopeTime: Date | null;
}

function looksLikeMbox(path: string): boolean {
  const head = Buffer.alloc(8);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, 8, 0);
  } finally {
    closeSync(fd);
  }
  return startsLikeMbox(head);
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
function* messages(path: string): Generator<RawMessage | { origin: string; unreadable: string }> {
  for (const file of listFiles(path)) {
    // A file that cannot be read (permissions, vanished, an I/O error) is reported; the others go on.
    let last = basename(file);
    try {
      if (statSync(file).size === 0) continue;
      if (looksLikeMbox(file)) {
        for (const m of readMbox(file)) {
          last = `${basename(file)} after message ${m.index}`;
          yield { origin: `${basename(file)}#${m.index} (line ${m.line})`, content: m.content, envelopeTime: m.envelopeTime };
        }
      } else yield { origin: basename(file), content: readFileSync(file), envelopeTime: null };
    } catch (error) {
      yield { origin: last, unreadable: error instanceof Error ? error.message : String(error) };
    }
  }
}

function addressText(list: MailAddress[]): string {
  return list.map((a) => (a.name ? `${a.name} <${a.address}>` : a.address)).join(', ');
}

function firstAddress(list: MailAddress[]): { name: string; address: string } {
  const v = list[0];
  return { name: v?.name?.trim() || v?.address || 'Unknown sender', address: v?.address ?? '' };
}

/** A few minutes of clock difference between a sender and Ombud are not "the future". */
const CLOCK_SKEW_MS = 15 * 60 * 1000;

/**
 * When Ombud received a mail: the Date header when it is plausible (not in the future, not before
 * the store's oldest case; in an empty store not more than a year before the mail was received),
 * else the mbox envelope time, else the import's own time. The Date header is kept as sent.
 */
export function receivedTime(date: Date | null, envelope: Date | null, importedAt: string, oldestCase: string | null): { at: string; from: 'date' | 'envelope' | 'import' } {
  const now = Date.parse(importedAt);
  const arrived = envelope && envelope.getTime() <= now + CLOCK_SKEW_MS ? envelope.getTime() : now;
  const floor = oldestCase ? Date.parse(oldestCase) : arrived - 366 * 24 * 3600 * 1000;
  if (date && date.getTime() <= now + CLOCK_SKEW_MS && date.getTime() >= floor) return { at: date.toISOString(), from: 'date' };
  return { at: new Date(arrived).toISOString(), from: arrived === now ? 'import' : 'envelope' };
}

/** The files a mail event keeps: the raw message, its HTML, then what it carried. */
function eventFiles(content: MailContent, raw: Buffer, source: string): NewAttachment[] {
  const all: NewAttachment[] = [{ fileName: `${(content.subject || 'message').replace(/[^\p{L}\p{N} ._-]+/gu, '_').slice(0, 80)}.eml`, mediaType: 'message/rfc822', content: raw, source }];
  if (content.html !== null) all.push({ fileName: 'message.html', mediaType: 'text/html', content: Buffer.from(content.html, 'utf8'), source });
  for (const f of content.files) all.push({ fileName: f.fileName, mediaType: f.mediaType, content: f.content, source });
  return all;
}

/**
 * The case a mail belongs to: the thread it answers (In-Reply-To, References: a mail we sent or
 * imported), else the case number in its subject (`mail-thread.ts`).
 */
function caseForMail(sqlite: Store['sqlite'], content: MailContent): { id: number; number: string } | undefined {
  const thread = findCaseForReply(sqlite, { inReplyTo: content.inReplyTo ?? undefined, references: content.references, subject: content.subject });
  return thread ? { id: thread.caseId, number: thread.number } : undefined;
}

function marketFor(sender: string, fallback: Market | undefined): Market {
  if (fallback) return fallback;
  return /\.dk$/i.test(sender.split('@')[1] ?? '') ? 'DK' : 'SE';
}

/**
 * Imports mail (.eml files, folders of them, mbox files). A mail whose subject names a case
 * number is appended to that case as a history event; any other mail opens a new case in
 * "received" with the mail as its first event. The Message-ID deduplicates: a mail already
 * imported is skipped, however it arrives again. The raw message is kept byte for byte as an
 * attachment (message/rfc822), so nothing the mail carried is lost. One message that cannot be
 * read or is over a limit is reported with its file and reason and the others go on; what is
 * taken is written in one transaction: a killed import leaves the store as before.
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
  const limits = { maxHeaderBytes: options.maxHeaderBytes ?? (await maxHeaderBytes(ctx.store)), maxDepth: 20 };
  const report: MailImportReport = { messages: 0, attached: 0, newCases: 0, duplicates: 0, rejected: 0, outcomes: [] };
  const oldest = await oldestCaseReceivedAt(ctx.store.db);
  const { own, stamp, importer, tx } = await openImportSession(ctx);
  const seenInRun = new Set<string>();
  try {
    for (const raw of messages(path)) {
      report.messages++;
      options.onProgress?.(report.messages);
      const outcome: MailOutcome = { origin: raw.origin, messageId: '', subject: '', result: 'rejected', caseNumber: null };
      report.outcomes.push(outcome);
      const reject = (problem: string) => {
        outcome.problem = problem;
        report.rejected++;
      };
      if ('unreadable' in raw) {
        reject(`the file cannot be read (${raw.unreadable})`);
        continue;
      }
      let content: MailContent;
      try {
        content = readContent(parseMime(raw.content, limits));
      } catch (error) {
        reject(error instanceof MailFormatError ? error.message : `it cannot be read (${error instanceof Error ? error.message : String(error)})`);
        continue;
      }
      const messageId = content.messageId ?? `<sha256-${createHash('sha256').update(raw.content).digest('hex')}@ombud.invalid>`;
      outcome.messageId = messageId;
      outcome.subject = content.subject;
      if (importer.mailByMessageId(messageId) || seenInRun.has(messageId)) {
        outcome.result = 'duplicate';
        report.duplicates++;
        continue;
      }
      const source = `mail:${messageId}`;
      const all = eventFiles(content, raw.content, source);
      const tooBig = all.find((a) => a.content.length > limit);
      if (tooBig) {
        reject(`attachment "${displayFileName(tooBig.fileName)}" is ${tooBig.content.length} bytes, above the limit of ${limit} bytes (setting import.maxAttachmentBytes or --max-attachment-bytes)`);
        continue;
      }
      const sender = firstAddress(content.from);
      const received = receivedTime(content.date, raw.envelopeTime, stamp, oldest);
      const event: NewEvent = {
        sourceId: source,
        occurredAt: received.at,
        kind: 'customer_escalation',
        source: 'mail',
        direction: 'inbound',
        actor: sender.address ? `${sender.name} <${sender.address}>` : sender.name,
        summary: (content.subject || '(no subject)').slice(0, 300),
        body: content.body,
        data: {
          messageId,
          from: addressText(content.from),
          to: addressText(content.to),
          ...(content.cc.length ? { cc: addressText(content.cc) } : {}),
          subject: content.subject,
          dateHeader: content.dateHeader,
          receivedFrom: received.from,
          ...(content.inReplyTo ? { inReplyTo: content.inReplyTo } : {}),
          ...(content.references.length ? { references: content.references } : {}),
          ...(content.guessed ? { charsetGuessed: true } : {}),
        },
        attachments: all,
      };
      const target = caseForMail(own.sqlite, content);
      const named = CASE_NUMBER_IN_SUBJECT.exec(content.subject)?.[0] ?? null;
      try {
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
              receivedAt: received.at,
              receivedDate: marketDay(received.at, market),
              receivedChannel: 'email',
              status: 'received',
              category: options.category ?? 'invoice_dispute',
              summary: (content.subject || '(no subject)').slice(0, 300) + (named ? ` (names ${named}, which is not in this store)` : ''),
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
      } catch (error) {
        outcome.result = 'rejected';
        reject(`it could not be stored (${error instanceof Error ? error.message : String(error)})`);
        continue;
      }
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
