import { createHash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';

/**
 * Bulk writes of whole cases (demo generator, imports). These run as prepared statements on the
 * raw handle inside one synchronous transaction per batch: a case with its customer, purchases,
 * claims, history and attachments is written completely or not at all, at the throughput an
 * import of millions of events needs. SQLite-specific, kept here so another dialect can replace it.
 */

export interface NewAttachment {
  fileName: string;
  mediaType: string;
  content: Buffer;
  /** Where the file came from (an import file, a mail's Message-ID); kept on the link. */
  source?: string | null;
}

export interface NewEvent {
  sourceId?: string | null;
  occurredAt: string;
  kind: string;
  source: string;
  direction: 'inbound' | 'outbound' | 'internal';
  actor: string;
  actorUserId?: number | null;
  /** Links the event to one of the case's purchases by order reference. */
  orderRef?: string | null;
  summary: string;
  body: string;
  data: Record<string, unknown>;
  attachments?: NewAttachment[];
}

export interface NewCaseBundle {
  number: string;
  sourceId?: string | null;
  market: string;
  language: string;
  receivedAt: string;
  receivedDate: string;
  receivedChannel: string;
  status: string;
  category: string;
  summary: string;
  assigneeId?: number | null;
  customer: {
    sourceId?: string | null;
    name: string;
    personalNumber: string;
    email: string | null;
    phone: string | null;
    street: string | null;
    postalCode: string | null;
    city: string | null;
    country: string;
  };
  merchant: { sourceId?: string | null; name: string; orgNumber: string | null; country: string } | null;
  purchases: {
    sourceId?: string | null;
    orderRef: string;
    purchasedOn: string;
    amountMinor: number;
    currency: string;
    product: string;
    status: string;
  }[];
  claims: { kind: string; text: string; amountMinor: number | null; currency: string | null }[];
  events: NewEvent[];
  /**
   * The derived fields, already computed (by the import's reading worker) from the history in
   * `historyOrder`, with each event's position in that order standing for its id. The writer
   * turns the positions into the ids it gives the events; without this, it calls `derive`.
   */
  derivedByPosition?: DerivedCaseFields;
}

/** What a case's history says about it, as stored on the case row for the inbox. */
export interface DerivedCaseFields {
  /** Red flags; each names the events it rests on by id. */
  flags: { eventIds: number[] }[];
  nextDueDate: string | null;
  nextDueKind: string | null;
  version: number;
}

/** The history as the derivation rules read it, with the ids the store gave each event. */
export interface WrittenEvent {
  id: number;
  occurredAt: string;
  kind: string;
  direction: string;
  orderRef: string | null;
  data: Record<string, unknown>;
}

/** A new case's history as the derivation rules read it, ids counted from `firstId`. */
export function writtenEvents(sorted: readonly NewEvent[], firstId: number): WrittenEvent[] {
  return sorted.map((e, i) => ({ id: firstId + i, occurredAt: e.occurredAt, kind: e.kind, direction: e.direction, orderRef: e.orderRef ?? null, data: e.data }));
}

/** Computes the derived fields of a freshly written case; supplied by the service layer. */
export type DeriveCase = (bundle: NewCaseBundle, events: WrittenEvent[]) => DerivedCaseFields;

export interface CaseWriterOptions {
  now?: () => string;
  derive?: DeriveCase;
}

export interface CaseWriter {
  /** Writes the cases in one transaction; returns their new ids in order. */
  writeBatch(cases: NewCaseBundle[]): number[];
  /**
   * Writes one case inside the caller's open transaction, with no savepoint of its own (the
   * importer's all-or-nothing transaction needs none; `--partial` wraps each case in one).
   */
  writeInTransaction(bundle: NewCaseBundle, stamp: string): number;
}

/**
 * Appends one event (and its attachments) to a case's history; returns the event's id, which is
 * `id` when given (the next free one, taken by a writer that needs the ids before writing).
 */
export type EventInserter = (caseId: number, event: NewEvent, purchaseId: number | null, stamp: string, id?: number) => number;

/**
 * The one statement that appends history, shared by the case writer, the importer's update path
 * and the mail import. Positional parameters: binding by name costs more per row, and an import
 * writes millions of them.
 */
export function prepareEventInsert(sqlite: BetterSqlite3.Database): EventInserter {
  const insertEvent = sqlite.prepare<[number | null, number, string | null, string, string, string, string, string, number | null, number | null, string, string, string, string]>(
    `INSERT INTO history_events (id, case_id, source_id, occurred_at, kind, source, direction, actor, actor_user_id,
       purchase_id, summary, body, data, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertAttachment = sqlite.prepare(
    `INSERT INTO attachments (sha256, size, media_type, content, created_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (sha256) DO NOTHING`,
  );
  const findAttachment = sqlite.prepare<[string], { id: number }>('SELECT id FROM attachments WHERE sha256 = ?');
  const linkAttachment = sqlite.prepare(
    'INSERT INTO event_attachments (event_id, position, attachment_id, file_name, media_type, source) VALUES (?, ?, ?, ?, ?, ?)',
  );
  return (caseId, e, purchaseId, stamp, id) => {
    const eventId = Number(
      insertEvent.run(
        id ?? null,
        caseId,
        e.sourceId ?? null,
        e.occurredAt,
        e.kind,
        e.source,
        e.direction,
        e.actor,
        e.actorUserId ?? null,
        purchaseId,
        e.summary,
        e.body,
        JSON.stringify(e.data),
        stamp,
      ).lastInsertRowid,
    );
    // Every file keeps its own link, in the order given: the same name and bytes twice are two files.
    for (const [position, a] of (e.attachments ?? []).entries()) {
      const sha = createHash('sha256').update(a.content).digest('hex');
      insertAttachment.run(sha, a.content.length, a.mediaType, a.content, stamp);
      linkAttachment.run(eventId, position, findAttachment.get(sha)!.id, a.fileName, a.mediaType, a.source ?? null);
    }
    return eventId;
  };
}

/** The order a new case's history is written in (ids ascend with it): by time, ties as given. */
export function historyOrder<E extends { occurredAt: string }>(events: readonly E[]): E[] {
  return [...events].sort((a, b) => (a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : 0));
}

/** Derived fields computed with positions for ids, given the id of the first event. */
export function atEventIds(derived: DerivedCaseFields, firstEventId: number): DerivedCaseFields {
  return { ...derived, flags: derived.flags.map((f) => ({ ...f, eventIds: f.eventIds.map((p) => firstEventId + p) })) };
}

export function createCaseWriter(sqlite: BetterSqlite3.Database, options: CaseWriterOptions = {}): CaseWriter {
  const now = options.now ?? (() => new Date().toISOString());
  const derive = options.derive;
  const findCustomerBySource = sqlite.prepare<[string], { id: number }>('SELECT id FROM customers WHERE source_id = ?');
  const findCustomerByNumber = sqlite.prepare<[string, string], { id: number }>(
    'SELECT id FROM customers WHERE personal_number = ? AND name = ? ORDER BY id LIMIT 1',
  );
  const insertCustomer = sqlite.prepare(
    `INSERT INTO customers (source_id, name, personal_number, email, phone, street, postal_code, city, country)
     VALUES (@sourceId, @name, @personalNumber, @email, @phone, @street, @postalCode, @city, @country)`,
  );
  const findMerchantBySource = sqlite.prepare<[string], { id: number }>('SELECT id FROM merchants WHERE source_id = ?');
  const findMerchantByName = sqlite.prepare<[string], { id: number }>('SELECT id FROM merchants WHERE name = ? ORDER BY id LIMIT 1');
  const insertMerchant = sqlite.prepare(
    `INSERT INTO merchants (source_id, name, org_number, country) VALUES (@sourceId, @name, @orgNumber, @country)`,
  );
  // The ids SQLite itself would give the next events (no AUTOINCREMENT: the largest plus one),
  // taken up front so that the case can be derived from its history before either is written.
  const nextEventId = sqlite.prepare<[], number>('SELECT coalesce(max(id), 0) + 1 FROM history_events').pluck();
  const insertCase = sqlite.prepare(
    `INSERT INTO cases (number, source_id, market, language, received_at, received_date, received_channel, status,
       category, summary, customer_id, merchant_id, assignee_id, customer_name, event_count, last_event_at,
       claim_total_minor, claim_currency, flags, flag_count, next_due_date, next_due_kind, derived_version, created_at, updated_at)
     VALUES (@number, @sourceId, @market, @language, @receivedAt, @receivedDate, @receivedChannel, @status,
       @category, @summary, @customerId, @merchantId, @assigneeId, @customerName, @eventCount, @lastEventAt,
       @claimTotal, @claimCurrency, @flags, @flagCount, @nextDueDate, @nextDueKind, @derivedVersion, @now, @now)`,
  );
  const insertPurchase = sqlite.prepare(
    `INSERT INTO purchases (case_id, source_id, order_ref, purchased_on, amount_minor, currency, product, status, merchant_id)
     VALUES (@caseId, @sourceId, @orderRef, @purchasedOn, @amountMinor, @currency, @product, @status, @merchantId)`,
  );
  const insertClaim = sqlite.prepare(
    `INSERT INTO claims (case_id, position, kind, text, amount_minor, currency)
     VALUES (@caseId, @position, @kind, @text, @amountMinor, @currency)`,
  );
  const insertEvent = prepareEventInsert(sqlite);
  // Identity fields and free text are indexed apart (migration 9): they are searched differently.
  const insertCaseFts = sqlite.prepare(
    `INSERT INTO case_fts (rowid, number, customer, personal_number, merchant, order_refs) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const insertCaseTextFts = sqlite.prepare(`INSERT INTO case_text_fts (rowid, claims, summary) VALUES (?, ?, ?)`);

  function customerId(c: NewCaseBundle['customer']): number {
    const existing = c.sourceId ? findCustomerBySource.get(c.sourceId) : findCustomerByNumber.get(c.personalNumber, c.name);
    if (existing) return existing.id;
    return Number(insertCustomer.run({ ...c, sourceId: c.sourceId ?? null }).lastInsertRowid);
  }

  function merchantId(m: NewCaseBundle['merchant']): number | null {
    if (!m) return null;
    const existing = m.sourceId ? findMerchantBySource.get(m.sourceId) : findMerchantByName.get(m.name);
    if (existing) return existing.id;
    return Number(insertMerchant.run({ ...m, sourceId: m.sourceId ?? null }).lastInsertRowid);
  }

  /**
   * The case row is written once, with its derived fields already computed from the history about
   * to be written: writing it first and updating it afterwards maintained its dozen indexes and
   * counting triggers twice per case.
   */
  function writeOne(bundle: NewCaseBundle, stamp: string): number {
    const cid = customerId(bundle.customer);
    const mid = merchantId(bundle.merchant);
    const sorted = historyOrder(bundle.events);
    const firstEventId = sorted.length > 0 ? nextEventId.get()! : 0;
    const d = bundle.derivedByPosition
      ? atEventIds(bundle.derivedByPosition, firstEventId)
      : derive?.(bundle, writtenEvents(sorted, firstEventId));
    const claimCurrencies = new Set(bundle.claims.filter((c) => c.amountMinor !== null).map((c) => c.currency));
    const claimTotal =
      claimCurrencies.size === 1 ? bundle.claims.reduce((sum, c) => sum + (c.amountMinor ?? 0), 0) : null;
    const caseId = Number(insertCase.run({
      number: bundle.number,
      sourceId: bundle.sourceId ?? null,
      market: bundle.market,
      language: bundle.language,
      receivedAt: bundle.receivedAt,
      receivedDate: bundle.receivedDate,
      receivedChannel: bundle.receivedChannel,
      status: bundle.status,
      category: bundle.category,
      summary: bundle.summary,
      customerId: cid,
      merchantId: mid,
      assigneeId: bundle.assigneeId ?? null,
      customerName: bundle.customer.name,
      eventCount: sorted.length,
      lastEventAt: sorted.length > 0 ? sorted[sorted.length - 1]!.occurredAt : null,
      claimTotal,
      claimCurrency: claimTotal === null ? null : ([...claimCurrencies][0] ?? null),
      flags: JSON.stringify(d?.flags ?? []),
      flagCount: d?.flags.length ?? 0,
      nextDueDate: d?.nextDueDate ?? null,
      nextDueKind: d?.nextDueKind ?? null,
      derivedVersion: d?.version ?? 0,
      now: stamp,
    }).lastInsertRowid);
    const purchaseIds = new Map<string, number>();
    for (const p of bundle.purchases) {
      const id = insertPurchase.run({ ...p, sourceId: p.sourceId ?? null, caseId, merchantId: mid }).lastInsertRowid;
      purchaseIds.set(p.orderRef, Number(id));
    }
    bundle.claims.forEach((c, i) => insertClaim.run({ ...c, caseId, position: i + 1 }));
    sorted.forEach((e, i) => insertEvent(caseId, e, e.orderRef ? (purchaseIds.get(e.orderRef) ?? null) : null, stamp, firstEventId + i));
    insertCaseFts.run(
      caseId,
      bundle.number,
      bundle.customer.name,
      bundle.customer.personalNumber,
      bundle.merchant?.name ?? '',
      bundle.purchases.map((p) => p.orderRef).join(' '),
    );
    insertCaseTextFts.run(caseId, bundle.claims.map((c) => c.text).join(' '), bundle.summary);
    return caseId;
  }

  const batch = sqlite.transaction((cases: NewCaseBundle[]) => {
    const stamp = now();
    return cases.map((c) => writeOne(c, stamp));
  });

  return { writeBatch: (cases) => batch(cases), writeInTransaction: writeOne };
}
