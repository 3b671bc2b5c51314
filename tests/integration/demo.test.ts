import { RED_FLAG_CODES } from '../../src/shared/domain/review';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Store } from '../../src/main/db/connection';
import { createDemoStore, demoCases } from '../../src/main/demo/generate';
import { luhnDigit } from '../../src/main/demo/people';
import { tempStore } from '../fixtures/temp-store';

const AS_OF = '2026-03-15';
const END_OF_AS_OF = `${AS_OF}T23:59:59.999Z`;
const DAY = 86_400_000;

interface EventRow {
  case_id: number;
  source_id: string;
  occurred_at: string;
  kind: string;
  source: string;
  direction: string;
  actor: string;
  actor_user_id: number | null;
  purchase_id: number | null;
  summary: string;
  body: string;
  data: string;
}

interface CaseRow {
  id: number;
  number: string;
  source_id: string;
  market: string;
  language: string;
  received_at: string;
  received_date: string;
  received_channel: string;
  status: string;
  category: string;
  summary: string;
  assignee_id: number | null;
  customer_name: string;
  event_count: number;
  last_event_at: string;
  claim_total_minor: number | null;
  claim_currency: string | null;
}

const CASE_COLUMNS =
  'id, number, source_id, market, language, received_at, received_date, received_channel, status, category, summary, assignee_id, customer_name, event_count, last_event_at, claim_total_minor, claim_currency';
const EVENT_COLUMNS = 'case_id, source_id, occurred_at, kind, source, direction, actor, actor_user_id, purchase_id, summary, body, data';

function cases(store: Store): CaseRow[] {
  return store.sqlite.prepare(`SELECT ${CASE_COLUMNS} FROM cases ORDER BY id`).all() as CaseRow[];
}

function events(store: Store): EventRow[] {
  return store.sqlite.prepare(`SELECT ${EVENT_COLUMNS} FROM history_events ORDER BY case_id, occurred_at, id`).all() as EventRow[];
}


function byCase(rows: readonly EventRow[]): Map<number, EventRow[]> {
  const out = new Map<number, EventRow[]>();
  for (const r of rows) {
    const list = out.get(r.case_id) ?? [];
    list.push(r);
    out.set(r.case_id, list);
  }
  return out;
}

const OFFICE_KINDS = new Set(['status_change', 'note', 'assignment', 'info_request', 'letter_sent', 'decision_issued', 'authority_correspondence']);

