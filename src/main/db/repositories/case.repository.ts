import { sql, type SelectQueryBuilder } from 'kysely';
import type { CaseListInput } from '../../../shared/ipc/contract';
import type { Db } from '../connection';
import { runShape, type SlotFn } from '../query-shapes';
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

type SortKey = keyof typeof SORT_COLUMNS;

/**
 * The deadline as the two deadline indexes hold it (migration 4): cases without a running deadline
 * at the far end of either direction.
 */
function dueKey(dir: 'asc' | 'desc') {
  return dir === 'asc' ? sql`coalesce(cases.next_due_date, '9999-12-31')` : sql`coalesce(cases.next_due_date, '0000-01-01')`;
}

/**
 * Where each value of a list query goes (see query-shapes.ts): the SQL of a list query depends on
 * which filters are set and how the page is read, never on their values, so it is built and
 * compiled once per shape.
 */
const AT = { status: 0, market: 10, category: 11, dueFrom: 12, dueTo: 13, assignee: 14, limit: 15, offset: 16 } as const;
/** The contract allows at most this many statuses in a filter. */
const MAX_STATUSES = AT.market - AT.status;

function filterValues(filter: ListFilter): unknown[] {
  const values: unknown[] = new Array(AT.offset + 1);
  const statuses = filter.status ?? [];
  if (statuses.length > MAX_STATUSES) throw new RangeError(`A list filter holds at most ${MAX_STATUSES} statuses.`);
  statuses.forEach((s, i) => (values[AT.status + i] = s));
  values[AT.market] = filter.market;
  values[AT.category] = filter.category;
  values[AT.dueFrom] = filter.dueFrom;
  values[AT.dueTo] = filter.dueTo;
  values[AT.assignee] = filter.assigneeId;
  return values;
}

/** Everything about a filter that changes its SQL. */
function filterKey(filter: ListFilter): string {
  return [
    filter.status?.length ?? 0,
    filter.market ? 'm' : '',
    filter.category ? 'c' : '',
    filter.flagged ? 'f' : '',
    filter.dueFrom !== undefined ? 'df' : '',
    filter.dueTo !== undefined ? 'dt' : '',
    filter.assigneeId === undefined ? '' : filter.assigneeId === null ? 'a0' : 'a',
  ].join(',');
}

/**
 * The WHERE of a list filter, written so that SQLite reads it off the index chosen for it (it has
 * no statistics to choose well itself). A column written `+column` cannot be answered on that
 * column's index.
 * - `filter`: the filter's own index. A deadline window is read off the deadline index, whose
 *   entries carry every other filter column (migration 9): at most the store's running deadlines
 *   (33,532 of 250,000 cases), none of them looked up in the table. Without this the planner took
 *   the market's index for "overdue in Denmark" and looked up 62,000 rows to count 6,301 (150 ms).
 * - `walk`: the sort's index (see `listCasePage`); every filter is checked on its entries, except
 *   a deadline window when the sort is the deadline, where the walk seeks straight to the window
 *   instead of reading every overdue case before this week's.
 * Values are the stand-ins of `slot`, at the places of AT.
 */
