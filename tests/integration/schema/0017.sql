-- index arn_response_reviews_response on arn_response_reviews
CREATE INDEX arn_response_reviews_response ON arn_response_reviews(response_id, id);

-- index arn_responses_case on arn_responses
CREATE INDEX arn_responses_case ON arn_responses(case_id, id);

-- index audit_log_at on audit_log
CREATE INDEX audit_log_at ON audit_log(at);

-- index audit_log_case on audit_log
CREATE INDEX audit_log_case ON audit_log(case_id, id);

-- index audit_log_user on audit_log
CREATE INDEX audit_log_user ON audit_log(user_id, id);

-- index authority_matters_case on authority_matters
CREATE INDEX authority_matters_case ON authority_matters(case_id);

-- index authority_matters_open_due on authority_matters
CREATE INDEX authority_matters_open_due ON authority_matters(response_due, id) WHERE status = 'registered';

-- index authority_matters_received on authority_matters
CREATE INDEX authority_matters_received ON authority_matters(authority, received_date);

-- index authority_matters_received_date on authority_matters
CREATE INDEX authority_matters_received_date ON authority_matters(received_date);

-- index cases_assignee on cases
CREATE INDEX cases_assignee ON cases(assignee_id, received_at, id);

-- index cases_assignee_name on cases
CREATE INDEX cases_assignee_name ON cases(assignee_name COLLATE NOCASE, id);

-- index cases_category on cases
CREATE INDEX cases_category ON cases(category, received_at, id);

-- index cases_claimed_by_currency on cases
CREATE INDEX cases_claimed_by_currency ON cases(claim_currency, claim_total_minor, id);

-- index cases_customer on cases
CREATE INDEX cases_customer ON cases(customer_id);

-- index cases_customer_name on cases
CREATE INDEX cases_customer_name ON cases(customer_name COLLATE NOCASE, id, status, market, category, assignee_id, flag_count, next_due_date);

-- index cases_derived on cases
CREATE INDEX cases_derived ON cases(derived_version);

-- index cases_due_asc on cases
CREATE INDEX cases_due_asc ON cases(coalesce(next_due_date, '9999-12-31'), id, status, market, category, assignee_id, flag_count, next_due_date);

-- index cases_due_desc on cases
CREATE INDEX cases_due_desc ON cases(coalesce(next_due_date, '0000-01-01'), id, status, market, category, assignee_id, flag_count, next_due_date);

-- index cases_flagged on cases
CREATE INDEX cases_flagged ON cases(flag_count, received_at, id);

-- index cases_market on cases
CREATE INDEX cases_market ON cases(market, received_at, id);

-- index cases_received on cases
CREATE INDEX cases_received ON cases(received_at, id, status, market, category, assignee_id, flag_count, next_due_date);

-- index cases_received_date on cases
CREATE INDEX cases_received_date ON cases(received_date, market);

-- index cases_retention on cases
CREATE INDEX cases_retention ON cases(status, anonymised_at);

-- index cases_status on cases
CREATE INDEX cases_status ON cases(status, received_at, id);

-- index customers_personal_number on customers
CREATE INDEX customers_personal_number ON customers(personal_number);

-- index decision_reviews_decision on decision_reviews
CREATE INDEX decision_reviews_decision ON decision_reviews(decision_id, id);

-- index decisions_case on decisions
CREATE INDEX decisions_case ON decisions(case_id, id);

-- index decisions_issued on decisions
CREATE INDEX decisions_issued ON decisions(issued_at) WHERE status = 'issued';

-- index decisions_one_open on decisions
CREATE UNIQUE INDEX decisions_one_open ON decisions(case_id) WHERE status <> 'issued';

-- index event_attachments_attachment on event_attachments
CREATE INDEX event_attachments_attachment ON event_attachments(attachment_id);

-- index history_events_case on history_events
CREATE INDEX history_events_case ON history_events(case_id, occurred_at, id);

-- index mail_messages_case on mail_messages
CREATE INDEX mail_messages_case ON mail_messages(case_id);

-- index purchases_order_ref on purchases
CREATE INDEX purchases_order_ref ON purchases(order_ref);

-- index review_notes_month on review_notes
CREATE INDEX review_notes_month ON review_notes(month, id);

