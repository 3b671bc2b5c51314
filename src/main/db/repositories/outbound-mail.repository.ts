import { createHash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import type { Db } from '../connection';

/**
 * Outbound mail shares `mail_messages` with the import: one table of the Message-IDs that belong
 * to a case, whichever way the mail went. A reply naming one of them in In-Reply-To/References is
 * threaded to that case, and a copy of our own mail imported again (a Sent folder) is a duplicate.
 */

/** Stores a file once by its SHA-256 and links it to an event under its file name. Returns the hash. */
export async function attachToEvent(db: Db, eventId: number, file: { fileName: string; mediaType: string; content: Buffer; source: string }, at: string): Promise<string> {
  const sha256 = createHash('sha256').update(file.content).digest('hex');
  await db
    .insertInto('attachments')
    .values({ sha256, size: file.content.length, media_type: file.mediaType, content: file.content, created_at: at })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
  const { id } = await db.selectFrom('attachments').select('id').where('sha256', '=', sha256).executeTakeFirstOrThrow();
  // The file goes after the event's other files (its place among them is part of the key).
  const { next } = await db
    .selectFrom('event_attachments')
    .select((eb) => eb.fn.coalesce(eb(eb.fn.max('position'), '+', 1), eb.lit(0)).as('next'))
    .where('event_id', '=', eventId)
    .executeTakeFirstOrThrow();
  await db
    .insertInto('event_attachments')
    .values({ event_id: eventId, position: Number(next), attachment_id: id, file_name: file.fileName, media_type: file.mediaType, source: file.source })
    .execute();
  return sha256;
}

/** Files a Message-ID we sent or drafted under its case and event. */
export async function recordOutboundMessageId(db: Db, row: { messageId: string; eventId: number; caseId: number; at: string }): Promise<void> {
  await db
    .insertInto('mail_messages')
    .values({ message_id: row.messageId, event_id: row.eventId, case_id: row.caseId, imported_at: row.at })
    .onConflict((oc) => oc.column('message_id').doNothing())
    .execute();
}

/**
 * The case of the most recent of `messageIds` the store knows (References lists the thread oldest
 * first, so the last known one is the closest), for the import's synchronous transaction.
 */
export function caseOfMessageIds(sqlite: BetterSqlite3.Database, messageIds: readonly string[]): { caseId: number; number: string } | undefined {
  const find = sqlite.prepare<[string], { case_id: number; number: string }>('SELECT m.case_id, c.number FROM mail_messages m JOIN cases c ON c.id = m.case_id WHERE m.message_id = ?');
  for (const id of [...messageIds].reverse()) {
    const row = find.get(id);
    if (row) return { caseId: row.case_id, number: row.number };
  }
  return undefined;
}

/** A case by its number, on the import's raw handle. */
export function caseByNumberSync(sqlite: BetterSqlite3.Database, number: string): { caseId: number; number: string } | undefined {
  const row = sqlite.prepare<[string], { id: number }>('SELECT id FROM cases WHERE number = ?').get(number);
  return row ? { caseId: row.id, number } : undefined;
}
