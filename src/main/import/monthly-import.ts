import { createReadStream, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parse, CsvError } from 'csv-parse';
import { calendarMonthSchema } from '../../shared/domain/dates';
import { z } from 'zod';
import { MARKETS } from '../../shared/domain/market';
import { existingMonthlyKeys, upsertMonthlyFigures, type MonthlyFigureRow } from '../db/repositories/monthly-figures.repository';
import { appendAudit } from '../services/audit.service';
import type { ServiceContext } from '../services/context';
import { ServiceError } from '../services/errors';
import { refusal } from '../../shared/domain/refusals';

/** The columns of the monthly figures file, the input to the zero-complaints measure (domain brief). */
export const MONTHLY_COLUMNS = ['month', 'market', 'purchases', 'customer_service_complaints'] as const;

// Fifteen digits keep every count a safe integer.
const count = z.string().regex(/^[0-9]{1,15}$/, 'must be a whole number ≥ 0 written with digits only (no sign, decimals or separators)');
const rowSchema = z.object({
  month: calendarMonthSchema,
  market: z.enum(MARKETS, { error: `must be one of ${MARKETS.join(', ')}` }),
  purchases: count,
  customer_service_complaints: count,
});

export interface MonthlyProblem {
  line: number | null;
  column: string | null;
  message: string;
}

export interface MonthlyImportReport {
  file: string;
  committed: boolean;
  rows: number;
  inserted: number;
  replaced: number;
  problems: MonthlyProblem[];
}

/**
 * Imports `month,market,purchases,customer_service_complaints` (one row per month and market).
 * All or nothing: any invalid row, a month+market twice in the file, or one already stored
 * (unless `replace`) leaves the store unchanged, and every problem is reported with its line.
 */
export async function importMonthlyFigures(ctx: ServiceContext, options: { path: string; replace?: boolean; sourceName?: string }): Promise<MonthlyImportReport> {
  if (ctx.user.role === 'auditor') throw new ServiceError(refusal('role.auditorReadOnly'), 'An auditor may read but not import figures.');
  const file = resolve(options.path);
  try {
    if (!statSync(file).isFile()) throw new Error();
  } catch {
    throw new ServiceError(refusal('import.noFile', { file }), `There is no file ${file}.`);
  }
  const report: MonthlyImportReport = { file, committed: false, rows: 0, inserted: 0, replaced: 0, problems: [] };
  const rows: (MonthlyFigureRow & { line: number })[] = [];
  const seen = new Map<string, number>();
  const stamp = (ctx.now ? ctx.now() : new Date()).toISOString();
  const source = options.sourceName ?? basename(file);

  const parser = createReadStream(file).pipe(
    parse({
      bom: true,
      trim: true,
      skip_empty_lines: true,
      info: true,
      columns: (header: string[]) => {
        const got = header.map((h) => h.toLowerCase());
        const missing = MONTHLY_COLUMNS.filter((c) => !got.includes(c));
        const extra = got.filter((c) => !(MONTHLY_COLUMNS as readonly string[]).includes(c));
        if (missing.length > 0 || extra.length > 0) {
          throw new ServiceError(
            refusal('import.monthlyHeader', { columns: MONTHLY_COLUMNS.join(', ') }),
            `Line 1: the header must be ${MONTHLY_COLUMNS.join(',')}` +
              (missing.length ? `; missing ${missing.join(', ')}` : '') +
              (extra.length ? `; unknown ${extra.join(', ')}` : ''),
          );
        }
        return got;
      },
    }),
  );
  try {
    for await (const record of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      const line = record.info.lines;
      report.rows++;
      const parsed = rowSchema.safeParse(record.record);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const column = String(issue.path[0] ?? '');
          report.problems.push({ line, column, message: `${column} "${record.record[column] ?? ''}" ${issue.message}` });
        }
        continue;
      }
      const key = `${parsed.data.month}|${parsed.data.market}`;
      const first = seen.get(key);
      if (first !== undefined) {
        report.problems.push({ line, column: 'month', message: `${parsed.data.month} ${parsed.data.market} appears twice in the file (also line ${first})` });
        continue;
      }
      seen.set(key, line);
      rows.push({
        line,
        month: parsed.data.month,
        market: parsed.data.market,
        purchases: Number(parsed.data.purchases),
        customer_service_complaints: Number(parsed.data.customer_service_complaints),
        source,
        imported_at: stamp,
      });
    }
  } catch (error) {
    if (error instanceof ServiceError) {
      report.problems.push({ line: 1, column: null, message: error.message });
    } else if (error instanceof CsvError) {
      const at = (error as CsvError & { lines?: number }).lines;
      report.problems.push({ line: at ?? null, column: null, message: `is not valid CSV: ${error.message}` });
    } else throw error;
  }
  if (report.rows === 0 && report.problems.length === 0) report.problems.push({ line: null, column: null, message: 'The file holds no figures.' });

  const existing = await existingMonthlyKeys(ctx.store.db, rows);
  if (!options.replace) {
    for (const r of rows) {
      if (existing.has(`${r.month}|${r.market}`)) {
        report.problems.push({ line: r.line, column: 'month', message: `${r.month} ${r.market} is already stored; import with --replace to overwrite it` });
      }
    }
  }
  report.problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  if (report.problems.length > 0) return report;

  // With --replace, a row equal to the stored one is left alone, so importing a file twice changes nothing.
  const changed = rows.filter((r) => {
    const old = existing.get(`${r.month}|${r.market}`);
    return !old || old.purchases !== r.purchases || old.complaints !== r.customer_service_complaints;
  });
  report.replaced = changed.filter((r) => existing.has(`${r.month}|${r.market}`)).length;
  report.inserted = changed.length - report.replaced;
  report.committed = true;
  if (changed.length === 0) return report;
  await ctx.store.db.transaction().execute(async (trx) => {
    await upsertMonthlyFigures(trx, changed.map(({ line: _line, ...r }) => r));
    await appendAudit(trx, {
      at: stamp,
      userId: ctx.user.id,
      action: 'import.monthly',
      caseId: null,
      detail: { file: source, inserted: report.inserted, replaced: report.replaced },
    });
  });
  return report;
}
