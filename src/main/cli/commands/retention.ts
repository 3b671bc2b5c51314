import type { Command } from 'commander';
import { runRetention } from '../../services/retention.service';
import { dbOption, jsonOption, printJson, withStore, type DbOpts, type JsonOpts } from '../options';

/** `retention run`. */
export function registerRetention(program: Command): void {
  const retention = program.command('retention').description('Anonymise closed cases whose retention period has ended.');

  retention
    .command('run')
    .description('Anonymise every case the retention rules select (with --dry-run: only list them). Each run is logged.')
    .addOption(dbOption())
    .option('--dry-run', 'list what would be anonymised, change nothing')
    .addOption(jsonOption())
    .action(async (opts: DbOpts & JsonOpts & { dryRun?: boolean }) => {
      await withStore(opts.db, async (ctx) => {
        const result = await runRetention(ctx, { dryRun: opts.dryRun === true, trigger: 'cli' });
        if (opts.json) {
          printJson(result);
          return;
        }
        const r = result.rules;
        console.log(`Rules: closed cases ${r.closedCaseYears} years after closing; authority matters ${r.authorityMatterYears} years after the later of closing and the last authority event.`);
        for (const c of result.cases) console.log([c.number, c.market, c.rule.padEnd(16), `closed ${c.closedAt.slice(0, 10)}`, `due since ${c.dueSince}`].join('  '));
        console.log(
          result.dryRun
            ? `Dry run ${result.runId}: ${result.cases.length} cases would be anonymised. Nothing was changed.`
            : `Run ${result.runId}: anonymised ${result.anonymised} cases.`,
        );
      });
    });
}
