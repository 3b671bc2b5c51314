import { sql } from 'kysely';
import type { Db } from '../connection';

/** A closed, not yet anonymised case with the dates the retention rules read. */
export interface RetentionCandidate {
  id: number;
  number: string;
  market: string;
  category: string;
  status: string;
  /** The last move to `closed` (or the last update, for a case imported as closed). */
  closed_at: string;
  /** The last correspondence with an authority (ARN, Finansinspektionen …), if any. */
  last_authority_at: string | null;
  /** References of the case's authority matters without an outcome yet: a legal hold. */
  open_matters: string | null;
}

/**
 * Closed cases not yet anonymised, with their closing date and last authority event. SQLite's
 * json_extract reads the status event's target; another dialect replaces this one function.
 */
export async function listRetentionCandidates(db: Db, caseIds?: number[]): Promise<RetentionCandidate[]> {
  let q = db
    .selectFrom('cases as c')
    .select([
      'c.id',
      'c.number',
      'c.market',
      'c.category',
      'c.status',
      sql<string>`coalesce((SELECT max(e.occurred_at) FROM history_events e WHERE e.case_id = c.id AND e.kind = 'status_change'
        AND json_extract(e.data, '$.toStatus') = 'closed'), c.updated_at)`.as('closed_at'),
      sql<string | null>`(SELECT max(x) FROM (
          SELECT max(e.occurred_at) AS x FROM history_events e WHERE e.case_id = c.id AND e.kind = 'authority_correspondence'
          UNION ALL SELECT max(coalesce(m.complied_on, m.decided_on, m.response_sent_on, m.received_date)) FROM authority_matters m WHERE m.case_id = c.id))`.as(
        'last_authority_at',
      ),
      sql<string | null>`(SELECT group_concat(m.authority || ' ' || m.reference, ', ') FROM authority_matters m WHERE m.case_id = c.id AND m.outcome IS NULL)`.as(
        'open_matters',
      ),
    ])
    .where('c.anonymised_at', 'is', null)
    .orderBy('c.id');
  q = caseIds ? q.where('c.id', 'in', caseIds.length > 0 ? caseIds : [-1]) : q.where('c.status', '=', 'closed');
  return q.execute();
}

/** History text and data keys kept after anonymisation: what statistics and red-flag counts read, no names or free text. */
const KEPT_DATA_KEYS = ['amount', 'outcome', 'pauseDays', 'fromStatus', 'toStatus', 'promise', 'technicalError'];

/**
 * Removes the personal data of one case and keeps its statistics: market, category, status,
 * dates, amounts, products, claim kinds and amounts, event kinds and times, outcomes.
 *
 * - history events: summary and body blanked, data reduced to KEPT_DATA_KEYS, actor replaced
 *   unless it is a staff user; allowed by the migration-8 grant, which exists only inside this
 *   function's caller's transaction; the search index is rewritten to match;
 * - attachments of the case: unlinked, and deleted when no other case uses the same file;
 * - customer: a fresh anonymous customer row (the old one is blanked when no other case uses it);
 * - case summary, customer name, claim texts, order references: replaced.
 */
