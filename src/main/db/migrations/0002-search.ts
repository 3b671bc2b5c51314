import { sql, type Kysely } from 'kysely';

/**
 * Version 2: full-text search. `remove_diacritics 2` lets "oberg" find "Öberg" and "sondergaard"
 * find "Søndergård"'s folded form. History text is indexed by trigger so every writer keeps it in
 * step; the per-case document (number, customer, merchant, order references, claims) is
 * rebuilt by the search repository whenever those parts change. Existing rows are backfilled.
 */
/** The trigger that keeps history search in step (bulk-load.repository.ts keeps its own copy). */
const HISTORY_FTS_TRIGGER = `CREATE TRIGGER history_events_fts AFTER INSERT ON history_events BEGIN
      INSERT INTO history_fts(rowid, summary, body) VALUES (new.id, new.summary, new.body);
    END`;

export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    `CREATE VIRTUAL TABLE history_fts USING fts5(
      summary, body,
      content='history_events', content_rowid='id',
      tokenize="unicode61 remove_diacritics 2"
    )`,
    HISTORY_FTS_TRIGGER,
    `INSERT INTO history_fts(rowid, summary, body) SELECT id, summary, body FROM history_events`,
    `CREATE VIRTUAL TABLE case_fts USING fts5(
      number, customer, personal_number, merchant, order_refs, claims, summary,
      tokenize="unicode61 remove_diacritics 2"
    )`,
    `INSERT INTO case_fts(rowid, number, customer, personal_number, merchant, order_refs, claims, summary)
      SELECT c.id, c.number, cu.name, cu.personal_number, coalesce(m.name, ''),
        coalesce((SELECT group_concat(order_ref, ' ') FROM purchases p WHERE p.case_id = c.id), ''),
        coalesce((SELECT group_concat(text, ' ') FROM claims cl WHERE cl.case_id = c.id), ''),
        c.summary
      FROM cases c JOIN customers cu ON cu.id = c.customer_id LEFT JOIN merchants m ON m.id = c.merchant_id`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
