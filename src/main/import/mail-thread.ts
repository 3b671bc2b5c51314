import type { Store } from '../db/connection';
import { caseByNumberSync, caseOfMessageIds } from '../db/repositories/outbound-mail.repository';

/** `KO-2026-000123`, bracketed or not, anywhere in a subject. */
const CASE_NUMBER = /\bKO-\d{4}-\d{6}\b/;

/** `<a@b>` tokens of an In-Reply-To or References header (mailparser gives a string or a list). */
function messageIds(value: string | readonly string[] | undefined): string[] {
  if (!value) return [];
  const text = typeof value === 'string' ? value : value.join(' ');
  return text.match(/<[^<>\s]+>/g) ?? [];
}

export interface ReplyThread {
  caseId: number;
  number: string;
  /** What tied the mail to the case. */
  by: 'in_reply_to' | 'references' | 'subject';
}

/**
 * Which case a mail answers: the case of the message it replies to (In-Reply-To), else of the
 * closest message of its thread it names (References), among every Message-ID filed in a case
 * (mail we sent or drafted, mail we imported); else the case number in its subject. A thread
 * outranks the subject: a customer who writes about an older case in a reply still lands where
 * the conversation is. Undefined: the mail starts something new.
 */
export function findCaseForReply(
  sqlite: Store['sqlite'],
  mail: { inReplyTo?: string | readonly string[]; references?: string | readonly string[]; subject?: string },
): ReplyThread | undefined {
  const direct = caseOfMessageIds(sqlite, messageIds(mail.inReplyTo));
  if (direct) return { ...direct, by: 'in_reply_to' };
  const thread = caseOfMessageIds(sqlite, messageIds(mail.references));
  if (thread) return { ...thread, by: 'references' };
  const number = CASE_NUMBER.exec(mail.subject ?? '')?.[0];
  const named = number ? caseByNumberSync(sqlite, number) : undefined;
  return named ? { ...named, by: 'subject' } : undefined;
}
