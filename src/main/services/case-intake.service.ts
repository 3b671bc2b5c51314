import type { Market } from '../../shared/domain/market';
import type { Store } from '../db/connection';
import { createCaseWriter, type CaseWriter } from '../db/repositories/case-writer.repository';
import { deriveCaseFields } from './derived';

/**
 * The one way whole cases enter the store (demo generator, imports): written in batches, each
 * case complete or not at all, with its red flags and next deadline derived in the same
 * transaction.
 */
export function createCaseIntake(store: Store): CaseWriter {
  return createCaseWriter(store.sqlite, {
    derive: (bundle, events) => deriveCaseFields(bundle.market as Market, bundle.receivedDate, events),
  });
}
