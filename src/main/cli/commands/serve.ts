import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import type { Store } from '../../db/connection';
import { StoreError } from '../../db/errors';
import { signInHint } from '../../demo/accounts';
import { createDemoStore } from '../../demo/generate';
import { startHarness } from '../../harness/server';
import type { Recovery } from '../../ipc/recovery';
import { resolveStorePath } from '../../paths';
import { storeInfo } from '../../services/app.service';
import { startBackupSchedule } from '../../services/backup.service';
import { startAnchorCheckpoints } from '../../services/anchor.service';
import type { SessionContext } from '../../services/context';
import { startDerivedRefresh } from '../../services/derived-refresh.service';
import { startRetentionSchedule } from '../../services/retention.service';
import { dbOption, isoDate, positiveInt, today, type DbOpts } from '../options';
import { openCliStore } from '../store';

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
      let stopSchedule: (() => void) | undefined;
      let openStoreRef: Store | undefined;
      /** Opens the store for work: start check, demo data when asked, the backup and retention schedules. Nobody is signed in. */
      const openForWork = async (): Promise<SessionContext> => {
        const store = await openCliStore(path, { check: 'auto' });
        openStoreRef = store;
        if (store.integrity) log(`Store check: ${store.integrity.checked ? 'quick_check passed' : 'skipped'} (${store.integrity.reason}).`);
        const info = await storeInfo({ store });
        if (info.counts.cases === 0 && opts.demo) {
          log(`Creating a demo store with ${opts.demo} cases in ${store.path} …`);
          await createDemoStore(store, { cases: opts.demo, seed: 1, asOf: today() });
        }
        const stopBackups = startBackupSchedule({ store, now }, { log });
        const stopRetention = startRetentionSchedule({ store, now }, { log });
        const stopAnchors = startAnchorCheckpoints(store, { log });
        stopSchedule = () => {
          stopBackups();
          stopRetention();
          stopAnchors();
        };
        // Cases computed by older rules are recomputed while the workbench already serves.
        void startDerivedRefresh(store, log);
        return { store, user: null, now };
      };
      let context: SessionContext | undefined;
      let recovery: Recovery | undefined;
      try {
        context = await openForWork();
      } catch (error) {
        if (!(error instanceof StoreError) || (error.code !== 'damaged' && error.code !== 'unreadable')) throw error;
        log(`The store cannot be used: ${error.message}`);
        log('Serving the recovery screen, which offers the latest good backup.');
        recovery = { storePath: path, problem: error.message, reopen: openForWork };
      }
      const harness = await startHarness({ context, recovery, rendererDir: opts.renderer, port: opts.port, log });
      console.log(`Ombud is running on ${harness.url}`);
      if (context) {
        console.log(`Store: ${context.store.path}. Stop with Ctrl+C.`);
        console.log(await signInHint(context.store));
      } else console.log(`Store: ${path} is DAMAGED; the page offers a restore. Stop with Ctrl+C.`);
      const stop = async () => {
        stopSchedule?.();
        await harness.close();
        await openStoreRef?.close();
        process.exit(0);
      };
      process.on('SIGINT', () => void stop());
      process.on('SIGTERM', () => void stop());
    });
}
