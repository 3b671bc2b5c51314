import { z } from 'zod';

/** Formats a letter is exported in. */
export const EXPORT_FORMATS = ['pdf', 'docx'] as const;
export const exportFormatSchema = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof exportFormatSchema>;

/** How a letter left the company; `markSent` records one of these. */
export const SEND_CHANNELS = ['post', 'email', 'portal', 'arn_portal'] as const;
export const sendChannelSchema = z.enum(SEND_CHANNELS);
export type SendChannel = z.infer<typeof sendChannelSchema>;

/**
 * What an export job makes. `decision` is a case's decision letter (issued, or the draft marked
 * UTKAST/UDKAST/DRAFT); `arn_package` is the ARN response with its exhibits, one PDF;
 * `mail_draft` the issued decision as a ready mail (.eml, `X-Unsent: 1`) with the letter attached.
 */
export const EXPORT_JOB_KINDS = ['decision', 'arn_package', 'mail_draft'] as const;
export const exportJobKindSchema = z.enum(EXPORT_JOB_KINDS);
export type ExportJobKind = z.infer<typeof exportJobKindSchema>;

/** An export job id: random, url-safe, also the harness download's name. */
export const exportJobIdSchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'must be an export job id');

export const exportJobSchema = z.object({
  jobId: z.string(),
  kind: exportJobKindSchema,
  caseId: z.number().int(),
  /** The file name the export gets (e.g. KO-2026-000123-beslut.pdf). */
  fileName: z.string(),
  state: z.enum(['running', 'done', 'failed']),
  /** 0..1. */
  fraction: z.number().min(0).max(1),
  /** What the job is doing now, e.g. `render` or `exhibit 12/50`, for the progress bar's label. */
  step: z.string(),
  result: z
    .object({
      exportId: z.number().int(),
      path: z.string(),
      fileName: z.string(),
      sha256: z.string(),
      bytes: z.number().int(),
      /** Warnings the user must see (an exhibit over ARN's 10 MB limit, named). */
      warnings: z.array(z.string()),
    })
    .nullable(),
  error: z.string().nullable(),
});
export type ExportJob = z.infer<typeof exportJobSchema>;

/** One booked export of a case (a `letter_exported` event) and whether it was marked as sent. */
export const caseExportSchema = z.object({
  exportId: z.number().int(),
  at: z.string(),
  actor: z.string(),
  /** What was exported: decision, arn_response, letter, holding_reply. */
  letter: z.string(),
  format: z.string(),
  fileName: z.string(),
  sha256: z.string(),
  draft: z.boolean(),
  /** Where main wrote it, from the audit row; null when unknown. */
  path: z.string().nullable(),
  sent: z.object({ eventId: z.number().int(), date: z.string(), channel: z.string(), by: z.string() }).nullable(),
});
export type CaseExport = z.infer<typeof caseExportSchema>;
