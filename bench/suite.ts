import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { arch, cpus, loadavg, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../src/main/db/connection';
import { setPasswordHash } from '../src/main/db/repositories/user.repository';
import { DEMO_PASSWORD } from '../src/main/demo/generate';
import { hashPassword } from '../src/main/services/password';
import { runMainBench, type Figure } from './lib/main-bench';
import { benchImportCases } from './import-cases';
import { benchImportMail } from './import-mail';
import { measureIntake } from './lib/intake-bench';
import { CHROMIUM, runRendererBench } from './lib/renderer-bench';
import { BENCH_AS_OF, ensureBenchStore } from './lib/store-cache';

export interface SuiteOptions {
  root: string;
  /** Benchmark this store file instead of a cached demo store (it is migrated and gains a few notes). */
  storePath?: string;
  cases: number;
  cacheDir: string;
  today?: string;
  runs: number;
  likeRuns: number;
  intakeCases: number;
  /** Cases in the file the JSON Lines import reads: large enough that throughput, not start-up, is measured. */
  importCases: number;
  /** Messages in the generated mbox the mail import reads (issue 20: 10,000). */
  mailMessages: number;
  renderer: boolean;
  navigations: number;
  scrollSteps: number;
  log: (line: string) => void;
}

export interface SuiteResult {
  startedAt: string;
  machine: Record<string, unknown>;
  versions: Record<string, string>;
  store: { path: string; built: boolean; buildSeconds: number | null; today: string; cases: number; events: number; fileBytes: number; bytesPerMillionEvents: number };
  queries: Record<string, string>;
  figures: Figure[];
}

function packageVersion(root: string, name: string): string {
  try {
    return (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

function commandOutput(cmd: string, args: string[], cwd: string): string {
  try {
    return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

/**
 * Stores made by the demo generator before sign-in existed have accounts without passwords, and the
 * workbench would ask to create the first account. The renderer measurement signs in as the demo
 * ombudsman, so those accounts get the demo password, as the current generator gives them.
 */
async function ensureDemoPasswords(store: Store): Promise<void> {
  const users = await store.db.selectFrom('users').select(['id', 'password_hash']).execute();
  for (const u of users) if (!u.password_hash) await setPasswordHash(store.db, u.id, await hashPassword(DEMO_PASSWORD));
}

/** The whole suite: store, main-process figures with baselines, intake, renderer. */
export async function runSuite(options: SuiteOptions): Promise<SuiteResult> {
  const { root, log } = options;
  const startedAt = new Date().toISOString();
  // The machine may be shared: the load before and after says how quiet it was.
  const loadBefore = loadavg().map((n) => Number(n.toFixed(2)));
  const cached = options.storePath
    ? { path: options.storePath, built: false, buildSeconds: null }
    : await ensureBenchStore({ root, cacheDir: options.cacheDir, cases: options.cases, log });

  const store = await openStore(cached.path, { create: false });
  let main;
  let today: string;
  let sqliteVersion: string;
  try {
    const latest = (store.sqlite.prepare('SELECT max(received_date) AS d FROM cases').get() as { d: string | null }).d;
    today = options.today ?? (options.storePath ? (latest ?? BENCH_AS_OF) : BENCH_AS_OF);
    sqliteVersion = (store.sqlite.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
    log(`store ${cached.path}, today ${today}`);
    main = await runMainBench({ store, today, runs: options.runs, likeRuns: options.likeRuns, log });
    if (options.renderer) await ensureDemoPasswords(store);
  } finally {
    await store.close();
  }
  const figures = main.figures;

  log(`intake of ${options.intakeCases} cases into a fresh store`);
  const intake = await measureIntake(options.intakeCases);
  figures.push({
    group: 'import',
    name: 'case intake writer (cases, events, indexes), events/s',
    unit: 'events/s',
    value: intake.eventsPerSecond,
    status: 'measured',
    note: `${intake.events.toLocaleString('en')} events of ${options.intakeCases.toLocaleString('en')} cases in ${intake.seconds.toFixed(2)} s; the writer a JSON Lines import will use`,
  });
  log(`JSON Lines import of ${options.importCases} cases into a fresh store`);
  const imported = await benchImportCases(options.importCases);
  figures.push({
    group: 'import',
    name: 'JSON Lines import, events/s',
    unit: 'events/s',
    value: imported.eventsPerSecond,
    target: { op: '>=', value: 20_000, of: 'value' },
    status: 'measured',
    note: `${imported.events.toLocaleString('en')} events of ${imported.cases.toLocaleString('en')} cases, ${(imported.bytes / 1024 ** 2).toFixed(0)} MiB, in ${imported.seconds.toFixed(2)} s (\`ombud import cases\`: reading, validation and derivation on a worker thread, writing and search index on this one, until committed; the WAL checkpoint follows in the worker); ${imported.eventsPerCpuSecond.toLocaleString('en')} events per CPU-second of both threads; bench/import-breakdown.ts compares it with raw better-sqlite3`,
  });

  log(`mail import of a generated mbox of ${options.mailMessages} messages into a fresh store`);
  const mail = await benchImportMail(options.mailMessages);
  figures.push({
    group: 'import',
    name: 'mail import (mbox with attachments), messages/s',
    unit: 'messages/s',
    value: mail.messagesPerSecond,
    target: { op: '>=', value: 200, of: 'value' },
    status: 'measured',
    note: `${mail.messages.toLocaleString('en')} messages (${mail.newCases.toLocaleString('en')} new cases, ${mail.attached} attached, ${mail.rejected} rejected), ${(mail.bytes / 1024 ** 2).toFixed(0)} MiB mbox, in ${mail.seconds.toFixed(2)} s (${mail.messagesPerCpuSecond.toLocaleString('en')} messages per CPU-second); one in three with a 24 KiB PDF, one in three HTML-only with an inline image`,
  });
  figures.push({
    group: 'import',
    name: 'mail import, peak RSS',
    unit: 'MiB',
    value: mail.peakRssMiB,
    status: 'measured',
    note: `the bench process's resident high-water mark: ${mail.rssBeforeMiB} MiB before the import; the mbox is read message by message`,
  });

  let chromiumVersion = 'not run';
  if (options.renderer) {
    chromiumVersion = commandOutput(CHROMIUM, ['--version'], root);
    const r = await runRendererBench({ root, dbPath: cached.path, today, navigations: options.navigations, scrollSteps: options.scrollSteps, log }).catch(
      (error: unknown) => {
        // Every other figure is kept; the table says what went wrong instead of a number.
        log(`renderer measurement failed: ${(error as Error).message}`);
        figures.push({ group: 'renderer (Chromium, harness)', name: 'start to interactive inbox', unit: 'ms', target: { op: '<=', value: 1500, of: 'p95' }, status: 'failed', note: (error as Error).message.split('\n')[0] });
        return null;
      },
    );
    if (r) {
      figures.push({
        group: 'renderer (Chromium, harness)',
        name: 'start to interactive inbox',
        unit: 'ms',
        timing: r.startToInteractive,
        target: { op: '<=', value: 1500, of: 'p95' },
        status: 'measured',
        note: `${r.rowsInInbox.toLocaleString('en')} rows in the inbox`,
      });
      figures.push({
        group: 'renderer (Chromium, harness)',
        name: 'longest task while scrolling the inbox end to end',
        unit: 'ms',
        value: r.longestScrollTask,
        target: { op: '<=', value: 50, of: 'value' },
        status: 'measured',
        note: `${r.longTasksWhileScrolling} long tasks (≥ 50 ms) over ${r.scrollSteps} scroll stops`,
      });
    }
  }

  return {
    startedAt,
    machine: {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      memoryGiB: Math.round(totalmem() / 1024 ** 3),
      platform: `${platform()} ${release()} ${arch()}`,
      node: process.version,
      loadAverageBefore: loadBefore,
      loadAverageAfter: loadavg().map((n) => Number(n.toFixed(2))),
    },
    versions: {
      ombudCommit: commandOutput('git', ['rev-parse', '--short', 'HEAD'], root),
      sqlite: sqliteVersion,
      'better-sqlite3': packageVersion(root, 'better-sqlite3'),
      kysely: packageVersion(root, 'kysely'),
      '@playwright/test': packageVersion(root, '@playwright/test'),
      chromium: chromiumVersion,
    },
    store: { ...cached, today, ...main.sizes },
    queries: main.queries,
    figures,
  };
}
