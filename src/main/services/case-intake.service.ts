import type { Market } from '../../shared/domain/market';
import type { Store } from '../db/connection';
import { createCaseWriter, type CaseWriter } from '../db/repositories/case-writer.repository';
import { deriveCaseFields } from './derived';
import { loadPolicyConfigSync } from './policy-config';

/**
 * The one way whole cases enter the store (demo generator, imports): written in batches, each
 * case complete or not at all, with its red flags and next deadline derived in the same
 * transaction.
 */
export function createCaseIntake(store: Store): CaseWriter {
  // The deadline rules as they are when the intake starts; a change during a long import marks
  // the cases it wrote as stale, and the background refresh recomputes them.
  const config = loadPolicyConfigSync(store);
  return createCaseWriter(store.sqlite, {
    derive: (bundle, events) => deriveCaseFields(bundle.market as Market, bundle.receivedDate, events, config),
  });
}
