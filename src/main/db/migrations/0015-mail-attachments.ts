import { sql, type Kysely } from 'kysely';

/**
 * Version 15: a mail's files, each one kept. `event_attachments` gains `position`, the file's
 * place among its event's files, and is keyed by (event_id, position) instead of
 * (event_id, attachment_id, file_name): a mail that carries the same name with the same bytes
 * twice keeps both, and files keep the order they were sent in. Existing links are numbered in
 * the order they were listed (by name). The media type stays on the link (migration 7), where
 * readers now take it from.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    `CREATE TABLE event_attachments_v19 (
      event_id INTEGER NOT NULL REFERENCES history_events(id),
      position INTEGER NOT NULL CHECK (position >= 0),
      attachment_id INTEGER NOT NULL REFERENCES attachments(id),
      file_name TEXT NOT NULL,
      media_type TEXT,
      source TEXT,
      PRIMARY KEY (event_id, position)
    ) STRICT, WITHOUT ROWID`,
    `INSERT INTO event_attachments_v19 (event_id, position, attachment_id, file_name, media_type, source)
      SELECT event_id, row_number() OVER (PARTITION BY event_id ORDER BY file_name, attachment_id) - 1,
             attachment_id, file_name, media_type, source
      FROM event_attachments`,
    `DROP TABLE event_attachments`,
    `ALTER TABLE event_attachments_v19 RENAME TO event_attachments`,
    `CREATE INDEX event_attachments_attachment ON event_attachments(attachment_id)`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
