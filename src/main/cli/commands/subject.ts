import type { Command } from 'commander';
import { languageSchema } from '../../../shared/domain/market';
import { eraseSubject, exportSubject } from '../../services/subject.service';
import { dbOption, parseWith, withStore, type DbOpts } from '../options';

/** `subject-export` and `subject-erase`: a person's rights over their data. */
export function registerSubject(program: Command): void {
  program
    .command('subject-export')
    .description('Write everything held on one person, across cases, as a readable PDF, a JSON file and the attachments.')
    .addOption(dbOption())
    .requiredOption('--personal-number <number>', 'the person’s personal identity number (e.g. 19850312-2384)')
    .requiredOption('--out <dir>', 'folder to write into (created when missing)')
    .option('--language <lang>', 'sv, da or en (default: the language of the person’s first case)')
    .action(async (opts: DbOpts & { personalNumber: string; out: string; language?: string }) => {
      const language = opts.language === undefined ? undefined : parseWith(languageSchema, opts.language, '--language');
      await withStore(opts.db, async (ctx) => {
        const result = await exportSubject(ctx, opts.personalNumber, opts.out, language);
        console.log(`Wrote ${result.pdfPath} and ${result.jsonPath}: ${result.cases} cases, ${result.attachments} attachments.`);
      });
    });

  program
    .command('subject-erase')
    .description('Erasure on request: anonymise every case of one person, except where a legal hold applies (each refusal says why).')
    .addOption(dbOption())
    .requiredOption('--personal-number <number>', 'the person’s personal identity number')
    .option('--dry-run', 'say what would be erased and refused, change nothing')
    .action(async (opts: DbOpts & { personalNumber: string; dryRun?: boolean }) => {
      await withStore(opts.db, async (ctx) => {
        const outcome = await eraseSubject(ctx, opts.personalNumber, { dryRun: opts.dryRun === true });
        for (const n of outcome.erased) console.log(`${n}  ${opts.dryRun ? 'would be anonymised' : 'anonymised'}`);
        for (const r of outcome.refused) console.log(`${r.number}  REFUSED: ${r.reason}`);
        console.log(`${outcome.erased.length} cases ${opts.dryRun ? 'would be ' : ''}anonymised, ${outcome.refused.length} refused.`);
        if (outcome.refused.length > 0) process.exitCode = 1;
      });
    });
}
