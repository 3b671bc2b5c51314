import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, InvalidArgumentError } from 'commander';
import { z } from 'zod';
import { CASE_STATUSES } from '../../shared/domain/case';
import { languageSchema, MARKETS, marketSchema } from '../../shared/domain/market';
import { caseListInputSchema, contract } from '../../shared/ipc/contract';
import { LATEST_VERSION } from '../db/migrations';
import { backupFileName, backupTo, restoreFrom } from '../db/backup';
import { inspectStore } from '../db/connection';
import { StoreError } from '../db/errors';
import { signInHint } from '../demo/accounts';
import { createDemoStore } from '../demo/generate';
import { startHarness } from '../harness/server';
import { bootStore } from '../boot';
import { registerServerCommand } from './commands/server';
import { describeIssues } from '../ipc/dispatch';
import { runRetention } from '../services/retention.service';
import { eraseSubject, exportSubject } from '../services/subject.service';
import { resolveStorePath } from '../paths';
import { addBusinessDays } from '../services/calendar/business-days';
import { listCases } from '../services/case.service';
import type { ServiceContext } from '../services/context';
import { authorityStats, listMatters } from '../services/matter.service';
import { search } from '../services/search.service';
import { appendAudit, verifyAuditChain } from '../services/audit.service';
import { APP_VERSION, storeInfo } from '../services/app.service';
import { sessionUser } from '../services/session.service';
import { EXPORT_FORMATS, exportDecision, exportLetter, type ExportFormat } from '../services/export.service';
import { exportArnForCase } from '../services/arn-export.service';
import { caseIdByNumber } from '../services/letter.service';
import { fileSize, openCliStore } from './store';
import { importCases, MAX_ATTACHMENT_SETTING } from '../import/case-import';
import { importMonthlyFigures } from '../import/monthly-import';
import { importMail } from '../import/mail-import';
import { registerFormatSchema, roundPerMillion, yearSchema } from '../../shared/domain/zero';
import { exportRegister } from '../services/register.service';
import { zeroComplaints } from '../services/zero.service';
import { stringify as csvStringify } from 'csv-stringify/sync';

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
registerServerCommand(program);

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
  .option('--today <date>', 'run as if today were this day (demos and tests; time still moves on)', isoDate)
  .action(async (opts: { db?: string; port: number; demo?: number; renderer: string; today?: string }) => {
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

program
  .command('backup')
  .description('Copy a store to a self-contained file, a consistent snapshot (safe while Ombud is running).')
  .option('--db <path>', 'store file')
  .requiredOption('--out <path>', 'backup file to write (or an existing folder to write a dated file into)')
  .action(async (opts: { db?: string; out: string }) => {
    const store = await openCliStore(opts.db, { create: false, migrate: false, readonly: true });
    try {
      const out = existsSync(opts.out) && statSync(opts.out).isDirectory() ? join(opts.out, backupFileName(store.path, 'manual', new Date())) : opts.out;
      const result = await backupTo(store.path, out);
      console.log(`Backed up ${store.path} to ${result.path}: ${formatBytes(result.bytes)} in ${(result.milliseconds / 1000).toFixed(1)} s.`);
    } finally {
      await store.close();
    }
  });

program
  .command('restore')
  .description('Replace a store with a backup, after checking the backup (integrity, application id, schema). Close Ombud first.')
  .option('--db <path>', 'store file to replace')
  .requiredOption('--from <path>', 'backup file')
  .action(async (opts: { db?: string; from: string }) => {
    const path = resolveStorePath(opts.db);
    const result = restoreFrom(path, opts.from);
    // The restored store records that it was restored; opening it also migrates an older backup.
    const store = await openCliStore(path, { create: false });
    try {
      await store.db.transaction().execute(async (trx) => {
        await appendAudit(trx, {
          at: new Date().toISOString(),
          userId: null,
          action: 'backup.restore',
          caseId: null,
          detail: { from: result.restoredFrom, schemaVersion: result.schemaVersion, previous: result.previous, by: 'ombud restore' },
        });
      });
    } finally {
      await store.close();
    }
    console.log(`Restored ${path} from ${result.restoredFrom} (schema ${result.schemaVersion}) in ${(result.milliseconds / 1000).toFixed(1)} s.`);
    if (result.previous) console.log(`The replaced store is kept as ${result.previous}.`);
  });

const languageOption = z.enum(['sv', 'da', 'en']);

function parseWith<T>(schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false; error: z.ZodError } }, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new InvalidArgumentError(`${what}: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

/** Strips the search highlight markers for a terminal, or turns them into bold on a TTY. */
function plainSnippet(snippet: string, tty = process.stdout.isTTY): string {
  return snippet.split('\u0002').join(tty ? '\u001b[1m' : '').split('\u0003').join(tty ? '\u001b[22m' : '');
}

program
  .command('cases')
  .description('List cases as the inbox does: number, status, market, customer, deadline.')
  .option('--db <path>', 'store file')
  .option('--status <status>', `one of ${CASE_STATUSES.join(', ')} (repeat or comma-separate for several)`)
  .option('--market <market>', `one of ${MARKETS.join(', ')}`)
  .option('--limit <n>', 'at most this many rows', positiveInt, 50)
  .option('--json', 'print JSON')
  .action(async (opts: { db?: string; status?: string; market?: string; limit: number; json?: boolean }) => {
    const input = parseWith(
      caseListInputSchema,
      {
        status: opts.status ? opts.status.split(',').map((x) => x.trim()) : undefined,
        market: opts.market?.toUpperCase(),
        limit: Math.max(1, Math.min(opts.limit, 500)),
      },
      'cases',
    );
    await withStore(opts.db, async (ctx) => {
      const page = await listCases(ctx, input);
      if (opts.json) {
        console.log(JSON.stringify(page, null, 2));
        return;
      }
      for (const r of page.rows) {
        const due = r.nextDue ? `${r.nextDue.date} (${r.nextDue.daysLeft >= 0 ? `${r.nextDue.daysLeft} bd left` : `${-r.nextDue.daysLeft} bd overdue`})` : '—';
        console.log([r.number, r.status.padEnd(20), r.market, r.customerName.padEnd(28), due].join('  '));
      }
      console.log(`${page.rows.length} of ${page.total} cases.`);
    });
  });

program
  .command('search')
  .description('Full-text search over cases and their whole history, ranked.')
  .argument('<query...>', 'words to find; "quoted words" as a phrase')
  .option('--db <path>', 'store file')
  .option('--limit <n>', 'at most this many cases', positiveInt, 20)
  .option('--json', 'print JSON')
  .action(async (words: string[], opts: { db?: string; limit: number; json?: boolean }) => {
    const input = parseWith(contract['search:query'].input, { query: words.join(' '), limit: Math.max(1, Math.min(opts.limit, 200)) }, 'search');
    await withStore(opts.db, async (ctx) => {
      const { hits } = await search(ctx, input);
      if (opts.json) {
        console.log(JSON.stringify(hits.map((h) => ({ ...h, snippet: plainSnippet(h.snippet, false) })), null, 2));
        return;
      }
      for (const h of hits) {
        const where = h.field === 'event' ? `event ${h.eventOccurredAt?.slice(0, 10)}` : h.field;
        console.log(`${h.number}  ${h.customerName}  [${where}]  ${plainSnippet(h.snippet)}`);
      }
      if (hits.length === 0) console.log('No matches.');
    });
  });

program
  .command('matters')
  .description('Authority matters (ARN, Konsumentverket, FI, IMY, DFA), the most urgent first.')
  .option('--db <path>', 'store file')
  .option('--due <when>', 'soon (unanswered within 10 business days or overdue) or overdue')
  .option('--authority <code>', 'only this authority, e.g. ARN')
  .option('--today <date>', 'count business days from this day (default: today)', isoDate)
  .option('--limit <n>', 'at most this many rows', positiveInt, 100)
  .option('--json', 'print JSON')
  .action(async (opts: { db?: string; due?: string; authority?: string; today?: string; limit: number; json?: boolean }) => {
    const input = parseWith(
      contract['matters:list'].input,
      { due: opts.due, authority: opts.authority?.toUpperCase(), limit: Math.max(1, Math.min(opts.limit, 500)) },
      'matters',
    );
    await withStore(opts.db, async (ctx) => {
      const page = await listMatters({ ...ctx, now: opts.today ? () => new Date(`${opts.today}T08:00:00Z`) : undefined }, input);
      if (opts.json) {
        console.log(JSON.stringify(page, null, 2));
        return;
      }
      for (const m of page.rows) {
        const due = m.daysLeft === null ? (m.outcome ?? m.status) : m.daysLeft >= 0 ? `${m.responseDue} (${m.daysLeft} bd left)` : `${m.responseDue} (${-m.daysLeft} bd OVERDUE)`;
        console.log([m.authority.padEnd(4), m.reference.padEnd(16), m.caseNumber, m.customerName.padEnd(26), due].join('  '));
      }
      console.log(`${page.rows.length} of ${page.total} matters.`);
    });
  });

const stats = program.command('stats').description('Statistics.');
stats
  .command('arn')
  .description('Yearly statistics of ARN (or another authority’s) matters: registered, pending, settled, decided by outcome, share followed.')
  .requiredOption('--year <yyyy>', 'the year matters were received', positiveInt)
  .option('--authority <code>', 'another authority, e.g. DFA', 'ARN')
  .option('--db <path>', 'store file')
  .option('--json', 'print JSON')
  .action(async (opts: { year: number; authority: string; db?: string; json?: boolean }) => {
    const input = parseWith(contract['matters:stats'].input, { year: opts.year, authority: opts.authority.toUpperCase() }, 'stats arn');
    await withStore(opts.db, async (ctx) => {
      const s = await authorityStats(ctx, input.year, input.authority);
      if (opts.json) {
        console.log(JSON.stringify(s, null, 2));
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
  .option('--db <path>', 'store file')
  .option('--json', 'print JSON')
  .option('--csv', 'print CSV: one line per month, then the year')
  .action(async (opts: { year: number; market?: string; db?: string; json?: boolean; csv?: boolean }) => {
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
        console.log(JSON.stringify({ year, market, months, perMillion: row?.perMillion ?? null, complaints: row?.complaints ?? 0, purchases: row?.purchases ?? 0, monthsWithFigures: row?.monthsWithFigures ?? 0 }, null, 2));
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

program
  .command('deadline')
  .description('The N-th business day after a date (the date itself is day 0) in a market’s calendar.')
  .requiredOption('--market <market>', `one of ${MARKETS.join(', ')}`)
  .requiredOption('--from <date>', 'day 0, YYYY-MM-DD', isoDate)
  .requiredOption('--business-days <n>', 'how many business days', positiveInt)
  .action((opts: { market: string; from: string; businessDays: number }) => {
    const market = parseWith(marketSchema, opts.market.toUpperCase(), '--market');
    console.log(addBusinessDays(market, opts.from, opts.businessDays));
  });

const importCommand = program.command('import').description('Bring cases, mail and monthly figures into the store.');

function printProblems(problems: { line: number | null; path: string; message: string }[], total: number): void {
  for (const p of problems) process.stderr.write(`  ${p.line === null ? 'file' : `line ${p.line}`}, ${p.path}: ${p.message}\n`);
  if (total > problems.length) process.stderr.write(`  … and more: ${total} lines have problems in all.\n`);
}

importCommand
  .command('cases')
  .description('Import cases with their whole history from a case exchange file (JSON Lines, docs/case-exchange.md). All or nothing unless --partial.')
  .argument('<file>', 'the .jsonl file')
  .option('--db <path>', 'store file')
  .option('--partial', 'import the valid cases and write the rejected lines, with reasons, to a reject file')
  .option('--reject-file <path>', 'where --partial writes rejected lines (default FILE.rejected.jsonl)')
  .option('--max-attachment-bytes <n>', `largest attachment accepted (default: the store's setting ${MAX_ATTACHMENT_SETTING}, else 25 MiB)`, positiveInt)
  .option('--progress', 'report progress on stderr even when it is not a terminal (for nightly job logs)')
  .option('--json', 'print the report as JSON')
  .action(async (file: string, opts: { db?: string; partial?: boolean; rejectFile?: string; maxAttachmentBytes?: number; progress?: boolean; json?: boolean }) => {
    await withStore(opts.db, async (ctx) => {
      let last = 0;
      const report = await importCases(ctx, {
        path: file,
        partial: opts.partial,
        rejectPath: opts.rejectFile,
        maxAttachmentBytes: opts.maxAttachmentBytes,
        onProgress: (p) => {
          const now = performance.now();
          const line = `${Math.floor((100 * p.bytesRead) / Math.max(1, p.totalBytes))} %  ${p.cases} cases, ${p.events} events`;
          if (process.stderr.isTTY && now - last > 250) {
            last = now;
            process.stderr.write(`\r${line}`);
          } else if (opts.progress && !process.stderr.isTTY && now - last > 250) {
            last = now;
            process.stderr.write(`${line}\n`);
          }
        },
      });
      if (process.stderr.isTTY && last > 0) process.stderr.write('\n');
      if (opts.json) console.log(JSON.stringify(report, null, 2));
      if (report.committed) {
        if (!opts.json) {
          console.log(
            `Imported ${report.file}: ${report.created} new cases, ${report.updated} updated, ${report.unchanged} unchanged, ${report.eventsAdded} history events added in ${report.seconds.toFixed(1)} s.`,
          );
        }
        if (report.invalidLines > 0) {
          process.stderr.write(`${report.invalidLines} lines rejected${report.rejectFile ? `, written with reasons to ${report.rejectFile}` : ''}:\n`);
          printProblems(report.problems, report.invalidLines);
          process.exitCode = 3;
        }
        return;
      }
      process.stderr.write(`Nothing imported; the store is unchanged. ${report.file} has problems:\n`);
      printProblems(report.problems, report.invalidLines);
      process.exitCode = 1;
    }, { create: true });
  });

importCommand
  .command('mail')
  .description('Import mail: an .eml file, an mbox file, or a folder of them. A case number in the subject (KO-2026-000123) attaches the mail to that case; any other mail opens a new case. Message-ID deduplicates.')
  .argument('<path>', '.eml file, mbox file or folder')
  .option('--db <path>', 'store file')
  .option('--market <market>', `market of new cases (${MARKETS.join(', ')}); default from the sender's domain, else SE`)
  .option('--max-attachment-bytes <n>', `largest attachment accepted (default: the store's setting ${MAX_ATTACHMENT_SETTING}, else 25 MiB)`, positiveInt)
  .option('--json', 'print the report as JSON')
  .action(async (path: string, opts: { db?: string; market?: string; maxAttachmentBytes?: number; json?: boolean }) => {
    const market = opts.market ? parseWith(marketSchema, opts.market.toUpperCase(), '--market') : undefined;
    await withStore(opts.db, async (ctx) => {
      const report = await importMail(ctx, { path, market, maxAttachmentBytes: opts.maxAttachmentBytes });
      if (opts.json) console.log(JSON.stringify(report, null, 2));
      else {
        for (const o of report.outcomes) {
          const what = o.result === 'attached' ? `attached to ${o.caseNumber}` : o.result === 'new_case' ? `new case ${o.caseNumber}` : o.result === 'duplicate' ? 'already imported' : `rejected: ${o.problem}`;
          console.log(`${o.origin}  ${o.subject || '(no subject)'}  → ${what}`);
        }
        console.log(`${report.messages} messages: ${report.attached} attached to cases, ${report.newCases} new cases, ${report.duplicates} already imported, ${report.rejected} rejected.`);
      }
      if (report.rejected > 0) process.exitCode = 3;
    }, { create: true });
  });

importCommand
  .command('monthly')
  .description('Import monthly figures (month,market,purchases,customer_service_complaints), the input to the zero-complaints measure. All or nothing.')
  .argument('<file>', 'the .csv file')
  .option('--db <path>', 'store file')
  .option('--replace', 'overwrite figures already stored for a month and market')
  .action(async (file: string, opts: { db?: string; replace?: boolean }) => {
    await withStore(opts.db, async (ctx) => {
      const report = await importMonthlyFigures(ctx, { path: file, replace: opts.replace });
      if (report.committed) {
        console.log(`Imported ${report.file}: ${report.inserted} new months, ${report.replaced} replaced, ${report.rows - report.inserted - report.replaced} unchanged.`);
        return;
      }
      process.stderr.write(`Nothing imported; the store is unchanged. ${report.file} has problems:\n`);
      for (const p of report.problems) process.stderr.write(`  ${p.line === null ? 'file' : `line ${p.line}`}: ${p.message}\n`);
      process.exitCode = 1;
    }, { create: true });
  });

const exportCommand = program.command('export').description('Render letters to PDF or DOCX and book the export in the case history.');

exportCommand
  .command('letter')
  .description('Render a letter body (TipTap JSON) for a case: merge fields from the case, citations from its history.')
  .option('--db <path>', 'store file')
  .requiredOption('--case <number>', 'case number, e.g. SE-2026-00042')
  .requiredOption('--content <file>', 'the letter body as TipTap JSON')
  .requiredOption('--format <format>', `one of ${EXPORT_FORMATS.join(', ')}`)
  .requiredOption('--out <path>', 'where to write the file')
  .option('--subject <text>', 'the subject line (default: "Ditt ärende NUMBER" in the letter language)')
  .option('--language <lang>', 'sv, da or en (default: the case language)')
  .option('--date <date>', 'letter date YYYY-MM-DD (default: today in the market)', isoDate)
  .option('--draft', 'mark every page UTKAST / UDKAST / DRAFT')
  .action(async (opts: { db?: string; case: string; content: string; format: string; out: string; subject?: string; language?: string; date?: string; draft?: boolean }) => {
    const format = parseWith(z.enum(EXPORT_FORMATS), opts.format.toLowerCase(), '--format') as ExportFormat;
    const language = opts.language === undefined ? undefined : parseWith(languageSchema, opts.language.toLowerCase(), '--language');
    let content: unknown;
    try {
      content = JSON.parse(readFileSync(opts.content, 'utf8'));
    } catch (error) {
      throw new Error(`--content: ${opts.content}: ${error instanceof Error ? error.message : String(error)}`);
    }
    await withStore(opts.db, async (ctx) => {
      const caseId = await caseIdByNumber(ctx, opts.case);
      const result = await exportLetter(ctx, { caseId, content, subject: opts.subject, language, draft: opts.draft ?? false, date: opts.date }, { format, out: opts.out });
      console.log(`${result.path}  ${result.bytes} bytes  sha256 ${result.sha256}  (export ${result.exportId})`);
    });
  });

exportCommand
  .command('decision')
  .description('Export a case\'s decision letter: the issued one, or with --draft the current draft marked UTKAST/UDKAST/DRAFT.')
  .argument('<case>', 'case number, e.g. KO-2026-000123')
  .requiredOption('--format <format>', `one of ${EXPORT_FORMATS.join(', ')}`)
  .requiredOption('--out <path>', 'where to write the file')
  .option('--db <path>', 'store file')
  .option('--draft', 'export the current draft instead of the issued decision')
  .action(async (number: string, opts: { format: string; out: string; db?: string; draft?: boolean }) => {
    const format = parseWith(z.enum(EXPORT_FORMATS), opts.format.toLowerCase(), '--format') as ExportFormat;
    await withStore(opts.db, async (ctx) => {
      const caseId = await caseIdByNumber(ctx, number);
      const result = await exportDecision(ctx, { caseId, format, out: opts.out, draft: opts.draft });
      console.log(`${result.path}  ${result.bytes} bytes  sha256 ${result.sha256}  (decision ${result.decisionId}${result.draft ? ', draft' : ''}, export ${result.exportId})`);
    });
  });

exportCommand
  .command('register')
  .description('The complaints register of the cases received in a year: CSV, or a PDF report for management with business-day figures per market.')
  .requiredOption('--year <yyyy>', 'the year cases were received', positiveInt)
  .requiredOption('--format <format>', 'csv or pdf')
  .requiredOption('--out <path>', 'where to write the file')
  .option('--market <market>', `one market (${MARKETS.join(', ')}); default all`)
  .option('--language <lang>', 'the PDF report\'s language: sv, da or en', 'sv')
  .option('--today <date>', 'count open deadlines as of this day (default: today)', isoDate)
  .option('--db <path>', 'store file')
  .action(async (opts: { year: number; format: string; out: string; market?: string; language: string; today?: string; db?: string }) => {
    const year = parseWith(yearSchema, opts.year, '--year');
    const format = parseWith(registerFormatSchema, opts.format.toLowerCase(), '--format');
    const market = opts.market === undefined ? null : parseWith(marketSchema, opts.market.toUpperCase(), '--market');
    const language = parseWith(languageSchema, opts.language.toLowerCase(), '--language');
    await withStore(opts.db, async (ctx) => {
      const file = await exportRegister({ ...ctx, now: opts.today ? () => new Date(`${opts.today}T08:00:00Z`) : undefined }, { year, market, format, language });
      const out = resolve(opts.out);
      const tmp = `${out}.part`;
      writeFileSync(tmp, file.content);
      renameSync(tmp, out);
      console.log(`${out}  ${file.content.length} bytes  ${file.cases} cases`);
    });
  });

exportCommand
  .command('arn')
  .description('Export a case\'s finalised ARN response: the package PDF (response, exhibit index, each exhibit behind a "Bilaga N" separator), or with --format docx the response alone. Redacted content is left out.')
  .argument('<case>', 'case number, e.g. KO-2026-000123')
  .requiredOption('--out <path>', 'where to write the file')
  .option('--format <format>', 'pdf (the package, default) or docx (the response alone)', 'pdf')
  .option('--matter <id>', 'the matter, when the case has several finalised responses', positiveInt)
  .option('--db <path>', 'store file')
  .action(async (number: string, opts: { out: string; format: string; matter?: number; db?: string }) => {
    const format = parseWith(z.enum(['pdf', 'docx']), opts.format.toLowerCase(), '--format');
    await withStore(opts.db, async (ctx) => {
      const caseId = await caseIdByNumber(ctx, number);
      const result = await exportArnForCase(ctx, { caseId, matterId: opts.matter, format: format === 'pdf' ? 'package' : 'docx', out: opts.out });
      for (const w of result.warnings) process.stderr.write(`warning: ${w}\n`);
      console.log(`${result.path}  ${result.bytes} bytes${result.pages === null ? '' : `  ${result.pages} pages`}  sha256 ${result.sha256}  (matter ${result.matterId}, response ${result.responseId}, export ${result.exportId})`);
    });
  });

const audit = program.command('audit').description('The tamper-evident audit log.');

audit
  .command('verify')
  .description('Walk the hash chain of the audit log; exit code 1 and the first broken link when it was tampered with.')
  .option('--db <path>', 'store file')
  .option('--json', 'print JSON')
  .action(async (opts: { db?: string; json?: boolean }) => {
    const store = await openCliStore(opts.db, { create: false, migrate: false, readonly: true });
    try {
      const result = await verifyAuditChain(store.db);
      if (opts.json) console.log(JSON.stringify(result, null, 2));
      else if (result.intact) console.log(`The audit log of ${store.path} is intact: ${result.rows} rows, last hash ${result.lastHash}.`);
      else {
        console.log(`The audit log of ${store.path} is BROKEN at row ${result.brokenAt} (${result.rows} rows before it are intact).`);
        console.log(result.message);
      }
      if (!result.intact) process.exitCode = 1;
    } finally {
      await store.close();
    }
  });

const retention = program.command('retention').description('Anonymise closed cases whose retention period has ended.');

retention
  .command('run')
  .description('Anonymise every case the retention rules select (with --dry-run: only list them). Each run is logged.')
  .option('--db <path>', 'store file')
  .option('--dry-run', 'list what would be anonymised, change nothing')
  .option('--json', 'print JSON')
  .action(async (opts: { db?: string; dryRun?: boolean; json?: boolean }) => {
    await withStore(opts.db, async (ctx) => {
      const result = await runRetention(ctx, { dryRun: opts.dryRun === true, trigger: 'cli' });
      if (opts.json) {
        console.log(JSON.stringify(result, null, 2));
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

program
  .command('subject-export')
  .description('Write everything held on one person, across cases, as a readable PDF, a JSON file and the attachments.')
  .option('--db <path>', 'store file')
  .requiredOption('--personal-number <number>', 'the person’s personal identity number (e.g. 19850312-2384)')
  .requiredOption('--out <dir>', 'folder to write into (created when missing)')
  .option('--language <lang>', 'sv, da or en (default: the language of the person’s first case)')
  .action(async (opts: { db?: string; personalNumber: string; out: string; language?: string }) => {
    const language = opts.language === undefined ? undefined : parseWith(languageOption, opts.language, '--language');
    await withStore(opts.db, async (ctx) => {
      const result = await exportSubject(ctx, opts.personalNumber, opts.out, language);
      console.log(`Wrote ${result.pdfPath} and ${result.jsonPath}: ${result.cases} cases, ${result.attachments} attachments.`);
    });
  });

program
  .command('subject-erase')
  .description('Erasure on request: anonymise every case of one person, except where a legal hold applies (each refusal says why).')
  .option('--db <path>', 'store file')
  .requiredOption('--personal-number <number>', 'the person’s personal identity number')
  .option('--dry-run', 'say what would be erased and refused, change nothing')
  .action(async (opts: { db?: string; personalNumber: string; dryRun?: boolean }) => {
    await withStore(opts.db, async (ctx) => {
      const outcome = await eraseSubject(ctx, opts.personalNumber, { dryRun: opts.dryRun === true });
      for (const n of outcome.erased) console.log(`${n}  ${opts.dryRun ? 'would be anonymised' : 'anonymised'}`);
      for (const r of outcome.refused) console.log(`${r.number}  REFUSED: ${r.reason}`);
      console.log(`${outcome.erased.length} cases ${opts.dryRun ? 'would be ' : ''}anonymised, ${outcome.refused.length} refused.`);
      if (outcome.refused.length > 0) process.exitCode = 1;
    });
  });

/** Opens the store, acts as the store's ombudsman (the CLI is the ombudsman's own tool), closes. */
async function withStore(db: string | undefined, work: (ctx: ServiceContext) => Promise<void>, options: { create?: boolean } = {}): Promise<void> {
  const store = await openCliStore(db, { create: options.create ?? false });
  try {
    await work({ store, user: await sessionUser(store) });
  } finally {
    await store.close();
  }
}

export async function main(argv: string[]): Promise<void> {
  try {
    await program.parseAsync(argv);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`ombud: ${message}\n`);
    process.exitCode = error instanceof StoreError ? 2 : 1;
  }
}