-- table anonymisation_grants on anonymisation_grants
CREATE TABLE anonymisation_grants (case_id INTEGER PRIMARY KEY REFERENCES cases(id)) STRICT;

-- table arn_response_reviews on arn_response_reviews
CREATE TABLE arn_response_reviews (
      id INTEGER PRIMARY KEY,
      response_id INTEGER NOT NULL REFERENCES arn_responses(id),
      action TEXT NOT NULL CHECK (action IN ('created', 'submitted', 'returned', 'approved', 'finalised')),
      user_id INTEGER NOT NULL REFERENCES users(id),
      at TEXT NOT NULL,
      comment TEXT NOT NULL DEFAULT ''
    ) STRICT;

-- table arn_responses on arn_responses
CREATE TABLE arn_responses (
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
    ) STRICT;

-- table attachments on attachments
CREATE TABLE attachments (
      id INTEGER PRIMARY KEY,
      sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
      size INTEGER NOT NULL CHECK (size >= 0),
      media_type TEXT NOT NULL,
      content BLOB NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;

-- table audit_log on audit_log
CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      user_id INTEGER REFERENCES users(id),
      action TEXT NOT NULL,
      case_id INTEGER REFERENCES cases(id),
      detail TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail)),
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL
    ) STRICT;

-- table authority_matters on authority_matters
CREATE TABLE authority_matters (
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
      updated_at TEXT NOT NULL, revision INTEGER NOT NULL DEFAULT 0,
      UNIQUE (authority, reference)
    ) STRICT;

-- table case_counts on case_counts
CREATE TABLE case_counts (
      status TEXT NOT NULL,
      market TEXT NOT NULL,
      category TEXT NOT NULL,
      assignee_key INTEGER NOT NULL,
      flagged INTEGER NOT NULL CHECK (flagged IN (0, 1)),
      n INTEGER NOT NULL CHECK (n >= 0),
      PRIMARY KEY (status, market, category, assignee_key, flagged)
    ) STRICT, WITHOUT ROWID;

-- table case_due_counts on case_due_counts
CREATE TABLE case_due_counts (
      day TEXT PRIMARY KEY,
      n INTEGER NOT NULL CHECK (n >= 0)
    ) STRICT, WITHOUT ROWID;

-- table case_fts on case_fts
CREATE VIRTUAL TABLE "case_fts" USING fts5(number, customer, personal_number, merchant, order_refs, tokenize="unicode61 remove_diacritics 2");

-- table case_fts_config on case_fts_config
CREATE TABLE "case_fts_config"(k PRIMARY KEY, v) WITHOUT ROWID;

-- table case_fts_content on case_fts_content
CREATE TABLE "case_fts_content"(id INTEGER PRIMARY KEY, c0, c1, c2, c3, c4);

-- table case_fts_data on case_fts_data
CREATE TABLE "case_fts_data"(id INTEGER PRIMARY KEY, block BLOB);

-- table case_fts_docsize on case_fts_docsize
CREATE TABLE "case_fts_docsize"(id INTEGER PRIMARY KEY, sz BLOB);

-- table case_fts_idx on case_fts_idx
CREATE TABLE "case_fts_idx"(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

-- table case_text_fts on case_text_fts
CREATE VIRTUAL TABLE case_text_fts USING fts5(claims, summary, tokenize="unicode61 remove_diacritics 2");

-- table case_text_fts_config on case_text_fts_config
CREATE TABLE 'case_text_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;

-- table case_text_fts_content on case_text_fts_content
CREATE TABLE 'case_text_fts_content'(id INTEGER PRIMARY KEY, c0, c1);

-- table case_text_fts_data on case_text_fts_data
CREATE TABLE 'case_text_fts_data'(id INTEGER PRIMARY KEY, block BLOB);

-- table case_text_fts_docsize on case_text_fts_docsize
CREATE TABLE 'case_text_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);

-- table case_text_fts_idx on case_text_fts_idx
CREATE TABLE 'case_text_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

-- table cases on cases
CREATE TABLE cases (
      id INTEGER PRIMARY KEY,
      number TEXT NOT NULL UNIQUE CHECK (number GLOB 'KO-[0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9][0-9][0-9]'),
      source_id TEXT UNIQUE,
      market TEXT NOT NULL,
      language TEXT NOT NULL CHECK (language IN ('sv','da','en')),
      received_at TEXT NOT NULL,
      received_date TEXT NOT NULL,
      received_channel TEXT NOT NULL,
      status TEXT NOT NULL,
      category TEXT NOT NULL,
      summary TEXT NOT NULL DEFAULT '',
      customer_id INTEGER NOT NULL REFERENCES customers(id),
      merchant_id INTEGER REFERENCES merchants(id),
      assignee_id INTEGER REFERENCES users(id),
      customer_name TEXT NOT NULL,
      event_count INTEGER NOT NULL DEFAULT 0,
      last_event_at TEXT,
      claim_total_minor INTEGER,
      claim_currency TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    , flags TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(flags)), flag_count INTEGER NOT NULL DEFAULT 0, next_due_date TEXT, next_due_kind TEXT, derived_version INTEGER NOT NULL DEFAULT 0, assignee_name TEXT, anonymised_at TEXT, revision INTEGER NOT NULL DEFAULT 0) STRICT;

