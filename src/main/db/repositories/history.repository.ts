import { sql } from 'kysely';
import type { Db } from '../connection';
import { runShape } from '../query-shapes';

/** The whole history of one case, oldest first, with the attachments of each event. */
export async function listCaseEvents(db: Db, caseId: number) {
  const events = await runShape(
    db,
    'history.ofCase',
    (slot) => db.selectFrom('history_events').selectAll().where('case_id', '=', slot<number>(0)).orderBy('occurred_at').orderBy('id'),
    [caseId],
  );
  const attachments = await runShape(
    db,
    'history.attachmentsOfCase',
    (slot) =>
      db
        .selectFrom('event_attachments')
        .innerJoin('history_events', 'history_events.id', 'event_attachments.event_id')
        .innerJoin('attachments', 'attachments.id', 'event_attachments.attachment_id')
        .select([
          'event_attachments.event_id',
          'event_attachments.file_name',
          'attachments.id',
          // The media type a file arrived with belongs to its link: the same bytes (an empty
          // file, say) can arrive as several types.
          sql<string>`coalesce(event_attachments.media_type, attachments.media_type)`.as('media_type'),
          'attachments.size',
          'attachments.sha256',
        ])
        .where('history_events.case_id', '=', slot<number>(0)),
    [caseId],
  );
  return { events, attachments };
}

/** The history the derivation rules read: kind, time, direction, purchase and data of every event. */
export async function listClockEvents(db: Db, caseId: number) {
  return db
    .selectFrom('history_events')
    .leftJoin('purchases', 'purchases.id', 'history_events.purchase_id')
    .select([
      'history_events.id',
      'history_events.occurred_at',
      'history_events.kind',
      'history_events.direction',
      'history_events.data',
      'purchases.order_ref',
    ])
    .where('history_events.case_id', '=', caseId)
    .orderBy('history_events.occurred_at')
    .orderBy('history_events.id')
    .execute();
}

/** Appends one event and keeps the case row's history columns in step. Returns the event id. */
export async function appendEvent(
  db: Db,
  event: {
    case_id: number;
    occurred_at: string;
    kind: string;
    source: string;
    direction: 'inbound' | 'outbound' | 'internal';
    actor: string;
    actor_user_id: number | null;
    summary: string;
    body: string;
    data: string;
  },
): Promise<number> {
  const row = await db
    .insertInto('history_events')
    .values({ ...event, source_id: null, purchase_id: null, recorded_at: event.occurred_at })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('cases')
    .set((eb) => ({ event_count: eb('event_count', '+', 1), last_event_at: event.occurred_at, updated_at: event.occurred_at }))
    .where('id', '=', event.case_id)
    .execute();
  return row.id;
}

/** Every history event of the store: the demo generator reports how many it wrote. */
export async function countAllEvents(db: Db): Promise<number> {
  const row = await db.selectFrom('history_events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
