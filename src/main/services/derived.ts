import type { Market } from '../../shared/domain/market';
import type { DerivedCaseFields, WrittenEvent } from '../db/repositories/case-writer.repository';
import { computeDeadlines, nextDeadline } from './deadlines';
import { detectRedFlags } from './red-flags';

/**
 * Bump when the red-flag or deadline rules change: cases computed by older rules are then
 * recomputed (see refreshStaleCases), so the inbox never shows what the current rules would not.
 */
export const DERIVED_VERSION = 2;

/** What the inbox keeps on the case row, from the case's market, receipt and history. */
export function deriveCaseFields(market: Market, receivedDate: string, events: readonly WrittenEvent[]): DerivedCaseFields {
  const flags = detectRedFlags(
    events.map((e) => ({ id: e.id, occurredAt: e.occurredAt, kind: e.kind, direction: e.direction, orderRef: e.orderRef, data: e.data })),
    { market },
  );
  // The stored due date does not depend on today: a running pause has no due date at all.
  const next = nextDeadline(computeDeadlines({ market, receivedDate, events, today: receivedDate }));
  return { flags, nextDueDate: next?.dueDate ?? null, nextDueKind: next?.kind ?? null, version: DERIVED_VERSION };
}
