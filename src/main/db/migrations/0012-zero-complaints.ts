import { sql, type Kysely } from 'kysely';

/**
 * Version 12: the zero-complaints work.
 * - `review_notes`: what the complaints office changed in response to a recurring cause, dated and
 *   linked to the month and cause it answers (market NULL: all markets). Append-only: a correction
 *   is a new note, so the monthly report never silently changes.
 * - indexes for counting cases per received month and authority matters per received date.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    `CREATE TABLE review_notes (
      id INTEGER PRIMARY KEY,
      month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
      cause TEXT NOT NULL,
      market TEXT,
      noted_on TEXT NOT NULL,
      text TEXT NOT NULL,
      created_by INTEGER NOT NULL REFERENCES users(id),
      created_at TEXT NOT NULL
    ) STRICT`,
    `CREATE INDEX review_notes_month ON review_notes(month, id)`,
    `CREATE TRIGGER review_notes_no_update BEFORE UPDATE ON review_notes
      BEGIN SELECT RAISE(ABORT, 'review notes are append-only; add a new note instead'); END`,
    `CREATE TRIGGER review_notes_no_delete BEFORE DELETE ON review_notes
      BEGIN SELECT RAISE(ABORT, 'review notes are append-only; add a new note instead'); END`,
    `CREATE INDEX authority_matters_received_date ON authority_matters(received_date)`,
    `CREATE INDEX cases_received_date ON cases(received_date, market)`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
