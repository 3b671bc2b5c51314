import type BetterSqlite3 from 'better-sqlite3';
import type { Store } from '../../src/main/db/connection';
import { toFtsQuery } from '../../src/main/services/search.service';
import type { CaseListInput } from '../../src/shared/ipc/contract';

/**
 * The physical limit of our stack: the same questions as hand-written prepared statements on the
 * raw better-sqlite3 handle, with no validation, no query builder and no mapping. Our time ÷ this
 * time is the cost of the data layer. Each statement is prepared once and reused, as a
 * hand-tuned program would.
 */

const cache = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

function prepared(store: Store, text: string): BetterSqlite3.Statement {
  let map = cache.get(store.sqlite);
  if (!map) cache.set(store.sqlite, (map = new Map()));
  let st = map.get(text);
  if (!st) map.set(text, (st = store.sqlite.prepare(text)));
  return st;
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function dueRange(due: CaseListInput['due'], today: string): { from?: string; to?: string } {
  if (due === 'overdue') return { to: addDays(today, -1) };
  if (due === 'this_week') {
    const weekday = new Date(`${today}T12:00:00Z`).getUTCDay();
    return { from: today, to: addDays(today, weekday === 0 ? 0 : 7 - weekday) };
  }
  return {};
}

/** The WHERE as the data layer writes it for `mode` (see `filtered` in case.repository.ts), so both sides run the same plan. */
function where(input: CaseListInput, today: string, mode: 'filter' | 'walk' = 'filter'): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const due = dueRange(input.due, today);
  const window = due.from !== undefined || due.to !== undefined;
  const plus = mode === 'filter' && !window ? '' : '+';
  if (input.status && input.status.length > 0) {
    parts.push(`${plus}status IN (${input.status.map(() => '?').join(',')})`);
    params.push(...input.status);
  }
  if (input.market) { parts.push(`${plus}market = ?`); params.push(input.market); }
  if (input.category) { parts.push(`${plus}category = ?`); params.push(input.category); }
  if (input.flagged) parts.push(`${plus}flag_count > 0`);
  if (window) {
    const sortDue = input.sort === 'due';
    const key = mode === 'filter' || sortDue ? (sortDue && (input.dir ?? 'desc') === 'desc' ? `coalesce(next_due_date, '0000-01-01')` : `coalesce(next_due_date, '9999-12-31')`) : '+next_due_date';
    parts.push('+next_due_date IS NOT NULL');
    if (due.from !== undefined) { parts.push(`${key} >= ?`); params.push(due.from); }
    if (due.to !== undefined) { parts.push(`${key} <= ?`); params.push(due.to); }
  }
  if (input.assigneeId === null) parts.push(`${plus}assignee_id IS NULL`);
  else if (input.assigneeId !== undefined) { parts.push(`${plus}assignee_id = ?`); params.push(input.assigneeId); }
  return { sql: parts.length > 0 ? `WHERE ${parts.join(' AND ')}` : '', params };
}

function orderBy(input: CaseListInput, dir: 'asc' | 'desc' = input.dir ?? 'desc'): string {
  const sort = input.sort ?? 'received';
  const expr =
    sort === 'customer'
      ? 'customer_name COLLATE NOCASE'
      : sort === 'assignee'
        ? 'assignee_name COLLATE NOCASE'
        : sort === 'due'
        ? dir === 'asc'
          ? `coalesce(next_due_date, '9999-12-31')`
          : `coalesce(next_due_date, '0000-01-01')`
        : { received: 'received_at', number: 'number', status: 'status', market: 'market', category: 'category', flags: 'flag_count', claimed: 'claim_total_minor' }[sort];
  return `ORDER BY ${expr} ${dir}, id ${dir}`;
}

/**
 * One inbox page: ids from an index, then those rows. The index is chosen as the data layer
 * chooses it (the sort's index for broad filters, the filter's for narrow ones; pages past the
 * middle read from the other end), so both sides run the same plan.
 */
