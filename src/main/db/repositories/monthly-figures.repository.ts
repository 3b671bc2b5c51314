import type { Db } from '../connection';

export interface MonthlyFigureRow {
  month: string;
  market: string;
  purchases: number;
  customer_service_complaints: number;
  source: string;
  imported_at: string;
}

/** The stored figures of the month+market pairs of `keys`, by `month|market`. */
export async function existingMonthlyKeys(db: Db, keys: { month: string; market: string }[]): Promise<Map<string, { purchases: number; complaints: number }>> {
  const found = new Map<string, { purchases: number; complaints: number }>();
  for (let i = 0; i < keys.length; i += 200) {
    const slice = keys.slice(i, i + 200);
    const rows = await db
      .selectFrom('monthly_figures')
      .select(['month', 'market', 'purchases', 'customer_service_complaints'])
      .where((eb) => eb.or(slice.map((k) => eb.and([eb('month', '=', k.month), eb('market', '=', k.market)]))))
      .execute();
    for (const r of rows) found.set(`${r.month}|${r.market}`, { purchases: r.purchases, complaints: r.customer_service_complaints });
  }
  return found;
}

/** Writes the rows, replacing a month+market already stored (the caller has decided it may). */
export async function upsertMonthlyFigures(db: Db, rows: MonthlyFigureRow[]): Promise<void> {
  for (const row of rows) {
    await db
      .insertInto('monthly_figures')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['month', 'market']).doUpdateSet({
          purchases: row.purchases,
          customer_service_complaints: row.customer_service_complaints,
          source: row.source,
          imported_at: row.imported_at,
        }),
      )
      .execute();
  }
}

export async function listMonthlyFigures(db: Db, market?: string) {
  let q = db.selectFrom('monthly_figures').selectAll().orderBy('market').orderBy('month');
  if (market) q = q.where('market', '=', market);
  return q.execute();
}
