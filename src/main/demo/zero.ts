import type { Store } from '../db/connection';
import { upsertMonthlyFigures } from '../db/repositories/monthly-figures.repository';
import { insertReviewNote } from '../db/repositories/zero.repository';
import type { Market } from '../../shared/domain/market';
import type { Cause } from '../../shared/domain/zero';
import { rngFor } from './random';

/** Our own stream: the figures never shift a case's story. */
const FIGURES_STREAM = 40;
/** Months of figures before the as-of month; the as-of month itself is not published yet (missing). */
const MONTHS = 27;

/**
 * A market's monthly volume in the demo: Sweden millions of purchases a month, Denmark a fifth,
 * with the autumn and Black Friday/Christmas peak. Complaints per million drift down from the
 * order of the company's published figures (about 50) towards 25, with noise, so the table and
 * the chart have something honest to show.
 */
const VOLUME: Record<Market, number> = { SE: 9_000_000, DK: 1_800_000 };
const SEASON = [0.9, 0.85, 0.95, 0.95, 1.0, 0.95, 0.85, 0.9, 1.0, 1.05, 1.35, 1.4];

function addMonths(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const i = y * 12 + m - 1 + delta;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

export function demoMonthlyFigures(seed: number, asOf: string): { month: string; market: Market; purchases: number; complaints: number }[] {
  const current = asOf.slice(0, 7);
  const rows: { month: string; market: Market; purchases: number; complaints: number }[] = [];
  for (let k = MONTHS; k >= 1; k--) {
    const month = addMonths(current, -k);
    const calendarMonth = Number(month.slice(5, 7)) - 1;
    for (const market of ['SE', 'DK'] as const) {
      const rng = rngFor(seed, k * 2 + (market === 'SE' ? 0 : 1), FIGURES_STREAM);
      const purchases = Math.round(VOLUME[market] * SEASON[calendarMonth]! * (0.92 + 0.16 * rng.next()));
      // From about 50 per million 27 months back to about 25 now; Denmark a little higher.
      const rate = (25 + (25 * k) / MONTHS) * (market === 'DK' ? 1.15 : 1) * (0.8 + 0.4 * rng.next());
      rows.push({ month, market, purchases, complaints: Math.round((rate * purchases) / 1_000_000) });
    }
  }
  return rows;
}

const NOTES: { monthsBack: number; cause: Cause; market: Market | null; text: string }[] = [
  { monthsBack: 5, cause: 'category:return_not_registered', market: 'SE', text: 'Returer registreras nu automatiskt när handlaren skannar paketet; fakturan pausas samma dag.' },
  { monthsBack: 4, cause: 'flag:repeated_contacts', market: null, text: 'Ärenden med tre kontakter om samma köp utan lösning lyfts nu automatiskt till andra linjen.' },
  { monthsBack: 3, cause: 'flag:collection_during_dispute', market: 'SE', text: 'Påminnelser och inkasso stoppas nu så länge en tvist är öppen på köpet.' },
  { monthsBack: 2, cause: 'category:refund_missing', market: 'DK', text: 'Tilbagebetalinger bekræftes nu skriftligt med dato, og kundeservice følger op efter fem bankdage.' },
  { monthsBack: 1, cause: 'flag:dispute_closed_no_merchant_response', market: null, text: 'En tvist stängs inte längre bara för att handlaren inte svarat; kunden får rätt efter 21 dagar utan svar.' },
];

/**
 * Writes the demo's monthly figures for SE and DK and a few review notes by the complaints
 * officer. The figures end with the month before the as-of month, which is shown as missing.
 */
export async function addDemoZeroComplaints(store: Store, options: { seed: number; asOf: string; officerId: number }): Promise<{ months: number; notes: number }> {
  const importedAt = `${options.asOf}T06:00:00.000Z`;
  const figures = demoMonthlyFigures(options.seed, options.asOf);
  const current = options.asOf.slice(0, 7);
  await store.db.transaction().execute(async (trx) => {
    await upsertMonthlyFigures(
      trx,
      figures.map((f) => ({ month: f.month, market: f.market, purchases: f.purchases, customer_service_complaints: f.complaints, source: 'demo', imported_at: importedAt })),
    );
    for (const n of NOTES) {
      const month = addMonths(current, -n.monthsBack);
      // Recorded in the first week of the month after the one reviewed.
      const notedOn = `${addMonths(month, 1)}-0${3 + (n.monthsBack % 4)}`;
      await insertReviewNote(trx, { month, cause: n.cause, market: n.market, noted_on: notedOn, text: n.text, created_by: options.officerId, created_at: `${notedOn}T09:00:00.000Z` });
    }
  });
  return { months: figures.length / 2, notes: NOTES.length };
}
