import { z } from 'zod';
import { calendarMonthSchema } from './dates';
import { CATEGORIES, caseNumberSchema, caseStatusSchema, categorySchema, isoDateSchema } from './case';
import { marketSchema } from './market';
import { RED_FLAG_CODES } from './review';

/**
 * The zero-complaints measure (Nollmissionsmåttet), the recurring causes behind complaints, and the
 * complaints register. See ../../../../shared/domain.md: complaints to customer service plus
 * complaints registered with authorities, per one million purchases; the year's figure is based on
 * all purchases and complaints of that year, not the mean of its months.
 */

export const monthSchema = calendarMonthSchema;
export const yearSchema = z.number().int('must be a whole year').min(2000, 'must be 2000 or later').max(2100, 'must be 2100 or earlier');

/** A market, or null for all markets together. */
export const scopeSchema = marketSchema.nullable();

/** Complaints per one million purchases; null when there are no purchases to divide by. */
export function perMillion(complaints: number, purchases: number): number | null {
  return purchases > 0 ? (complaints * 1_000_000) / purchases : null;
}

/** The published table shows whole numbers; half rounds up, as the company's own table does. */
export function roundPerMillion(value: number | null): number | null {
  return value === null ? null : Math.round(value);
}

/** One month of one scope. Without monthly figures the month is missing: every measured field is null, never 0. */
export const zeroMonthSchema = z.object({
  month: monthSchema,
  purchases: z.number().int().nullable(),
  customerServiceComplaints: z.number().int().nullable(),
  /** Matters registered with authorities, by received date; counted even when the month has no figures. */
  authorityComplaints: z.number().int(),
  /** Customer service plus authorities; null when the month is missing. */
  complaints: z.number().int().nullable(),
  perMillion: z.number().nullable(),
  /** All markets: the markets whose figures are missing this month (then the month is missing too). */
  missingMarkets: z.array(marketSchema),
});
export type ZeroMonth = z.infer<typeof zeroMonthSchema>;

/** One row of the published table: a year, its twelve months (null = missing) and the year's figure. */
export const zeroYearSchema = z.object({
  year: z.number().int(),
  months: z.array(z.number().nullable()).length(12),
  /** All complaints of the months with figures ÷ all purchases of those months × 1 000 000. */
  perMillion: z.number().nullable(),
  complaints: z.number().int(),
  purchases: z.number().int(),
  monthsWithFigures: z.number().int().min(0).max(12),
});
export type ZeroYear = z.infer<typeof zeroYearSchema>;

export const zeroScopeSchema = z.object({
  market: scopeSchema,
  /** Every month from the first to the last with figures or matters, oldest first. */
  months: z.array(zeroMonthSchema),
  years: z.array(zeroYearSchema),
});
export type ZeroScope = z.infer<typeof zeroScopeSchema>;

/** A recurring cause: a complaint category or a red flag, as `category:<code>` or `flag:<code>`. */
export const CAUSES = [...CATEGORIES.map((c) => `category:${c}` as const), ...RED_FLAG_CODES.map((f) => `flag:${f}` as const)] as const;
export const causeSchema = z.enum(CAUSES, { error: 'must be a cause such as category:refund_missing or flag:repeated_contacts' });
export type Cause = z.infer<typeof causeSchema>;

export const causeRowSchema = z.object({
  cause: causeSchema,
  /** Cases per month, parallel to `months`. */
  counts: z.array(z.number().int()),
  thisMonth: z.number().int(),
  /** The three months before, oldest first. */
  lastThree: z.array(z.number().int()).length(3),
  lastThreeAverage: z.number(),
});
export type CauseRow = z.infer<typeof causeRowSchema>;

export const causesSchema = z.object({
  market: scopeSchema,
  month: monthSchema,
  previousMonths: z.array(monthSchema).length(3),
  /** The trend window, oldest first, ending with `month`. */
  months: z.array(monthSchema),
  /** Cases received per month in the window (every cause counts a subset of them). */
  cases: z.array(z.number().int()),
  /** Causes seen in the window, the most frequent this month first. */
  causes: z.array(causeRowSchema),
});
export type Causes = z.infer<typeof causesSchema>;

export const causeCaseSchema = z.object({
  id: z.number().int(),
  number: caseNumberSchema,
  customerName: z.string(),
  market: marketSchema,
  category: categorySchema,
  receivedDate: isoDateSchema,
  status: caseStatusSchema,
});

export const reviewNoteSchema = z.object({
  id: z.number().int(),
  month: monthSchema,
  cause: causeSchema,
  market: scopeSchema,
  notedOn: isoDateSchema,
  text: z.string(),
  author: z.string(),
  createdAt: z.string(),
});
export type ReviewNote = z.infer<typeof reviewNoteSchema>;

export const addReviewNoteInputSchema = z
  .object({
    month: monthSchema,
    cause: causeSchema,
    market: scopeSchema.default(null),
    /** The day the change was made or decided. */
    notedOn: isoDateSchema,
    text: z.string().trim().min(1, 'must say what was changed').max(4000, 'must be at most 4000 characters'),
  })
  .strict();

/** Business-day figures of one market's register (PSD2: 15 business days). */
export const registerFiguresSchema = z.object({
  market: marketSchema,
  cases: z.number().int(),
  answered: z.number().int(),
  /** Answered within 15 business days ÷ (answered + unanswered past 15 business days); null when none is known yet. */
  answeredWithin15Share: z.number().nullable(),
  answeredWithin15: z.number().int(),
  holdingReplies: z.number().int(),
  averageDaysToDecision: z.number().nullable(),
  /** Nearest-rank 90th percentile of business days from receipt to decision. */
  p90DaysToDecision: z.number().int().nullable(),
});
export type RegisterFigures = z.infer<typeof registerFiguresSchema>;

export const REGISTER_FORMATS = ['csv', 'pdf'] as const;
export const registerFormatSchema = z.enum(REGISTER_FORMATS);
export type RegisterFormat = z.infer<typeof registerFormatSchema>;
