import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { StoreError } from '../../db/errors';
import { signInHint } from '../../demo/accounts';
import { startHarness } from '../../harness/server';
import { bootStore } from '../../boot';
import { resolveStorePath } from '../../paths';
import { dbOption, isoDate, positiveInt, type DbOpts } from '../options';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Serve the workbench in a browser on 127.0.0.1 (the harness used where Electron is not available).')
    .addOption(dbOption())
    .option('--port <n>', 'port (default: a free one)', positiveInt, 0)
    .option('--demo <n>', 'create a demo store with this many cases when the store has none', positiveInt)
    .option('--renderer <dir>', 'built renderer folder', join(projectRoot, 'out', 'renderer'))
    .option('--today <date>', 'run as if today were this day (demos and tests; time still moves on)', isoDate)
    .action(async (opts: DbOpts & { port: number; demo?: number; renderer: string; today?: string }) => {
      if (!existsSync(join(opts.renderer, 'index.html'))) {
        throw new StoreError('missing', `No built renderer in ${opts.renderer}. Run \`npm run build\` first.`);
      }
      const path = resolveStorePath(opts.db);
      const started = Date.now();
      const base = opts.today ? Date.parse(`${opts.today}T08:00:00Z`) : null;
      const now = base === null ? undefined : () => new Date(base + (Date.now() - started));
      const log = (line: string) => process.stderr.write(`${line}\n`);
      // The same start as the app and the team server: checks, migrations, schedules, recovery.
      const { context, recovery, stop: stopStore } = await bootStore({ path, demo: opts.demo, now, log });
      if (recovery) log('Serving the recovery screen, which offers the latest good backup.');
      const harness = await startHarness({ context, recovery, rendererDir: opts.renderer, port: opts.port, log });
      console.log(`Ombud is running on ${harness.url}`);
      if (context) {
        console.log(`Store: ${context.store.path}. Stop with Ctrl+C.`);
        console.log(await signInHint(context.store));
      } else console.log(`Store: ${path} is DAMAGED; the page offers a restore. Stop with Ctrl+C.`);
      const stop = async () => {
        await harness.close();
        await stopStore();
        process.exit(0);
      };
      process.on('SIGINT', () => void stop());
      process.on('SIGTERM', () => void stop());
    });
}