function filtered(db: Db, filter: ListFilter, slot: SlotFn, mode: 'filter' | 'walk' = 'filter', sort?: SortKey, dir: 'asc' | 'desc' = 'asc') {
  const window = filter.dueFrom !== undefined || filter.dueTo !== undefined;
  const onFilterIndex = mode === 'filter' && !window;
  const col = (name: 'status' | 'market' | 'category' | 'flag_count' | 'next_due_date' | 'assignee_id') =>
    onFilterIndex ? sql.ref(`cases.${name}`) : sql`+${sql.ref(`cases.${name}`)}`;
  let q = db.selectFrom('cases');
  const statuses = filter.status?.length ?? 0;
  if (statuses > 0) q = q.where(col('status'), 'in', Array.from({ length: statuses }, (_, i) => slot<string>(AT.status + i)));
  if (filter.market) q = q.where(col('market'), '=', slot<string>(AT.market));
  if (filter.category) q = q.where(col('category'), '=', slot<string>(AT.category));
  if (filter.flagged) q = q.where(col('flag_count'), '>', 0);
  if (window) {
    // The deadline index of the sort's direction when sorting by deadline, else the ascending one.
    const key = mode === 'filter' || sort === 'due' ? dueKey(sort === 'due' ? dir : 'asc') : col('next_due_date');
    // Either index also holds the cases without a deadline, under a stand-in date.
    q = q.where(col('next_due_date'), 'is not', null);
    if (filter.dueFrom !== undefined) q = q.where(key, '>=', slot<string>(AT.dueFrom));
    if (filter.dueTo !== undefined) q = q.where(key, '<=', slot<string>(AT.dueTo));
  }
  if (filter.assigneeId !== undefined) {
    q = filter.assigneeId === null ? q.where(col('assignee_id'), 'is', null) : q.where(col('assignee_id'), '=', slot<number>(AT.assignee));
  }
  return q;
}

/** The ORDER BY of a sort, written exactly as the index that serves it (migrations 1, 4 and 5). */
function sortExpression(sort: SortKey, dir: 'asc' | 'desc') {
  // The customer index is NOCASE; sorting the same way lets SQLite walk it instead of sorting.
  if (sort === 'customer') return sql`cases.customer_name COLLATE NOCASE`;
  if (sort === 'assignee') return sql`cases.assignee_name COLLATE NOCASE`;
  // Cases without a running deadline come last in both directions.
  if (sort === 'due') return dueKey(dir);
  return sql.ref(SORT_COLUMNS[sort]);
}

function ordered<TB extends keyof Database, O>(qb: SelectQueryBuilder<Database, TB, O>, sort: SortKey, dir: 'asc' | 'desc') {
  // Amounts are compared within their currency (migration 21): all of one currency, then the next.
  if (sort === 'claimed') return qb.orderBy(sql.ref('cases.claim_currency'), dir).orderBy(sql.ref('cases.claim_total_minor'), dir).orderBy(sql.ref('cases.id'), dir);
  return qb.orderBy(sortExpression(sort, dir), dir).orderBy(sql.ref('cases.id'), dir);
}

/** How many cases match the filter and how many the store holds: what the page's plan is chosen by. */
export interface PageSizes {
  matching: number;
  all: number;
}

/**
 * How many index entries a walk may read for each row the filter's index would have to look up
 * and sort. The sort indexes carry the filter columns (migration 9), so walking one reads index
 * pages in order while the filter's index leads to a random table lookup per match: about 13
 * times dearer, measured on 250,000 cases.
 */
const WALK_ADVANTAGE = 10;

export interface CaseListRow {
  id: number;
  number: string;
  customer_name: string;
  market: string;
  category: string;
  received_date: string;
  status: string;
  event_count: number;
  claim_total_minor: number | null;
  claim_currency: string | null;
  flag_count: number;
  next_due_date: string | null;
  next_due_kind: string | null;
  assignee_name: string | null;
}

/**
 * One inbox page: the denormalised list columns of the case row plus the assignee's name.
 * The page's ids are found first on an index alone (deep offsets skip index entries, not joined
 * rows); then just those rows are read.
 *
 * Which index is chosen from the kept counts, because SQLite's planner always prefers the
 * filter's index and then sorts every matching row: 60,000 Danish cases sorted by customer for a
 * page of 50 (210 ms). Walking the sort's own index instead reads about (offset + limit) × all ÷
 * matching entries, off the index alone; sorting the matches looks up `matching` rows. The cheaper
 * of the two is taken. A page past
 * the middle is read from the other end, so the last page costs what the first does.
 */
