import { z } from 'zod';
import { calendarDateSchema, calendarInstantSchema } from './dates';
import { languageSchema, marketSchema } from './market';
import { moneySchema } from './money';
import { CASE_STATUSES, CATEGORIES } from './case-values';

export { CASE_STATUSES, CATEGORIES, type CaseStatus, type Category } from './case-values';

/** Case number as the ombudsman's office writes it: KO-<year>-<six digits>. */
export const caseNumberSchema = z.string().regex(/^KO-\d{4}-\d{6}$/, 'must look like KO-2026-000123');

export const caseStatusSchema = z.enum(CASE_STATUSES);

/** How the escalation reached the ombudsman. */
export const RECEIVED_CHANNELS = ['email', 'letter', 'web_form', 'phone', 'customer_service'] as const;
export const receivedChannelSchema = z.enum(RECEIVED_CHANNELS);
export type ReceivedChannel = z.infer<typeof receivedChannelSchema>;

export const categorySchema = z.enum(CATEGORIES);

export const PRODUCTS = ['invoice', 'pay_later', 'part_payment', 'card'] as const;
export const productSchema = z.enum(PRODUCTS);
export type Product = z.infer<typeof productSchema>;

export const PURCHASE_STATUSES = ['open', 'paused', 'paid', 'refunded', 'partly_refunded', 'in_collection', 'cancelled'] as const;
export const purchaseStatusSchema = z.enum(PURCHASE_STATUSES);

export const CLAIM_KINDS = ['refund', 'fee_waiver', 'interest_waiver', 'compensation', 'credit_record_correction', 'apology', 'other'] as const;
export const claimKindSchema = z.enum(CLAIM_KINDS);

export const ROLES = ['ombudsman', 'handler', 'auditor'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** ISO calendar date, YYYY-MM-DD, in the case's market time zone. */
export const isoDateSchema = calendarDateSchema;
/** A UTC instant as stored: RFC 3339 ending in Z. */
export const instantSchema = calendarInstantSchema();

export const customerSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  /** Always masked in lists and on first view: "19850312-****". Revealed only through its own channel. */
  personalNumberMasked: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  street: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  country: z.string(),
});
export type Customer = z.infer<typeof customerSchema>;

export const merchantSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  orgNumber: z.string().nullable(),
  country: z.string(),
});
export type Merchant = z.infer<typeof merchantSchema>;

export const purchaseSchema = z.object({
  id: z.number().int(),
  orderRef: z.string(),
  purchasedOn: isoDateSchema,
  amount: moneySchema,
  product: productSchema,
  status: purchaseStatusSchema,
  merchantName: z.string().nullable(),
});
export type Purchase = z.infer<typeof purchaseSchema>;

export const claimSchema = z.object({
  id: z.number().int(),
  position: z.number().int(),
  kind: claimKindSchema,
  text: z.string(),
  amount: moneySchema.nullable(),
});
export type Claim = z.infer<typeof claimSchema>;

/** One row of the inbox. Columns are denormalised on the case row so a page is one indexed read. */
export const caseListRowSchema = z.object({
  id: z.number().int(),
  number: caseNumberSchema,
  customerName: z.string(),
  market: marketSchema,
  category: categorySchema,
  receivedDate: isoDateSchema,
  status: caseStatusSchema,
  assigneeName: z.string().nullable(),
  eventCount: z.number().int(),
  claimTotal: moneySchema.nullable(),
});
export type CaseListRow = z.infer<typeof caseListRowSchema>;

export const caseHeaderSchema = z.object({
  id: z.number().int(),
  number: caseNumberSchema,
  market: marketSchema,
  language: languageSchema,
  receivedAt: instantSchema,
  receivedDate: isoDateSchema,
  receivedChannel: receivedChannelSchema,
  status: caseStatusSchema,
  category: categorySchema,
  summary: z.string(),
  assignee: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  /** The case's state revision (status, assignee): what a writer sends back as `baseRevision`. */
  revision: z.number().int().min(0),
  customer: customerSchema,
  merchant: merchantSchema.nullable(),
  purchases: z.array(purchaseSchema),
  claims: z.array(claimSchema),
});
export type CaseHeader = z.infer<typeof caseHeaderSchema>;