-- table claims on claims
CREATE TABLE claims (
      id INTEGER PRIMARY KEY,
      case_id INTEGER NOT NULL REFERENCES cases(id),
      position INTEGER NOT NULL,
      kind TEXT NOT NULL,
      text TEXT NOT NULL,
      amount_minor INTEGER,
      currency TEXT CHECK (currency IS NULL OR length(currency) = 3),
      UNIQUE (case_id, position)
    ) STRICT;

-- table counters on counters
CREATE TABLE counters (
      name TEXT PRIMARY KEY,
      value INTEGER NOT NULL
    ) STRICT;

-- table customers on customers
CREATE TABLE customers (
      id INTEGER PRIMARY KEY,
      source_id TEXT UNIQUE,
      name TEXT NOT NULL,
      personal_number TEXT NOT NULL,
      email TEXT,
      phone TEXT,
      street TEXT,
      postal_code TEXT,
      city TEXT,
      country TEXT NOT NULL
    ) STRICT;

-- table decision_reviews on decision_reviews
CREATE TABLE decision_reviews (
      id INTEGER PRIMARY KEY,
      decision_id INTEGER NOT NULL REFERENCES decisions(id),
      action TEXT NOT NULL CHECK (action IN ('created', 'submitted', 'returned', 'approved', 'issued', 'restored')),
      user_id INTEGER NOT NULL REFERENCES users(id),
      at TEXT NOT NULL,
      comment TEXT NOT NULL DEFAULT ''
    ) STRICT;

-- table decision_templates on decision_templates
CREATE TABLE decision_templates (
      id INTEGER PRIMARY KEY,
      market TEXT NOT NULL,
      language TEXT NOT NULL,
      name TEXT NOT NULL,
      content TEXT NOT NULL CHECK (json_valid(content)),
      updated_at TEXT NOT NULL,
      updated_by INTEGER NOT NULL REFERENCES users(id), "retired_at" text,
      UNIQUE (market, language)
    ) STRICT;

-- table decision_versions on decision_versions
CREATE TABLE decision_versions (
      decision_id INTEGER NOT NULL REFERENCES decisions(id),
      version INTEGER NOT NULL,
      content TEXT NOT NULL CHECK (json_valid(content)),
      panel TEXT NOT NULL CHECK (json_valid(panel)),
      saved_by INTEGER NOT NULL REFERENCES users(id),
      saved_at TEXT NOT NULL,
      reason TEXT NOT NULL CHECK (reason IN ('created', 'autosave', 'restore')),
      PRIMARY KEY (decision_id, version)
    ) STRICT;

-- table decisions on decisions
CREATE TABLE decisions (
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
    ) STRICT;

-- table event_attachments on event_attachments
CREATE TABLE "event_attachments" (
      event_id INTEGER NOT NULL REFERENCES history_events(id),
      position INTEGER NOT NULL CHECK (position >= 0),
      attachment_id INTEGER NOT NULL REFERENCES attachments(id),
      file_name TEXT NOT NULL,
      media_type TEXT,
      source TEXT,
      PRIMARY KEY (event_id, position)
    ) STRICT, WITHOUT ROWID;

