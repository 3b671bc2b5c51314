import { DEFAULT_DEADLINE_POLICIES, type DeadlinePolicies } from '../../shared/domain/deadline-policy';
import type { Market } from '../../shared/domain/market';
import type { DerivedCaseFields, WrittenEvent } from '../db/repositories/case-writer.repository';
import { computeDeadlines, nextDeadline, policiesFor } from './deadlines';
import { detectRedFlags } from './red-flags';

/**
 * Bump when the red-flag or deadline rules change: cases computed by older rules are then
 * recomputed (see refreshStaleCases), so the inbox never shows what the current rules would not.
 */
export const DERIVED_VERSION = 2;

/** The deadline rules a derivation uses, and their revision in settings (0: the shipped defaults). */
export interface PolicyConfig {
  policies: DeadlinePolicies;
  revision: number;
}

export const DEFAULT_POLICY_CONFIG: PolicyConfig = { policies: DEFAULT_DEADLINE_POLICIES, revision: 0 };

/**
 * The version stamped on derived fields: the rules' code version plus the settings' revision, so a
 * change of either makes older rows stale. Both only grow; the code version stays below 1000.
 */
export function derivedVersion(config: PolicyConfig): number {
  return DERIVED_VERSION + config.revision * 1000;
}

/** What the inbox keeps on the case row, from the case's market, receipt and history. */
export function deriveCaseFields(
  market: Market,
  receivedDate: string,
  events: readonly WrittenEvent[],
  config: PolicyConfig = DEFAULT_POLICY_CONFIG,
): DerivedCaseFields {
  const flags = detectRedFlags(
    events.map((e) => ({ id: e.id, occurredAt: e.occurredAt, kind: e.kind, direction: e.direction, orderRef: e.orderRef, data: e.data })),
    { market },
  );
  // The stored due date does not depend on today: a running pause has no due date at all.
  const next = nextDeadline(computeDeadlines({ market, receivedDate, events, today: receivedDate, policies: policiesFor(market, config.policies) }));
  return { flags, nextDueDate: next?.dueDate ?? null, nextDueKind: next?.kind ?? null, version: derivedVersion(config) };
}
