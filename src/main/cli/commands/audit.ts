import type { Command } from 'commander';
import { verifyAuditChain } from '../../services/audit.service';
import { dbOption, jsonOption, printJson, type DbOpts, type JsonOpts } from '../options';
import { openCliStore } from '../store';

/** `audit verify`. */
export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('The tamper-evident audit log.');

  audit
    .command('verify')
    .description('Walk the hash chain of the audit log; exit code 1 and the first broken link when it was tampered with.')
    .addOption(dbOption())
    .addOption(jsonOption())
    .action(async (opts: DbOpts & JsonOpts) => {
      const store = await openCliStore(opts.db, { create: false, migrate: false, readonly: true });
      try {
        const result = await verifyAuditChain(store.db);
        if (opts.json) printJson(result);
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
}
