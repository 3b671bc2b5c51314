import { sql, type Kysely } from 'kysely';

/**
 * Version 13: the company's written responses to ARN (and other authorities), one per matter.
 * - `arn_responses`: the current draft (TipTap JSON, never HTML), its panel (position per claim
 *   point, answers to the authority's questions, the facts picked from the history, the numbered
 *   exhibits, redactions, lateness acknowledgement, settlement offer), the optimistic-lock
 *   `version`, the four-eyes state and, once finalised, the frozen rendered text, SHA-256, who and
 *   when. Triggers refuse every change or deletion of a finalised row, whatever tool tries; the
 *   one exception, as for issued decisions, is anonymisation blanking the texts under a grant.
 * - `arn_response_reviews`: created / submitted / returned / approved / finalised with comments.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    `CREATE TABLE arn_responses (
      id INTEGER PRIMARY KEY,
      matter_id INTEGER NOT NULL UNIQUE REFERENCES authority_matters(id),
      case_id INTEGER NOT NULL REFERENCES cases(id),
      status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'returned', 'approved', 'finalised')),
      language TEXT NOT NULL CHECK (language IN ('sv', 'da', 'en')),
      version INTEGER NOT NULL,
      content TEXT NOT NULL CHECK (json_valid(content)),
      panel TEXT NOT NULL CHECK (json_valid(panel)),
      created_by INTEGER NOT NULL REFERENCES users(id),
      created_at TEXT NOT NULL,
      saved_by INTEGER NOT NULL REFERENCES users(id),
      saved_at TEXT NOT NULL,
      finalised_by INTEGER REFERENCES users(id),
      finalised_at TEXT,
      rendered_text TEXT,
      sha256 TEXT,
      CHECK ((status = 'finalised') = (finalised_at IS NOT NULL AND finalised_by IS NOT NULL AND rendered_text IS NOT NULL AND sha256 IS NOT NULL))
    ) STRICT`,
    `CREATE INDEX arn_responses_case ON arn_responses(case_id, id)`,
    `CREATE TRIGGER arn_responses_finalised_frozen BEFORE UPDATE ON arn_responses
      WHEN OLD.status = 'finalised' AND NOT EXISTS (SELECT 1 FROM anonymisation_grants g WHERE g.case_id = OLD.case_id)
      BEGIN SELECT RAISE(ABORT, 'a finalised ARN response cannot be changed'); END`,
    `CREATE TRIGGER arn_responses_finalised_identity BEFORE UPDATE OF status, case_id, matter_id, finalised_by, finalised_at, sha256, version ON arn_responses
      WHEN OLD.status = 'finalised'
      BEGIN SELECT RAISE(ABORT, 'a finalised ARN response cannot be changed'); END`,
    `CREATE TRIGGER arn_responses_finalised_kept BEFORE DELETE ON arn_responses WHEN OLD.status = 'finalised'
      BEGIN SELECT RAISE(ABORT, 'a finalised ARN response cannot be deleted'); END`,
    `CREATE TABLE arn_response_reviews (
      id INTEGER PRIMARY KEY,
      response_id INTEGER NOT NULL REFERENCES arn_responses(id),
      action TEXT NOT NULL CHECK (action IN ('created', 'submitted', 'returned', 'approved', 'finalised')),
      user_id INTEGER NOT NULL REFERENCES users(id),
      at TEXT NOT NULL,
      comment TEXT NOT NULL DEFAULT ''
    ) STRICT`,
    `CREATE INDEX arn_response_reviews_response ON arn_response_reviews(response_id, id)`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
