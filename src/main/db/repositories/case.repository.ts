import { sql, type SelectQueryBuilder } from 'kysely';
import type { CaseListInput } from '../../../shared/ipc/contract';
import type { Db } from '../connection';
import type { Database } from '../schema';

type ListFilter = Omit<CaseListInput, 'sort' | 'dir' | 'offset' | 'limit' | 'due'> & {
  /** Running deadlines due in [from, to]; either end may be open. */
  dueFrom?: string;
  dueTo?: string;
};

const SORT_COLUMNS = {
  received: 'cases.received_at',
  number: 'cases.number',
  customer: 'cases.customer_name',
  status: 'cases.status',
  market: 'cases.market',
  category: 'cases.category',
  due: 'cases.next_due_date',
  flags: 'cases.flag_count',
  assignee: 'cases.assignee_name',
  claimed: 'cases.claim_total_minor',
} as const;

function filtered(db: Db, filter: ListFilter) {
  let q = db.selectFrom('cases');
  if (filter.status && filter.status.length > 0) q = q.where('cases.status', 'in', filter.status);
  if (filter.market) q = q.where('cases.market', '=', filter.market);
  if (filter.category) q = q.where('cases.category', '=', filter.category);
  if (filter.flagged) q = q.where('cases.flag_count', '>', 0);
  if (filter.dueFrom !== undefined || filter.dueTo !== undefined) q = q.where('cases.next_due_date', 'is not', null);
  if (filter.dueFrom !== undefined) q = q.where('cases.next_due_date', '>=', filter.dueFrom);
  if (filter.dueTo !== undefined) q = q.where('cases.next_due_date', '<=', filter.dueTo);
  if (filter.assigneeId !== undefined) {
    q = filter.assigneeId === null ? q.where('cases.assignee_id', 'is', null) : q.where('cases.assignee_id', '=', filter.assigneeId);
  }
  return q;
}

type SortKey = keyof typeof SORT_COLUMNS;

/** The ORDER BY of a sort, written exactly as the index that serves it (migrations 1, 4 and 5). */
function sortExpression(sort: SortKey, dir: 'asc' | 'desc') {
  // The customer index is NOCASE; sorting the same way lets SQLite walk it instead of sorting.
  if (sort === 'customer') return sql`cases.customer_name COLLATE NOCASE`;
  if (sort === 'assignee') return sql`cases.assignee_name COLLATE NOCASE`;
  // Cases without a running deadline come last in both directions.
  if (sort === 'due') return dir === 'asc' ? sql`coalesce(cases.next_due_date, '9999-12-31')` : sql`coalesce(cases.next_due_date, '0000-01-01')`;
  return sql.ref(SORT_COLUMNS[sort]);
}

function ordered<TB extends keyof Database, O>(qb: SelectQueryBuilder<Database, TB, O>, sort: SortKey, dir: 'asc' | 'desc') {
  return qb.orderBy(sortExpression(sort, dir), dir).orderBy(sql.ref('cases.id'), dir);
}

/**
 * One inbox page: the denormalised list columns of the case row plus the assignee's name.
 * The page's ids are found first by walking only the index that serves the filter and sort
 * (deep offsets skip index entries, not joined rows); then just those rows are read.
 */
export async function listCasePage(db: Db, filter: ListFilter, sort: SortKey, dir: 'asc' | 'desc', offset: number, limit: number) {
  const pageIds = ordered(filtered(db, filter).select('cases.id'), sort, dir).limit(limit).offset(offset);
  return ordered(
    db
      .selectFrom('cases')
      .leftJoin('users', 'users.id', 'cases.assignee_id')
      .select([
        'cases.id',
        'cases.number',
        'cases.customer_name',
        'cases.market',
        'cases.category',
        'cases.received_date',
        'cases.status',
        'cases.event_count',
        'cases.claim_total_minor',
        'cases.claim_currency',
        'cases.flag_count',
        'cases.next_due_date',
        'cases.next_due_kind',
        'users.display_name as assignee_name',
      ])
      .where('cases.id', 'in', pageIds),
    sort,
    dir,
  ).execute();
}

