import { mailOfficesSchema, mailSettingsViewSchema, smtpSettingsSchema } from '../domain/mail';
import { z } from 'zod';
import { backupFileSchema, backupScheduleSchema, recoveryStatusSchema } from '../domain/backup';
import { retentionItemSchema, retentionRulesSchema, retentionRunSummarySchema } from '../domain/retention';
import { auditFilterSchema, auditListInputSchema, auditRowSchema } from '../domain/audit';
import {
  caseHeaderSchema,
  caseListRowSchema,
  caseStatusSchema,
  categorySchema,
  isoDateSchema,
  roleSchema,
} from '../domain/case';
import {
  arnStatsSchema,
  authorityCodeSchema,
  authoritySchema,
  matterListInputSchema,
  matterSchema,
  recordComplianceInputSchema,
  recordOutcomeInputSchema,
  recordResponseSentInputSchema,
  registerMatterInputSchema,
} from '../domain/authority';
import { arnResponseViewSchema, exportResponseInputSchema, exportResponseOutputSchema, responseIssueSchema, saveResponseInputSchema } from '../domain/arn-response';
import { deadlinePoliciesSchema } from '../domain/deadline-policy';
import { caseExportSchema, exportFormatSchema, exportJobIdSchema, exportJobSchema, sendChannelSchema } from '../domain/export';
import { historyEventSchema } from '../domain/history';
import { importKindSchema, importRunSchema, uploadIdSchema } from '../domain/import';
import {
  decisionStatusSchema,
  decisionSummarySchema,
  decisionViewSchema,
  outcomeSchema,
  panelSchema,
  remedySchema,
  validationIssueSchema,
  versionSummarySchema,
} from '../domain/decision';
import { languageSchema, marketSchema } from '../domain/market';
import { docSchema } from '../editor/document';
import { customerWindowSchema, deadlineSchema, nextDueSchema, redFlagSchema, searchHitSchema, userSummarySchema } from '../domain/review';
import {
  addReviewNoteInputSchema,
  causeCaseSchema,
  causeSchema,
  causesSchema,
  monthSchema,
  registerFiguresSchema,
  registerFormatSchema,
  reviewNoteSchema,
  scopeSchema,
  yearSchema,
  zeroScopeSchema,
} from '../domain/zero';
import type { Channel } from './channels';
import { CASE_SORTS } from '../domain/case-values';

const idSchema = z.number().int().positive();

export { CASE_SORTS } from '../domain/case-values';

/** Which cases an inbox list holds: a saved view's filter, narrowed by the filter bar. */
const caseFilterShape = {
  status: z.array(caseStatusSchema).max(10).optional(),
  market: marketSchema.optional(),
  category: categorySchema.optional(),
  assigneeId: idSchema.nullable().optional(),
  /** `overdue`: a running deadline before today; `this_week`: due from today to Sunday. */
  due: z.enum(['overdue', 'this_week']).optional(),
  /** Only cases with at least one red flag. */
  flagged: z.boolean().optional(),
};
export const caseFilterSchema = z.object(caseFilterShape).strict();
export type CaseFilter = z.input<typeof caseFilterSchema>;

export const caseListInputSchema = z
  .object({
    ...caseFilterShape,
    sort: z.enum(CASE_SORTS).default('received'),
    dir: z.enum(['asc', 'desc']).default('desc'),
    offset: z.number().int().min(0).max(10_000_000).default(0),
    /** 0 asks for the total alone (the saved views' counts): no rows are read. */
    limit: z.number().int().min(0).max(500).default(50),
  })
  .strict();
export type CaseListInput = z.input<typeof caseListInputSchema>;

const emptyInput = z.object({}).strict();

const usernameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(64)
  .regex(/^[\p{L}\p{N}._-]+$/u, 'may hold letters, digits, dot, dash and underscore only');

const recomputeSchema = z.object({ running: z.boolean(), done: z.number().int(), total: z.number().int() });

