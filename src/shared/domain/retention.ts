import { z } from 'zod';
import { isoDateSchema } from './case';

/**
 * How long closed cases keep their personal data. A case that had correspondence with an
 * authority (ARN, Finansinspektionen, Konsumentverket, IMY, Det Finansielle Ankenævn) follows
 * the authority period, counted from the later of closing and the last authority event.
 */
export const retentionRulesSchema = z
  .object({
    closedCaseYears: z.number().int().min(1, 'must be at least 1 year').max(30, 'must be at most 30 years'),
    authorityMatterYears: z.number().int().min(1, 'must be at least 1 year').max(30, 'must be at most 30 years'),
    /** Run by itself once a day. Off until the ombudsman has looked at what it would do. */
    scheduleEnabled: z.boolean(),
  })
  .strict();
export type RetentionRules = z.infer<typeof retentionRulesSchema>;

export const DEFAULT_RETENTION_RULES: RetentionRules = { closedCaseYears: 3, authorityMatterYears: 10, scheduleEnabled: false };

export const RETENTION_CLASSES = ['closed_case', 'authority_matter'] as const;

/** One case a run would anonymise (or did), without any personal data. */
export const retentionItemSchema = z.object({
  caseId: z.number().int(),
  number: z.string(),
  market: z.string(),
  category: z.string(),
  rule: z.enum(RETENTION_CLASSES),
  closedAt: z.string(),
  lastAuthorityAt: z.string().nullable(),
  dueSince: isoDateSchema,
});
export type RetentionItem = z.infer<typeof retentionItemSchema>;

export const retentionRunSummarySchema = z.object({
  id: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string(),
  dryRun: z.boolean(),
  trigger: z.string(),
  casesAffected: z.number().int(),
});
