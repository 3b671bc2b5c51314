import type { CaseStatus, Category, Product } from '../../shared/domain/case';

/**
 * The vocabulary the story engine writes with. Each language pack fills every slot with a few
 * variants; the engine picks one per event, so texts vary without the engine knowing a language.
 * Templates read a per-case context that the engine mutates between calls (days, money, date…),
 * which keeps per-event work to one string concatenation.
 */

export interface TextCtx {
  first: string;
  name: string;
  email: string;
  merchant: string;
  item: string;
  itemDef: string;
  itemDefCap: string;
  order: string;
  amount: string;
  amountShort: string;
  purchased: string;
  agent: string;
  /** Event-specific values, set by the engine just before a template is called. */
  days: number;
  money: string;
  rest: string;
  date: string;
  count: number;
  ref: string;
  caseNo: string;
  person: string;
  agency: string;
}

export type T = (c: TextCtx) => string;

/** Why the customer contacts customer service. */
export type Purpose = 'report' | 'status' | 'reminder' | 'refund' | 'collection' | 'pause_ending' | 'paid_anyway';

/** What the agent does or says in return; the stalling answers are the ones the investigation described. */
export type Action =
  | 'pause'
  | 'investigate'
  | 'tech'
  | 'promise_refund'
  | 'callback'
  | 'merchant_wait'
  | 'circle'
  | 'pay_anyway'
  | 'explain'
  | 'form'
  | 'extend'
  | 'resolved';

export type Pattern =
  | 'repeatedContacts'
  | 'repeatedPauses'
  | 'collectionDuringDispute'
  | 'paidDuringDispute'
  | 'merchantNoResponse'
  | 'refundNotMade'
  | 'technicalError'
  | 'lateFinalAnswer';

export type DisputeKind = 'non_delivery' | 'return' | 'fraud' | 'wrong_amount' | 'defect';
export type MerchantReply = 'delivered' | 'no_return' | 'accepts' | 'partial';
export type DisputeOutcome = 'merchant_no_response' | 'in_customer_favour' | 'in_merchant_favour' | 'partial';
export type AnswerOutcome = 'rejected' | 'rejected_no_response' | 'partly' | 'upheld' | 'refund_pending';
export type DecisionOutcome = 'upheld' | 'partly_upheld' | 'not_upheld';
export type ClaimText =
  | 'refundUnpaid'
  | 'refundPaid'
  | 'refundRest'
  | 'reverse'
  | 'overcharge'
  | 'fees'
  | 'interest'
  | 'compensation'
  | 'credit'
  | 'creditDecision'
  | 'apology'
  | 'data';
/** What an agent's explanation is about; the generic `action.explain` covers the rest. */
export type ExplainTopic = 'delivery' | 'return' | 'fees' | 'amount' | 'credit' | 'data';

/** A titled text: the event's one-line summary and its body. */
export interface Titled {
  summary: T;
  body: T;
}

export interface LanguagePack {
  customerRole: string;
  agentRole: T;
  actor: { billing: string; collection: string; investigation: string; complaints: string; credit: string; office: string };
  agencies: readonly string[];
  channel: { chat: string; call: string; email: string };
  callHeader: T;

  greeting: readonly T[];
  problem: Record<Category, readonly T[]>;
  purpose: Record<Exclude<Purpose, 'report'>, readonly T[]>;
  action: Record<Action, readonly T[]>;
  explain: Record<ExplainTopic, readonly T[]>;
  /** Follow-ups for complaints that involve no merchant (credit decisions, personal data). */
  nonPurchase: { status: readonly T[]; investigate: readonly T[] };
  reaction: readonly T[];
  closing: readonly T[];
  /** Wraps a customer's e-mail text and an agent's reply text. */
  mailFromCustomer: (c: TextCtx, text: string) => string;
  mailFromAgent: (c: TextCtx, text: string) => string;
  categoryLabel: Record<Category, string>;
  purposeLabel: Record<Exclude<Purpose, 'report'>, string>;
  actionLabel: Record<Action, T>;
  /** One line for a contact; `action` is empty for the customer's own e-mail. */
  contactSummary: (channel: string, what: string, action: string) => string;

  invoiceIssued: { summary: T; body: Record<Product, T> };
  paused: Titled;
  extended: Titled;
  resumed: Titled;
  reminder: Titled;
  reminderFee: Titled;
  lateFee: Titled;
  collection: Titled;
  payment: Titled;
  refund: Titled;
  credit: Titled;
  /** A credit that leaves part of the invoice due; `rest` is the remaining amount. */
  creditPartial: Titled;
  creditDenied: Titled;

  disputeOpened: Record<DisputeKind, string>;
  disputeOpenedBody: T;
  merchantRequest: Titled;
  merchantReply: Record<MerchantReply, Titled>;
  disputeClosed: Record<DisputeOutcome, Titled>;
  protectionClaim: Titled;

  orderConfirmation: Titled & { pdf: (c: TextCtx) => string[] };
  returnReceipt: Titled & { pdf: (c: TextCtx) => string[] };
  policeReport: Titled & { pdf: (c: TextCtx) => string[] };
  merchantConfirmation: Titled;
  screenshot: Titled;
  terms: { fileName: string; lines: readonly string[] };
  /** File-name stems for attachments, in the case's language. */
  fileNames: { orderConfirmation: string; returnReceipt: string; policeReport: string; decision: string; screenshot: string };

  complaint: Titled;
  holdingReply: Titled;
  finalAnswerSummary: Record<AnswerOutcome, string>;
  finalAnswerText: Record<AnswerOutcome, readonly T[]>;
  /** Refusals for complaints that are not about an invoice being owed. */
  finalAnswerRefusal: Record<'credit_decision' | 'data_protection' | 'customer_service_conduct', readonly T[]>;
  finalAnswer: (c: TextCtx, decision: string) => string;

  escalationSummary: readonly T[];
  escalationIntro: readonly T[];
  /** How the customer introduces the purchase: bought it, never made it, or applied for credit. */
  escalationBackground: Record<'purchase' | 'fraud' | 'credit', T>;
  escalationFlag: Record<Pattern, T>;
  escalationAnswer: T;
  escalationClaims: string;
  escalationClosing: T;

  claim: Record<ClaimText, T>;
  caseSummary: Record<Category, T>;
  flagClause: Record<Pattern, string>;

  statusLabel: Record<CaseStatus, string>;
  ackLetter: Titled;
  assignment: T;
  statusChange: (from: string, to: string) => string;
  noteGeneral: readonly T[];
  noteFlag: Record<Pattern, T>;
  /** Review notes when nothing stands out: generic, and for fee complaints. */
  noteClean: { general: readonly T[]; fees: readonly T[] };
  noteSettled: readonly T[];
  infoRequest: Titled;
  infoWhat: readonly T[];
  customerReply: Titled;
  decisionLabel: Record<DecisionOutcome, string>;
  decisionRemedy: Record<DecisionOutcome, T>;
  draftNote: (c: TextCtx, label: string, remedy: string) => string;
  decisionBody: (c: TextCtx, label: string, remedy: string) => string;
  decisionPdf: (c: TextCtx, label: string, remedy: string) => string[];
  decisionLetter: Titled;
}
