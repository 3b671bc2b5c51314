import { sql } from 'kysely';
import type { Db } from '../connection';
import type { AuthorityMatterTable } from '../schema';
import type { Insertable, Updateable } from 'kysely';

function base(db: Db) {
  return db
    .selectFrom('authority_matters as m')
    .innerJoin('cases as c', 'c.id', 'm.case_id')
    .innerJoin('users as u', 'u.id', 'm.registered_by')
    .selectAll('m')
    .select(['c.number as case_number', 'c.customer_name', 'c.market', 'c.claim_currency as case_currency', 'u.display_name as registered_by_name']);
}

export type MatterRow = NonNullable<Awaited<ReturnType<typeof findMatter>>>;

export async function findMatter(db: Db, id: number) {
  return base(db).where('m.id', '=', id).executeTakeFirst();
}

export async function findMatterByReference(db: Db, authority: string, reference: string) {
  return db.selectFrom('authority_matters').select(['id', 'case_id']).where('authority', '=', authority).where('reference', '=', reference).executeTakeFirst();
}

export async function listCaseMatters(db: Db, caseId: number) {
  return base(db).where('m.case_id', '=', caseId).orderBy('m.received_date', 'desc').orderBy('m.id', 'desc').execute();
}

export interface MatterFilter {
  /** Unanswered matters due on or before this date per market (the "due soon" cut-off). */
  dueBy?: { SE: string; DK: string };
  authority?: string;
  status?: string;
}

function filtered(db: Db, filter: MatterFilter) {
  let q = base(db);
  if (filter.dueBy) {
    const { SE, DK } = filter.dueBy;
    q = q
      .where('m.status', '=', sql.lit<'registered'>('registered'))
      .where('m.response_due', 'is not', null)
      .where((eb) => eb.or([eb.and([eb('c.market', '=', 'SE'), eb('m.response_due', '<=', SE)]), eb.and([eb('c.market', '=', 'DK'), eb('m.response_due', '<=', DK)])]));
  }
  if (filter.authority) q = q.where('m.authority', '=', filter.authority);
  if (filter.status) q = q.where('m.status', '=', filter.status);
  return q;
}

/** Matters, the most urgent first: unanswered by response deadline, then the newest. */
export async function listMatters(db: Db, filter: MatterFilter, offset: number, limit: number) {
  return filtered(db, filter)
    .orderBy(sql`CASE WHEN m.status = 'registered' AND m.response_due IS NOT NULL THEN 0 ELSE 1 END`)
    .orderBy(sql`CASE WHEN m.status = 'registered' THEN m.response_due END`)
    .orderBy('m.received_date', 'desc')
    .orderBy('m.id', 'desc')
    .offset(offset)
    .limit(limit)
    .execute();
}

export async function countMatters(db: Db, filter: MatterFilter): Promise<number> {
  const row = await filtered(db, filter)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertMatter(db: Db, row: Insertable<AuthorityMatterTable>): Promise<number> {
  const inserted = await db.insertInto('authority_matters').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

export async function updateMatter(db: Db, id: number, fields: Updateable<AuthorityMatterTable>): Promise<void> {
  await db.updateTable('authority_matters').set(fields).where('id', '=', id).execute();
}

export async function bumpMatterRevision(db: Db, id: number): Promise<void> {
  await db.updateTable('authority_matters').set((eb) => ({ revision: eb('revision', '+', 1) })).where('id', '=', id).execute();
}

/** Matters of one authority received in a year, with what the yearly statistics count. */
export async function mattersReceivedIn(db: Db, authority: string, from: string, to: string) {
  return db
    .selectFrom('authority_matters')
    .select(['status', 'outcome', 'compliance'])
    .where('authority', '=', authority)
    .where('received_date', '>=', from)
    .where('received_date', '<=', to)
    .execute();
}

/** Cases whose escalation the ombudsman has answered, oldest first: where authority matters come from. */
export async function answeredCases(db: Db) {
  return db
    .selectFrom('cases')
    .select(['id', 'market', 'last_event_at', 'claim_total_minor', 'claim_currency', 'summary'])
    .where('status', 'in', ['decision_issued', 'closed'])
    .orderBy('id')
    .execute();
}

/** After back-dated events were appended, each case's latest event time is its true maximum again. */
export async function resetLastEventAt(db: Db, caseIds: readonly number[]): Promise<void> {
  for (let i = 0; i < caseIds.length; i += 500) {
    const chunk = caseIds.slice(i, i + 500);
    await db
      .updateTable('cases')
      .set({ last_event_at: sql`(SELECT max(occurred_at) FROM history_events WHERE case_id = cases.id)` })
      .where('id', 'in', chunk)
      .execute();
  }
}
