import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { openStore, type Store } from './db/connection';
import { StoreError } from './db/errors';
import { createDemoStore } from './demo/generate';
import type { Recovery } from './ipc/recovery';
import { startAnchorCheckpoints } from './services/anchor.service';
import { startBackupSchedule } from './services/backup.service';
import type { SessionContext } from './services/context';
import { startDerivedRefresh } from './services/derived-refresh.service';
import { startRetentionSchedule } from './services/retention.service';

export interface BootOptions {
  /** The store file; its folder is created. */
  path: string;
  /** Create a demo store with this many cases when the store has none. */
  demo?: number;
  /** The clock for schedules and services (demos and tests); absent = the real one. */
  now?: () => Date;
  log: (line: string) => void;
}

export interface Booted {
  /** The store opened for work; absent when it failed its start check (then `recovery`). */
  context?: SessionContext;
  recovery?: Recovery;
  /** Stops the schedules and closes whichever store is open (the reopened one after a restore). */
  stop(): Promise<void>;
}

/**
 * Opens a store for work, the one path for the app, `ombud serve` and `ombud server`: the start
 * check (quick_check when due), migrations, demo data when asked, the backup and retention
 * schedules and the background refresh of derived columns. A damaged or unreadable store is
 * not an error here: the caller gets a recovery that serves the recovery screen, and its
 * `reopen` runs this same path after a restore. Nobody is signed in: sessions belong to the
 * transports.
 */
export async function bootStore(options: BootOptions): Promise<Booted> {
  const { path, log, now } = options;
  let open: Store | undefined;
  let stopSchedules: (() => void) | undefined;

  const openForWork = async (): Promise<SessionContext> => {
    mkdirSync(dirname(path), { recursive: true });
    const store = await openStore(path, { check: 'auto' });
    open = store;
    if (store.integrity) log(`Store check: ${store.integrity.checked ? 'quick_check passed' : 'skipped'} (${store.integrity.reason}).`);
    const hasCases = store.sqlite.prepare('SELECT 1 FROM cases LIMIT 1').get() !== undefined;
    if (options.demo && !hasCases) {
      log(`Creating a demo store with ${options.demo} cases in ${store.path} …`);
      const asOf = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(now ? now() : new Date());
      await createDemoStore(store, { cases: options.demo, seed: 1, asOf });
    }
    const stopBackups = startBackupSchedule({ store, now }, { log });
    const stopRetention = startRetentionSchedule({ store, now }, { log });
    // The audit chain's head, signed outside the store, at intervals (see anchor.service).
    const stopAnchors = startAnchorCheckpoints(store, { log });
    stopSchedules = () => {
      stopBackups();
      stopRetention();
      stopAnchors();
    };
    // Cases computed by older rules are recomputed while the workbench already serves.
    void startDerivedRefresh(store, log);
    return { store, user: null, now };
  };

  const stop = async () => {
    stopSchedules?.();
    await open?.close();
  };
  try {
    return { context: await openForWork(), stop };
  } catch (error) {
    if (!(error instanceof StoreError) || (error.code !== 'damaged' && error.code !== 'unreadable')) throw error;
    log(`The store cannot be used: ${error.message}`);
    return { recovery: { storePath: path, problem: error.message, reopen: openForWork }, stop };
  }
}
