import type { Db } from '../connection';
import type { ArnResponseReviewTable, ArnResponseTable } from '../schema';
import type { Insertable } from 'kysely';

/** ARN responses and their review steps. Finalised rows are frozen by triggers (migration 13), not only here. */

export async function findResponse(db: Db, id: number) {
  return db.selectFrom('arn_responses').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findResponseByMatter(db: Db, matterId: number) {
  return db.selectFrom('arn_responses').selectAll().where('matter_id', '=', matterId).executeTakeFirst();
}

export type ArnResponseRow = NonNullable<Awaited<ReturnType<typeof findResponse>>>;

export async function insertResponse(db: Db, row: Insertable<ArnResponseTable>): Promise<number> {
  const r = await db.insertInto('arn_responses').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** The compare-and-set of autosave: writes only when the stored version is still `baseVersion` and the row is a draft. */
export async function saveIfVersion(db: Db, id: number, baseVersion: number, values: { content: string; panel: string; saved_by: number; saved_at: string; version: number }): Promise<boolean> {
  const r = await db
    .updateTable('arn_responses')
    .set(values)
    .where('id', '=', id)
    .where('version', '=', baseVersion)
    .where('status', 'in', ['draft', 'returned'])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function setStatus(db: Db, id: number, status: ArnResponseTable['status']): Promise<void> {
  await db.updateTable('arn_responses').set({ status }).where('id', '=', id).execute();
}

export async function freezeResponse(db: Db, id: number, values: { finalised_by: number; finalised_at: string; rendered_text: string; sha256: string }): Promise<void> {
  await db
    .updateTable('arn_responses')
    .set({ ...values, status: 'finalised' })
    .where('id', '=', id)
    .execute();
}

export async function insertReview(db: Db, row: Insertable<ArnResponseReviewTable>): Promise<void> {
  await db.insertInto('arn_response_reviews').values(row).execute();
}

export async function listReviews(db: Db, responseId: number) {
  return db
    .selectFrom('arn_response_reviews')
    .innerJoin('users', 'users.id', 'arn_response_reviews.user_id')
    .select(['arn_response_reviews.action', 'arn_response_reviews.user_id', 'users.display_name', 'arn_response_reviews.at', 'arn_response_reviews.comment'])
    .where('arn_response_reviews.response_id', '=', responseId)
    .orderBy('arn_response_reviews.id')
    .execute();
}

/** The case's customer id: the one customer whose data may appear in the response. */
export async function caseCustomerId(db: Db, caseId: number): Promise<number | undefined> {
  return (await db.selectFrom('cases').select('customer_id').where('id', '=', caseId).executeTakeFirst())?.customer_id;
}

/**
 * Customers other than `exceptCustomerId` whose name is one of `names` or whose personal number is
 * one of `numbers`: the other people whose data must not reach ARN. The candidates come from the
 * text, so the query stays an indexed lookup however large the store is.
 */
export async function otherCustomersMatching(db: Db, exceptCustomerId: number, names: readonly string[], numbers: readonly string[]) {
  if (names.length === 0 && numbers.length === 0) return [];
  return db
    .selectFrom('customers')
    .select(['id', 'name', 'personal_number'])
    .where('id', '<>', exceptCustomerId)
    .where((eb) =>
      eb.or([
        ...(names.length > 0 ? [eb(eb.fn('lower', ['name']), 'in', names.map((n) => n.toLowerCase()))] : []),
        ...(numbers.length > 0 ? [eb('personal_number', 'in', [...numbers])] : []),
      ]),
    )
    .limit(20)
    .execute();
}
