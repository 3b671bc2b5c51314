import type { Generated, Insertable, Selectable } from 'kysely';

/** Kysely table types: the store as SQL sees it (snake_case, integer minor units, ISO strings). */

export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: 'ombudsman' | 'handler' | 'auditor';
  title: string | null;
  active: Generated<number>;
  password_hash: string | null;
  created_at: string;
}

export interface CustomerTable {
  id: Generated<number>;
  source_id: string | null;
  name: string;
  personal_number: string;
  email: string | null;
  phone: string | null;
  street: string | null;
  postal_code: string | null;
  city: string | null;
  country: string;
}

export interface MerchantTable {
  id: Generated<number>;
  source_id: string | null;
  name: string;
  org_number: string | null;
  country: string;
}

export interface CaseTable {
  id: Generated<number>;
  number: string;
  source_id: string | null;
  market: string;
  language: string;
  received_at: string;
  received_date: string;
  received_channel: string;
  status: string;
  category: string;
  summary: string;
  customer_id: number;
  merchant_id: number | null;
  assignee_id: number | null;
  customer_name: string;
  event_count: Generated<number>;
  last_event_at: string | null;
  claim_total_minor: number | null;
  claim_currency: string | null;
  created_at: string;
  updated_at: string;
  flags: Generated<string>;
  flag_count: Generated<number>;
  next_due_date: string | null;
  next_due_kind: string | null;
  derived_version: Generated<number>;
  /** Kept equal to the assignee's display name by triggers (migration 5), for the inbox sort. */
  assignee_name: Generated<string | null>;
  anonymised_at: string | null;
  /** Changes to the case's own state (status, assignee); writers compare-and-set on it (migration 17). */
  revision: Generated<number>;
}

export interface PurchaseTable {
  id: Generated<number>;
  case_id: number;
  source_id: string | null;
  order_ref: string;
  purchased_on: string;
  amount_minor: number;
  currency: string;
  product: string;
  status: string;
  merchant_id: number | null;
}

export interface ClaimTable {
  id: Generated<number>;
  case_id: number;
  position: number;
  kind: string;
  text: string;
  amount_minor: number | null;
  currency: string | null;
}

export interface HistoryEventTable {
  id: Generated<number>;
  case_id: number;
  source_id: string | null;
  occurred_at: string;
  kind: string;
  source: string;
  direction: string;
  actor: string;
  actor_user_id: number | null;
  purchase_id: number | null;
  summary: string;
  body: string;
  data: string;
  recorded_at: string;
}

export interface AttachmentTable {
  id: Generated<number>;
  sha256: string;
  size: number;
  media_type: string;
  content: Buffer;
  created_at: string;
}

export interface EventAttachmentTable {
  event_id: number;
  /** The file's place among its event's files (migration 19). */
  position: number;
  attachment_id: number;
  file_name: string;
  media_type: string | null;
  source: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  user_id: number | null;
  action: string;
  case_id: number | null;
  detail: string;
  prev_hash: string;
  hash: string;
}

export interface AuthorityMatterTable {
  id: Generated<number>;
  case_id: number;
  authority: string;
  reference: string;
  received_date: string;
  response_due: string | null;
  claim_text: string;
  claim_amount_minor: number | null;
  claim_currency: string | null;
  questions: string;
  documents: string;
  status: Generated<string>;
  response_sent_on: string | null;
  outcome: string | null;
  decided_on: string | null;
  recommendation: string | null;
  outcome_amount_minor: number | null;
  compliance: string | null;
  complied_on: string | null;
  paid_minor: number | null;
  registered_by: number;
  created_at: string;
  updated_at: string;
  /** Steps recorded on the matter; writers compare-and-set on it (migration 17). */
  revision: Generated<number>;
}

export interface SettingTable {
  key: string;
  value: string;
}

export interface CounterTable {
  name: string;
  value: number;
}

export interface MonthlyFigureTable {
  month: string;
  market: string;
  purchases: number;
  customer_service_complaints: number;
  source: string;
  imported_at: string;
}

export interface MailMessageTable {
  message_id: string;
  event_id: number;
  case_id: number;
  imported_at: string;
}

export interface DecisionTemplateTable {
  id: Generated<number>;
  market: string;
  language: string;
  name: string;
  content: string;
  updated_at: string;
  updated_by: number;
  /** Set when the ombudsman went back to the shipped default; decisions still point at the row. */
  retired_at: string | null;
}