export async function listCasePage(db: Db, filter: ListFilter, sort: SortKey, dir: 'asc' | 'desc', offset: number, limit: number, sizes?: PageSizes): Promise<CaseListRow[]> {
  let walkDir = dir;
  let walkOffset = offset;
  let walkLimit = limit;
  if (sizes && offset + limit > sizes.matching - offset && offset < sizes.matching) {
    walkDir = dir === 'asc' ? 'desc' : 'asc';
    walkOffset = Math.max(0, sizes.matching - offset - limit);
    walkLimit = Math.min(limit, sizes.matching - offset);
  }
  const walkSortIndex = sizes !== undefined && sizes.matching > 0 && ((walkOffset + walkLimit) * sizes.all) / sizes.matching < WALK_ADVANTAGE * sizes.matching;
  const mode = walkSortIndex ? 'walk' : 'filter';
  const values = filterValues(filter);
  values[AT.limit] = walkLimit;
  values[AT.offset] = walkOffset;
  const rows = await runShape(db, `cases.page|${filterKey(filter)}|${mode}|${sort}|${walkDir}`, (slot) => {
    const pageIds = ordered(filtered(db, filter, slot, mode, sort, walkDir).select('cases.id'), sort, walkDir)
      .limit(slot<number>(AT.limit))
      .offset(slot<number>(AT.offset));
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
      walkDir,
    );
  }, values);
  return walkDir === dir ? rows : rows.reverse();
}

/**
 * The number of cases a filter shows and, with `withAll`, how many the store holds, in one
 * statement (without it `all` is the filter's number). The saved
 * views' filters are answered from the counts the triggers of migration 9 keep (a sum over at most
 * a few hundred rows, whatever the store's size); a deadline window alone from the kept counts per
 * day; a deadline window combined with other filters on the deadline index (see `filtered`).
 */
export async function countCases(db: Db, filter: ListFilter, withAll = false): Promise<PageSizes> {
  const due = filter.dueFrom !== undefined || filter.dueTo !== undefined;
  const others = (filter.status?.length ?? 0) > 0 || filter.market || filter.category || filter.flagged || filter.assigneeId !== undefined;
  const how = due && !others ? 'due' : due ? 'index' : 'kept';
  const [row] = await runShape(db, `cases.count|${filterKey(filter)}|${how}|${withAll}`, (slot) => {
    const all = withAll ? db.selectFrom('case_counts').select((eb) => eb.fn.coalesce(eb.fn.sum<number>('n'), sql<number>`0`).as('n')) : sql<number>`NULL`;
    if (how === 'due') {
      let q = db.selectFrom('case_due_counts').select((eb) => eb.fn.coalesce(eb.fn.sum<number>('n'), sql<number>`0`).as('n'));
      if (filter.dueFrom !== undefined) q = q.where('day', '>=', slot<string>(AT.dueFrom));
      if (filter.dueTo !== undefined) q = q.where('day', '<=', slot<string>(AT.dueTo));
      return db.selectNoFrom([q.as('matching'), all.as('all')]);
    }
    if (how === 'kept') {
      let q = db.selectFrom('case_counts').select((eb) => eb.fn.coalesce(eb.fn.sum<number>('n'), sql<number>`0`).as('n'));
      const statuses = filter.status?.length ?? 0;
      if (statuses > 0) q = q.where('status', 'in', Array.from({ length: statuses }, (_, i) => slot<string>(AT.status + i)));
      if (filter.market) q = q.where('market', '=', slot<string>(AT.market));
      if (filter.category) q = q.where('category', '=', slot<string>(AT.category));
      if (filter.flagged) q = q.where('flagged', '=', 1);
      if (filter.assigneeId !== undefined) q = q.where('assignee_key', '=', filter.assigneeId === null ? 0 : slot<number>(AT.assignee));
      return db.selectNoFrom([q.as('matching'), all.as('all')]);
    }
    const q = filtered(db, filter, slot).select((eb) => eb.fn.countAll<number>().as('n'));
    return db.selectNoFrom([q.as('matching'), all.as('all')]);
  }, filterValues(filter));
  const matching = Number(row!.matching);
  return { matching, all: withAll ? Number(row!.all) : matching };
}

