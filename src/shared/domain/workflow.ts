import type { CaseStatus, Role } from './case';

/**
 * The case workflow: one table for the service that enforces it and the status menu that offers
 * it. Decisions move a case to "decision drafted" and "decision issued" through the decision
 * workflow, not through a status change.
 */
const TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  received: ['acknowledged', 'in_review', 'waiting_for_customer', 'closed'],
  acknowledged: ['in_review', 'waiting_for_customer', 'closed'],
  in_review: ['waiting_for_customer', 'closed'],
  waiting_for_customer: ['in_review', 'closed'],
  decision_drafted: ['in_review', 'closed'],
  decision_issued: ['closed'],
  closed: ['in_review'],
};

/** Where a case may go from `from` for this role: auditors read only, only the ombudsman reopens. */
export function allowedTransitions(from: CaseStatus, role: Role): CaseStatus[] {
  if (role === 'auditor') return [];
  return TRANSITIONS[from].filter((to) => !(from === 'closed' && to === 'in_review' && role !== 'ombudsman'));
}

/** Closing and reopening need a reason in the history. */
export function needsReason(from: CaseStatus, to: CaseStatus): boolean {
  return to === 'closed' || from === 'closed';
}

/** Whether an information request can put the case in "waiting for customer". */
export function canRequestInfo(status: CaseStatus): boolean {
  return status === 'waiting_for_customer' || TRANSITIONS[status].includes('waiting_for_customer');
}
