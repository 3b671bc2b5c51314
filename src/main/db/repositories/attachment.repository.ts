import { sql } from 'kysely';
import type { Db } from '../connection';

/** An attachment with the first file name it was stored under. */
export async function findAttachment(db: Db, id: number) {
  return db
    .selectFrom('attachments')
    .leftJoin('event_attachments', 'event_attachments.attachment_id', 'attachments.id')
    .select(['attachments.id', 'attachments.sha256', 'attachments.size', sql<string>`coalesce(event_attachments.media_type, attachments.media_type)`.as('media_type'), 'attachments.content', 'event_attachments.file_name'])
    .where('attachments.id', '=', id)
    .limit(1)
    .executeTakeFirst();
}
