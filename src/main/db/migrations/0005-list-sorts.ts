import { sql, type Kysely } from 'kysely';

/**
 * Version 5: the inbox sorts by assignee and by claimed amount from an index. The assignee's name
 * is kept on the case row by triggers, so every writer (bulk intake, imports, assignment, a
 * renamed user) keeps it in step without knowing about it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    `ALTER TABLE cases ADD COLUMN assignee_name TEXT`,
    `UPDATE cases SET assignee_name = (SELECT display_name FROM users WHERE users.id = cases.assignee_id) WHERE assignee_id IS NOT NULL`,
    `CREATE TRIGGER cases_assignee_name_insert AFTER INSERT ON cases WHEN NEW.assignee_id IS NOT NULL
      BEGIN UPDATE cases SET assignee_name = (SELECT display_name FROM users WHERE id = NEW.assignee_id) WHERE id = NEW.id; END`,
    `CREATE TRIGGER cases_assignee_name_update AFTER UPDATE OF assignee_id ON cases
      BEGIN UPDATE cases SET assignee_name = (SELECT display_name FROM users WHERE id = NEW.assignee_id) WHERE id = NEW.id; END`,
    `CREATE TRIGGER users_display_name_update AFTER UPDATE OF display_name ON users
      BEGIN UPDATE cases SET assignee_name = NEW.display_name WHERE assignee_id = NEW.id; END`,
    `CREATE INDEX cases_assignee_name ON cases(assignee_name COLLATE NOCASE, id)`,
    `CREATE INDEX cases_claim_total ON cases(claim_total_minor, id)`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
