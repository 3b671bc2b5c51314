import { createHash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import { HISTORY_FTS_TRIGGER } from './bulk-load.repository';
import { createCaseWriter, prepareEventInsert, type DeriveCase, type NewCaseBundle, type NewEvent, type WrittenEvent } from './case-writer.repository';

/**
 * Imports whole cases by their source identifier: a case not yet in the store is written by the
 * bulk case writer; a case already there is brought up to date in place. Updating never deletes
 * and never edits history: events the store lacks (by source id) are appended, the case's own
 * fields, customer, merchant, purchases and claims are updated only where they differ, and
 * everything recorded in Ombud itself (notes, drafts, decisions, the status, the assignee) is
 * left alone. A second run of the same file therefore writes nothing at all.
 *
 * Runs synchronously on the raw handle inside the caller's transaction (SQLite-specific, like the
 * case writer, and kept here so another dialect can replace it).
 */

export interface ImportBundle extends Omit<NewCaseBundle, 'number' | 'sourceId'> {
  sourceId: string;
  /** A number the source already knows; otherwise the store gives the next one of the year. */
  number: string | null;
}

export interface UpsertResult {
  caseId: number;
  number: string;
  outcome: 'created' | 'updated' | 'unchanged';
  eventsAdded: number;
}

export class CaseConflictError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

interface CaseRowLite {
  id: number;
  number: string;
  market: string;
  language: string;
  received_at: string;
  received_date: string;
  received_channel: string;
  category: string;
  summary: string;
  customer_id: number;
  merchant_id: number | null;
  customer_name: string;
}

export interface CaseImporter {
  upsert(bundle: ImportBundle): UpsertResult;
  /** Appends events to a case found by number (mail import); returns the new event ids. */
  appendEvents(caseId: number, events: NewEvent[]): number[];
  caseByNumber(number: string): { id: number } | undefined;
  /** The event of a case with this source id, if stored. */
  eventBySource(caseId: number, sourceId: string): { id: number } | undefined;
  mailByMessageId(messageId: string): { event_id: number; case_id: number } | undefined;
  recordMail(messageId: string, eventId: number, caseId: number, at: string): void;
}

export function createCaseImporter(sqlite: BetterSqlite3.Database, options: { now: () => string; derive: DeriveCase }): CaseImporter {
  const writer = createCaseWriter(sqlite, { now: options.now, derive: options.derive });
  const q = {
    caseBySource: sqlite.prepare<[string], CaseRowLite>(
      `SELECT id, number, market, language, received_at, received_date, received_channel, category, summary, customer_id,
         merchant_id, customer_name FROM cases WHERE source_id = ?`,
    ),
    caseByNumber: sqlite.prepare<[string], { id: number; source_id: string | null }>('SELECT id, source_id FROM cases WHERE number = ?'),
    caseById: sqlite.prepare<[number], CaseRowLite>(
      `SELECT id, number, market, language, received_at, received_date, received_channel, category, summary, customer_id,
         merchant_id, customer_name FROM cases WHERE id = ?`,
    ),
    eventBySource: sqlite.prepare<[number, string], { id: number }>('SELECT id FROM history_events WHERE case_id = ? AND source_id = ?'),
    mailByMessageId: sqlite.prepare<[string], { event_id: number; case_id: number }>('SELECT event_id, case_id FROM mail_messages WHERE message_id = ?'),
    insertMail: sqlite.prepare('INSERT INTO mail_messages (message_id, event_id, case_id, imported_at) VALUES (?, ?, ?, ?)'),
    maxNumber: sqlite.prepare<[string, string], { n: string | null }>('SELECT max(number) AS n FROM cases WHERE number >= ? AND number < ?'),
    counter: sqlite.prepare<[string], { value: number }>('SELECT value FROM counters WHERE name = ?'),
    setCounter: sqlite.prepare('INSERT INTO counters (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value'),
    customer: sqlite.prepare<[number], Record<string, unknown>>(
      'SELECT source_id, name, personal_number, email, phone, street, postal_code, city, country FROM customers WHERE id = ?',
    ),
    updateCustomer: sqlite.prepare(
      `UPDATE customers SET name = @name, personal_number = @personalNumber, email = @email, phone = @phone, street = @street,
         postal_code = @postalCode, city = @city, country = @country WHERE id = @id`,
    ),
    merchantBySource: sqlite.prepare<[string], { id: number }>('SELECT id FROM merchants WHERE source_id = ?'),
    merchantByName: sqlite.prepare<[string], { id: number }>('SELECT id FROM merchants WHERE name = ? ORDER BY id LIMIT 1'),
    merchant: sqlite.prepare<[number], { name: string; org_number: string | null; country: string }>('SELECT name, org_number, country FROM merchants WHERE id = ?'),
    updateMerchant: sqlite.prepare('UPDATE merchants SET name = @name, org_number = @orgNumber, country = @country WHERE id = @id'),
    insertMerchant: sqlite.prepare('INSERT INTO merchants (source_id, name, org_number, country) VALUES (@sourceId, @name, @orgNumber, @country)'),
    updateCase: sqlite.prepare(
      `UPDATE cases SET market = @market, language = @language, received_at = @receivedAt, received_date = @receivedDate,
         received_channel = @receivedChannel, category = @category, summary = @summary, merchant_id = @merchantId,
         customer_name = @customerName, updated_at = @now WHERE id = @id`,
    ),
    purchases: sqlite.prepare<[number], { id: number; source_id: string | null; order_ref: string; purchased_on: string; amount_minor: number; currency: string; product: string; status: string; merchant_id: number | null }>(
      'SELECT id, source_id, order_ref, purchased_on, amount_minor, currency, product, status, merchant_id FROM purchases WHERE case_id = ?',
    ),
    insertPurchase: sqlite.prepare(
      `INSERT INTO purchases (case_id, source_id, order_ref, purchased_on, amount_minor, currency, product, status, merchant_id)
       VALUES (@caseId, @sourceId, @orderRef, @purchasedOn, @amountMinor, @currency, @product, @status, @merchantId)`,
    ),
    updatePurchase: sqlite.prepare(
      `UPDATE purchases SET source_id = @sourceId, purchased_on = @purchasedOn, amount_minor = @amountMinor, currency = @currency,
         product = @product, status = @status, merchant_id = @merchantId WHERE id = @id`,
    ),
    claims: sqlite.prepare<[number], { id: number; position: number; kind: string; text: string; amount_minor: number | null; currency: string | null }>(
      'SELECT id, position, kind, text, amount_minor, currency FROM claims WHERE case_id = ? ORDER BY position',
    ),
    insertClaim: sqlite.prepare(
      'INSERT INTO claims (case_id, position, kind, text, amount_minor, currency) VALUES (@caseId, @position, @kind, @text, @amountMinor, @currency)',
    ),
    updateClaim: sqlite.prepare('UPDATE claims SET kind = @kind, text = @text, amount_minor = @amountMinor, currency = @currency WHERE id = @id'),
    eventSources: sqlite.prepare<[number], { source_id: string }>('SELECT source_id FROM history_events WHERE case_id = ? AND source_id IS NOT NULL'),
    clockEvents: sqlite.prepare<[number], { id: number; occurred_at: string; kind: string; direction: string; data: string; order_ref: string | null }>(
      `SELECT h.id, h.occurred_at, h.kind, h.direction, h.data, p.order_ref FROM history_events h
       LEFT JOIN purchases p ON p.id = h.purchase_id WHERE h.case_id = ? ORDER BY h.occurred_at, h.id`,
    ),
    refreshCounts: sqlite.prepare(
      `UPDATE cases SET event_count = (SELECT count(*) FROM history_events WHERE case_id = @id),
         last_event_at = (SELECT max(occurred_at) FROM history_events WHERE case_id = @id), updated_at = @now WHERE id = @id`,
    ),
    refreshClaimTotal: sqlite.prepare(
      `UPDATE cases SET
         claim_total_minor = CASE WHEN (SELECT count(DISTINCT currency) FROM claims WHERE case_id = @id AND amount_minor IS NOT NULL) = 1
           THEN (SELECT sum(amount_minor) FROM claims WHERE case_id = @id) END,
         claim_currency = CASE WHEN (SELECT count(DISTINCT currency) FROM claims WHERE case_id = @id AND amount_minor IS NOT NULL) = 1
           THEN (SELECT max(currency) FROM claims WHERE case_id = @id AND amount_minor IS NOT NULL) END
       WHERE id = @id`,
    ),
    updateDerived: sqlite.prepare(
      `UPDATE cases SET flags = @flags, flag_count = @flagCount, next_due_date = @nextDueDate, next_due_kind = @nextDueKind,
         derived_version = @version WHERE id = @caseId`,
    ),
    deleteCaseFts: sqlite.prepare('DELETE FROM case_fts WHERE rowid = ?'),
    deleteCaseTextFts: sqlite.prepare('DELETE FROM case_text_fts WHERE rowid = ?'),
    // The case's identity fields and its free text are indexed apart (migration 9).
    insertCaseTextFts: sqlite.prepare('INSERT INTO case_text_fts (rowid, claims, summary) VALUES (?, ?, ?)'),
    insertCaseFts: sqlite.prepare(
      'INSERT INTO case_fts (rowid, number, customer, personal_number, merchant, order_refs) VALUES (?, ?, ?, ?, ?, ?)',
    ),
  };

  function nextNumber(year: string): string {
    const name = `case-number:${year}`;
    let value = q.counter.get(name)?.value;
    if (value === undefined) {
      const max = q.maxNumber.get(`KO-${year}-`, `KO-${year}-~`)?.n;
      value = max ? Number(max.slice(8)) : 0;
    }
    for (;;) {
      value++;
      if (value > 999_999) throw new CaseConflictError('$.receivedAt', `the case numbers of ${year} are used up`);
      const number = `KO-${year}-${String(value).padStart(6, '0')}`;
      if (!q.caseByNumber.get(number)) {
        q.setCounter.run(name, value);
        return number;
      }
    }
  }

  function create(bundle: ImportBundle): UpsertResult {
    let number = bundle.number;
    if (number) {
      const other = q.caseByNumber.get(number);
      if (other) throw new CaseConflictError('$.caseNumber', `${number} already belongs to another case (source id ${other.source_id ?? 'none'})`);
    } else number = nextNumber(bundle.receivedDate.slice(0, 4));
    const caseId = writer.writeInTransaction({ ...bundle, number }, options.now());
    return { caseId, number, outcome: 'created', eventsAdded: bundle.events.length };
  }

  function same(a: unknown, b: unknown): boolean {
    return (a ?? null) === (b ?? null);
  }

  function merchantIdFor(m: ImportBundle['merchant']): { id: number | null; changed: boolean } {
    if (!m) return { id: null, changed: false };
    const found = m.sourceId ? q.merchantBySource.get(m.sourceId) : q.merchantByName.get(m.name);
    if (!found) return { id: Number(q.insertMerchant.run({ ...m, sourceId: m.sourceId ?? null }).lastInsertRowid), changed: true };
    const row = q.merchant.get(found.id)!;
    if (!same(row.name, m.name) || !same(row.org_number, m.orgNumber) || !same(row.country, m.country)) {
      q.updateMerchant.run({ id: found.id, name: m.name, orgNumber: m.orgNumber, country: m.country });
      return { id: found.id, changed: true };
    }
    return { id: found.id, changed: false };
  }

  function update(bundle: ImportBundle, row: CaseRowLite): UpsertResult {
    const stamp = options.now();
    let changed = false;
    const c = bundle.customer;
    const cust = q.customer.get(row.customer_id)!;
    if (
      !same(cust.name, c.name) || !same(cust.personal_number, c.personalNumber) || !same(cust.email, c.email) || !same(cust.phone, c.phone) ||
      !same(cust.street, c.street) || !same(cust.postal_code, c.postalCode) || !same(cust.city, c.city) || !same(cust.country, c.country)
    ) {
      q.updateCustomer.run({ ...c, id: row.customer_id });
      changed = true;
    }
    const merchant = merchantIdFor(bundle.merchant);
    changed ||= merchant.changed;
    if (
      !same(row.market, bundle.market) || !same(row.language, bundle.language) || !same(row.received_at, bundle.receivedAt) ||
      !same(row.received_date, bundle.receivedDate) || !same(row.received_channel, bundle.receivedChannel) ||
      !same(row.category, bundle.category) || !same(row.summary, bundle.summary) || !same(row.merchant_id, merchant.id) ||
      !same(row.customer_name, c.name)
    ) {
      q.updateCase.run({ ...bundle, id: row.id, merchantId: merchant.id, customerName: c.name, now: stamp });
      changed = true;
    }

    const purchases = new Map(q.purchases.all(row.id).map((p) => [p.order_ref, p]));
    for (const p of bundle.purchases) {
      const old = purchases.get(p.orderRef);
      const values = { ...p, sourceId: p.sourceId ?? null, caseId: row.id, merchantId: merchant.id };
      if (!old) {
        const id = Number(q.insertPurchase.run(values).lastInsertRowid);
        purchases.set(p.orderRef, { id, order_ref: p.orderRef } as never);
        changed = true;
      } else if (
        !same(old.source_id, values.sourceId) || !same(old.purchased_on, p.purchasedOn) || !same(old.amount_minor, p.amountMinor) ||
        !same(old.currency, p.currency) || !same(old.product, p.product) || !same(old.status, p.status) || !same(old.merchant_id, merchant.id)
      ) {
        q.updatePurchase.run({ ...values, id: old.id });
        changed = true;
      }
    }

    const claims = q.claims.all(row.id);
    let claimsChanged = false;
    bundle.claims.forEach((cl, i) => {
      const old = claims.find((x) => x.position === i + 1);
      if (!old) {
        q.insertClaim.run({ ...cl, caseId: row.id, position: i + 1 });
        claimsChanged = true;
      } else if (!same(old.kind, cl.kind) || !same(old.text, cl.text) || !same(old.amount_minor, cl.amountMinor) || !same(old.currency, cl.currency)) {
        q.updateClaim.run({ ...cl, id: old.id });
        claimsChanged = true;
      }
    });
    if (claimsChanged) q.refreshClaimTotal.run({ id: row.id });
    changed ||= claimsChanged;

    const known = new Set(q.eventSources.all(row.id).map((e) => e.source_id));
    const fresh = bundle.events.filter((e) => !e.sourceId || !known.has(e.sourceId));
    for (const e of fresh) insertEvent(row.id, e, e.orderRef ? (purchases.get(e.orderRef)?.id ?? null) : null, stamp);
    if (fresh.length > 0) q.refreshCounts.run({ id: row.id, now: stamp });
    changed ||= fresh.length > 0;

    if (changed) {
      const d = options.derive({ ...bundle, number: row.number }, clockEvents(row.id));
      q.updateDerived.run({ caseId: row.id, flags: JSON.stringify(d.flags), flagCount: d.flags.length, nextDueDate: d.nextDueDate, nextDueKind: d.nextDueKind, version: d.version });
      q.deleteCaseFts.run(row.id);
      q.deleteCaseTextFts.run(row.id);
      const allClaims = q.claims.all(row.id);
      q.insertCaseFts.run(row.id, row.number, c.name, c.personalNumber, bundle.merchant?.name ?? '', [...purchases.keys()].join(' '));
      q.insertCaseTextFts.run(row.id, allClaims.map((x) => x.text).join(' '), bundle.summary);
    }
    return { caseId: row.id, number: row.number, outcome: changed ? 'updated' : 'unchanged', eventsAdded: fresh.length };
  }

  const insertEvent = prepareEventInsert(sqlite);

  /** The history as the derivation rules read it. */
  function clockEvents(caseId: number): WrittenEvent[] {
    return q.clockEvents.all(caseId).map((e) => ({
      id: e.id,
      occurredAt: e.occurred_at,
      kind: e.kind,
      direction: e.direction,
      orderRef: e.order_ref,
      data: JSON.parse(e.data) as Record<string, unknown>,
    }));
  }

  function rederive(caseId: number): void {
    const row = q.caseById.get(caseId)!;
    const bundle = { market: row.market, receivedDate: row.received_date } as unknown as NewCaseBundle;
    const d = options.derive(bundle, clockEvents(caseId));
    q.updateDerived.run({ caseId, flags: JSON.stringify(d.flags), flagCount: d.flags.length, nextDueDate: d.nextDueDate, nextDueKind: d.nextDueKind, version: d.version });
  }

  return {
    caseByNumber: (number) => q.caseByNumber.get(number),
    eventBySource: (caseId, sourceId) => q.eventBySource.get(caseId, sourceId),
    mailByMessageId: (id) => q.mailByMessageId.get(id),
    recordMail: (messageId, eventId, caseId, at) => void q.insertMail.run(messageId, eventId, caseId, at),
    appendEvents(caseId, events) {
      const stamp = options.now();
      const purchases = new Map(q.purchases.all(caseId).map((p) => [p.order_ref, p.id]));
      const ids = events.map((e) => insertEvent(caseId, e, e.orderRef ? (purchases.get(e.orderRef) ?? null) : null, stamp));
      q.refreshCounts.run({ id: caseId, now: stamp });
      rederive(caseId);
      return ids;
    },
    upsert(bundle) {
      const row = q.caseBySource.get(bundle.sourceId);
      if (!row) return create(bundle);
      if (bundle.number && bundle.number !== row.number) {
        throw new CaseConflictError('$.caseNumber', `the case with source id "${bundle.sourceId}" is ${row.number} in the store, not ${bundle.number}`);
      }
      return update(bundle, row);
    },
  };
}

/**
 * A digest of everything the store holds: every row of every table, in rowid order. Two stores
 * (or one store before and after) with the same digest hold the same content, whatever the file's
 * page layout. Used by tests and by `ombud info --digest` to prove an import changed nothing.
 */
export function contentDigest(sqlite: BetterSqlite3.Database): string {
  const hash = createHash('sha256');
  const tables = sqlite
    .prepare<[], { name: string; sql: string }>(`SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .all();
  for (const t of tables) {
    if (/CREATE VIRTUAL TABLE/i.test(t.sql)) continue; // their shadow tables carry the content
    hash.update(`\u0000table ${t.name}\u0000`);
    const withoutRowid = /WITHOUT ROWID/i.test(t.sql);
    const rows = sqlite.prepare(`SELECT * FROM "${t.name.replace(/"/g, '""')}" ${withoutRowid ? '' : 'ORDER BY rowid'}`).raw().iterate() as Iterable<unknown[]>;
    for (const row of rows) {
      hash.update(JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? createHash('sha256').update(v).digest('hex') : typeof v === 'bigint' ? v.toString() : v)));
      hash.update('\n');
    }
  }
  return hash.digest('hex');
}

