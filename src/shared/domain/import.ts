import { z } from 'zod';

/** What can be imported in the app: a case exchange file, mail (.eml or mbox), monthly figures. */
export const IMPORT_KINDS = ['cases', 'mail', 'monthly'] as const;
export const importKindSchema = z.enum(IMPORT_KINDS);
export type ImportKind = z.infer<typeof importKindSchema>;

/** An uploaded file as main knows it; the renderer only ever holds this id, never a path. */
export const uploadIdSchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'must be an upload id');

export const importProblemSchema = z.object({
  line: z.number().int().nullable(),
  path: z.string().nullable(),
  message: z.string(),
  /** For a field the file's schema refused: what is wrong, as a code the workbench words (`inputProblem.*`). */
  problem: z.enum(['missing', 'wrongType', 'tooSmall', 'tooBig', 'format', 'notAllowed', 'unknownKey', 'invalid']).optional(),
  limit: z.number().optional(),
});

export const importResultSchema = z.object({
  /** True when the import stored what it could; false when a problem left the store unchanged. */
  committed: z.boolean(),
  /** Cases, mails or months read. */
  read: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  eventsAdded: z.number().int(),
  rejected: z.number().int(),
  problems: z.array(importProblemSchema),
  seconds: z.number(),
});
export type ImportResult = z.infer<typeof importResultSchema>;

export const importRunSchema = z.object({
  runId: z.string(),
  kind: importKindSchema,
  fileName: z.string(),
  state: z.enum(['running', 'done', 'failed']),
  /** 0..1 of the file read, when known. */
  fraction: z.number().min(0).max(1).nullable(),
  /** Cases, mails or rows handled so far. */
  handled: z.number().int(),
  result: importResultSchema.nullable(),
  error: z.string().nullable(),
});
export type ImportRun = z.infer<typeof importRunSchema>;
