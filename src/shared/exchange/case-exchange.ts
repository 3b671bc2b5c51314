import { z } from 'zod';
import { CATEGORIES, CASE_STATUSES, CLAIM_KINDS, PRODUCTS, PURCHASE_STATUSES, RECEIVED_CHANNELS } from '../domain/case';
import { DIRECTIONS, EVENT_SOURCES, EXTERNAL_EVENT_KINDS, OFFICE_EVENT_KINDS } from '../domain/history';
import { LANGUAGES, MARKETS } from '../domain/market';
import { calendarDateSchema, calendarInstantSchema } from '../domain/dates';

/**
 * The case exchange format (JSON Lines): one escalated case with its whole history per line.
 * Documented in docs/case-exchange.md; docs/case-exchange.schema.json is generated from this
 * schema (`z.toJSONSchema`) and a test keeps the committed file equal to it, and checks the
 * documented examples against both.
 *
 * Rules the format enforces for the importer:
 * - money is a decimal string plus an ISO 4217 currency; a JSON number is refused, because a
 *   float has already lost the amount by the time it is parsed;
 * - instants are RFC 3339 with a time-zone offset (`Z` or `+01:00`);
 * - every case and every event carries the source system's identifier, so a re-import updates
 *   rather than duplicates.
 */

export const EXCHANGE_FORMAT = 'ombud-case/1';

const id = z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const text = (max: number) => z.string().max(max, `must be at most ${max} characters`);

export const exchangeInstantSchema = calendarInstantSchema();
export const exchangeDateSchema = calendarDateSchema;

/** "1499.00", "-25", "0.5": at most 13 whole digits and 2 decimals. */
export const DECIMAL_PATTERN = '^-?[0-9]{1,13}(\\.[0-9]{1,2})?$';

export const exchangeMoneySchema = z
  .object({
    value: z
      .string({ error: (issue) => (typeof issue.input === 'number' ? 'must be a decimal string such as "1499.00", not a JSON number' : 'must be a decimal string such as "1499.00"') })
      .regex(new RegExp(DECIMAL_PATTERN), 'must be a decimal such as "1499.00" with at most two decimals'),
    currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as SEK'),
  })
  .strict();

const address = z
  .object({
    street: text(200).nullable().optional(),
    postalCode: text(20).nullable().optional(),
    city: text(100).nullable().optional(),
    country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166 country code such as SE'),
  })
  .strict();

export const exchangeCustomerSchema = z
  .object({
    sourceId: id.optional(),
    name: text(200).min(1, 'must not be empty'),
    personalNumber: text(40).min(1, 'must not be empty'),
    email: text(320).nullable().optional(),
    phone: text(40).nullable().optional(),
    address,
  })
  .strict();

export const exchangeMerchantSchema = z
  .object({
    sourceId: id.optional(),
    name: text(200).min(1, 'must not be empty'),
    orgNumber: text(40).nullable().optional(),
    country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166 country code such as SE'),
  })
  .strict();

export const exchangePurchaseSchema = z
  .object({
    sourceId: id.optional(),
    orderRef: id,
    purchasedOn: exchangeDateSchema,
    amount: exchangeMoneySchema,
    product: z.enum(PRODUCTS),
    status: z.enum(PURCHASE_STATUSES),
  })
  .strict();

export const exchangeClaimSchema = z
  .object({
    kind: z.enum(CLAIM_KINDS),
    text: text(4000).min(1, 'must not be empty'),
    amount: exchangeMoneySchema.nullable().optional(),
  })
  .strict();

/** An attachment travels inside the line (base64) or beside the file (a path relative to it). */
export const exchangeAttachmentSchema = z
  .object({
    fileName: text(255).min(1, 'must not be empty'),
    mediaType: z.string().regex(/^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/i, 'must be a media type such as application/pdf'),
    base64: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64').optional(),
    path: z
      .string()
      .min(1, 'must not be empty')
      .refine((p) => !p.startsWith('/') && !/^[A-Za-z]:/.test(p) && !p.split(/[\\/]/).includes('..'), 'must be relative to the import file and stay inside its folder')
      .optional(),
  })
  .strict()
  .refine((a) => (a.base64 === undefined) !== (a.path === undefined), { error: 'needs exactly one of base64 or path' });

/**
 * Structured facts of an event: the keys the red-flag rules and letters read, typed, plus any
 * further key whose value is text, a boolean, a whole number, null or money. A float is refused
 * wherever it appears, since no amount may travel as one.
 */
const extraDataValue = z.union([
  z.string().max(10_000, 'must be at most 10000 characters'),
  z.boolean(),
  z.int({ error: 'must be text, true/false, a whole number, null or money {"value","currency"}; decimals travel as money' }),
  z.null(),
  exchangeMoneySchema,
]);

