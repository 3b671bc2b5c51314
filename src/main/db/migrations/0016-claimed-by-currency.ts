import { sql, type Kysely } from 'kysely';

/**
 * Version 16: the inbox's claimed-amount sort orders within a currency (all DKK amounts, then all
 * SEK amounts), never 100 DKK between 90 SEK and 120 SEK as if one currency; this index serves
 * that order in both directions, as `cases_claim_total` served the old one.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX IF EXISTS cases_claim_total`.execute(db);
  await sql`CREATE INDEX cases_claimed_by_currency ON cases(claim_currency, claim_total_minor, id)`.execute(db);
}
