import { sql, type Kysely } from 'kysely';

/**
 * Version 8: retention and the audit log's filters.
 *
 * History stays append-only, with one sanctioned exception: anonymisation. An update of a history
 * event is allowed only while its case has a row in `anonymisation_grants`, and only of the text
 * columns (summary, body, data, actor); the event's identity, kind, direction, time and links
 * can never change. The anonymisation service inserts the grant, rewrites the case's events and
 * deletes the grant inside one transaction, so outside that transaction no grant exists and every
 * update is refused as before. Deletes stay refused: an anonymised event keeps its kind and time
 * for the statistics.
 *
 * Frozen in time: never edit after release, add a new migration instead.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    `ALTER TABLE cases ADD COLUMN anonymised_at TEXT`,
    `CREATE INDEX cases_retention ON cases(status, anonymised_at)`,
    `CREATE TABLE anonymisation_grants (case_id INTEGER PRIMARY KEY REFERENCES cases(id)) STRICT`,
    `DROP TRIGGER history_events_no_update`,
    `CREATE TRIGGER history_events_no_update BEFORE UPDATE ON history_events
      WHEN NOT EXISTS (SELECT 1 FROM anonymisation_grants g WHERE g.case_id = OLD.case_id)
        OR NEW.id IS NOT OLD.id OR NEW.case_id IS NOT OLD.case_id OR NEW.source_id IS NOT OLD.source_id
        OR NEW.occurred_at IS NOT OLD.occurred_at OR NEW.kind IS NOT OLD.kind OR NEW.source IS NOT OLD.source
        OR NEW.direction IS NOT OLD.direction OR NEW.actor_user_id IS NOT OLD.actor_user_id
        OR NEW.purchase_id IS NOT OLD.purchase_id OR NEW.recorded_at IS NOT OLD.recorded_at
      BEGIN SELECT RAISE(ABORT, 'history is append-only'); END`,
    `CREATE TABLE retention_runs (
      id INTEGER PRIMARY KEY,
      started_at TEXT NOT NULL,
      finished_at TEXT NOT NULL,
      dry_run INTEGER NOT NULL CHECK (dry_run IN (0,1)),
      trigger TEXT NOT NULL CHECK (trigger IN ('cli','schedule','app','request')),
      user_id INTEGER REFERENCES users(id),
      rules TEXT NOT NULL CHECK (json_valid(rules)),
      cases_affected INTEGER NOT NULL,
      case_ids TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(case_ids))
    ) STRICT`,
    `CREATE INDEX audit_log_user ON audit_log(user_id, id)`,
    `CREATE INDEX audit_log_at ON audit_log(at)`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