/**
 * One write transaction held across an asynchronous import (the file is read in chunks between
 * writes). `BEGIN IMMEDIATE` takes the write lock up front so the import cannot fail half-way on a
 * lock; should the process die, SQLite discards the uncommitted work on the next open.
 */
export interface ImportTransaction {
  /** Runs `work` so that, if it throws, only its own writes are undone. */
  step<T>(work: () => T): T;
  /**
   * Indexes for search the history written since the last call (commit does it too). An import
   * calls it between batches, while its reading worker prepares the next one.
   */
  indexHistory(): void;
  commit(): void;
  rollback(): void;
}

export function beginImportTransaction(sqlite: BetterSqlite3.Database): ImportTransaction {
  sqlite.exec('BEGIN IMMEDIATE');
  // History search is filled once at the end for the new rows rather than row by row through
  // its trigger (several times faster). The trigger is dropped inside the transaction, so a
  // rollback or a killed process restores it with everything else.
  const hadTrigger = sqlite.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'trigger' AND name = 'history_events_fts'`).get() !== undefined;
  let indexedTo = (sqlite.prepare('SELECT coalesce(max(id), 0) AS n FROM history_events').get() as { n: number }).n;
  if (hadTrigger) sqlite.exec('DROP TRIGGER history_events_fts');
  const fill = sqlite.prepare<[number]>('INSERT INTO history_fts (rowid, summary, body) SELECT id, summary, body FROM history_events WHERE id > ?');
  const last = sqlite.prepare<[], number>('SELECT coalesce(max(id), 0) FROM history_events').pluck();
  let open = true;
  const indexHistory = () => {
    if (!open || !hadTrigger) return;
    const to = last.get()!;
    if (to > indexedTo) fill.run(indexedTo);
    indexedTo = to;
  };
  return {
    indexHistory,
    step(work) {
      sqlite.exec('SAVEPOINT import_step');
      try {
        const result = work();
        sqlite.exec('RELEASE import_step');
        return result;
      } catch (error) {
        sqlite.exec('ROLLBACK TO import_step');
        sqlite.exec('RELEASE import_step');
        throw error;
      }
    },
    commit() {
      if (!open) return;
      if (hadTrigger) {
        indexHistory();
        sqlite.exec(HISTORY_FTS_TRIGGER);
      }
      sqlite.exec('COMMIT');
      open = false;
    },
    rollback() {
      if (open && sqlite.inTransaction) sqlite.exec('ROLLBACK');
      open = false;
    },
  };
}