const deadlinePolicyViewSchema = z.object({
  policies: deadlinePoliciesSchema,
  defaults: deadlinePoliciesSchema,
  revision: z.number().int(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  recompute: recomputeSchema,
});

const sessionStateSchema = z.object({
  user: z.object({ id: idSchema, username: z.string(), name: z.string(), role: roleSchema }).nullable(),
  needsSetup: z.boolean(),
  /** After sign-in over the harness or the team server: this tab's or connection's session, sent with every call. */
  token: z.string().optional(),
});

/** Free text a person writes into the history: never empty, never a novel. */
const noteText = z.string().trim().min(1, 'must not be empty').max(20_000, 'must be at most 20,000 characters');

/** A case list row with what the review needs at a glance. */
export const caseListItemSchema = caseListRowSchema.extend({ flagCount: z.number().int(), nextDue: nextDueSchema.nullable() });

/** What every case action returns: the case as it now is, so the view never shows a stale state. */
const caseViewSchema = z.object({
  header: caseHeaderSchema,
  events: z.array(historyEventSchema),
  flags: z.array(redFlagSchema),
  deadlines: z.array(deadlineSchema),
  customerWindows: z.array(customerWindowSchema),
  /** The latest answer date a holding reply may promise (PSD2's extended clock); null without one. */
  holdingReplyLatest: isoDateSchema.nullable(),
});

const templateSchema = z.object({
  id: idSchema.nullable(),
  market: marketSchema,
  language: languageSchema,
  name: z.string(),
  content: docSchema,
  source: z.enum(['default', 'store']),
  updatedAt: z.string().nullable(),
});

/** An issued decision of a similar case, with what was decided per claim. */
const precedentSchema = z.object({
  caseId: idSchema,
  caseNumber: z.string(),
  market: marketSchema,
  category: categorySchema,
  decisionId: idSchema,
  issuedAt: z.string(),
  status: decisionStatusSchema,
  score: z.number(),
  sharedClaimKinds: z.array(z.string()),
  claims: z.array(z.object({ kind: z.string(), text: z.string(), outcome: outcomeSchema.nullable(), remedies: z.array(remedySchema) })),
});

const retentionOverviewSchema = z.object({
  rules: retentionRulesSchema,
  preview: z.array(retentionItemSchema),
  previewTotal: z.number().int(),
  lastRun: retentionRunSummarySchema.nullable(),
});

/**
 * Every channel between renderer and main: its input schema (validated in main, the renderer is
 * untrusted) and its output schema (the shape the renderer may rely on).
 */
export const contract = {
  /** Schema version and counts of the open store. */
  'app:info': {
    input: emptyInput,
    output: z.object({
      appVersion: z.string(),
      schemaVersion: z.number().int(),
      storePath: z.string(),
      counts: z.object({
        cases: z.number().int(),
        events: z.number().int(),
        customers: z.number().int(),
        merchants: z.number().int(),
        attachments: z.number().int(),
        users: z.number().int(),
      }),
    }),
  },
  /** The signed-in user. */
  /** Who is signed in, and whether the store still needs its first account. Open to everyone. */
  'session:get': {
    input: emptyInput,
    output: sessionStateSchema,
  },
  /** Signs in with a local account. Open to everyone; failures are audited and slowed down. */
  'session:signIn': {
    input: z.object({ username: usernameSchema, password: z.string().min(1, 'must not be empty').max(200) }).strict(),
    output: sessionStateSchema,
  },
  'session:signOut': {
    input: emptyInput,
    output: sessionStateSchema,
  },
  /** First start only: creates the ombudsman account and signs it in. */
  'session:setup': {
    input: z
      .object({
        username: usernameSchema,
        displayName: z.string().trim().min(1, 'must not be empty').max(120),
        password: z.string().min(10, 'must be at least 10 characters').max(200),
      })
      .strict(),
    output: sessionStateSchema,
  },
  /** Active users, e.g. to assign a case. */
  'users:list': {
    input: emptyInput,
    output: z.array(userSummarySchema),
  },
  /**
   * How many cases each filter holds, in one call: the saved views' counts in the rail. One call
   * instead of one `cases:list` per view (seven round trips, each validated and dispatched).
   */
  'cases:counts': {
    input: z.object({ filters: z.array(caseFilterSchema).min(1).max(16) }).strict(),
    output: z.object({ totals: z.array(z.number().int()) }),
  },
  /** One page of the inbox with the total for the same filter. */
  'cases:list': {
    input: caseListInputSchema,
    output: z.object({
      rows: z.array(caseListItemSchema),
      total: z.number().int(),
      today: z.string(),
      /** Stored deadlines being recomputed after a rule change; due dates in the list may lag until done. */
      recompute: recomputeSchema.optional(),
    }),
  },
  /** Everything the case view needs: header, the full history oldest first, red flags and deadlines. */
  'cases:get': {
    input: z.object({ id: idSchema }).strict(),
    output: caseViewSchema,
  },
  /** Moves a case along the workflow; appends a status-change event with who, when and why. */
  'cases:setStatus': {
    input: z.object({ id: idSchema, status: caseStatusSchema, reason: z.string().trim().max(2000).optional() }).strict(),
    output: caseViewSchema,
  },
  /** Assigns the case to a handler or the ombudsman (null: unassigned). */
  'cases:assign': {
    input: z.object({ id: idSchema, assigneeId: idSchema.nullable() }).strict(),
    output: caseViewSchema,
  },
  /** An internal note in the history. */
  'cases:addNote': {
    input: z.object({ id: idSchema, text: noteText }).strict(),
    output: caseViewSchema,
  },
  /** A request for information to the customer; the case waits for the customer and the internal clock pauses. */
  'cases:requestInfo': {
    input: z.object({ id: idSchema, text: noteText }).strict(),
    output: caseViewSchema,
  },
  /** PSD2 holding reply: explains the delay and gives the date of the final answer (at most 35 business days). */
  'cases:sendHoldingReply': {
    input: z.object({ id: idSchema, text: noteText, answerBy: isoDateSchema }).strict(),
    output: caseViewSchema,
  },
  /** Shows the customer's full personal number; every reveal is written to the audit log. */
  'cases:revealPersonalNumber': {
    input: z.object({ id: idSchema }).strict(),
    output: z.object({ personalNumber: z.string() }),
  },
  /** Full-text search over case fields and the whole history, ranked, one hit per case. */
  'search:query': {
    input: z
      .object({
        query: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
        limit: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
    output: z.object({ hits: z.array(searchHitSchema) }),
  },
  /** An attachment's bytes, for preview and save-as. */
  'attachments:get': {
    input: z.object({ id: idSchema }).strict(),
    output: z.object({ id: idSchema, fileName: z.string(), mediaType: z.string(), size: z.number().int(), sha256: z.string(), base64: z.string() }),
  },
  /** Decision templates per market and language: the ombudsman's edited ones, else the shipped defaults. */
  'decisions:templates': {
    input: z.object({ market: marketSchema.optional() }).strict(),
    output: z.object({ templates: z.array(templateSchema) }),
  },
  /** The ombudsman edits the template of a market and language. */
  'decisions:saveTemplate': {
    input: z.object({ market: marketSchema, language: languageSchema, name: z.string().trim().min(1, 'must not be empty').max(200), content: docSchema }).strict(),
    output: templateSchema,
  },
  /** The ombudsman drops an edited template; new drafts use the shipped default again. */
  'decisions:resetTemplate': {
    input: z.object({ market: marketSchema, language: languageSchema }).strict(),
    output: templateSchema,
  },
  /** The decisions of a case and the one being worked on (or the last issued). */
  'decisions:forCase': {
    input: z.object({ caseId: idSchema }).strict(),
    output: z.object({ decisions: z.array(decisionSummarySchema), current: decisionViewSchema.nullable() }),
  },
  'decisions:get': {
    input: z.object({ id: idSchema }).strict(),
    output: decisionViewSchema,
  },
  /** Starts a decision from the template for the case's market in `language`, or a correction of an issued one. */
  'decisions:create': {
    input: z.object({ caseId: idSchema, language: languageSchema, correctsDecisionId: idSchema.optional() }).strict(),
    output: decisionViewSchema,
  },
  /** Autosave: a new version if nobody saved since `baseVersion`; otherwise a `conflict` error whose details hold both texts. */
  'decisions:save': {
    input: z.object({ id: idSchema, baseVersion: z.number().int().min(1), content: docSchema, panel: panelSchema }).strict(),
    output: z.object({
      id: idSchema,
      version: z.number().int(),
      savedAt: z.string(),
      mergeValues: z.record(z.string(), z.string()),
      issues: z.array(validationIssueSchema),
      renderedText: z.string(),
    }),
  },
  'decisions:versions': {
    input: z.object({ id: idSchema }).strict(),
    output: z.object({ versions: z.array(versionSummarySchema) }),
  },
  /** Two versions as text and the words changed between them. */
  'decisions:compare': {
    input: z.object({ id: idSchema, from: z.number().int().min(1), to: z.number().int().min(1) }).strict(),
    output: z.object({
      from: z.object({ version: z.number().int(), text: z.string() }),
      to: z.object({ version: z.number().int(), text: z.string() }),
      changes: z.array(z.object({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() })),
    }),
  },
  /** Makes an old version the current one, as a new version. */
  'decisions:restore': {
    input: z.object({ id: idSchema, version: z.number().int().min(1), baseVersion: z.number().int().min(1) }).strict(),
    output: decisionViewSchema,
  },
  /** Handler or ombudsman: submits a valid draft for approval. Invalid drafts are refused with every issue named. */
  'decisions:submit': {
    input: z.object({ id: idSchema, baseVersion: z.number().int().min(1) }).strict(),
    output: decisionViewSchema,
  },
  /** Ombudsman only: returns the draft to the drafter with a comment. */
  'decisions:return': {
    input: z.object({ id: idSchema, comment: noteText }).strict(),
    output: decisionViewSchema,
  },
  /** Ombudsman only, and not the person who submitted it. */
  'decisions:approve': {
    input: z.object({ id: idSchema, comment: z.string().trim().max(20_000).default('') }).strict(),
    output: decisionViewSchema,
  },
  /** Ombudsman only: signs and issues an approved decision, which then never changes. */
  'decisions:issue': {
    input: z.object({ id: idSchema }).strict(),
    output: decisionViewSchema,
  },
  /** Decided cases like this one: same category, shared claim kinds, similar words. */
  'decisions:precedents': {
    input: z.object({ caseId: idSchema, limit: z.number().int().min(1).max(50).default(10) }).strict(),
    output: z.object({ precedents: z.array(precedentSchema) }),
  },
  /** The authorities matters can be registered with (a setting; ARN, KOV, FI, IMY, DFA shipped). */
  'matters:authorities': {
    input: emptyInput,
    output: z.array(authoritySchema),
  },
  /** Ombudsman only; an authority with matters cannot be removed. */
  'settings:setAuthorities': {
    input: z.object({ authorities: z.array(authoritySchema).min(1).max(30) }).strict(),
    output: z.array(authoritySchema),
  },
  /** Matters across all cases, the most urgent first; `due: soon` is the due-soon list. */
  'matters:list': {
    input: matterListInputSchema,
    output: z.object({ rows: z.array(matterSchema), total: z.number().int(), today: z.string() }),
  },
  /** A case's matters, newest first, and main's today (the forms' default dates). */
  'matters:forCase': {
    input: z.object({ caseId: idSchema }).strict(),
    output: z.object({ rows: z.array(matterSchema), today: isoDateSchema }),
  },
  /** Registers a complaint an authority sent; appends it to the case's history. */
  'matters:register': {
    input: registerMatterInputSchema,
    output: matterSchema,
  },
  'matters:recordResponseSent': {
    input: recordResponseSentInputSchema,
    output: matterSchema,
  },
  'matters:recordOutcome': {
    input: recordOutcomeInputSchema,
    output: matterSchema,
  },
  'matters:recordCompliance': {
    input: recordComplianceInputSchema,
    output: matterSchema,
  },
  /** Yearly statistics of one authority's matters (ARN by default). */
  'matters:stats': {
    input: z.object({ year: z.number().int().min(2000).max(2100), authority: authorityCodeSchema.default('ARN') }).strict(),
    output: arnStatsSchema,
  },
  /** A matter's response to the authority, if one was started. */
  'arnResponses:forMatter': {
    input: z.object({ matterId: idSchema }).strict(),
    output: z.object({ response: arnResponseViewSchema.nullable() }),
  },
  /** Starts the response from the ARN template in `language`: a block per claim point and per question. */
  'arnResponses:create': {
    input: z.object({ matterId: idSchema, language: languageSchema }).strict(),
    output: arnResponseViewSchema,
  },
  /** Autosave: a new version if nobody saved since `baseVersion`, with the checks run again. */
  'arnResponses:save': {
    input: saveResponseInputSchema,
    output: z.object({
      id: idSchema,
      version: z.number().int(),
      savedAt: z.string(),
      mergeValues: z.record(z.string(), z.string()),
      issues: z.array(responseIssueSchema),
      renderedText: z.string(),
    }),
  },
  /** Handler or ombudsman: submits a response that passes every check for approval. */
  'arnResponses:submit': {
    input: z.object({ id: idSchema, baseVersion: z.number().int().min(1) }).strict(),
    output: arnResponseViewSchema,
  },
  /** Ombudsman only: returns the response with a comment. */
  'arnResponses:return': {
    input: z.object({ id: idSchema, comment: noteText }).strict(),
    output: arnResponseViewSchema,
  },
  /** Ombudsman only, and not the person who submitted it. */
  'arnResponses:approve': {
    input: z.object({ id: idSchema, comment: z.string().trim().max(20_000).default('') }).strict(),
    output: arnResponseViewSchema,
  },
  /** Freezes the response (approved first when four eyes are on): text, SHA-256, who, when. */
  'arnResponses:finalise': {
    input: z.object({ id: idSchema, baseVersion: z.number().int().min(1) }).strict(),
    output: arnResponseViewSchema,
  },
  /** The finalised response as the ARN package (PDF with exhibits) or the response alone as DOCX; booked with its SHA-256. */
  'arnResponses:export': {
    input: exportResponseInputSchema,
    output: exportResponseOutputSchema,
  },
  /** Ombudsman only: whether ARN responses need a second person's approval (default on). */
  'settings:setArnFourEyes': {
    input: z.object({ enabled: z.boolean() }).strict(),
    output: z.object({ fourEyes: z.boolean() }),
  },
  /** The deadline rules per market (lengths in business days), the shipped defaults, and recompute progress. */
  'settings:deadlinePolicies': {
    input: emptyInput,
    output: deadlinePolicyViewSchema,
  },
  /** Ombudsman only. `baseRevision` is the revision edited, so a concurrent change is refused, not lost. */
  'settings:setDeadlinePolicies': {
    input: z.object({ policies: deadlinePoliciesSchema, baseRevision: z.number().int().min(0) }).strict(),
    output: deadlinePolicyViewSchema,
  },
  /**
   * Starts importing a file the user handed over (see the harness upload endpoint; in Electron the
   * main process's own file dialog). Returns at once; poll `import:status`.
   */
  'import:start': {
    input: z
      .object({
        uploadId: uploadIdSchema,
        kind: importKindSchema,
        /** Cases: store the valid cases and report the rejected lines (default all or nothing). */
        partial: z.boolean().default(false),
        /** Monthly figures: overwrite months already stored. */
        replace: z.boolean().default(false),
      })
      .strict(),
    output: z.object({ runId: z.string() }),
  },
  /** Progress and, once done, the result of an import started by the same user. */
  'import:status': {
    input: z.object({ runId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be an import id') }).strict(),
    output: importRunSchema,
  },
  /**
   * Exports the case's decision letter: the latest issued one, or with `draft` the current draft
   * marked UTKAST/UDKAST/DRAFT on every page. Main chooses where the file goes (Electron: its save
   * dialog; the harness: the exports folder), renders off the main thread and books the export
   * with its SHA-256. Returns at once; poll `exports:status`. `jobId` is null when the user
   * cancelled the save dialog. Handlers and the ombudsman; an auditor is read-only.
   */
  'exports:start': {
    input: z.object({ caseId: idSchema, kind: z.literal('decision'), format: exportFormatSchema, draft: z.boolean().default(false) }).strict(),
    output: z.object({ jobId: z.string().nullable() }),
  },
  /** Progress of an export job started by the same user and, once done, the file it wrote. */
  'exports:status': {
    input: z.object({ jobId: exportJobIdSchema }).strict(),
    output: exportJobSchema,
  },
  /** The case's exports, newest first, each with whether (when, how) it was marked as sent; `today` in the case's market. */
  'exports:list': {
    input: z.object({ caseId: idSchema }).strict(),
    output: z.object({ exports: z.array(caseExportSchema), today: isoDateSchema }),
  },
  /**
   * Records that an exported (final, not draft) letter was sent: on `date` (the market's calendar,
   * not in the future) by `channel`. Appends `letter_sent`, which the deadline clocks read.
   */
  'exports:markSent': {
    input: z.object({ caseId: idSchema, exportId: idSchema, date: isoDateSchema, channel: sendChannelSchema }).strict(),
    output: z.object({ eventId: idSchema }),
  },
  /** Shows an exported file in the OS file manager (Electron); `shown` false means: show `path` to copy. */
  'exports:showInFolder': {
    input: z.object({ caseId: idSchema, exportId: idSchema }).strict(),
    output: z.object({ path: z.string(), exists: z.boolean(), shown: z.boolean() }),
  },
  /** The send settings the case's mail buttons need: offices per market, the server (never its password), whether "Skicka" can work. */
  'mail:settings': {
    input: z.object({}).strict(),
    output: mailSettingsViewSchema,
  },
  /**
   * The ombudsman sets the offices' From addresses, the SMTP server, DOCX beside the PDF and the
   * attachment limit. `password` goes to the OS keychain (desktop app only; null removes it);
   * elsewhere the server and CLI read $OMBUD_SMTP_PASSWORD.
   */
  'mail:setSettings': {
    input: z
      .object({
        offices: mailOfficesSchema.optional(),
        smtp: smtpSettingsSchema.nullable().optional(),
        password: z.string().min(1).max(1000).nullable().optional(),
        attachDocx: z.boolean().optional(),
        maxAttachmentBytes: z.number().int().min(1024).max(100 * 1024 * 1024).optional(),
      })
      .strict(),
    output: mailSettingsViewSchema,
  },
  /**
   * "Öppna i e-postprogrammet": the issued decision as a ready mail draft (`X-Unsent: 1`, the letter
   * as PDF attached), written to the exports folder and filed in the case. An export job (poll
   * `exports:status`; the harness downloads it). `recipient` null: the case has no e-mail address
   * and the draft has no To. An invalid address or too large an attachment is refused with
   * `details.mail` naming why.
   */
  'mail:draft': {
    input: z.object({ caseId: idSchema, letter: z.literal('decision') }).strict(),
    output: z.object({ jobId: z.string(), recipient: z.string().nullable(), opensInMailProgram: z.boolean() }),
  },
  /**
   * "Skicka": the same message through the office's SMTP server, filed in the case as sent with its
   * Message-ID (`letter_sent`, channel email). A failure leaves the case unchanged; `details.mail` says why.
   */
  'mail:send': {
    input: z.object({ caseId: idSchema, letter: z.literal('decision') }).strict(),
    output: z.object({ exportId: idSchema, eventId: idSchema, messageId: z.string(), recipient: z.string(), sha256: z.string() }),
  },
  /** One page of the audit log, newest first, filtered by case, user and period (auditor, ombudsman). */
  'audit:list': {
    input: auditListInputSchema,
    output: z.object({ rows: z.array(auditRowSchema), total: z.number().int() }),
  },
  /** The filtered audit log as CSV, oldest first; the export is itself an audit row (auditor, ombudsman). */
  'audit:export': {
    input: auditFilterSchema,
    output: z.object({ fileName: z.string(), csv: z.string(), rows: z.number().int() }),
  },
  /** The backup schedule, the backups folder and the backups in it, newest first (ombudsman). */
  'backups:status': {
    input: emptyInput,
    output: z.object({ schedule: backupScheduleSchema, folder: z.string(), backups: z.array(backupFileSchema), nextDueAt: z.string().nullable() }),
  },
  /** Takes a backup now, copied in a worker thread while the app goes on working (ombudsman). */
  'backups:run': {
    input: emptyInput,
    output: backupFileSchema,
  },
  /** Changes how often the app backs up and how many scheduled backups it keeps (ombudsman). */
  'backups:setSchedule': {
    input: backupScheduleSchema,
    output: z.object({ schedule: backupScheduleSchema, folder: z.string(), backups: z.array(backupFileSchema), nextDueAt: z.string().nullable() }),
  },
  /**
   * Whether the store failed its start check, why, and the latest backup that passes its own
   * check. Answered without a session: when the store is damaged nobody can sign in.
   */
  'recovery:status': {
    input: emptyInput,
    output: recoveryStatusSchema,
  },
  /** Replaces a damaged store with one of its own backups (by file name); the damaged file is kept beside. */
  'recovery:restore': {
    input: z.object({ fileName: z.string().min(1).max(300).regex(/^[^/\\]+$/, 'must be a file name, not a path') }).strict(),
    output: z.object({ restoredFrom: z.string(), schemaVersion: z.number().int(), previous: z.string().nullable() }),
  },
  /** The retention rules and the cases they would anonymise today (a dry run that logs nothing) (ombudsman). */
  'retention:get': {
    input: emptyInput,
    output: retentionOverviewSchema,
  },
  /** Changes the retention rules and whether they run daily by themselves (ombudsman). */
  'retention:setRules': {
    input: retentionRulesSchema,
    output: retentionOverviewSchema,
  },
  /** Runs retention now; with dryRun only lists and logs what it would do (ombudsman). */
  'retention:run': {
    input: z.object({ dryRun: z.boolean() }).strict(),
    output: z.object({ runId: idSchema, dryRun: z.boolean(), anonymised: z.number().int(), cases: z.array(retentionItemSchema), total: z.number().int() }),
  },
  /**
   * The zero-complaints measure of one market or (market null) all markets: per month complaints to
   * customer service plus authority matters per one million purchases, and the year rows of the
   * published table. Months without figures are null, never 0.
   */
  'stats:zeroComplaints': {
    input: z.object({ market: scopeSchema.default(null) }).strict(),
    output: zeroScopeSchema,
  },
  /** Category and red-flag counts per month over `window` months ending with `month` (default this month). */
  'stats:causes': {
    input: z.object({ market: scopeSchema.default(null), month: monthSchema.optional(), window: z.number().int().min(4).max(36).default(12) }).strict(),
    output: causesSchema,
  },
  /** The cases behind a cause's count in the given months, newest first (at most 500; `truncated` says when there are more). */
  'stats:causeCases': {
    input: z.object({ cause: causeSchema, months: z.array(monthSchema).min(1).max(36), market: scopeSchema.default(null) }).strict(),
    output: z.object({ rows: z.array(causeCaseSchema), truncated: z.boolean() }),
  },
  /** Review notes of the months from..to; with a market, its notes and those for all markets. `today` is main's (the form's default date). */
  'stats:reviewNotes': {
    input: z.object({ from: monthSchema, to: monthSchema, market: scopeSchema.default(null) }).strict(),
    output: z.object({ notes: z.array(reviewNoteSchema), today: isoDateSchema }),
  },
  /** Records what was changed in response to a cause (append-only, audited). */
  'stats:addReviewNote': {
    input: addReviewNoteInputSchema,
    output: reviewNoteSchema,
  },
  /** The complaints register's business-day figures per market for the cases received in `year`. */
  'stats:registerFigures': {
    input: z.object({ year: yearSchema, market: scopeSchema.default(null) }).strict(),
    output: z.object({ year: z.number().int(), asOf: isoDateSchema, cases: z.number().int(), figures: z.array(registerFiguresSchema) }),
  },
  /** The complaints register as CSV or a PDF report (base64), booked in the audit log. */
  'stats:exportRegister': {
    input: z.object({ year: yearSchema, market: scopeSchema.default(null), format: registerFormatSchema, language: languageSchema.default('sv') }).strict(),
    output: z.object({ fileName: z.string(), mediaType: z.string(), base64: z.string(), cases: z.number().int() }),
  },
} as const satisfies Record<Channel, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;
