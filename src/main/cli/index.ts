import { Command } from 'commander';
import { StoreError } from '../db/errors';
import { APP_VERSION } from '../services/app.service';
import { registerAudit } from './commands/audit';
import { registerBackup } from './commands/backup';
import { registerCases } from './commands/cases';
import { registerDeadline } from './commands/deadline';
import { registerDemo } from './commands/demo';
import { registerExport } from './commands/export';
import { registerImport } from './commands/import';
import { registerMatters } from './commands/matters';
import { registerRetention } from './commands/retention';
import { registerServe } from './commands/serve';
import { registerServerCommand } from './commands/server';
import { registerStats } from './commands/stats';
import { registerStore } from './commands/store';
import { registerSubject } from './commands/subject';
import { registerMailCommands } from './commands/mail';

/**
 * The `ombud` command: each command group is a module in `commands/` exporting one
 * `register…(program)`; shared options and helpers are in `options.ts`. A new command is a new
 * module and one line below (the order is the order of `ombud --help`).
 */
const program = new Command()
  .name('ombud')
  .description('Ombud: the customer ombudsman workbench, from the command line.')
  .version(APP_VERSION)
  .showHelpAfterError();

registerDemo(program);
registerStore(program);
registerServe(program);
registerServerCommand(program);
registerBackup(program);
registerCases(program);
registerMatters(program);
registerStats(program);
registerDeadline(program);
registerImport(program);
registerExport(program);
registerAudit(program);
registerRetention(program);
registerSubject(program);
registerMailCommands(program);

export async function main(argv: string[]): Promise<void> {
  try {
    await program.parseAsync(argv);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`ombud: ${message}\n`);
    process.exitCode = error instanceof StoreError ? 2 : 1;
  }
}