-- table history_events on history_events
CREATE TABLE history_events (
      id INTEGER PRIMARY KEY,
      case_id INTEGER NOT NULL REFERENCES cases(id),
      source_id TEXT,
      occurred_at TEXT NOT NULL,
      kind TEXT NOT NULL,
      source TEXT NOT NULL,
      direction TEXT NOT NULL CHECK (direction IN ('inbound','outbound','internal')),
      actor TEXT NOT NULL,
      actor_user_id INTEGER REFERENCES users(id),
      purchase_id INTEGER REFERENCES purchases(id),
      summary TEXT NOT NULL,
      body TEXT NOT NULL DEFAULT '',
      data TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(data)),
      recorded_at TEXT NOT NULL,
      UNIQUE (case_id, source_id)
    ) STRICT;

-- table history_fts on history_fts
CREATE VIRTUAL TABLE history_fts USING fts5(
      summary, body,
      content='history_events', content_rowid='id',
      tokenize="unicode61 remove_diacritics 2"
    );

-- table history_fts_config on history_fts_config
CREATE TABLE 'history_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;

-- table history_fts_data on history_fts_data
CREATE TABLE 'history_fts_data'(id INTEGER PRIMARY KEY, block BLOB);

-- table history_fts_docsize on history_fts_docsize
CREATE TABLE 'history_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);

-- table history_fts_idx on history_fts_idx
CREATE TABLE 'history_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

-- table mail_messages on mail_messages
CREATE TABLE mail_messages (
      message_id TEXT PRIMARY KEY,
      event_id INTEGER NOT NULL REFERENCES history_events(id),
      case_id INTEGER NOT NULL REFERENCES cases(id),
      imported_at TEXT NOT NULL
    ) STRICT;

-- table merchants on merchants
CREATE TABLE merchants (
      id INTEGER PRIMARY KEY,
      source_id TEXT UNIQUE,
      name TEXT NOT NULL,
      org_number TEXT,
      country TEXT NOT NULL
    ) STRICT;

-- table monthly_figures on monthly_figures
CREATE TABLE monthly_figures (
      month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
      market TEXT NOT NULL,
      purchases INTEGER NOT NULL CHECK (purchases >= 0),
      customer_service_complaints INTEGER NOT NULL CHECK (customer_service_complaints >= 0),
      source TEXT NOT NULL,
      imported_at TEXT NOT NULL,
      PRIMARY KEY (month, market)
    ) STRICT, WITHOUT ROWID;

-- table purchases on purchases
CREATE TABLE purchases (
      id INTEGER PRIMARY KEY,
      case_id INTEGER NOT NULL REFERENCES cases(id),
      source_id TEXT,
      order_ref TEXT NOT NULL,
      purchased_on TEXT NOT NULL,
      amount_minor INTEGER NOT NULL,
      currency TEXT NOT NULL CHECK (length(currency) = 3),
      product TEXT NOT NULL CHECK (product IN ('invoice','pay_later','part_payment','card')),
      status TEXT NOT NULL,
      merchant_id INTEGER REFERENCES merchants(id),
      UNIQUE (case_id, order_ref)
    ) STRICT;

-- table retention_runs on retention_runs
CREATE TABLE retention_runs (
      id INTEGER PRIMARY KEY,
      started_at TEXT NOT NULL,
      finished_at TEXT NOT NULL,
      dry_run INTEGER NOT NULL CHECK (dry_run IN (0,1)),
      trigger TEXT NOT NULL CHECK (trigger IN ('cli','schedule','app','request')),
      user_id INTEGER REFERENCES users(id),
      rules TEXT NOT NULL CHECK (json_valid(rules)),
      cases_affected INTEGER NOT NULL,
      case_ids TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(case_ids))
    ) STRICT;

-- table review_notes on review_notes
CREATE TABLE review_notes (
      id INTEGER PRIMARY KEY,
      month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
      cause TEXT NOT NULL,
      market TEXT,
      noted_on TEXT NOT NULL,
      text TEXT NOT NULL,
      created_by INTEGER NOT NULL REFERENCES users(id),
      created_at TEXT NOT NULL
    ) STRICT;

-- table settings on settings
CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL CHECK (json_valid(value))
    ) STRICT;