export async function anonymiseCaseData(db: Db, caseId: number, at: string, label: string): Promise<{ events: number; attachments: number }> {
  const events = await db.selectFrom('history_events').select(['id', 'summary', 'body', 'data', 'actor_user_id']).where('case_id', '=', caseId).execute();
  await db.insertInto('anonymisation_grants').values({ case_id: caseId }).execute();
  for (const e of events) {
    const data = JSON.parse(e.data) as Record<string, unknown>;
    const kept = Object.fromEntries(Object.entries(data).filter(([k]) => KEPT_DATA_KEYS.includes(k)));
    await sql`INSERT INTO history_fts(history_fts, rowid, summary, body) VALUES ('delete', ${e.id}, ${e.summary}, ${e.body})`.execute(db);
    await db
      .updateTable('history_events')
      .set({ summary: label, body: '', data: JSON.stringify(kept), ...(e.actor_user_id === null ? { actor: label } : {}) })
      .where('id', '=', e.id)
      .execute();
    await sql`INSERT INTO history_fts(rowid, summary, body) VALUES (${e.id}, ${label}, '')`.execute(db);
  }
  // Decision letters name the customer and quote the history: their texts go too, in the same
  // grant window (migration 10 lets only the texts of an issued decision change under a grant).
  const anonDoc = JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: label }] }] });
  const decisions = await db.selectFrom('decisions').select(['id', 'panel']).where('case_id', '=', caseId).execute();
  for (const d of decisions) {
    const panel = JSON.parse(d.panel) as { claims?: Record<string, unknown>[] };
    const blanked = JSON.stringify({ ...panel, claims: (panel.claims ?? []).map((c) => ({ ...c, reasoning: '' })) });
    await db.updateTable('decisions').set({ content: anonDoc, panel: blanked, rendered_text: label }).where('id', '=', d.id).execute();
    await db.updateTable('decision_versions').set({ content: anonDoc, panel: blanked }).where('decision_id', '=', d.id).execute();
    await db.updateTable('decision_reviews').set({ comment: '' }).where('decision_id', '=', d.id).execute();
  }
  // So do responses to ARN (migration 13 lets a finalised response's texts change under a grant, nothing else).
  const responses = await db.selectFrom('arn_responses').select(['id', 'panel', 'rendered_text']).where('case_id', '=', caseId).execute();
  for (const r of responses) {
    const panel = JSON.parse(r.panel) as { points?: Record<string, unknown>[]; answers?: string[]; exhibits?: Record<string, unknown>[] };
    const blanked = JSON.stringify({
      ...panel,
      points: (panel.points ?? []).map((p) => ({ ...p, text: label })),
      answers: (panel.answers ?? []).map(() => ''),
      exhibits: (panel.exhibits ?? []).map((x) => ({ ...x, title: label })),
      settlementOffer: '',
    });
    await db.updateTable('arn_responses').set({ content: anonDoc, panel: blanked, rendered_text: r.rendered_text === null ? null : label }).where('id', '=', r.id).execute();
    await db.updateTable('arn_response_reviews').set({ comment: '' }).where('response_id', '=', r.id).execute();
  }
  await db.deleteFrom('anonymisation_grants').where('case_id', '=', caseId).execute();

  const eventIds = events.map((e) => e.id);
  const links = eventIds.length
    ? await db.selectFrom('event_attachments').select('attachment_id').where('event_id', 'in', eventIds).execute()
    : [];
  const attachmentIds = [...new Set(links.map((l) => l.attachment_id))];
  if (eventIds.length) await db.deleteFrom('event_attachments').where('event_id', 'in', eventIds).execute();
  let removed = 0;
  for (const id of attachmentIds) {
    const still = await db.selectFrom('event_attachments').select('attachment_id').where('attachment_id', '=', id).limit(1).executeTakeFirst();
    if (!still) {
      await db.deleteFrom('attachments').where('id', '=', id).execute();
      removed += 1;
    }
  }

  const row = await db.selectFrom('cases').select(['customer_id', 'number', 'flags']).where('id', '=', caseId).executeTakeFirstOrThrow();
  // Red flags keep their codes, events and counts; an order reference is an identifier.
  const flags = (JSON.parse(row.flags) as { facts?: Record<string, unknown> }[]).map((f) =>
    f.facts && 'orderRef' in f.facts ? { ...f, facts: { ...f.facts, orderRef: '' } } : f,
  );
  const customer = await db.selectFrom('customers').select(['id', 'country']).where('id', '=', row.customer_id).executeTakeFirstOrThrow();
  const shared = await db.selectFrom('cases').select('id').where('customer_id', '=', customer.id).where('id', '!=', caseId).limit(1).executeTakeFirst();
  const anonymous = { source_id: null, name: label, personal_number: '', email: null, phone: null, street: null, postal_code: null, city: null };
  if (shared) {
    const inserted = await db.insertInto('customers').values({ ...anonymous, country: customer.country }).returning('id').executeTakeFirstOrThrow();
    await db.updateTable('cases').set({ customer_id: inserted.id }).where('id', '=', caseId).execute();
  } else {
    await db.updateTable('customers').set(anonymous).where('id', '=', customer.id).execute();
  }
  await db
    .updateTable('cases')
    .set({ customer_name: label, summary: '', flags: JSON.stringify(flags), anonymised_at: at, updated_at: at })
    .where('id', '=', caseId)
    .execute();
  await db.updateTable('claims').set({ text: '' }).where('case_id', '=', caseId).execute();
  await sql`UPDATE purchases SET order_ref = 'ANON-' || id WHERE case_id = ${caseId}`.execute(db);
  // Authority matters keep authority, dates, amounts, outcome and compliance; their texts go.
  await sql`UPDATE authority_matters SET reference = 'ANON-' || id, claim_text = '', recommendation = CASE WHEN recommendation IS NULL THEN NULL ELSE '' END,
    questions = '[]', documents = '[]' WHERE case_id = ${caseId}`.execute(db);
  // Both case indexes (migration 9): the identity fields keep only the number and the label; the free text goes.
  await sql`DELETE FROM case_fts WHERE rowid = ${caseId}`.execute(db);
  await sql`DELETE FROM case_text_fts WHERE rowid = ${caseId}`.execute(db);
  await sql`INSERT INTO case_fts (rowid, number, customer, personal_number, merchant, order_refs)
    VALUES (${caseId}, ${row.number}, ${label}, '', '', '')`.execute(db);
  return { events: events.length, attachments: removed };
}

export async function insertRetentionRun(
  db: Db,
  run: { started_at: string; finished_at: string; dry_run: number; trigger: 'cli' | 'schedule' | 'app' | 'request'; user_id: number | null; rules: string; cases_affected: number; case_ids: string },
): Promise<number> {
  const row = await db.insertInto('retention_runs').values(run).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function lastRetentionRun(db: Db, dryRun: boolean) {
  return db.selectFrom('retention_runs').selectAll().where('dry_run', '=', dryRun ? 1 : 0).orderBy('id', 'desc').limit(1).executeTakeFirst();
}
