import type BetterSqlite3 from 'better-sqlite3';
import type { z } from 'zod';
import type { Db } from '../connection';

/**
 * Settings are JSON values under a key. A reader always names its schema, so a value written by
 * an older version (or edited by hand) that no longer fits is reported, never half-used.
 */
export async function readSetting<T extends z.ZodType>(db: Db, key: string, schema: T): Promise<z.output<T> | undefined> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return parseSetting(key, row?.value ?? null, schema);
}

/** A setting's stored text (null: not set) checked against its schema, as `readSetting` does. */
export function parseSetting<T extends z.ZodType>(key: string, value: string | null, schema: T): z.output<T> | undefined {
  if (value === null) return undefined;
  const parsed = schema.safeParse(JSON.parse(value));
  if (!parsed.success) {
    throw new Error(`The stored setting "${key}" is not valid: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(value)'}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}

export async function writeSetting(db: Db, key: string, value: unknown): Promise<void> {
  const json = JSON.stringify(value);
  await db
    .insertInto('settings')
    .values({ key, value: json })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json }))
    .execute();
}

/** The same read for synchronous callers on the raw handle (the bulk case writer's derive hook). */
export function readSettingSync<T extends z.ZodType>(sqlite: BetterSqlite3.Database, key: string, schema: T): z.output<T> | undefined {
  const row = sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  if (!row) return undefined;
  const parsed = schema.safeParse(JSON.parse(row.value));
  if (!parsed.success) throw new Error(`The stored setting "${key}" is not valid: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(value)'}: ${i.message}`).join('; ')}`);
  return parsed.data;
}
