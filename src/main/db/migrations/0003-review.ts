import { sql, type Kysely } from 'kysely';

/**
 * Version 3: what the inbox needs to show deadlines and red flags without reading histories.
 * Both are derived from the history by the service layer and kept on the case row;
 * `derived_version` says which rules computed them, so new rules recompute old rows.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    `ALTER TABLE cases ADD COLUMN flags TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(flags))`,
    `ALTER TABLE cases ADD COLUMN flag_count INTEGER NOT NULL DEFAULT 0`,
    `ALTER TABLE cases ADD COLUMN next_due_date TEXT`,
    `ALTER TABLE cases ADD COLUMN next_due_kind TEXT`,
    `ALTER TABLE cases ADD COLUMN derived_version INTEGER NOT NULL DEFAULT 0`,
    `CREATE INDEX cases_next_due ON cases(next_due_date, id) WHERE next_due_date IS NOT NULL`,
    `CREATE INDEX cases_flagged ON cases(flag_count, received_at, id)`,
    `CREATE INDEX cases_derived ON cases(derived_version)`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