export async function countCases(db: Db, filter: ListFilter): Promise<number> {
  const row = await filtered(db, filter).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findCaseById(db: Db, id: number) {
  return db
    .selectFrom('cases')
    .innerJoin('customers', 'customers.id', 'cases.customer_id')
    .leftJoin('merchants', 'merchants.id', 'cases.merchant_id')
    .leftJoin('users', 'users.id', 'cases.assignee_id')
    .selectAll('cases')
    .select([
      'customers.name as c_name',
      'customers.personal_number as c_personal_number',
      'customers.email as c_email',
      'customers.phone as c_phone',
      'customers.street as c_street',
      'customers.postal_code as c_postal_code',
      'customers.city as c_city',
      'customers.country as c_country',
      'merchants.name as m_name',
      'merchants.org_number as m_org_number',
      'merchants.country as m_country',
      'users.display_name as assignee_name',
    ])
    .where('cases.id', '=', id)
    .executeTakeFirst();
}

export async function listPurchases(db: Db, caseId: number) {
  return db
    .selectFrom('purchases')
    .leftJoin('merchants', 'merchants.id', 'purchases.merchant_id')
    .selectAll('purchases')
    .select('merchants.name as merchant_name')
    .where('purchases.case_id', '=', caseId)
    .orderBy('purchases.purchased_on')
    .orderBy('purchases.id')
    .execute();
}

export async function listClaims(db: Db, caseId: number) {
  return db.selectFrom('claims').selectAll().where('case_id', '=', caseId).orderBy('position').execute();
}

/** Counts for `ombud info` and the about panel. */
export async function storeCounts(db: Db) {
  const row = await db
    .selectNoFrom([
      sql<number>`(SELECT count(*) FROM cases)`.as('cases'),
      sql<number>`(SELECT max(rowid) FROM history_events)`.as('events'),
      sql<number>`(SELECT count(*) FROM customers)`.as('customers'),
      sql<number>`(SELECT count(*) FROM merchants)`.as('merchants'),
      sql<number>`(SELECT count(*) FROM attachments)`.as('attachments'),
      sql<number>`(SELECT count(*) FROM users)`.as('users'),
    ])
    .executeTakeFirstOrThrow();
  return {
    cases: Number(row.cases),
    // History is append-only (triggers refuse deletes), so the largest rowid is the count
    // and avoids a full scan of millions of rows.
    events: Number(row.events ?? 0),
    customers: Number(row.customers),
    merchants: Number(row.merchants),
    attachments: Number(row.attachments),
    users: Number(row.users),
  };
}

export async function findPersonalNumber(db: Db, caseId: number) {
  return db
    .selectFrom('cases')
    .innerJoin('customers', 'customers.id', 'cases.customer_id')
    .select(['customers.personal_number', 'customers.id as customer_id'])
    .where('cases.id', '=', caseId)
    .executeTakeFirst();
}

export async function updateCase(
  db: Db,
  caseId: number,
  changes: Partial<{ status: string; assignee_id: number | null; updated_at: string }>,
): Promise<void> {
  await db.updateTable('cases').set(changes).where('id', '=', caseId).execute();
}

export async function updateDerived(
  db: Db,
  caseId: number,
  fields: { flags: string; flagCount: number; nextDueDate: string | null; nextDueKind: string | null; version: number },
): Promise<void> {
  await db
    .updateTable('cases')
    .set({
      flags: fields.flags,
      flag_count: fields.flagCount,
      next_due_date: fields.nextDueDate,
      next_due_kind: fields.nextDueKind,
      derived_version: fields.version,
    })
    .where('id', '=', caseId)
    .execute();
}

/** Ids of cases whose derived fields were computed by older rules, a batch at a time. */
export async function staleCaseIds(db: Db, version: number, limit: number): Promise<{ id: number; market: string; received_date: string }[]> {
  return db.selectFrom('cases').select(['id', 'market', 'received_date']).where('derived_version', '<', version).orderBy('id').limit(limit).execute();
}

export async function countStaleCases(db: Db, version: number): Promise<number> {
  const row = await db
    .selectFrom('cases')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('derived_version', '<', version)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