export interface DecisionTable {
  id: Generated<number>;
  case_id: number;
  status: 'draft' | 'submitted' | 'returned' | 'approved' | 'issued';
  market: string;
  language: string;
  template_id: number | null;
  version: number;
  content: string;
  panel: string;
  created_by: number;
  created_at: string;
  saved_by: number;
  saved_at: string;
  corrects_decision_id: number | null;
  issued_by: number | null;
  issued_at: string | null;
  rendered_text: string | null;
  sha256: string | null;
  arn_window_ends_on: string | null;
}

export interface DecisionVersionTable {
  decision_id: number;
  version: number;
  content: string;
  panel: string;
  saved_by: number;
  saved_at: string;
  reason: 'created' | 'autosave' | 'restore';
}

export interface DecisionReviewTable {
  id: Generated<number>;
  decision_id: number;
  action: 'created' | 'submitted' | 'returned' | 'approved' | 'issued' | 'restored';
  user_id: number;
  at: string;
  comment: Generated<string>;
}

export interface ArnResponseTable {
  id: Generated<number>;
  matter_id: number;
  case_id: number;
  status: 'draft' | 'submitted' | 'returned' | 'approved' | 'finalised';
  language: string;
  version: number;
  content: string;
  panel: string;
  created_by: number;
  created_at: string;
  saved_by: number;
  saved_at: string;
  finalised_by: number | null;
  finalised_at: string | null;
  rendered_text: string | null;
  sha256: string | null;
}

export interface ArnResponseReviewTable {
  id: Generated<number>;
  response_id: number;
  action: 'created' | 'submitted' | 'returned' | 'approved' | 'finalised';
  user_id: number;
  at: string;
  comment: Generated<string>;
}

/** Cases per list-filter combination, kept by triggers (migration 9); `assignee_key` 0 is unassigned. */
export interface CaseCountTable {
  status: string;
  market: string;
  category: string;
  assignee_key: number;
  flagged: number;
  n: number;
}

/** Cases per running-deadline day, kept by triggers (migration 9). */
export interface CaseDueCountTable {
  day: string;
  n: number;
}

export interface AnonymisationGrantTable {
  case_id: number;
}

export interface RetentionRunTable {
  id: Generated<number>;
  started_at: string;
  finished_at: string;
  dry_run: number;
  trigger: 'cli' | 'schedule' | 'app' | 'request';
  user_id: number | null;
  rules: string;
  cases_affected: number;
  case_ids: string;
}

export interface Database {
  users: UserTable;
  customers: CustomerTable;
  merchants: MerchantTable;
  cases: CaseTable;
  purchases: PurchaseTable;
  claims: ClaimTable;
  history_events: HistoryEventTable;
  attachments: AttachmentTable;
  event_attachments: EventAttachmentTable;
  audit_log: AuditLogTable;
  settings: SettingTable;
  authority_matters: AuthorityMatterTable;
  counters: CounterTable;
  monthly_figures: MonthlyFigureTable;
  mail_messages: MailMessageTable;
  decision_templates: DecisionTemplateTable;
  decisions: DecisionTable;
  decision_versions: DecisionVersionTable;
  decision_reviews: DecisionReviewTable;
  arn_responses: ArnResponseTable;
  arn_response_reviews: ArnResponseReviewTable;
  case_counts: CaseCountTable;
  case_due_counts: CaseDueCountTable;
  anonymisation_grants: AnonymisationGrantTable;
  retention_runs: RetentionRunTable;
  review_notes: ReviewNoteTable;
}

/** What the complaints office changed in response to a recurring cause (migration 12); append-only. */
export interface ReviewNoteTable {
  id: Generated<number>;
  month: string;
  cause: string;
  market: string | null;
  noted_on: string;
  text: string;
  created_by: number;
  created_at: string;
}

export type UserRow = Selectable<UserTable>;
export type CaseRow = Selectable<CaseTable>;
export type NewCaseRow = Insertable<CaseTable>;
export type HistoryEventRow = Selectable<HistoryEventTable>;
export type NewHistoryEventRow = Insertable<HistoryEventTable>;
export type DecisionRow = Selectable<DecisionTable>;
