-- index audit_log_case on audit_log
CREATE INDEX audit_log_case ON audit_log(case_id, id);

-- index cases_assignee on cases
CREATE INDEX cases_assignee ON cases(assignee_id, received_at, id);

-- index cases_category on cases
CREATE INDEX cases_category ON cases(category, received_at, id);

-- index cases_customer on cases
CREATE INDEX cases_customer ON cases(customer_id);

-- index cases_customer_name on cases
CREATE INDEX cases_customer_name ON cases(customer_name COLLATE NOCASE, id);

-- index cases_derived on cases
CREATE INDEX cases_derived ON cases(derived_version);

-- index cases_flagged on cases
CREATE INDEX cases_flagged ON cases(flag_count, received_at, id);

-- index cases_market on cases
CREATE INDEX cases_market ON cases(market, received_at, id);

-- index cases_next_due on cases
CREATE INDEX cases_next_due ON cases(next_due_date, id) WHERE next_due_date IS NOT NULL;

-- index cases_received on cases
CREATE INDEX cases_received ON cases(received_at, id);

-- index cases_status on cases
CREATE INDEX cases_status ON cases(status, received_at, id);

-- index customers_personal_number on customers
CREATE INDEX customers_personal_number ON customers(personal_number);

-- index event_attachments_attachment on event_attachments
CREATE INDEX event_attachments_attachment ON event_attachments(attachment_id);

-- index history_events_case on history_events
CREATE INDEX history_events_case ON history_events(case_id, occurred_at, id);

-- index purchases_order_ref on purchases
CREATE INDEX purchases_order_ref ON purchases(order_ref);

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

-- table case_fts on case_fts
CREATE VIRTUAL TABLE case_fts USING fts5(
      number, customer, personal_number, merchant, order_refs, claims, summary,
      tokenize="unicode61 remove_diacritics 2"
    );

-- table case_fts_config on case_fts_config
CREATE TABLE 'case_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;

-- table case_fts_content on case_fts_content
CREATE TABLE 'case_fts_content'(id INTEGER PRIMARY KEY, c0, c1, c2, c3, c4, c5, c6);

-- table case_fts_data on case_fts_data
CREATE TABLE 'case_fts_data'(id INTEGER PRIMARY KEY, block BLOB);

-- table case_fts_docsize on case_fts_docsize
CREATE TABLE 'case_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);

-- table case_fts_idx on case_fts_idx
CREATE TABLE 'case_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

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
    , flags TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(flags)), flag_count INTEGER NOT NULL DEFAULT 0, next_due_date TEXT, next_due_kind TEXT, derived_version INTEGER NOT NULL DEFAULT 0) STRICT;

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

-- table event_attachments on event_attachments
CREATE TABLE event_attachments (
      event_id INTEGER NOT NULL REFERENCES history_events(id),
      attachment_id INTEGER NOT NULL REFERENCES attachments(id),
      file_name TEXT NOT NULL,
      PRIMARY KEY (event_id, attachment_id, file_name)
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

-- table merchants on merchants
CREATE TABLE merchants (
      id INTEGER PRIMARY KEY,
      source_id TEXT UNIQUE,
      name TEXT NOT NULL,
      org_number TEXT,
      country TEXT NOT NULL
    ) STRICT;

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

-- trigger audit_log_no_delete on audit_log
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

-- trigger audit_log_no_update on audit_log
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

-- trigger history_events_fts on history_events
CREATE TRIGGER history_events_fts AFTER INSERT ON history_events BEGIN
      INSERT INTO history_fts(rowid, summary, body) VALUES (new.id, new.summary, new.body);
    END;

-- trigger history_events_no_delete on history_events
CREATE TRIGGER history_events_no_delete BEFORE DELETE ON history_events
      BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;

-- trigger history_events_no_update on history_events
CREATE TRIGGER history_events_no_update BEFORE UPDATE ON history_events
      BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
