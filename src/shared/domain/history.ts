import { z } from 'zod';
import { instantSchema } from './case';
import { moneySchema } from './money';

/** Where an event came from; drives the timeline icon and the source filter. */
export const EVENT_SOURCES = ['phone', 'chat', 'mail', 'invoice', 'merchant', 'document', 'internal', 'authority'] as const;
export const eventSourceSchema = z.enum(EVENT_SOURCES);
export type EventSource = z.infer<typeof eventSourceSchema>;

export const DIRECTIONS = ['inbound', 'outbound', 'internal'] as const;
export const directionSchema = z.enum(DIRECTIONS);
export type Direction = z.infer<typeof directionSchema>;

/**
 * The kinds that record something that happened outside Ombud (customer service, payments,
 * merchants, documents, the customer's own escalation). Only these may arrive by import (case
 * exchange, mail); every other kind records an act of the office itself (a note, an information
 * request, a status change, an assignment, a review step, a decision issued, a letter exported or
 * sent, correspondence with an authority registered as a matter) and is written only by Ombud's
 * services, so an import can never forge the ombudsman's work or satisfy a deadline clock.
 */
export const EXTERNAL_EVENT_KINDS = [
  // customer service
  'cs_call',
  'cs_chat',
  'cs_email',
  'cs_final_answer',
  // invoice and payment
  'invoice_issued',
  'invoice_paused',
  'invoice_pause_extended',
  'invoice_resumed',
  'reminder',
  'fee',
  'debt_collection',
  'payment',
  'refund',
  // merchant
  'merchant_contact',
  'dispute_opened',
  'dispute_closed',
  'purchase_protection_claim',
  // documents and the customer's own escalation
  'document',
  'customer_escalation',
] as const;
export type ExternalEventKind = (typeof EXTERNAL_EVENT_KINDS)[number];

/** The office's own kinds, written only by Ombud's services. */
export const OFFICE_EVENT_KINDS = [
  // ombudsman
  'note',
  'info_request',
  'status_change',
  'assignment',
  /** A step of the decision's four-eyes review: drafted, submitted, returned with a comment, approved. */
  'decision_review',
  'decision_issued',
  'letter_exported',
  'letter_sent',
  // authorities
  'authority_correspondence',
] as const;

/**
 * What happened. The kinds cover every source the domain brief lists: customer-service contacts,
 * invoice and payment events, merchant contacts and disputes, documents, and the ombudsman's own work.
 */
export const EVENT_KINDS = [...EXTERNAL_EVENT_KINDS, ...OFFICE_EVENT_KINDS] as const;
export const eventKindSchema = z.enum(EVENT_KINDS);

export function isExternalEventKind(kind: string): kind is ExternalEventKind {
  return (EXTERNAL_EVENT_KINDS as readonly string[]).includes(kind);
}
export type EventKind = z.infer<typeof eventKindSchema>;

/**
 * Structured facts an event carries beyond its text. All optional; red-flag rules and
 * letters read them rather than parsing prose.
 */
export const eventDataSchema = z
  .object({
    amount: moneySchema.optional(),
    orderRef: z.string().optional(),
    /** A customer-service promise, e.g. "refund within 5 days". */
    promise: z.enum(['refund', 'callback', 'investigation']).optional(),
    /** The agent blamed a technical problem. */
    technicalError: z.boolean().optional(),
    /** How a dispute or purchase-protection claim ended. */
    outcome: z.enum(['merchant_no_response', 'in_customer_favour', 'in_merchant_favour', 'withdrawn']).optional(),
    pauseDays: z.number().int().optional(),
    fromStatus: z.string().optional(),
    toStatus: z.string().optional(),
    agent: z.string().optional(),
    /** Mail: the Date header as sent, and what the received time was taken from (issue 20). */
    dateHeader: z.string().nullable().optional(),
    receivedFrom: z.enum(['date', 'envelope', 'import']).optional(),
    /** Mail: a charset was guessed (the declared one could not read the bytes). */
    charsetGuessed: z.boolean().optional(),
  })
  .catchall(z.unknown());
export type EventData = z.infer<typeof eventDataSchema>;

export const attachmentRefSchema = z.object({
  id: z.number().int(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
});
export type AttachmentRef = z.infer<typeof attachmentRefSchema>;

export const historyEventSchema = z.object({
  id: z.number().int(),
  occurredAt: instantSchema,
  kind: eventKindSchema,
  source: eventSourceSchema,
  direction: directionSchema,
  actor: z.string(),
  summary: z.string(),
  body: z.string(),
  data: eventDataSchema,
  attachments: z.array(attachmentRefSchema),
});
export type HistoryEvent = z.infer<typeof historyEventSchema>;
