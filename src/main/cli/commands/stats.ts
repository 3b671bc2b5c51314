import type { Command } from 'commander';
import { stringify as csvStringify } from 'csv-stringify/sync';
import { MARKETS, marketSchema } from '../../../shared/domain/market';
import { roundPerMillion, yearSchema } from '../../../shared/domain/zero';
import { contract } from '../../../shared/ipc/contract';
import { authorityStats } from '../../services/matter.service';
import { zeroComplaints } from '../../services/zero.service';
import { dbOption, jsonOption, parseWith, positiveInt, printJson, withStore, type DbOpts, type JsonOpts } from '../options';

/** `stats arn` and `stats zero-complaints`. */
export function registerStats(program: Command): void {
  const stats = program.command('stats').description('Statistics.');

  stats
    .command('arn')
    .description('Yearly statistics of ARN (or another authority’s) matters: registered, pending, settled, decided by outcome, share followed.')
    .requiredOption('--year <yyyy>', 'the year matters were received', positiveInt)
    .option('--authority <code>', 'another authority, e.g. DFA', 'ARN')
    .addOption(dbOption())
    .addOption(jsonOption())
    .action(async (opts: DbOpts & JsonOpts & { year: number; authority: string }) => {
      const input = parseWith(contract['matters:stats'].input, { year: opts.year, authority: opts.authority.toUpperCase() }, 'stats arn');
      await withStore(opts.db, async (ctx) => {
        const s = await authorityStats(ctx, input.year, input.authority);
        if (opts.json) {
          printJson(s);
          return;
        }
        console.log(`${s.authority} ${s.year}: ${s.registered} registered; ${s.pending} pending; ${s.settled} settled; ${s.decided} decided.`);
        for (const [outcome, n] of Object.entries(s.byOutcome)) console.log(`  ${outcome.padEnd(14)} ${n}`);
        const share = s.shareFollowed === null ? '—' : `${(100 * s.shareFollowed).toFixed(1)} %`;
        console.log(`Recommendations: ${s.recommendations}; followed: ${s.followed} (${share} of those with compliance recorded).`);
      });
    });

  stats
    .command('zero-complaints')
    .description('The zero-complaints measure: complaints to customer service plus authority matters per one million purchases, per month and for the year.')
    .requiredOption('--year <yyyy>', 'the year', positiveInt)
    .option('--market <market>', `one market (${MARKETS.join(', ')}); default all markets together`)
    .addOption(dbOption())
    .addOption(jsonOption())
    .option('--csv', 'print CSV: one line per month, then the year')
    .action(async (opts: DbOpts & JsonOpts & { year: number; market?: string; csv?: boolean }) => {
      const year = parseWith(yearSchema, opts.year, '--year');
      const market = opts.market === undefined ? null : parseWith(marketSchema, opts.market.toUpperCase(), '--market');
      await withStore(opts.db, async (ctx) => {
        const scope = await zeroComplaints(ctx, market);
        const months = Array.from({ length: 12 }, (_, i) => {
          const month = `${year}-${String(i + 1).padStart(2, '0')}`;
          return scope.months.find((m) => m.month === month) ?? { month, purchases: null, customerServiceComplaints: null, authorityComplaints: 0, complaints: null, perMillion: null, missingMarkets: [] };
        });
        const row = scope.years.find((y) => y.year === year) ?? null;
        const label = market ?? 'all';
        if (opts.json) {
          printJson({ year, market, months, perMillion: row?.perMillion ?? null, complaints: row?.complaints ?? 0, purchases: row?.purchases ?? 0, monthsWithFigures: row?.monthsWithFigures ?? 0 });
          return;
        }
        const exact = (v: number | null) => (v === null ? '' : v.toFixed(2));
        if (opts.csv) {
          process.stdout.write(
            csvStringify(
              [
                ...months.map((m) => [m.month, label, m.purchases ?? '', m.customerServiceComplaints ?? '', m.authorityComplaints, m.complaints ?? '', exact(m.perMillion)]),
                [String(year), label, row?.purchases ?? '', '', '', row?.complaints ?? '', exact(row?.perMillion ?? null)],
              ],
              { header: true, columns: ['period', 'market', 'purchases', 'customer_service_complaints', 'authority_complaints', 'complaints', 'per_million'] },
            ),
          );
          return;
        }
        const cell = (v: number | null) => (v === null ? '–' : String(roundPerMillion(v)));
        console.log(`Complaints per million purchases, ${year}, ${market ?? 'all markets'} (– = no figures for the month)`);
        console.log(['year', ...['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'], 'year'].map((h) => h.padStart(5)).join(''));
        console.log([String(year), ...months.map((m) => cell(m.perMillion)), cell(row?.perMillion ?? null)].map((h) => h.padStart(5)).join(''));
        console.log('');
        console.log(['month', 'purchases', 'cust.service', 'authorities', 'complaints', 'per million'].map((h, i) => (i === 0 ? h.padEnd(8) : h.padStart(13))).join(''));
        for (const m of months) {
          console.log([m.month.padEnd(8), ...[m.purchases, m.customerServiceComplaints, m.authorityComplaints, m.complaints].map((v) => (v === null ? '–' : String(v)).padStart(13)), (m.perMillion === null ? '–' : m.perMillion.toFixed(2)).padStart(13)].join(''));
        }
        console.log(
          row === null
            ? `${year}: no month has figures.`
            : `${year}: ${row.complaints} complaints / ${row.purchases} purchases × 1 000 000 = ${row.perMillion === null ? '–' : row.perMillion.toFixed(2)} (${row.monthsWithFigures} of 12 months with figures)`,
        );
      });
    });
}
