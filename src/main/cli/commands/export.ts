import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { languageSchema, MARKETS, marketSchema } from '../../../shared/domain/market';
import { registerFormatSchema, yearSchema } from '../../../shared/domain/zero';
import { exportArnForCase } from '../../services/arn-export.service';
import type { MailLetter } from '../../../shared/domain/mail';
import { EXPORT_FORMATS, exportDecision, exportLetter } from '../../services/export.service';
import { decisionMailRequest, exportLetterMail, mailLetterOption } from './mail';
import { caseIdByNumber } from '../../services/letter.service';
import { exportRegister } from '../../services/register.service';
import { clockOf, dbOption, isoDate, parseWith, positiveInt, withStore, type DbOpts } from '../options';

/** A letter's formats here: the file formats, and `eml`, the ready mail (`commands/mail.ts`). */
const letterFormatSchema = z.enum([...EXPORT_FORMATS, 'eml']);

/** `export letter|decision|register|arn`. */
export function registerExport(program: Command): void {
  const exportCommand = program.command('export').description('Render letters to PDF or DOCX and book the export in the case history.');

  exportCommand
    .command('letter')
    .description('Render a letter body (TipTap JSON) for a case: merge fields from the case, citations from its history.')
    .addOption(dbOption())
    .requiredOption('--case <number>', 'case number, e.g. SE-2026-00042')
    .requiredOption('--content <file>', 'the letter body as TipTap JSON')
    .requiredOption('--format <format>', `one of ${EXPORT_FORMATS.join(', ')}, eml (a ready mail)`)
    .requiredOption('--out <path>', 'where to write the file')
    .option('--subject <text>', 'the subject line (default: "Ditt ärende NUMBER" in the letter language)')
    .option('--language <lang>', 'sv, da or en (default: the case language)')
    .option('--date <date>', 'letter date YYYY-MM-DD (default: today in the market)', isoDate)
    .option('--draft', 'mark every page UTKAST / UDKAST / DRAFT')
    .option('--letter <kind>', 'with --format eml: holding_reply, info_request or letter (default)', mailLetterOption)
    .option('--send', 'with --format eml: send through the office\'s SMTP server ($OMBUD_SMTP_PASSWORD) instead of writing a draft')
    .action(async (opts: DbOpts & { case: string; content: string; format: string; out: string; subject?: string; language?: string; date?: string; draft?: boolean; letter?: MailLetter; send?: boolean }) => {
      const format = parseWith(letterFormatSchema, opts.format.toLowerCase(), '--format');
      const language = opts.language === undefined ? undefined : parseWith(languageSchema, opts.language.toLowerCase(), '--language');
      let content: unknown;
      try {
        content = JSON.parse(readFileSync(opts.content, 'utf8'));
      } catch (error) {
        throw new Error(`--content: ${opts.content}: ${error instanceof Error ? error.message : String(error)}`);
      }
      await withStore(opts.db, async (ctx) => {
        const caseId = await caseIdByNumber(ctx, opts.case);
        const request = { caseId, content, subject: opts.subject, language, draft: opts.draft ?? false, date: opts.date };
        if (format === 'eml') return exportLetterMail(ctx, { caseId, letter: opts.letter ?? 'letter', request, out: opts.out, send: opts.send });
        const result = await exportLetter(ctx, request, { format, out: opts.out });
        console.log(`${result.path}  ${result.bytes} bytes  sha256 ${result.sha256}  (export ${result.exportId})`);
      });
    });

  exportCommand
    .command('decision')
    .description('Export a case\'s decision letter: the issued one, or with --draft the current draft marked UTKAST/UDKAST/DRAFT.')
    .argument('<case>', 'case number, e.g. KO-2026-000123')
    .requiredOption('--format <format>', `one of ${EXPORT_FORMATS.join(', ')}, eml (a ready mail)`)
    .requiredOption('--out <path>', 'where to write the file')
    .addOption(dbOption())
    .option('--draft', 'export the current draft instead of the issued decision')
    .option('--send', 'with --format eml: send through the office\'s SMTP server ($OMBUD_SMTP_PASSWORD) instead of writing a draft')
    .action(async (number: string, opts: DbOpts & { format: string; out: string; draft?: boolean; send?: boolean }) => {
      const format = parseWith(letterFormatSchema, opts.format.toLowerCase(), '--format');
      await withStore(opts.db, async (ctx) => {
        const caseId = await caseIdByNumber(ctx, number);
        if (format === 'eml') return exportLetterMail(ctx, { caseId, letter: 'decision', request: await decisionMailRequest(ctx, caseId, opts.draft), out: opts.out, send: opts.send });
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
    .addOption(dbOption())
    .action(async (opts: DbOpts & { year: number; format: string; out: string; market?: string; language: string; today?: string }) => {
      const year = parseWith(yearSchema, opts.year, '--year');
      const format = parseWith(registerFormatSchema, opts.format.toLowerCase(), '--format');
      const market = opts.market === undefined ? null : parseWith(marketSchema, opts.market.toUpperCase(), '--market');
      const language = parseWith(languageSchema, opts.language.toLowerCase(), '--language');
      await withStore(opts.db, async (ctx) => {
        const file = await exportRegister({ ...ctx, now: clockOf(opts.today) }, { year, market, format, language });
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
    .addOption(dbOption())
    .action(async (number: string, opts: DbOpts & { out: string; format: string; matter?: number }) => {
      const format = parseWith(z.enum(['pdf', 'docx']), opts.format.toLowerCase(), '--format');
      await withStore(opts.db, async (ctx) => {
        const caseId = await caseIdByNumber(ctx, number);
        const result = await exportArnForCase(ctx, { caseId, matterId: opts.matter, format: format === 'pdf' ? 'package' : 'docx', out: opts.out });
        for (const w of result.warnings) process.stderr.write(`warning: ${w}\n`);
        console.log(`${result.path}  ${result.bytes} bytes${result.pages === null ? '' : `  ${result.pages} pages`}  sha256 ${result.sha256}  (matter ${result.matterId}, response ${result.responseId}, export ${result.exportId})`);
      });
    });
}
