import { sql, type Kysely } from 'kysely';

/**
 * Version 6: complaints that reached an authority (ARN, Konsumentverket, FI, IMY, DFA). A matter
 * belongs to a case; what happens to it is also appended to the case's history, so the row holds
 * the current state and the history holds how it got there.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    `CREATE TABLE authority_matters (
      id INTEGER PRIMARY KEY,
      case_id INTEGER NOT NULL REFERENCES cases(id),
      authority TEXT NOT NULL,
      reference TEXT NOT NULL,
      received_date TEXT NOT NULL,
      response_due TEXT,
      claim_text TEXT NOT NULL,
      claim_amount_minor INTEGER,
      claim_currency TEXT,
      questions TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(questions)),
      documents TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(documents)),
      status TEXT NOT NULL DEFAULT 'registered',
      response_sent_on TEXT,
      outcome TEXT,
      decided_on TEXT,
      recommendation TEXT,
      outcome_amount_minor INTEGER,
      compliance TEXT,
      complied_on TEXT,
      paid_minor INTEGER,
      registered_by INTEGER NOT NULL REFERENCES users(id),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      UNIQUE (authority, reference)
    ) STRICT`,
    `CREATE INDEX authority_matters_case ON authority_matters(case_id)`,
    `CREATE INDEX authority_matters_open_due ON authority_matters(response_due, id) WHERE status = 'registered'`,
    `CREATE INDEX authority_matters_received ON authority_matters(authority, received_date)`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
