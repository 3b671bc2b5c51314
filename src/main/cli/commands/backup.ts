import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { backupFileName, backupTo, restoreFrom } from '../../db/backup';
import { anchorQuietly } from '../../services/anchor.service';
import { resolveStorePath } from '../../paths';
import { appendAudit } from '../../services/audit.service';
import { dbOption, formatBytes, type DbOpts } from '../options';
import { openCliStore } from '../store';

/** `backup` and `restore`. */
export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description('Copy a store to a self-contained file, a consistent snapshot (safe while Ombud is running).')
    .addOption(dbOption())
    .requiredOption('--out <path>', 'backup file to write (or an existing folder to write a dated file into)')
    .action(async (opts: DbOpts & { out: string }) => {
      const store = await openCliStore(opts.db, { create: false, migrate: false, readonly: true });
      try {
        const out = existsSync(opts.out) && statSync(opts.out).isDirectory() ? join(opts.out, backupFileName(store.path, 'manual', new Date())) : opts.out;
        const result = await backupTo(store.path, out);
        console.log(`Backed up ${store.path} to ${result.path}: ${formatBytes(result.bytes)} in ${(result.milliseconds / 1000).toFixed(1)} s.`);
        // The head the backup holds, signed beside the store and in its backups folder.
        await anchorQuietly(store, 'backup');
      } finally {
        await store.close();
      }
    });

  program
    .command('restore')
    .description('Replace a store with a backup, after checking the backup (integrity, application id, schema). Close Ombud first.')
    .addOption(dbOption('store file to replace'))
    .requiredOption('--from <path>', 'backup file')
    .action(async (opts: DbOpts & { from: string }) => {
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
}
