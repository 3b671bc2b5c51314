import type { Command } from 'commander';
import { inspectStore } from '../../db/connection';
import { LATEST_VERSION } from '../../db/migrations';
import { resolveStorePath } from '../../paths';
import { storeInfo } from '../../services/app.service';
import { dbOption, formatBytes, jsonOption, printJson, type DbOpts, type JsonOpts } from '../options';
import { fileSize, openCliStore } from '../store';

/** `migrate` and `info`: the store file itself. */
export function registerStore(program: Command): void {
  program
    .command('migrate')
    .description('Bring a store to the latest schema (creates it when missing).')
    .addOption(dbOption())
    .action(async (opts: DbOpts) => {
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
    .addOption(dbOption())
    .addOption(jsonOption())
    .action(async (opts: DbOpts & JsonOpts) => {
      const store = await openCliStore(opts.db, { create: false, migrate: false });
      try {
        const info = await storeInfo({ store });
        const size = fileSize(store.path);
        if (opts.json) {
          printJson({ ...info, fileSize: size });
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
}
