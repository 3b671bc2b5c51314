import type { Db } from '../connection';

/** The whole history of one case, oldest first, with the attachments of each event. */
export async function listCaseEvents(db: Db, caseId: number) {
  const events = await db
    .selectFrom('history_events')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('occurred_at')
    .orderBy('id')
    .execute();
  const attachments = await db
    .selectFrom('event_attachments')
    .innerJoin('history_events', 'history_events.id', 'event_attachments.event_id')
    .innerJoin('attachments', 'attachments.id', 'event_attachments.attachment_id')
    .select([
      'event_attachments.event_id',
      'event_attachments.file_name',
      'attachments.id',
      'attachments.media_type',
      'attachments.size',
      'attachments.sha256',
    ])
    .where('history_events.case_id', '=', caseId)
    .execute();
  return { events, attachments };
}
