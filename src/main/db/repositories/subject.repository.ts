import { sql } from 'kysely';
import type { Db } from '../connection';

/** Customers whose personal number has these digits, however it was written (with or without dash or space). */
export async function findCustomersByPersonalDigits(db: Db, digits: string) {
  return db
    .selectFrom('customers')
    .selectAll()
    .where(sql<string>`replace(replace(replace(personal_number, '-', ''), ' ', ''), '+', '')`, '=', digits)
    .orderBy('id')
    .execute();
}

/** Everything stored on the cases of these customers, oldest case first. */
export async function subjectCases(db: Db, customerIds: number[]) {
  const cases = await subjectCaseList(db, customerIds);
  const out = [];
  for (const c of cases) out.push(await subjectCaseDetail(db, c));
  return out;
}

/** The cases of these customers, oldest first, without their contents (subjectCaseDetail reads one). */
export async function subjectCaseList(db: Db, customerIds: number[]) {
  if (customerIds.length === 0) return [];
  return db
    .selectFrom('cases')
    .leftJoin('merchants', 'merchants.id', 'cases.merchant_id')
    .select([
      'cases.id',
      'cases.number',
      'cases.market',
      'cases.language',
      'cases.received_at',
      'cases.received_channel',
      'cases.status',
      'cases.category',
      'cases.summary',
      'cases.customer_id',
      'cases.anonymised_at',
      'merchants.name as merchant_name',
    ])
    .where('cases.customer_id', 'in', customerIds)
    .orderBy('cases.received_at')
    .orderBy('cases.id')
    .execute();
}

type SubjectCaseRow = Awaited<ReturnType<typeof subjectCaseList>>[number];

/** Everything stored on one case: purchases, claims, history, attachments with their bytes, matters. */
export async function subjectCaseDetail(db: Db, c: SubjectCaseRow) {
  {
    const purchases = await db.selectFrom('purchases').select(['order_ref', 'purchased_on', 'amount_minor', 'currency', 'product', 'status']).where('case_id', '=', c.id).orderBy('id').execute();
    const claims = await db.selectFrom('claims').select(['position', 'kind', 'text', 'amount_minor', 'currency']).where('case_id', '=', c.id).orderBy('position').execute();
    const events = await db
      .selectFrom('history_events')
      .select(['id', 'occurred_at', 'kind', 'source', 'direction', 'actor', 'summary', 'body'])
      .where('case_id', '=', c.id)
      .orderBy('occurred_at')
      .orderBy('id')
      .execute();
    const attachments = await db
      .selectFrom('event_attachments')
      .innerJoin('history_events', 'history_events.id', 'event_attachments.event_id')
      .innerJoin('attachments', 'attachments.id', 'event_attachments.attachment_id')
      .select(['event_attachments.event_id', 'event_attachments.file_name', 'attachments.id', sql<string>`coalesce(event_attachments.media_type, attachments.media_type)`.as('media_type'), 'attachments.size', 'attachments.sha256', 'attachments.content'])
      .where('history_events.case_id', '=', c.id)
      .orderBy('event_attachments.event_id')
      .execute();
    const matters = await db
      .selectFrom('authority_matters')
      .select(['authority', 'reference', 'received_date', 'claim_text', 'status', 'outcome', 'decided_on', 'recommendation', 'compliance'])
      .where('case_id', '=', c.id)
      .orderBy('received_date')
      .execute();
    return { ...c, purchases, claims, events, attachments, matters };
  }
}
