import { existsSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, InvalidArgumentError } from 'commander';
import { LATEST_VERSION } from '../db/migrations';
import { inspectStore } from '../db/connection';
import { StoreError } from '../db/errors';
import { createDemoStore } from '../demo/generate';
import { startHarness } from '../harness/server';
import { resolveStorePath } from '../paths';
import { APP_VERSION, storeInfo } from '../services/app.service';
import { sessionUser } from '../services/session.service';
import { fileSize, openCliStore } from './store';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`"${value}" is not a whole number ≥ 0.`);
  return n;
}

function isoDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new InvalidArgumentError(`"${value}" is not a date YYYY-MM-DD.`);
  }
  return value;
}

/** Today's calendar date in Stockholm, the default "as of" day of a demo store. */
function today(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
}

function formatBytes(n: number): string {
  return n > 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MiB` : `${(n / 1024).toFixed(1)} KiB`;
}

const program = new Command()
  .name('ombud')
  .description('Ombud: the customer ombudsman workbench, from the command line.')
  .version(APP_VERSION)
  .showHelpAfterError();

program
  .command('demo')
  .description('Create a deterministic demo store with fictitious Swedish and Danish cases.')
  .option('--db <path>', 'store file (default: OMBUD_DB or the per-user data folder)')
  .option('--cases <n>', 'number of cases', positiveInt, 300)
  .option('--seed <n>', 'random seed; the same seed and date give the same store', positiveInt, 1)
  .option('--as-of <date>', 'the day the demo store is "today" (YYYY-MM-DD)', isoDate)
  .option('--force', 'replace an existing store file')
  .action(async (opts: { db?: string; cases: number; seed: number; asOf?: string; force?: boolean }) => {
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

program
  .command('migrate')
  .description('Bring a store to the latest schema (creates it when missing).')
  .option('--db <path>', 'store file')
  .action(async (opts: { db?: string }) => {
    const path = resolveStorePath(opts.db);
    const state = inspectStore(path);
    const before = state === 'new' ? 0 : state.version;
    const store = await openCliStore(opts.db);
    await store.close();
    console.log(
      before === LATEST_VERSION ? `${path} is at schema ${LATEST_VERSION}, the latest.` : `${path} migrated from schema ${before} to ${LATEST_VERSION}.`,
    );
  });

program
  .command('info')
  .description('Show the schema version and counts of a store.')
  .option('--db <path>', 'store file')
  .option('--json', 'print JSON')
  .action(async (opts: { db?: string; json?: boolean }) => {
    const store = await openCliStore(opts.db, { create: false, migrate: false });
    try {
      const info = await storeInfo({ store });
      const size = fileSize(store.path);
      if (opts.json) {
        console.log(JSON.stringify({ ...info, fileSize: size }, null, 2));
        return;
      }
      console.log(`Store           ${info.storePath}`);
      console.log(`Schema version  ${info.schemaVersion} (Ombud ${info.appVersion})`);
      console.log(`Size            ${formatBytes(size)}`);
      for (const [name, count] of Object.entries(info.counts)) {
        console.log(`${name.padEnd(16)}${count.toLocaleString('sv-SE')}`);
      }
    } finally {
      await store.close();
    }
  });

program
  .command('serve')
  .description('Serve the workbench in a browser on 127.0.0.1 (the harness used where Electron is not available).')
  .option('--db <path>', 'store file')
  .option('--port <n>', 'port (default: a free one)', positiveInt, 0)
  .option('--demo <n>', 'create a demo store with this many cases when the store has none', positiveInt)
  .option('--renderer <dir>', 'built renderer folder', join(projectRoot, 'out', 'renderer'))
  .action(async (opts: { db?: string; port: number; demo?: number; renderer: string }) => {
    if (!existsSync(join(opts.renderer, 'index.html'))) {
      throw new StoreError('missing', `No built renderer in ${opts.renderer}. Run \`npm run build\` first.`);
    }
    const store = await openCliStore(opts.db);
    const info = await storeInfo({ store });
    if (info.counts.cases === 0 && opts.demo) {
      process.stderr.write(`Creating a demo store with ${opts.demo} cases in ${store.path} …\n`);
      await createDemoStore(store, { cases: opts.demo, seed: 1, asOf: today() });
    }
    const user = await sessionUser(store);
    const harness = await startHarness({
      context: { store, user },
      rendererDir: opts.renderer,
      port: opts.port,
      log: (line) => process.stderr.write(`${line}\n`),
    });
    console.log(`Ombud is running on ${harness.url}`);
    console.log(`Store: ${store.path}. Signed in as ${user.name} (${user.role}). Stop with Ctrl+C.`);
    const stop = async () => {
      await harness.close();
      await store.close();
      process.exit(0);
    };
    process.on('SIGINT', () => void stop());
    process.on('SIGTERM', () => void stop());
  });

export async function main(argv: string[]): Promise<void> {
  try {
    await program.parseAsync(argv);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`ombud: ${message}\n`);
    process.exitCode = error instanceof StoreError ? 2 : 1;
  }
}

