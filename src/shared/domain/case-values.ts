/**
 * The case's value lists the inbox needs, with no dependencies: the renderer's start imports these
 * instead of ./case, whose zod schemas would bring zod into the first script (as ../ipc/channels
 * keeps the schemas out of the preload). ./case builds its schemas from the same lists.
 */

/** The workflow of an escalated case, in order. `closed` cases can be reopened to `in_review`. */
export const CASE_STATUSES = [
  'received',
  'acknowledged',
  'in_review',
  'waiting_for_customer',
  'decision_drafted',
  'decision_issued',
  'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Complaint categories used for the inbox filter and the recurring-cause statistics. */
export const CATEGORIES = [
  'undelivered_goods',
  'return_not_registered',
  'refund_missing',
  'invoice_dispute',
  'fees_and_reminders',
  'debt_collection',
  'purchase_protection',
  'fraud_identity',
  'credit_decision',
  'customer_service_conduct',
  'data_protection',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Columns the inbox can sort by. Each has an index in the store. */
export const CASE_SORTS = ['received', 'number', 'customer', 'status', 'market', 'category', 'due', 'flags', 'assignee', 'claimed'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];
