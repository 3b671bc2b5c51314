import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, InvalidArgumentError } from 'commander';
import { runRendererBench } from './lib/renderer-bench';
import { BENCH_AS_OF } from './lib/store-cache';

/**
 * `node --import tsx bench/renderer.ts --store <file>`: only the renderer figures of the suite
 * (start to interactive inbox, longest task while scrolling), against a store that already exists.
 * `--root` measures another checkout's build and server (e.g. the commit before a change), so two
 * builds can be compared in alternating runs on a busy machine.
 */
const here = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function count(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`"${value}" is not a whole number ≥ 1.`);
  return n;
}

const program = new Command()
  .name('bench/renderer.ts')
  .requiredOption('--store <path>', 'store file (its accounts need passwords: run the suite once, or use a demo store)')
  .option('--root <dir>', 'checkout whose built renderer and `ombud serve` are measured', here)
  .option('--today <date>', 'the day the inbox is computed for', BENCH_AS_OF)
  .option('--navigations <n>', 'measured page loads', count, 5)
  .option('--scroll-steps <n>', 'stops while scrolling the inbox end to end', count, 100)
  .action(async (opts: { store: string; root: string; today: string; navigations: number; scrollSteps: number }) => {
    const load = () => loadavg().map((n) => n.toFixed(2)).join(' ');
    const before = load();
    const r = await runRendererBench({
      root: resolve(opts.root),
      dbPath: resolve(opts.store),
      today: opts.today,
      navigations: opts.navigations,
      scrollSteps: opts.scrollSteps,
      log: (line) => process.stderr.write(`${line}\n`),
    });
    const s = r.startToInteractive;
    console.log(
      JSON.stringify({
        root: join(resolve(opts.root)),
        startToInteractive: { p50: Math.round(s.p50), p95: Math.round(s.p95), max: Math.round(s.max), runs: s.runs },
        longestScrollTask: Math.round(r.longestScrollTask),
        longTasksWhileScrolling: r.longTasksWhileScrolling,
        scrollSteps: r.scrollSteps,
        rowsInInbox: r.rowsInInbox,
        loadAverage: { before, after: load() },
      }),
    );
  });

await program.parseAsync();
