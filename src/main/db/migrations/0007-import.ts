import { sql, type Kysely } from 'kysely';

/**
 * Version 7: what imports need.
 * - `monthly_figures`: purchases and customer-service complaints per month and market, the
 *   denominator and half the numerator of the zero-complaints measure (complaints per million
 *   purchases). One row per month and market.
 * - `mail_messages`: every imported mail by its Message-ID, so a mail that arrives twice (in two
 *   mbox exports, as an .eml and in a folder) becomes one history event.
 * - `event_attachments.media_type` and `.source`: the media type a file arrived with and where it
 *   came from (import file, mail), kept per link because the same bytes, stored once by SHA-256,
 *   may arrive under several names from several sources.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    `CREATE TABLE monthly_figures (
      month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
      market TEXT NOT NULL,
      purchases INTEGER NOT NULL CHECK (purchases >= 0),
      customer_service_complaints INTEGER NOT NULL CHECK (customer_service_complaints >= 0),
      source TEXT NOT NULL,
      imported_at TEXT NOT NULL,
      PRIMARY KEY (month, market)
    ) STRICT, WITHOUT ROWID`,
    `CREATE TABLE mail_messages (
      message_id TEXT PRIMARY KEY,
      event_id INTEGER NOT NULL REFERENCES history_events(id),
      case_id INTEGER NOT NULL REFERENCES cases(id),
      imported_at TEXT NOT NULL
    ) STRICT`,
    `CREATE INDEX mail_messages_case ON mail_messages(case_id)`,
    `ALTER TABLE event_attachments ADD COLUMN media_type TEXT`,
    `ALTER TABLE event_attachments ADD COLUMN source TEXT`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
