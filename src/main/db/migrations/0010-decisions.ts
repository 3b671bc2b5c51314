import { sql, type Kysely } from 'kysely';

/**
 * Version 10: decision letters.
 * - `decision_templates`: the ombudsman's edited templates per market and language (shipped
 *   defaults live in resources/templates and are used until a row overrides them).
 * - `decisions`: one row per decision with its current draft (TipTap JSON, never HTML), the
 *   per-claim panel, the optimistic-lock `version`, the four-eyes state and, once issued, the
 *   frozen rendered text, SHA-256, signer and time. A trigger refuses every UPDATE or DELETE of
 *   an issued row, whatever channel or tool tries; a correction is a new row pointing at the old.
 * - `decision_versions`: every saved version, append-only (a trigger refuses UPDATE).
 * - `decision_reviews`: submit / return / approve / issue steps with their comments.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    `CREATE TABLE decision_templates (
      id INTEGER PRIMARY KEY,
      market TEXT NOT NULL,
      language TEXT NOT NULL,
      name TEXT NOT NULL,
      content TEXT NOT NULL CHECK (json_valid(content)),
      updated_at TEXT NOT NULL,
      updated_by INTEGER NOT NULL REFERENCES users(id),
      UNIQUE (market, language)
    ) STRICT`,
    `CREATE TABLE decisions (
      id INTEGER PRIMARY KEY,
      case_id INTEGER NOT NULL REFERENCES cases(id),
      status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'returned', 'approved', 'issued')),
      market TEXT NOT NULL,
      language TEXT NOT NULL,
      template_id INTEGER REFERENCES decision_templates(id),
      version INTEGER NOT NULL,
      content TEXT NOT NULL CHECK (json_valid(content)),
      panel TEXT NOT NULL CHECK (json_valid(panel)),
      created_by INTEGER NOT NULL REFERENCES users(id),
      created_at TEXT NOT NULL,
      saved_by INTEGER NOT NULL REFERENCES users(id),
      saved_at TEXT NOT NULL,
      corrects_decision_id INTEGER REFERENCES decisions(id),
      issued_by INTEGER REFERENCES users(id),
      issued_at TEXT,
      rendered_text TEXT,
      sha256 TEXT,
      arn_window_ends_on TEXT,
      CHECK ((status = 'issued') = (issued_at IS NOT NULL AND issued_by IS NOT NULL AND rendered_text IS NOT NULL AND sha256 IS NOT NULL))
    ) STRICT`,
    `CREATE INDEX decisions_case ON decisions(case_id, id)`,
    // At most one decision per case is being worked on; issued ones are history.
    `CREATE UNIQUE INDEX decisions_one_open ON decisions(case_id) WHERE status <> 'issued'`,
    `CREATE INDEX decisions_issued ON decisions(issued_at) WHERE status = 'issued'`,
    // Frozen once issued. The one sanctioned exception is anonymisation (retention, erasure on
    // request; migration 8): while its case holds an anonymisation grant, the letter's texts may
    // be blanked, but never its status, case, signer, time or hash.
    `CREATE TRIGGER decisions_issued_frozen BEFORE UPDATE ON decisions
      WHEN OLD.status = 'issued' AND NOT EXISTS (SELECT 1 FROM anonymisation_grants g WHERE g.case_id = OLD.case_id)
      BEGIN SELECT RAISE(ABORT, 'an issued decision cannot be changed; issue a correction instead'); END`,
    `CREATE TRIGGER decisions_issued_identity BEFORE UPDATE OF status, case_id, issued_by, issued_at, sha256, version ON decisions
      WHEN OLD.status = 'issued'
      BEGIN SELECT RAISE(ABORT, 'an issued decision cannot be changed; issue a correction instead'); END`,
    `CREATE TRIGGER decisions_issued_kept BEFORE DELETE ON decisions WHEN OLD.status = 'issued'
      BEGIN SELECT RAISE(ABORT, 'an issued decision cannot be deleted'); END`,
    `CREATE TABLE decision_versions (
      decision_id INTEGER NOT NULL REFERENCES decisions(id),
      version INTEGER NOT NULL,
      content TEXT NOT NULL CHECK (json_valid(content)),
      panel TEXT NOT NULL CHECK (json_valid(panel)),
      saved_by INTEGER NOT NULL REFERENCES users(id),
      saved_at TEXT NOT NULL,
      reason TEXT NOT NULL CHECK (reason IN ('created', 'autosave', 'restore')),
      PRIMARY KEY (decision_id, version)
    ) STRICT`,
    `CREATE TRIGGER decision_versions_append_only BEFORE UPDATE ON decision_versions
      WHEN NOT EXISTS (SELECT 1 FROM anonymisation_grants g JOIN decisions d ON d.case_id = g.case_id WHERE d.id = OLD.decision_id)
      BEGIN SELECT RAISE(ABORT, 'decision versions are append-only'); END`,
    `CREATE TABLE decision_reviews (
      id INTEGER PRIMARY KEY,
      decision_id INTEGER NOT NULL REFERENCES decisions(id),
      action TEXT NOT NULL CHECK (action IN ('created', 'submitted', 'returned', 'approved', 'issued', 'restored')),
      user_id INTEGER NOT NULL REFERENCES users(id),
      at TEXT NOT NULL,
      comment TEXT NOT NULL DEFAULT ''
    ) STRICT`,
    `CREATE INDEX decision_reviews_decision ON decision_reviews(decision_id, id)`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