-- table users on users
CREATE TABLE users (
      id INTEGER PRIMARY KEY,
      username TEXT NOT NULL UNIQUE,
      display_name TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('ombudsman','handler','auditor')),
      title TEXT,
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
      password_hash TEXT,
      created_at TEXT NOT NULL
    ) STRICT;

-- trigger arn_responses_finalised_frozen on arn_responses
CREATE TRIGGER arn_responses_finalised_frozen BEFORE UPDATE ON arn_responses
      WHEN OLD.status = 'finalised' AND NOT EXISTS (SELECT 1 FROM anonymisation_grants g WHERE g.case_id = OLD.case_id)
      BEGIN SELECT RAISE(ABORT, 'a finalised ARN response cannot be changed'); END;

-- trigger arn_responses_finalised_identity on arn_responses
CREATE TRIGGER arn_responses_finalised_identity BEFORE UPDATE OF status, case_id, matter_id, finalised_by, finalised_at, sha256, version ON arn_responses
      WHEN OLD.status = 'finalised'
      BEGIN SELECT RAISE(ABORT, 'a finalised ARN response cannot be changed'); END;

-- trigger arn_responses_finalised_kept on arn_responses
CREATE TRIGGER arn_responses_finalised_kept BEFORE DELETE ON arn_responses WHEN OLD.status = 'finalised'
      BEGIN SELECT RAISE(ABORT, 'a finalised ARN response cannot be deleted'); END;

-- trigger audit_log_no_delete on audit_log
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

-- trigger audit_log_no_update on audit_log
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

-- trigger cases_assignee_name_insert on cases
CREATE TRIGGER cases_assignee_name_insert AFTER INSERT ON cases WHEN NEW.assignee_id IS NOT NULL
      BEGIN UPDATE cases SET assignee_name = (SELECT display_name FROM users WHERE id = NEW.assignee_id) WHERE id = NEW.id; END;

-- trigger cases_assignee_name_update on cases
CREATE TRIGGER cases_assignee_name_update AFTER UPDATE OF assignee_id ON cases
      BEGIN UPDATE cases SET assignee_name = (SELECT display_name FROM users WHERE id = NEW.assignee_id) WHERE id = NEW.id; END;

-- trigger cases_count_delete on cases
CREATE TRIGGER cases_count_delete AFTER DELETE ON cases BEGIN
    UPDATE case_counts SET n = n - 1 WHERE status = old.status AND market = old.market AND category = old.category
      AND assignee_key = coalesce(old.assignee_id, 0) AND flagged = (old.flag_count > 0);
  END;

-- trigger cases_count_insert on cases
CREATE TRIGGER cases_count_insert AFTER INSERT ON cases BEGIN
    INSERT INTO case_counts (status, market, category, assignee_key, flagged, n)
      VALUES (new.status, new.market, new.category, coalesce(new.assignee_id, 0), new.flag_count > 0, 1)
      ON CONFLICT (status, market, category, assignee_key, flagged) DO UPDATE SET n = n + 1;
  END;

-- trigger cases_count_update on cases
CREATE TRIGGER cases_count_update AFTER UPDATE OF status, market, category, assignee_id, flag_count ON cases
    WHEN old.status IS NOT new.status OR old.market IS NOT new.market OR old.category IS NOT new.category
      OR old.assignee_id IS NOT new.assignee_id OR (old.flag_count > 0) IS NOT (new.flag_count > 0)
  BEGIN
    UPDATE case_counts SET n = n - 1 WHERE status = old.status AND market = old.market AND category = old.category
      AND assignee_key = coalesce(old.assignee_id, 0) AND flagged = (old.flag_count > 0);
    INSERT INTO case_counts (status, market, category, assignee_key, flagged, n)
      VALUES (new.status, new.market, new.category, coalesce(new.assignee_id, 0), new.flag_count > 0, 1)
      ON CONFLICT (status, market, category, assignee_key, flagged) DO UPDATE SET n = n + 1;
  END;

-- trigger cases_due_delete on cases
CREATE TRIGGER cases_due_delete AFTER DELETE ON cases WHEN old.next_due_date IS NOT NULL BEGIN
    UPDATE case_due_counts SET n = n - 1 WHERE day = old.next_due_date;
  END;