export function inboxPage(store: Store, input: CaseListInput, today: string): unknown[] {
  const dir = input.dir ?? 'desc';
  const offset = input.offset ?? 0;
  const limit = input.limit ?? 50;
  const matching = inboxCount(store, input, today);
  const all = inboxCount(store, {}, today);
  let walkDir = dir;
  let walkOffset = offset;
  let walkLimit = limit;
  if (offset + limit > matching - offset && offset < matching) {
    walkDir = dir === 'asc' ? 'desc' : 'asc';
    walkOffset = Math.max(0, matching - offset - limit);
    walkLimit = Math.min(limit, matching - offset);
  }
  const walkSortIndex = matching > 0 && ((walkOffset + walkLimit) * all) / matching < 10 * matching;
  const w = where({ ...input, dir: walkDir }, today, walkSortIndex ? 'walk' : 'filter');
  const order = orderBy(input, walkDir);
  const text = `SELECT c.id, c.number, c.customer_name, c.market, c.category, c.received_date, c.status, c.event_count,
      c.claim_total_minor, c.claim_currency, c.flag_count, c.next_due_date, c.next_due_kind, u.display_name AS assignee_name
    FROM cases c LEFT JOIN users u ON u.id = c.assignee_id
    WHERE c.id IN (SELECT id FROM cases ${w.sql} ${order} LIMIT ? OFFSET ?)
    ${order.replace(/\b(received_at|customer_name|assignee_name|claim_total_minor|next_due_date|number|status|market|category|flag_count|id)\b/g, 'c.$1')}`;
  const rows = prepared(store, text).all(...w.params, walkLimit, walkOffset);
  return walkDir === dir ? rows : rows.reverse();
}

/** The total of a filter, the way the data layer counts it: the kept counts when they can answer, else the index. */
export function inboxCount(store: Store, input: CaseListInput, today: string): number {
  const due = dueRange(input.due, today);
  const onlyDue = input.due !== undefined && !input.status && !input.market && !input.category && !input.flagged && input.assigneeId === undefined;
  if (onlyDue) {
    const text = `SELECT coalesce(sum(n), 0) AS n FROM case_due_counts WHERE day >= ? AND day <= ?`;
    return (prepared(store, text).get(due.from ?? '0000-01-01', due.to ?? '9999-12-31') as { n: number }).n;
  }
  if (input.due === undefined) {
    const parts: string[] = [];
    const params: unknown[] = [];
    if (input.status && input.status.length > 0) { parts.push(`status IN (${input.status.map(() => '?').join(',')})`); params.push(...input.status); }
    if (input.market) { parts.push('market = ?'); params.push(input.market); }
    if (input.category) { parts.push('category = ?'); params.push(input.category); }
    if (input.flagged) parts.push('flagged = 1');
    if (input.assigneeId !== undefined) { parts.push('assignee_key = ?'); params.push(input.assigneeId ?? 0); }
    const text = `SELECT coalesce(sum(n), 0) AS n FROM case_counts ${parts.length > 0 ? `WHERE ${parts.join(' AND ')}` : ''}`;
    return (prepared(store, text).get(...params) as { n: number }).n;
  }
  const w = where({ ...input, sort: undefined }, today);
  return (prepared(store, `SELECT count(*) AS n FROM cases ${w.sql}`).get(...w.params) as { n: number }).n;
}

const MARK = ['\u0002', '\u0003'] as const;