describe('demo store', () => {
  const N = 400;
  let main: Awaited<ReturnType<typeof tempStore>>;
  let result: { cases: number; events: number };
  let progress: [number, number][] = [];

  beforeAll(async () => {
    main = await tempStore();
    progress = [];
    result = await createDemoStore(main.store, {
      cases: N,
      seed: 7,
      asOf: AS_OF,
      batchSize: 150,
      onProgress: (done, total) => progress.push([done, total]),
    });
  });
  afterAll(async () => {
    await main.cleanup();
  });

  it('issues a decision for every case whose history says one went out, with every outcome, frozen', () => {
    const db = main.store.sqlite;
    const decided = db.prepare(`SELECT count(DISTINCT case_id) FROM history_events WHERE kind = 'decision_issued'`).pluck().get() as number;
    expect(decided).toBeGreaterThan(50);
    expect(db.prepare(`SELECT count(*) FROM decisions WHERE status = 'issued'`).pluck().get()).toBe(decided);
    const outcomes = db.prepare(`SELECT DISTINCT json_extract(value, '$.outcome') FROM decisions, json_each(decisions.panel, '$.claims') ORDER BY 1`).pluck().all();
    expect(outcomes).toEqual(['not_upheld', 'partly_upheld', 'upheld']);
    const remedies = db.prepare(`SELECT DISTINCT json_extract(r.value, '$.kind') FROM decisions, json_each(decisions.panel, '$.claims') c, json_each(c.value, '$.remedies') r`).pluck().all();
    expect(remedies).toEqual(expect.arrayContaining(['refund', 'fee_or_interest_waived']));
    const sample = db.prepare(`SELECT d.rendered_text, c.number, c.market FROM decisions d JOIN cases c ON c.id = d.case_id WHERE c.market = 'SE' LIMIT 1`).get() as { rendered_text: string; number: string };
    expect(sample.rendered_text).toContain(`Ärende: ${sample.number}`);
    expect(sample.rendered_text).toContain('Allmänna reklamationsnämnden');
    expect(sample.rendered_text).not.toMatch(/\{\{|\[[A-ZÅÄÖ][^\]]+\]/);
    expect(() => db.prepare(`UPDATE decisions SET rendered_text = '' WHERE id = (SELECT min(id) FROM decisions)`).run()).toThrow(/cannot be changed/);
  });

  it('writes the requested cases with a sane number of events each, reporting progress per batch', () => {
    const rows = cases(main.store);
    expect(result.cases).toBe(N);
    expect(rows).toHaveLength(N);
    const total = (main.store.sqlite.prepare('SELECT count(*) AS n FROM history_events').get() as { n: number }).n;
    expect(total).toBe(result.events);
    const average = total / N;
    expect(average).toBeGreaterThan(14);
    expect(average).toBeLessThan(32);
    for (const r of rows) {
      expect(r.event_count).toBeGreaterThanOrEqual(5);
      expect(r.event_count).toBeLessThanOrEqual(70);
    }
    expect(progress).toEqual([[150, N], [300, N], [400, N]]);
  });

  it('creates the demo office and assigns cases only to handlers', () => {
    const users = main.store.sqlite.prepare('SELECT id, username, display_name, role, title FROM users ORDER BY id').all() as {
      id: number;
      username: string;
      display_name: string;
      role: string;
      title: string;
    }[];
    expect(users.filter((u) => u.role === 'ombudsman').map((u) => [u.display_name, u.title])).toEqual([['Fia Engström', 'Kundombud']]);
    expect(users.filter((u) => u.role === 'handler').length).toBeGreaterThanOrEqual(3);
    expect(users.filter((u) => u.role === 'auditor')).toHaveLength(1);
    for (const u of users) expect(u.username).toBe(u.username.toLowerCase());
    const handlerIds = new Set(users.filter((u) => u.role === 'handler').map((u) => u.id));
    const rows = cases(main.store);
    const assigned = rows.filter((r) => r.assignee_id !== null);
    expect(assigned.length).toBeGreaterThan(N / 2);
    expect(assigned.length).toBeLessThan(N);
    for (const r of assigned) expect(handlerIds.has(r.assignee_id!)).toBe(true);
  });

  it('spreads markets, languages, statuses, channels and case numbers as specified', () => {
    const rows = cases(main.store);
    const se = rows.filter((r) => r.market === 'SE');
    const dk = rows.filter((r) => r.market === 'DK');
    expect(se.length / N).toBeGreaterThan(0.65);
    expect(dk.length / N).toBeGreaterThan(0.15);
    for (const r of dk) expect(r.language).toBe('da');
    for (const r of se) expect(['sv', 'en']).toContain(r.language);
    expect(new Set(rows.map((r) => r.status)).size).toBe(7);
    expect(new Set(rows.map((r) => r.category)).size).toBeGreaterThanOrEqual(10);
    expect(new Set(rows.map((r) => r.number)).size).toBe(N);
    rows.forEach((r, k) => {
      expect(r.number).toBe(`KO-${r.received_date.slice(0, 4)}-${String(k + 1).padStart(6, '0')}`);
      expect(r.source_id).toBe(`cs-7-${k}`);
      const zone = r.market === 'SE' ? 'Europe/Stockholm' : 'Europe/Copenhagen';
      const local = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
        new Date(r.received_at),
      );
      expect(r.received_date).toBe(local);
      expect(r.received_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    });
    // Received over the two years before the as-of date, in receipt order, recent ones still open.
    expect(rows[0]!.received_at < '2024-06-01').toBe(true);
    expect(rows[N - 1]!.received_at > '2026-02-01').toBe(true);
    const recent = rows.filter((r) => Date.parse(END_OF_AS_OF) - Date.parse(r.received_at) < 20 * DAY);
    expect(recent.length).toBeGreaterThan(0);
    for (const r of recent) expect(['received', 'acknowledged', 'in_review', 'waiting_for_customer', 'decision_drafted']).toContain(r.status);
    for (let k = 1; k < N; k++) expect(rows[k]!.received_at >= rows[k - 1]!.received_at).toBe(true);
  });

  it('stores money as integer minor units in the market currency', () => {
    const marketOf = new Map(cases(main.store).map((r) => [r.id, r.market]));
    const currency = (caseId: number) => (marketOf.get(caseId) === 'SE' ? 'SEK' : 'DKK');
    const purchases = main.store.sqlite
      .prepare('SELECT case_id, order_ref, amount_minor, typeof(amount_minor) AS t, currency, product, status FROM purchases')
      .all() as { case_id: number; order_ref: string; amount_minor: number; t: string; currency: string; product: string; status: string }[];
    expect(purchases.length).toBeGreaterThanOrEqual(N);
    for (const p of purchases) {
      expect(p.t).toBe('integer');
      expect(p.currency).toBe(currency(p.case_id));
      expect(p.amount_minor).toBeGreaterThanOrEqual(14_900);
      expect(p.amount_minor).toBeLessThanOrEqual(2_499_900);
      expect(p.order_ref).toMatch(/^ORD-[0-9A-Z]{7}$/);
    }
    expect(new Set(purchases.map((p) => p.product))).toEqual(new Set(['invoice', 'pay_later', 'part_payment', 'card']));
    const claims = main.store.sqlite
      .prepare('SELECT case_id, kind, text, amount_minor, typeof(amount_minor) AS t, currency FROM claims')
      .all() as { case_id: number; kind: string; text: string; amount_minor: number | null; t: string; currency: string | null }[];
    const perCase = new Map<number, number>();
    for (const c of claims) {
      perCase.set(c.case_id, (perCase.get(c.case_id) ?? 0) + 1);
      expect(c.text.length).toBeGreaterThan(20);
      if (c.amount_minor === null) expect(c.currency).toBeNull();
      else {
        expect(c.t).toBe('integer');
        expect(c.amount_minor).toBeGreaterThan(0);
        expect(c.currency).toBe(currency(c.case_id));
      }
    }
    expect(perCase.size).toBe(N);
    for (const n of perCase.values()) expect(n).toBeGreaterThanOrEqual(1);
    for (const n of perCase.values()) expect(n).toBeLessThanOrEqual(3);
    for (const e of events(main.store)) {
      const amount = (JSON.parse(e.data) as { amount?: { minor: unknown; currency: unknown } }).amount;
      if (!amount) continue;
      expect(Number.isSafeInteger(amount.minor)).toBe(true);
      expect(amount.currency).toBe(currency(e.case_id));
    }
    const withAmount = ['fee', 'payment', 'refund', 'reminder', 'debt_collection', 'invoice_issued'];
    for (const e of events(main.store).filter((x) => withAmount.includes(x.kind))) {
      expect((JSON.parse(e.data) as { amount?: unknown }).amount).toBeDefined();
    }
  });

  it('gives customers valid-format test identities and contact details', () => {
    const customers = main.store.sqlite
      .prepare('SELECT name, personal_number, email, phone, street, postal_code, city, country FROM customers')
      .all() as { name: string; personal_number: string; email: string; phone: string | null; street: string; postal_code: string; city: string; country: string }[];
    expect(customers.length).toBeGreaterThan(N * 0.9);
    for (const c of customers) {
      if (c.country === 'SE') {
        const m = /^(\d{4})(\d{2})(\d{2})-(\d{3})(\d)$/.exec(c.personal_number);
        expect(m).not.toBeNull();
        const [, year, month, day, serial, check] = m!;
        expect(Number(month)).toBeGreaterThanOrEqual(1);
        expect(Number(month)).toBeLessThanOrEqual(12);
        expect(Number(day)).toBeGreaterThanOrEqual(1);
        expect(Number(day)).toBeLessThanOrEqual(31);
        expect(luhnDigit(`${year!.slice(2)}${month}${day}${serial}`)).toBe(Number(check));
        expect(c.email).toMatch(/^[a-z0-9.]+@example\.se$/);
        expect(c.postal_code).toMatch(/^\d{3} \d{2}$/);
      } else {
        expect(c.country).toBe('DK');
        const m = /^(\d{2})(\d{2})(\d{2})-\d{4}$/.exec(c.personal_number);
        expect(m).not.toBeNull();
        expect(Number(m![2])).toBeGreaterThanOrEqual(1);
        expect(Number(m![2])).toBeLessThanOrEqual(12);
        expect(c.email).toMatch(/^[a-z0-9.]+@example\.dk$/);
        expect(c.postal_code).toMatch(/^\d{4}$/);
      }
      expect(c.street.length).toBeGreaterThan(3);
      expect(c.city.length).toBeGreaterThan(1);
    }
    // The point of Nordic demo data: names that exercise å ä ö æ ø é in search and sorting.
    const letters = customers.map((c) => c.name).join('');
    for (const ch of ['å', 'ä', 'ö', 'ø']) expect(letters.toLowerCase()).toContain(ch);
  });

  it('keeps every event within the as-of day and escalation events on the right side of receipt', () => {
    const rows = cases(main.store);
    const grouped = byCase(events(main.store));
    for (const r of rows) {
      const history = grouped.get(r.id)!;
      expect(history.length).toBe(r.event_count);
      // Events from the source systems carry unique source ids; what the office records in Ombud (authority matters) has none.
      const sourced = history.filter((e) => e.source_id !== null);
      expect(new Set(sourced.map((e) => e.source_id)).size).toBe(sourced.length);
      expect(history.filter((e) => e.source_id === null).every((e) => e.kind === 'authority_correspondence')).toBe(true);
      const escalations = history.filter((e) => e.kind === 'customer_escalation');
      expect(escalations).toHaveLength(1);
      expect(escalations[0]!.direction).toBe('inbound');
      expect(['mail', 'document']).toContain(escalations[0]!.source);
      expect(history.filter((e) => e.kind === 'cs_final_answer')).toHaveLength(1);
      for (const e of history) {
        expect(e.occurred_at <= END_OF_AS_OF).toBe(true);
        const office = OFFICE_KINDS.has(e.kind) || (e.kind === 'document' && JSON.parse(e.data).documentType === 'customer_reply');
        if (office) expect(e.occurred_at > r.received_at).toBe(true);
        else expect(e.occurred_at <= r.received_at).toBe(true);
      }
      // The final status is where the office's status changes lead.
      const changes = history.filter((e) => e.kind === 'status_change').map((e) => JSON.parse(e.data) as { fromStatus: string; toStatus: string });
      if (changes.length === 0) expect(r.status).toBe('received');
      else {
        expect(changes[0]!.fromStatus).toBe('received');
        expect(changes[changes.length - 1]!.toStatus).toBe(r.status);
        for (let k = 1; k < changes.length; k++) expect(changes[k]!.fromStatus).toBe(changes[k - 1]!.toStatus);
      }
      if (r.assignee_id !== null) expect(history.some((e) => e.kind === 'assignment')).toBe(true);
    }
  });

  it('writes every case in its own language', () => {
    const grouped = byCase(events(main.store));
    const signature: Record<string, RegExp> = { sv: /Med vänlig(a)? häls/, da: /Med venlig hilsen/, en: /Kind regards/ };
    const foreign: Record<string, RegExp> = { sv: /venlig hilsen|Kind regards|kundeservice/, da: /vänlig|Kind regards|kundservice\)/, en: /vänlig|venlig|kundservice/ };
    for (const r of cases(main.store)) {
      const text = grouped.get(r.id)!.map((e) => `${e.summary}\n${e.body}`).join('\n');
      expect(text).toMatch(signature[r.language]!);
      expect(text).not.toMatch(foreign[r.language]!);
    }
  });

  it('contains each stalling pattern, as the review’s own red-flag rules find them, and clean cases too', () => {
    const rows = main.store.sqlite.prepare('SELECT flags FROM cases').pluck().all() as string[];
    const counts = new Map<string, number>();
    let clean = 0;
    for (const json of rows) {
      const codes = (JSON.parse(json) as { code: string }[]).map((f) => f.code);
      if (codes.length === 0) clean += 1;
      for (const code of codes) counts.set(code, (counts.get(code) ?? 0) + 1);
    }
    for (const code of RED_FLAG_CODES) expect(counts.get(code) ?? 0, code).toBeGreaterThan(0);
    const stalled = N - clean;
    expect(stalled / N).toBeGreaterThan(0.4);
    expect(stalled / N).toBeLessThan(0.75);
    // CS contacts name their agent and link to a purchase.
    for (const e of events(main.store).filter((x) => x.kind === 'cs_chat' || x.kind === 'cs_call')) {
      const d = JSON.parse(e.data) as { agent?: string; orderRef?: string };
      expect(d.agent).toBeTruthy();
      expect(d.orderRef).toMatch(/^ORD-/);
      expect(e.purchase_id).not.toBeNull();
      expect(e.body).toContain('\n');
    }
    for (const e of events(main.store).filter((x) => x.kind === 'invoice_paused' || x.kind === 'invoice_pause_extended')) {
      expect(Number.isInteger((JSON.parse(e.data) as { pauseDays?: number }).pauseDays)).toBe(true);
    }
  });

  it('attaches valid PDFs and PNGs sparingly, deduplicating the generic ones', () => {
    const links = (main.store.sqlite.prepare('SELECT count(*) AS n FROM event_attachments').get() as { n: number }).n;
    expect(links).toBeGreaterThan(0);
    expect(links).toBeLessThanOrEqual(N / 2);
    const files = main.store.sqlite.prepare('SELECT media_type, content, size FROM attachments').all() as {
      media_type: string;
      content: Buffer;
      size: number;
    }[];
    expect(files.length).toBeLessThanOrEqual(links);
    for (const f of files) {
      expect(f.content.length).toBe(f.size);
      if (f.media_type === 'application/pdf') {
        expect(f.content.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
        const text = f.content.toString('latin1');
        expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
        // The cross-reference offsets must point at the objects, or viewers fall back to repair.
        const xref = Number(/startxref\n(\d+)/.exec(text)![1]);
        expect(text.slice(xref, xref + 4)).toBe('xref');
        const offsets = [...text.slice(xref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
        offsets.forEach((off, k) => expect(text.slice(off, off + `${k + 1} 0 obj`.length)).toBe(`${k + 1} 0 obj`));
      } else {
        expect(f.media_type).toBe('image/png');
        expect([...f.content.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      }
    }
  });

  it('leaves the store consistent: search index rebuilt, trigger restored, foreign keys valid', () => {
    const sqlite = main.store.sqlite;
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    expect(sqlite.prepare(`SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name = 'history_events_fts'`).get()).toBeDefined();
    const indexed = (sqlite.prepare(`SELECT count(*) AS n FROM history_fts WHERE history_fts MATCH 'faktura OR fakturaen OR invoice'`).get() as { n: number }).n;
    expect(indexed).toBeGreaterThan(N);
    sqlite.exec(`INSERT INTO history_fts(history_fts, rank) VALUES ('integrity-check', 1)`);
    // Diacritics fold: "oberg" finds whatever the store holds for Öberg-like words.
    const folded = sqlite.prepare(`SELECT count(*) AS n FROM history_fts WHERE history_fts MATCH 'aterbetalning OR tilbagebetaling'`).get() as { n: number };
    expect(folded.n).toBeGreaterThan(0);
  });

  it('refuses to fill a store that already has cases', async () => {
    await expect(createDemoStore(main.store, { cases: 5, asOf: AS_OF })).rejects.toThrow(/already contains 400 cases/);
    expect(cases(main.store)).toHaveLength(N);
  });
});

describe('demo generator determinism', () => {
  it('builds identical stores from the same seed and different ones from another seed', async () => {
    const a = await tempStore();
    const b = await tempStore();
    const c = await tempStore();
    try {
      await createDemoStore(a.store, { cases: 120, seed: 42, asOf: AS_OF });
      await createDemoStore(b.store, { cases: 120, seed: 42, asOf: AS_OF });
      await createDemoStore(c.store, { cases: 120, seed: 43, asOf: AS_OF });
      expect(cases(b.store)).toEqual(cases(a.store));
      expect(events(b.store)).toEqual(events(a.store));
      const claimsOf = (s: Store) => s.sqlite.prepare('SELECT case_id, position, kind, text, amount_minor FROM claims ORDER BY id').all();
      expect(claimsOf(b.store)).toEqual(claimsOf(a.store));
      const customersOf = (s: Store) => s.sqlite.prepare('SELECT name, personal_number, email FROM customers ORDER BY id').all();
      expect(customersOf(b.store)).toEqual(customersOf(a.store));
      expect(cases(c.store).map((r) => r.summary)).not.toEqual(cases(a.store).map((r) => r.summary));
      expect(customersOf(c.store)).not.toEqual(customersOf(a.store));
    } finally {
      await a.cleanup();
      await b.cleanup();
      await c.cleanup();
    }
  });

  it('streams lazily: the first cases of a huge run come at once and match a small run with the same parameters', () => {
    const huge = demoCases({ seed: 3, count: 999_999, asOf: AS_OF, assigneeIds: [10, 11] });
    const first = [huge.next().value, huge.next().value];
    const again = demoCases({ seed: 3, count: 999_999, asOf: AS_OF, assigneeIds: [10, 11] });
    expect([again.next().value, again.next().value]).toEqual(first);
    expect(first[0]!.number).toMatch(/^KO-\d{4}-000001$/);
  });

  it('validates its options', () => {
    expect(() => demoCases({ seed: 1, count: 1, asOf: '15/03/2026', assigneeIds: [] }).next()).toThrow(/YYYY-MM-DD/);
    expect(() => demoCases({ seed: 1.5, count: 1, asOf: AS_OF, assigneeIds: [] }).next()).toThrow(/integer/);
    expect(() => demoCases({ seed: 1, count: 1_000_000, asOf: AS_OF, assigneeIds: [] }).next()).toThrow(/999999/);
  });
});
