import { schemaVersion } from '../db/connection';
import { storeCounts } from '../db/repositories/case.repository';
import type { ServiceContext } from './context';

export const APP_VERSION = '0.1.0';

/** Schema version and counts of the open store, for `ombud info` and the about panel. */
export async function storeInfo(ctx: Pick<ServiceContext, 'store'>) {
  return {
    appVersion: APP_VERSION,
    schemaVersion: schemaVersion(ctx.store),
    storePath: ctx.store.path,
    counts: await storeCounts(ctx.store.db),
  };
}
