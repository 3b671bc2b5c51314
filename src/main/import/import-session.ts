import type { Market } from '../../shared/domain/market';
import { openStore, type Store } from '../db/connection';
import { beginImportTransaction, createCaseImporter, type CaseImporter, type ImportTransaction } from '../db/repositories/case-import.repository';
import type { ServiceContext } from '../services/context';
import { deriveCaseFields, type PolicyConfig } from '../services/derived';
import { loadPolicyConfigSync } from '../services/policy-config';

export interface ImportSession {
  /** A connection of the import's own; close it in `finally`. */
  own: Store;
  /** The one time stamp of everything the import records. */
  stamp: string;
  importer: CaseImporter;
  /** Open from the start (BEGIN IMMEDIATE); commit or roll back. */
  tx: ImportTransaction;
  /** The deadline rules cases are derived with (the store's when the import started). */
  policy: PolicyConfig;
}

/**
 * What every case and mail import starts with. A connection of its own: its transaction spans
 * many event-loop turns, and the store's shared connection must stay free for everyone else
 * meanwhile. Cases are derived with the store's deadline rules as they are when the import
 * starts, like the case intake.
 */
export async function openImportSession(ctx: ServiceContext): Promise<ImportSession> {
  const own = await openStore(ctx.store.path, { create: false });
  // The import's commit does not copy its pages into the store file: checkpointInWorker does,
  // off this thread, once the import has committed (parse-in-worker.ts).
  own.sqlite.pragma('wal_autocheckpoint = 0');
  const stamp = (ctx.now ? ctx.now() : new Date()).toISOString();
  const config = loadPolicyConfigSync(own);
  const importer = createCaseImporter(own.sqlite, {
    now: () => stamp,
    derive: (bundle, events) => deriveCaseFields(bundle.market as Market, bundle.receivedDate, events, config),
  });
  return { own, stamp, importer, tx: beginImportTransaction(own.sqlite), policy: config };
}
