import { z } from 'zod';
import { caseNumberSchema, caseStatusSchema, isoDateSchema, roleSchema } from './case';
import { marketSchema } from './market';

/** The stalling patterns a case's history can show (see domain.md). */
export const RED_FLAG_CODES = [
  'repeated_contacts',
  'repeated_pauses',
  'collection_during_dispute',
  'paid_during_dispute',
  'dispute_closed_no_merchant_response',
  'refund_promised_not_made',
  'repeated_technical_error',
  'late_final_answer',
] as const;
export const redFlagCodeSchema = z.enum(RED_FLAG_CODES);

/** A red flag with the events that raised it and the facts its explanation names. */
export const redFlagSchema = z.object({
  code: redFlagCodeSchema,
  eventIds: z.array(z.number().int()),
  facts: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type RedFlagView = z.infer<typeof redFlagSchema>;

export const DEADLINE_KINDS = ['psd2_final', 'dk_acknowledge', 'dk_decision', 'internal_target'] as const;
export const deadlineKindSchema = z.enum(DEADLINE_KINDS);

/** One clock of a case as of today, in the market's business days. */
export const deadlineSchema = z.object({
  kind: deadlineKindSchema,
  dueDate: isoDateSchema.nullable(),
  daysLeft: z.number().int().nullable(),
  extended: z.boolean(),
  paused: z.boolean(),
  pausedDays: z.number().int(),
  metOn: isoDateSchema.nullable(),
  metLate: z.boolean(),
});
export type DeadlineView = z.infer<typeof deadlineSchema>;

/**
 * A window the customer has after the company's last word, not a clock the company must meet:
 * in Sweden the customer may take an ombudsman decision to ARN within two calendar months.
 * It never counts towards the inbox's "due" views.
 */
export const customerWindowSchema = z.object({
  kind: z.enum(['arn']),
  decisionId: z.number().int(),
  endsOn: isoDateSchema,
  /** Calendar days from today to the last day; negative once it has closed. */
  daysLeft: z.number().int(),
});
export type CustomerWindow = z.infer<typeof customerWindowSchema>;

/** The earliest running deadline, as the inbox shows it. */
export const nextDueSchema = z.object({ date: isoDateSchema, kind: deadlineKindSchema, daysLeft: z.number().int() });

export const userSummarySchema = z.object({ id: z.number().int(), name: z.string(), role: roleSchema, title: z.string().nullable() });

/** Where a search hit was found. */
export const SEARCH_FIELDS = ['number', 'customer', 'personal_number', 'merchant', 'order_refs', 'claims', 'summary', 'event'] as const;

/**
 * One case found by full-text search. `snippet` marks matched text between \u0002 and \u0003, so
 * the renderer can highlight it without ever interpreting HTML from the store.
 */
export const searchHitSchema = z.object({
  caseId: z.number().int(),
  number: caseNumberSchema,
  customerName: z.string(),
  market: marketSchema,
  status: caseStatusSchema,
  receivedDate: isoDateSchema,
  field: z.enum(SEARCH_FIELDS),
  eventId: z.number().int().nullable(),
  eventOccurredAt: z.string().nullable(),
  snippet: z.string(),
  /** Higher is better. */
  score: z.number(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;