function caseWithParties(db: Db) {
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
    ]);
}

export async function findCaseById(db: Db, id: number) {
  const [row] = await runShape(db, 'cases.byId', (slot) => caseWithParties(db).where('cases.id', '=', slot<number>(0)), [id]);
  return row;
}

/**
 * The case row as the case view reads it, in one statement: with its parties, the ARN window of
 * its latest issued decision, and the stored text of the setting `settingKey` (the deadline rules
 * the view's deadlines are computed by; null when the defaults apply).
 */
export async function findCaseViewRow(db: Db, id: number, settingKey: string) {
  const [row] = await runShape(
    db,
    'cases.view',
    (slot) =>
      caseWithParties(db)
        .select((eb) => {
          // 'issued' is written into the SQL: bound, it would make SQLite prepare the statement
          // again on every run (a bound value can decide whether the partial indexes on
          // decisions.status apply), 60 of the case view's 160 µs here.
          const arn = eb
            .selectFrom('decisions')
            .whereRef('decisions.case_id', '=', 'cases.id')
            .where('decisions.status', '=', sql.lit<'issued'>('issued'))
            .where('decisions.arn_window_ends_on', 'is not', null)
            .orderBy('decisions.issued_at', 'desc')
            .orderBy('decisions.id', 'desc')
            .limit(1);
          return [
            arn.select('decisions.id').as('arn_decision_id'),
            arn.select('decisions.arn_window_ends_on').as('arn_window_ends_on'),
            eb.selectFrom('settings').select('settings.value').where('settings.key', '=', slot<string>(1)).as('setting_value'),
          ];
        })
        .where('cases.id', '=', slot<number>(0)),
    [id, settingKey],
  );
  return row;
}

export async function listPurchases(db: Db, caseId: number) {
  return runShape(
    db,
    'purchases.ofCase',
    (slot) =>
      db
        .selectFrom('purchases')
        .leftJoin('merchants', 'merchants.id', 'purchases.merchant_id')
        .selectAll('purchases')
        .select('merchants.name as merchant_name')
        .where('purchases.case_id', '=', slot<number>(0))
        .orderBy('purchases.purchased_on')
        .orderBy('purchases.id'),
    [caseId],
  );
}

export async function listClaims(db: Db, caseId: number) {
  return runShape(db, 'claims.ofCase', (slot) => db.selectFrom('claims').selectAll().where('case_id', '=', slot<number>(0)).orderBy('position'), [caseId]);
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

/**
 * Changes the case's own state and counts a revision. With `baseRevision` the update happens only
 * if nobody changed the case since (compare-and-set); the answer says whether it did.
 */
export async function updateCase(
  db: Db,
  caseId: number,
  changes: Partial<{ status: string; assignee_id: number | null; updated_at: string }>,
  baseRevision?: number,
): Promise<boolean> {
  let update = db
    .updateTable('cases')
    .set({ ...changes, revision: sql<number>`revision + 1` })
    .where('id', '=', caseId);
  if (baseRevision !== undefined) update = update.where('revision', '=', baseRevision);
  const result = await update.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The last change to a case's own state: who moved or assigned it, and when. */
export async function lastStateChange(db: Db, caseId: number) {
  return db
    .selectFrom('history_events')
    .select(['actor', 'actor_user_id', 'occurred_at', 'kind'])
    .where('case_id', '=', caseId)
    .where('kind', 'in', ['status_change', 'assignment'])
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
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

export async function findCaseIdByNumber(db: Db, number: string): Promise<number | undefined> {
  const row = await db.selectFrom('cases').select('id').where('number', '=', number).executeTakeFirst();
  return row?.id;
}
