import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, InvalidArgumentError } from 'commander';
import { formatTable } from './lib/report';
import { runSuite } from './suite';

/**
 * `npm run bench`: builds (once, cached) a large demo store, measures every figure of issue 9,
 * prints one table and writes bench/results.json. Never part of `npm test`.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function count(value: string): number {
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`"${value}" is not a whole number ≥ 1.`);
  return n;
}

const program = new Command()
  .name('npm run bench --')
  .description('Ombud benchmark suite (issue 9).')
  .option('--cases <n>', 'size of the demo store to build or reuse from the cache', count, 250_000)
  .option('--store <path>', 'benchmark this store file instead (it is migrated and gains a few benchmark notes)')
  .option('--cache-dir <dir>', 'where built stores are kept', join(root, 'bench', '.cache'))
  .option('--today <date>', 'the day the inbox and deadlines are computed for (default: the store’s as-of day)')
  .option('--runs <n>', 'measured runs per figure, after 5 warm-up runs', count, 50)
  .option('--like-runs <n>', 'runs of each LIKE-scan baseline (each reads the whole history)', count, 3)
  .option('--intake-cases <n>', 'cases written by the intake measurement', count, 2_000)
  .option('--import-cases <n>', 'cases in the JSON Lines file the import measurement reads (about 15 events each)', count, 10_000)
  .option('--mail-messages <n>', 'messages in the generated mbox the mail import reads', count, 10_000)
  .option('--no-renderer', 'skip the Chromium measurements')
  .option('--navigations <n>', 'measured page loads', count, 5)
  .option('--scroll-steps <n>', 'stops while scrolling the inbox end to end', count, 100)
  .option('--out <file>', 'results file', join(root, 'bench', 'results.json'))
  .action(async (opts: { cases: number; store?: string; cacheDir: string; today?: string; runs: number; likeRuns: number; intakeCases: number; importCases: number; mailMessages: number; renderer: boolean; navigations: number; scrollSteps: number; out: string }) => {
    const result = await runSuite({
      root,
      storePath: opts.store ? resolve(opts.store) : undefined,
      cases: opts.cases,
      cacheDir: resolve(opts.cacheDir),
      today: opts.today,
      runs: opts.runs,
      likeRuns: opts.likeRuns,
      intakeCases: opts.intakeCases,
      importCases: opts.importCases,
      mailMessages: opts.mailMessages,
      renderer: opts.renderer,
      navigations: opts.navigations,
      scrollSteps: opts.scrollSteps,
      log: (line) => process.stderr.write(`${line}\n`),
    });
    writeFileSync(opts.out, `${JSON.stringify(result, null, 2)}\n`);
    const s = result.store;
    console.log(
      `\nOmbud benchmark ${result.startedAt} on ${String(result.machine.cpu)} (${String(result.machine.cores)} cores), Node ${String(result.machine.node)}, SQLite ${result.versions.sqlite}; load average ${JSON.stringify(result.machine.loadAverageBefore)} before, ${JSON.stringify(result.machine.loadAverageAfter)} after`,
    );
    console.log(`Store: ${s.cases.toLocaleString('en')} cases, ${s.events.toLocaleString('en')} events, ${(s.fileBytes / 1024 ** 2).toFixed(0)} MiB; today ${s.today}\n`);
    console.log(formatTable(result.figures));
    console.log(`\nWritten to ${opts.out}`);
  });

await program.parseAsync();