-- trigger cases_due_insert on cases
CREATE TRIGGER cases_due_insert AFTER INSERT ON cases WHEN new.next_due_date IS NOT NULL BEGIN
    INSERT INTO case_due_counts (day, n) VALUES (new.next_due_date, 1) ON CONFLICT (day) DO UPDATE SET n = n + 1;
  END;

-- trigger cases_due_update on cases
CREATE TRIGGER cases_due_update AFTER UPDATE OF next_due_date ON cases WHEN old.next_due_date IS NOT new.next_due_date BEGIN
    UPDATE case_due_counts SET n = n - 1 WHERE day = old.next_due_date;
    INSERT INTO case_due_counts (day, n) SELECT new.next_due_date, 1 WHERE new.next_due_date IS NOT NULL
      ON CONFLICT (day) DO UPDATE SET n = n + 1;
  END;

-- trigger decision_versions_append_only on decision_versions
CREATE TRIGGER decision_versions_append_only BEFORE UPDATE ON decision_versions
      WHEN NOT EXISTS (SELECT 1 FROM anonymisation_grants g JOIN decisions d ON d.case_id = g.case_id WHERE d.id = OLD.decision_id)
      BEGIN SELECT RAISE(ABORT, 'decision versions are append-only'); END;

-- trigger decisions_issued_frozen on decisions
CREATE TRIGGER decisions_issued_frozen BEFORE UPDATE ON decisions
      WHEN OLD.status = 'issued' AND NOT EXISTS (SELECT 1 FROM anonymisation_grants g WHERE g.case_id = OLD.case_id)
      BEGIN SELECT RAISE(ABORT, 'an issued decision cannot be changed; issue a correction instead'); END;

-- trigger decisions_issued_identity on decisions
CREATE TRIGGER decisions_issued_identity BEFORE UPDATE OF status, case_id, issued_by, issued_at, sha256, version ON decisions
      WHEN OLD.status = 'issued'
      BEGIN SELECT RAISE(ABORT, 'an issued decision cannot be changed; issue a correction instead'); END;

-- trigger decisions_issued_kept on decisions
CREATE TRIGGER decisions_issued_kept BEFORE DELETE ON decisions WHEN OLD.status = 'issued'
      BEGIN SELECT RAISE(ABORT, 'an issued decision cannot be deleted'); END;

-- trigger history_events_fts on history_events
CREATE TRIGGER history_events_fts AFTER INSERT ON history_events BEGIN
      INSERT INTO history_fts(rowid, summary, body) VALUES (new.id, new.summary, new.body);
    END;

-- trigger history_events_no_delete on history_events
CREATE TRIGGER history_events_no_delete BEFORE DELETE ON history_events
      BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;

-- trigger history_events_no_update on history_events
CREATE TRIGGER history_events_no_update BEFORE UPDATE ON history_events
      WHEN NOT EXISTS (SELECT 1 FROM anonymisation_grants g WHERE g.case_id = OLD.case_id)
        OR NEW.id IS NOT OLD.id OR NEW.case_id IS NOT OLD.case_id OR NEW.source_id IS NOT OLD.source_id
        OR NEW.occurred_at IS NOT OLD.occurred_at OR NEW.kind IS NOT OLD.kind OR NEW.source IS NOT OLD.source
        OR NEW.direction IS NOT OLD.direction OR NEW.actor_user_id IS NOT OLD.actor_user_id
        OR NEW.purchase_id IS NOT OLD.purchase_id OR NEW.recorded_at IS NOT OLD.recorded_at
      BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;

-- trigger review_notes_no_delete on review_notes
CREATE TRIGGER review_notes_no_delete BEFORE DELETE ON review_notes
      BEGIN SELECT RAISE(ABORT, 'review notes are append-only; add a new note instead'); END;

-- trigger review_notes_no_update on review_notes
CREATE TRIGGER review_notes_no_update BEFORE UPDATE ON review_notes
      BEGIN SELECT RAISE(ABORT, 'review notes are append-only; add a new note instead'); END;

-- trigger users_display_name_update on users
CREATE TRIGGER users_display_name_update AFTER UPDATE OF display_name ON users
      BEGIN UPDATE cases SET assignee_name = NEW.display_name WHERE assignee_id = NEW.id; END;
