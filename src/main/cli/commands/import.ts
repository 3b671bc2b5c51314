import type { Command } from 'commander';
import { MARKETS, marketSchema } from '../../../shared/domain/market';
import { importCases, MAX_ATTACHMENT_SETTING } from '../../import/case-import';
import { importMail } from '../../import/mail-import';
import { importMonthlyFigures } from '../../import/monthly-import';
import { dbOption, parseWith, positiveInt, printJson, withStore, type DbOpts, type JsonOpts } from '../options';

function printProblems(problems: { line: number | null; path: string; message: string }[], total: number): void {
  for (const p of problems) process.stderr.write(`  ${p.line === null ? 'file' : `line ${p.line}`}, ${p.path}: ${p.message}\n`);
  if (total > problems.length) process.stderr.write(`  … and more: ${total} lines have problems in all.\n`);
}

const maxAttachmentDescription = `largest attachment accepted (default: the store's setting ${MAX_ATTACHMENT_SETTING}, else 25 MiB)`;

/** `import cases`, `import mail`, `import monthly`. */
export function registerImport(program: Command): void {
  const importCommand = program.command('import').description('Bring cases, mail and monthly figures into the store.');

  importCommand
    .command('cases')
    .description('Import cases with their whole history from a case exchange file (JSON Lines, docs/case-exchange.md). All or nothing unless --partial.')
    .argument('<file>', 'the .jsonl file')
    .addOption(dbOption())
    .option('--partial', 'import the valid cases and write the rejected lines, with reasons, to a reject file')
    .option('--reject-file <path>', 'where --partial writes rejected lines (default FILE.rejected.jsonl)')
    .option('--max-attachment-bytes <n>', maxAttachmentDescription, positiveInt)
    .option('--progress', 'report progress on stderr even when it is not a terminal (for nightly job logs)')
    .option('--json', 'print the report as JSON')
    .action(async (file: string, opts: DbOpts & JsonOpts & { partial?: boolean; rejectFile?: string; maxAttachmentBytes?: number; progress?: boolean }) => {
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
        if (opts.json) printJson(report);
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
    .addOption(dbOption())
    .option('--market <market>', `market of new cases (${MARKETS.join(', ')}); default from the sender's domain, else SE`)
    .option('--max-attachment-bytes <n>', maxAttachmentDescription, positiveInt)
    .option('--json', 'print the report as JSON')
    .action(async (path: string, opts: DbOpts & JsonOpts & { market?: string; maxAttachmentBytes?: number }) => {
      const market = opts.market ? parseWith(marketSchema, opts.market.toUpperCase(), '--market') : undefined;
      await withStore(opts.db, async (ctx) => {
        const report = await importMail(ctx, { path, market, maxAttachmentBytes: opts.maxAttachmentBytes });
        if (opts.json) printJson(report);
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
    .addOption(dbOption())
    .option('--replace', 'overwrite figures already stored for a month and market')
    .action(async (file: string, opts: DbOpts & { replace?: boolean }) => {
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
}
