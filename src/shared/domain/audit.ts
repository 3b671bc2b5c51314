import { z } from 'zod';
import { caseNumberSchema, isoDateSchema } from './case';

/**
 * What an auditor filters the audit log by: one case, one user, a period of calendar days in
 * Stockholm time (both ends inclusive). Every filter is optional; none lists the whole log.
 */
const auditFilterFields = z.object({
  caseNumber: caseNumberSchema.optional(),
  userId: z.number().int().positive().optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
});

const periodInOrder = (f: { from?: string; to?: string }) => f.from === undefined || f.to === undefined || f.from <= f.to;

export const auditFilterSchema = auditFilterFields.strict().refine(periodInOrder, { message: 'must not be after "to"', path: ['from'] });

/** The filter plus paging, for browsing. */
export const auditListInputSchema = auditFilterFields
  .extend({
    offset: z.number().int().min(0).max(100_000_000).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict()
  .refine(periodInOrder, { message: 'must not be after "to"', path: ['from'] });
export type AuditFilterInput = z.input<typeof auditFilterSchema>;

/** One audit row as the auditor reads it. */
export const auditRowSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  userId: z.number().int().nullable(),
  userName: z.string().nullable(),
  action: z.string(),
  caseId: z.number().int().nullable(),
  caseNumber: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  hash: z.string(),
});
export type AuditRow = z.infer<typeof auditRowSchema>;
