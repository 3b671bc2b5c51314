import { z } from 'zod';
import { isoDateSchema } from './case';
import { marketSchema } from './market';
import { moneySchema } from './money';

/** Authorities a complaint can reach. The list in use is a setting; these are the shipped ones. */
export const DEFAULT_AUTHORITIES = [
  { code: 'ARN', name: 'Allmänna reklamationsnämnden', market: 'SE' },
  { code: 'KOV', name: 'Konsumentverket', market: 'SE' },
  { code: 'FI', name: 'Finansinspektionen', market: 'SE' },
  { code: 'IMY', name: 'Integritetsskyddsmyndigheten', market: 'SE' },
  { code: 'DFA', name: 'Det Finansielle Ankenævn', market: 'DK' },
] as const;

export const authorityCodeSchema = z.string().regex(/^[A-Z][A-Z0-9]{1,9}$/, 'must be an authority code such as ARN');

export const authoritySchema = z.object({ code: authorityCodeSchema, name: z.string().trim().min(1).max(120), market: marketSchema });
export type Authority = z.infer<typeof authoritySchema>;

/** Where a matter stands. */
export const MATTER_STATUSES = ['registered', 'response_sent', 'decided', 'closed'] as const;
export const matterStatusSchema = z.enum(MATTER_STATUSES);
export type MatterStatus = z.infer<typeof matterStatusSchema>;

/**
 * The authority's outcome (ARN's terms): bifall, delvis bifall, avslag, avvisning, avskrivning,
 * förlikning. Upheld and partly upheld come with a recommendation the company may follow.
 */
export const MATTER_OUTCOMES = ['upheld', 'partly_upheld', 'rejected', 'dismissed', 'written_off', 'settled'] as const;
export const matterOutcomeSchema = z.enum(MATTER_OUTCOMES);
export type MatterOutcome = z.infer<typeof matterOutcomeSchema>;

/** Outcomes with a recommendation whose compliance is followed up. */
export const RECOMMENDING_OUTCOMES: readonly MatterOutcome[] = ['upheld', 'partly_upheld'];

export const COMPLIANCE = ['followed', 'partly_followed', 'not_followed'] as const;
export const complianceSchema = z.enum(COMPLIANCE);

const text = (max: number) => z.string().trim().max(max);

export const registerMatterInputSchema = z
  .object({
    caseId: z.number().int().positive(),
    authority: authorityCodeSchema,
    reference: text(60).min(1, 'must not be empty'),
    receivedDate: isoDateSchema,
    responseDue: isoDateSchema.nullable(),
    claimText: text(5000).min(1, 'must not be empty'),
    claimAmount: z.string().trim().max(20).nullable(),
    questions: z.array(text(2000).min(1, 'must not be empty')).max(50),
    documents: z.array(text(200).min(1, 'must not be empty')).max(100),
  })
  .strict();
export type RegisterMatterInput = z.infer<typeof registerMatterInputSchema>;

/** Compare-and-set: the matter's revision the caller saw (left out: act on the latest). */
const matterRevision = z.number().int().min(0).optional();

export const recordOutcomeInputSchema = z
  .object({
    matterId: z.number().int().positive(),
    outcome: matterOutcomeSchema,
    decidedOn: isoDateSchema,
    recommendation: text(10_000),
    amount: z.string().trim().max(20).nullable(),
    baseRevision: matterRevision,
  })
  .strict();

export const recordComplianceInputSchema = z
  .object({
    matterId: z.number().int().positive(),
    compliance: complianceSchema,
    compliedOn: isoDateSchema.nullable(),
    paid: z.string().trim().max(20).nullable(),
    note: text(5000),
    baseRevision: matterRevision,
  })
  .strict();

export const recordResponseSentInputSchema = z.object({ matterId: z.number().int().positive(), sentOn: isoDateSchema, baseRevision: matterRevision }).strict();

/** A follow-up clock after a recommendation: the consumer reports non-compliance, then the company answers. */
export const followUpSchema = z.object({ consumerReportBy: isoDateSchema, companyAnswerBy: isoDateSchema });

export const matterSchema = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  caseNumber: z.string(),
  /** Steps recorded so far: what a writer sends back as `baseRevision`. */
  revision: z.number().int().min(0),
  customerName: z.string(),
  market: marketSchema,
  authority: authorityCodeSchema,
  authorityName: z.string(),
  reference: z.string(),
  receivedDate: isoDateSchema,
  responseDue: isoDateSchema.nullable(),
  /** Business days left to the response deadline in the case's market; negative when overdue; null when answered or none. */
  daysLeft: z.number().int().nullable(),
  claimText: z.string(),
  claimAmount: moneySchema.nullable(),
  questions: z.array(z.string()),
  documents: z.array(z.string()),
  status: matterStatusSchema,
  responseSentOn: isoDateSchema.nullable(),
  outcome: matterOutcomeSchema.nullable(),
  decidedOn: isoDateSchema.nullable(),
  recommendation: z.string().nullable(),
  outcomeAmount: moneySchema.nullable(),
  compliance: complianceSchema.nullable(),
  compliedOn: isoDateSchema.nullable(),
  paid: moneySchema.nullable(),
  followUp: followUpSchema.nullable(),
  registeredBy: z.string(),
});
export type Matter = z.infer<typeof matterSchema>;

export const matterListInputSchema = z
  .object({
    /** `soon`: unanswered with a response deadline within 10 business days or overdue. */
    due: z.enum(['soon', 'overdue']).optional(),
    authority: authorityCodeSchema.optional(),
    status: matterStatusSchema.optional(),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();

export const arnStatsSchema = z.object({
  year: z.number().int(),
  authority: authorityCodeSchema,
  registered: z.number().int(),
  pending: z.number().int(),
  settled: z.number().int(),
  decided: z.number().int(),
  byOutcome: z.record(matterOutcomeSchema, z.number().int()),
  recommendations: z.number().int(),
  followed: z.number().int(),
  /** Followed (fully) ÷ recommendations whose compliance is recorded; null without any. */
  shareFollowed: z.number().nullable(),
});
export type ArnStats = z.infer<typeof arnStatsSchema>;