/** The search statements of the data layer, prepared by hand. */
export function search(store: Store, query: string, limit: number): unknown[] {
  const match = toFtsQuery(query)!;
  const exact = toFtsQuery(query, false)!;
  const hl = (col: number) => `highlight(case_fts, ${col}, '${MARK[0]}', '${MARK[1]}')`;
  const caseHits = prepared(
    store,
    `SELECT rowid AS case_id, -bm25(case_fts, 10.0, 8.0, 8.0, 4.0, 8.0) AS score, ${hl(0)} AS number, ${hl(1)} AS customer,
       ${hl(3)} AS merchant, ${hl(4)} AS order_refs, instr(${hl(2)}, '${MARK[0]}') > 0 AS personal_number_hit
     FROM case_fts WHERE case_fts MATCH ?
       AND rowid >= coalesce((SELECT rowid FROM case_fts WHERE case_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?), 0)
     ORDER BY rank LIMIT ?`,
  ).all(match, match, 1999, limit) as { case_id: number }[];
  // Free text: the newest matching events, and the newest matching claims or summaries with the
  // case's received time and whether the claims matched (as search.repository.ts asks for them).
  const eventHits = prepared(
    store,
    `SELECT e.case_id, e.id AS event_id, e.occurred_at, 'event' AS field, f.snippet FROM (
       SELECT rowid, snippet(history_fts, -1, '${MARK[0]}', '${MARK[1]}', '…', 14) AS snippet
       FROM history_fts WHERE history_fts MATCH ? ORDER BY rowid DESC LIMIT ?) AS f
     JOIN history_events e ON e.id = f.rowid`,
  ).all(exact, limit) as { case_id: number; occurred_at: string }[];
  const textHits = prepared(
    store,
    `SELECT c.id AS case_id, NULL AS event_id, c.received_at AS occurred_at,
       CASE WHEN instr(f.claims_hl, '${MARK[0]}') > 0 THEN 'claims' ELSE 'summary' END AS field, f.snippet FROM (
       SELECT rowid, snippet(case_text_fts, -1, '${MARK[0]}', '${MARK[1]}', '…', 14) AS snippet,
         highlight(case_text_fts, 0, '${MARK[0]}', '${MARK[1]}') AS claims_hl
       FROM case_text_fts WHERE case_text_fts MATCH ? ORDER BY rowid DESC LIMIT ?) AS f
     JOIN cases c ON c.id = f.rowid`,
  ).all(exact, limit) as { case_id: number; occurred_at: string }[];
  const text = [...eventHits, ...textHits].sort((a, b) => (a.occurred_at < b.occurred_at ? 1 : a.occurred_at > b.occurred_at ? -1 : 0));
  const ids = [...new Set([...caseHits, ...text].map((h) => h.case_id))].slice(0, limit);
  if (ids.length === 0) return [];
  return prepared(store, `SELECT id, number, customer_name, market, status, received_date FROM cases WHERE id IN (SELECT value FROM json_each(?))`).all(
    JSON.stringify(ids),
  );
}

/**
 * Search as helpdesk tools do it: `LIKE '%word%'` over the history's summary and body, every
 * word required, the newest 100 matching events. No index can serve it, so it reads the table.
 */
export function likeScan(store: Store, query: string, limit: number): unknown[] {
  const phrases: string[] = [];
  const re = /"([^"]*)"|(\S+)/g;
  for (let m = re.exec(query); m !== null; m = re.exec(query)) phrases.push((m[1] ?? m[2] ?? '').trim());
  const words = phrases.filter(Boolean);
  const cond = words.map(() => `(summary LIKE ? OR body LIKE ?)`).join(' AND ');
  const params = words.flatMap((w) => [`%${w}%`, `%${w}%`]);
  return prepared(store, `SELECT id, case_id FROM history_events WHERE ${cond} ORDER BY id DESC LIMIT ?`).all(...params, limit);
}

/** Everything the case view reads: the case with customer, merchant and assignee, purchases, claims, events, attachments. */
export function openCase(store: Store, id: number): unknown[] {
  const head = prepared(
    store,
    `SELECT c.*, cu.name AS c_name, cu.personal_number AS c_personal_number, cu.email AS c_email, cu.phone AS c_phone, cu.street AS c_street,
       cu.postal_code AS c_postal_code, cu.city AS c_city, cu.country AS c_country, m.name AS m_name, m.org_number AS m_org_number,
       m.country AS m_country, u.display_name AS assignee_name
     FROM cases c JOIN customers cu ON cu.id = c.customer_id LEFT JOIN merchants m ON m.id = c.merchant_id LEFT JOIN users u ON u.id = c.assignee_id
     WHERE c.id = ?`,
  ).get(id);
  const purchases = prepared(
    store,
    `SELECT p.*, m.name AS merchant_name FROM purchases p LEFT JOIN merchants m ON m.id = p.merchant_id WHERE p.case_id = ? ORDER BY p.purchased_on, p.id`,
  ).all(id);
  const claims = prepared(store, `SELECT * FROM claims WHERE case_id = ? ORDER BY position`).all(id);
  const events = prepared(store, `SELECT * FROM history_events WHERE case_id = ? ORDER BY occurred_at, id`).all(id);
  const attachments = prepared(
    store,
    `SELECT ea.event_id, ea.file_name, a.id, a.media_type, a.size, a.sha256 FROM event_attachments ea
     JOIN history_events e ON e.id = ea.event_id JOIN attachments a ON a.id = ea.attachment_id WHERE e.case_id = ?`,
  ).all(id);
  return [head, purchases, claims, events, attachments];
}