export const exchangeEventDataSchema = z
  .object({
    amount: exchangeMoneySchema.optional(),
    promise: z.enum(['refund', 'callback', 'investigation']).optional(),
    technicalError: z.boolean().optional(),
    outcome: z.enum(['merchant_no_response', 'in_customer_favour', 'in_merchant_favour', 'withdrawn']).optional(),
    pauseDays: z.int().min(0).max(3650).optional(),
    fromStatus: z.string().max(40).optional(),
    toStatus: z.string().max(40).optional(),
    agent: z.string().max(200).optional(),
  })
  .catchall(extraDataValue);

export const exchangeEventSchema = z
  .object({
    sourceId: id,
    occurredAt: exchangeInstantSchema,
    /** Only kinds that come from outside Ombud; the office's own acts are never imported. */
    kind: z.enum(EXTERNAL_EVENT_KINDS, {
      error: (issue) =>
        typeof issue.input === 'string' && (OFFICE_EVENT_KINDS as readonly string[]).includes(issue.input)
          ? `"${issue.input}" records an act of the ombudsman's office and cannot be imported; an import may add only ${EXTERNAL_EVENT_KINDS.join(', ')}`
          : `must be one of ${EXTERNAL_EVENT_KINDS.join(', ')}`,
    }),
    source: z.enum(EVENT_SOURCES),
    direction: z.enum(DIRECTIONS),
    actor: text(200).min(1, 'must not be empty'),
    /** Links the event to one of the case's purchases. */
    orderRef: id.optional(),
    summary: text(1000),
    body: text(1_000_000).optional(),
    data: exchangeEventDataSchema.optional(),
    attachments: z.array(exchangeAttachmentSchema).max(100).optional(),
  })
  .strict();

export const exchangeCaseSchema = z
  .object({
    format: z.literal(EXCHANGE_FORMAT, { error: `must be "${EXCHANGE_FORMAT}"` }),
    sourceId: id,
    /** The ombudsman office's number, when the source already knows it; otherwise one is given on import. */
    caseNumber: z.string().regex(/^KO-[0-9]{4}-[0-9]{6}$/, 'must look like KO-2026-000123').optional(),
    market: z.enum(MARKETS, { error: `must be one of ${MARKETS.join(', ')}` }),
    language: z.enum(LANGUAGES, { error: `must be one of ${LANGUAGES.join(', ')}` }),
    receivedAt: exchangeInstantSchema,
    receivedChannel: z.enum(RECEIVED_CHANNELS),
    category: z.enum(CATEGORIES),
    /** Only used when the case is first imported; afterwards the status is the ombudsman's. */
    status: z.enum(CASE_STATUSES).optional(),
    summary: text(4000).optional(),
    customer: exchangeCustomerSchema,
    merchant: exchangeMerchantSchema.nullable().optional(),
    purchases: z.array(exchangePurchaseSchema).max(1000).optional(),
    claims: z.array(exchangeClaimSchema).max(1000).optional(),
    events: z.array(exchangeEventSchema).max(100_000),
  })
  .strict()
  .superRefine((c, ctx) => {
    const seenEvents = new Map<string, number>();
    c.events.forEach((e, i) => {
      const first = seenEvents.get(e.sourceId);
      if (first !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['events', i, 'sourceId'], message: `duplicate event id "${e.sourceId}" (also events[${first}])` });
      } else seenEvents.set(e.sourceId, i);
    });
    const orderRefs = new Map<string, number>();
    (c.purchases ?? []).forEach((p, i) => {
      const first = orderRefs.get(p.orderRef);
      if (first !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['purchases', i, 'orderRef'], message: `duplicate order reference "${p.orderRef}" (also purchases[${first}])` });
      } else orderRefs.set(p.orderRef, i);
    });
    c.events.forEach((e, i) => {
      if (e.orderRef !== undefined && !orderRefs.has(e.orderRef)) {
        ctx.addIssue({ code: 'custom', path: ['events', i, 'orderRef'], message: `names order "${e.orderRef}", which is not among the case's purchases` });
      }
    });
  });

export type ExchangeCase = z.infer<typeof exchangeCaseSchema>;
export type ExchangeEvent = z.infer<typeof exchangeEventSchema>;
export type ExchangeMoney = z.infer<typeof exchangeMoneySchema>;

/** `$.events[3].amount.value` from a zod issue path. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) out += `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/** The JSON Schema of one line, as docs/case-exchange.schema.json carries it. */
export function caseExchangeJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(exchangeCaseSchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    $id: 'https://ombud.invalid/schemas/case-exchange/1',
    title: 'Ombud case exchange, one JSON Lines record',
    description: 'One escalated case with its whole history. See docs/case-exchange.md.',
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
}
