import type { Command } from 'commander';
import { contract } from '../../../shared/ipc/contract';
import { listMatters } from '../../services/matter.service';
import { clockOf, dbOption, isoDate, jsonOption, parseWith, positiveInt, printJson, withStore, type DbOpts, type JsonOpts } from '../options';

export function registerMatters(program: Command): void {
  program
    .command('matters')
    .description('Authority matters (ARN, Konsumentverket, FI, IMY, DFA), the most urgent first.')
    .addOption(dbOption())
    .option('--due <when>', 'soon (unanswered within 10 business days or overdue) or overdue')
    .option('--authority <code>', 'only this authority, e.g. ARN')
    .option('--today <date>', 'count business days from this day (default: today)', isoDate)
    .option('--limit <n>', 'at most this many rows', positiveInt, 100)
    .addOption(jsonOption())
    .action(async (opts: DbOpts & JsonOpts & { due?: string; authority?: string; today?: string; limit: number }) => {
      const input = parseWith(
        contract['matters:list'].input,
        { due: opts.due, authority: opts.authority?.toUpperCase(), limit: Math.max(1, Math.min(opts.limit, 500)) },
        'matters',
      );
      await withStore(opts.db, async (ctx) => {
        const page = await listMatters({ ...ctx, now: clockOf(opts.today) }, input);
        if (opts.json) {
          printJson(page);
          return;
        }
        for (const m of page.rows) {
          const due = m.daysLeft === null ? (m.outcome ?? m.status) : m.daysLeft >= 0 ? `${m.responseDue} (${m.daysLeft} bd left)` : `${m.responseDue} (${-m.daysLeft} bd OVERDUE)`;
          console.log([m.authority.padEnd(4), m.reference.padEnd(16), m.caseNumber, m.customerName.padEnd(26), due].join('  '));
        }
        console.log(`${page.rows.length} of ${page.total} matters.`);
      });
    });
}
