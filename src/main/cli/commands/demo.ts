import { existsSync, rmSync } from 'node:fs';
import type { Command } from 'commander';
import { StoreError } from '../../db/errors';
import { createDemoStore } from '../../demo/generate';
import { resolveStorePath } from '../../paths';
import { dbOption, formatBytes, isoDate, positiveInt, today, type DbOpts } from '../options';
import { fileSize, openCliStore } from '../store';

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('Create a deterministic demo store with fictitious Swedish and Danish cases.')
    .addOption(dbOption('store file (default: OMBUD_DB or the per-user data folder)'))
    .option('--cases <n>', 'number of cases', positiveInt, 300)
    .option('--seed <n>', 'random seed; the same seed and date give the same store', positiveInt, 1)
    .option('--as-of <date>', 'the day the demo store is "today" (YYYY-MM-DD)', isoDate)
    .option('--force', 'replace an existing store file')
    .action(async (opts: DbOpts & { cases: number; seed: number; asOf?: string; force?: boolean }) => {
      const path = resolveStorePath(opts.db);
      if (existsSync(path) && fileSize(path) > 0) {
        if (!opts.force) throw new StoreError('not_ombud', `${path} already exists. Use --force to replace it with a demo store.`);
        for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
      }
      const store = await openCliStore(path);
      const started = performance.now();
      let lastReport = 0;
      try {
        const result = await createDemoStore(store, {
          cases: opts.cases,
          seed: opts.seed,
          asOf: opts.asOf ?? today(),
          onProgress: (done, total) => {
            const now = performance.now();
            if (process.stderr.isTTY && (now - lastReport > 250 || done === total)) {
              lastReport = now;
              process.stderr.write(`\r${done.toLocaleString('sv-SE')} / ${total.toLocaleString('sv-SE')} cases`);
            }
          },
        });
        if (process.stderr.isTTY) process.stderr.write('\n');
        store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
        const seconds = (performance.now() - started) / 1000;
        console.log(
          `Demo store ${path}: ${result.cases} cases, ${result.events} history events in ${seconds.toFixed(1)} s (${formatBytes(fileSize(path))}).`,
        );
      } finally {
        await store.close();
      }
    });
}
