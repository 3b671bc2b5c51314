import { z } from 'zod';
import type { Role } from '../../shared/domain/case';
import {
  approverSettingSchema,
  approversOf,
  canTakeStep,
  DEFAULT_APPROVER_SETTING,
  mayApprove,
  noApproverReason,
  REVIEW_TRANSITIONS,
  type ApproverSetting,
  type NoApproverReason,
  type ReviewStatus,
  type ReviewStepAction,
  type ReviewSubject,
} from '../../shared/domain/review-workflow';
import { refusal, type Refusal } from '../../shared/domain/refusals';
import type { Db } from '../db/connection';
import { appendEvent } from '../db/repositories/history.repository';
import { lastSubmitter, listReviewQueue } from '../db/repositories/review.repository';
import { readSetting, writeSetting } from '../db/repositories/settings.repository';
import { findUser } from '../db/repositories/user.repository';
import { appendAudit } from './audit.service';
import { publishChange } from './changes';
import { now, type ServiceContext } from './context';
import { notFound, ServiceError } from './errors';

/**
 * The one review workflow (four eyes) for decisions and ARN responses: the table in
 * `shared/domain/review-workflow.ts` says which step goes from which status to which and who takes
 * it; `takeReviewStep` is the one step (load, check, set status, review row, history event,
 * audit, change notice); the setting `review.approvers` says who approves whom.
 */

/** What the workflow needs to know of a subject: where its rows are and how its steps are told. */
export interface ReviewTarget<Row extends { id: number; case_id: number; status: string; version: number }> {
  subject: ReviewSubject;
  /** "Decision", "ARN response": the start of English log messages. */
  noun: string;
  load(db: Db, id: number): Promise<Row | undefined>;
  setStatus(db: Db, id: number, status: ReviewStatus): Promise<void>;
  insertReview(db: Db, row: { id: number; action: string; user_id: number; at: string; comment: string }): Promise<void>;
  /** The history event of a step, as this subject has always written it. */
  event(row: Row, action: string, extra: Record<string, unknown>): { kind: string; direction: 'internal' | 'outbound'; summary: string; data: Record<string, unknown> };
  /** `decision`, `arn_response`: audit actions are `<prefix>.<action>`. */
  auditPrefix: string;
  auditDetail(row: Row): Record<string, unknown>;
  /** The coded refusal of a step from the wrong status, worded by the renderer. */
  wrongStatus(row: Row, action: ReviewStepAction): Refusal;
}

/** Appends a step's review row, history event and audit row (for every step, freezing included). */
export async function recordReviewStep<Row extends { id: number; case_id: number; status: string; version: number }>(
  trx: Db,
  ctx: ServiceContext,
  target: ReviewTarget<Row>,
  row: Row,
  action: string,
  comment: string,
  extra: Record<string, unknown> = {},
  at = now(ctx).toISOString(),
): Promise<void> {
  await target.insertReview(trx, { id: row.id, action, user_id: ctx.user.id, at, comment });
  const event = target.event(row, action, extra);
  await appendEvent(trx, {
    case_id: row.case_id,
    occurred_at: at,
    kind: event.kind,
    source: 'internal',
    direction: event.direction,
    actor: ctx.user.name,
    actor_user_id: ctx.user.id,
    summary: event.summary,
    body: comment,
    data: JSON.stringify(event.data),
  });
  await appendAudit(trx, { at, userId: ctx.user.id, action: `${target.auditPrefix}.${action}`, caseId: row.case_id, detail: { ...target.auditDetail(row), ...extra } });
}

interface StepOptions<Row> {
  comment: string;
  /** The subject's own checks (version, validation), after the status and the approver are checked. */
  check?: (row: Row, trx: Db) => Promise<void> | void;
  /** What else the step changes in the same transaction (moving the case). */
  after?: (row: Row, trx: Db, at: string) => Promise<void>;
  /** False when the subject needs no second person (ARN responses with four eyes off). */
  fourEyes?: boolean;
}

const ARTICLE: Record<ReviewSubject, string> = { decision: 'a decision', arn_response: 'an ARN response' };
const SHORT: Record<ReviewSubject, string> = { decision: 'decision', arn_response: 'response' };

/**
 * Takes one review step in one transaction: load, check the status against the table, check the
 * person (writer, or an approver of whoever submitted it), the subject's own checks, set the
 * status, then the review row, history event and audit; after the commit, a change notice.
 */
export async function takeReviewStep<Row extends { id: number; case_id: number; status: string; version: number }>(
  ctx: ServiceContext,
  target: ReviewTarget<Row>,
  id: number,
  action: ReviewStepAction,
  options: StepOptions<Row>,
): Promise<Row> {
  if (ctx.user.role === 'auditor') throw new ServiceError(refusal('role.auditorReadOnly'), `An auditor may read ${target.noun === 'Decision' ? 'decisions' : 'ARN responses'} but not take review steps.`);
  const at = now(ctx).toISOString();
  const transition = REVIEW_TRANSITIONS[action];
  const row = await ctx.store.db.transaction().execute(async (trx) => {
    const row = await target.load(trx, id);
    if (!row) throw notFound(`${target.noun} ${id}`);
    if (transition.by === 'approver') await requireApprover(trx, ctx, target, row, action);
    if (!canTakeStep(action, row.status as ReviewStatus)) {
      const from = `a ${transition.from.join(' or ')}`;
      const wrong = target.wrongStatus(row, action);
      throw new ServiceError(refusal(wrong.reason, wrong.params as never), `${target.noun} ${row.id} is ${row.status}; only ${from} ${SHORT[target.subject]} can be ${action}.`);
    }
    if (action === 'approved') {
      const submitter = await lastSubmitter(trx, target.subject, row.id);
      if (submitter === ctx.user.id) {
        throw new ServiceError(refusal('review.ownSubmission'), `You submitted this ${SHORT[target.subject]} yourself; a second person must approve it (four eyes).`, { reason: 'own_submission' });
      }
    }
    if (action === 'submitted' && options.fourEyes !== false) {
      const approvers = await approversForSubmitter(trx, ctx.user);
      if (approvers.length === 0) {
        const reason = noApproverReason(ctx.user);
        throw new ServiceError(
          refusal(reason === 'no_deputy' ? 'review.noDeputy' : 'review.noOmbudsman'),
          reason === 'no_deputy'
            ? 'Nobody may approve your own draft: name a deputy in the settings (Approvals) before submitting.'
            : 'Nobody may approve this draft: the office has no active ombudsman.',
          { reason },
        );
      }
    }
    await options.check?.(row, trx);
    await target.setStatus(trx, row.id, transition.to);
    await recordReviewStep(trx, ctx, target, row, action, options.comment, {}, at);
    await options.after?.(row, trx, at);
    return row;
  });
  publishChange(ctx.store, { kind: target.subject, caseId: row.case_id, by: ctx.user.id });
  publishChange(ctx.store, { kind: 'review', caseId: row.case_id, by: ctx.user.id });
  return row;
}

async function requireApprover<Row extends { id: number; case_id: number; status: string; version: number }>(
  trx: Db,
  ctx: ServiceContext,
  target: ReviewTarget<Row>,
  row: Row,
  action: ReviewStepAction,
): Promise<void> {
  const submitterId = await lastSubmitter(trx, target.subject, row.id);
  const submitter = submitterId === undefined ? undefined : await findUser(trx, submitterId);
  const me = { id: ctx.user.id, role: ctx.user.role, active: true };
  // The ombudsman may always send a draft back; approving follows the approver setting.
  if (action === 'returned' && ctx.user.role === 'ombudsman') return;
  // An ombudsman approving their own submission is refused as four eyes, with that reason.
  if (submitter && submitter.id === ctx.user.id && ctx.user.role === 'ombudsman') return;
  const setting = (await loadApproverSetting(trx)).setting;
  if (submitter && mayApprove(me, { id: submitter.id, role: submitter.role as Role, active: submitter.active === 1 }, setting)) return;
  if (!submitter && ctx.user.role === 'ombudsman') return;
  const verb = action === 'approved' ? 'approve' : 'return';
  throw new ServiceError(
    refusal(submitter?.role === 'ombudsman' ? 'review.notApprover' : 'role.ombudsmanOnly'),
    submitter?.role === 'ombudsman'
      ? `Only another ombudsman or the deputy named in the settings may ${verb} the ombudsman's own ${SHORT[target.subject]}.`
      : `Only the ombudsman may ${verb} ${ARTICLE[target.subject]}.`,
  );
}

/* ---------- Who approves whom ---------- */

const APPROVERS_KEY = 'review.approvers';
const storedSchema = z.object({
  revision: z.number().int().min(1),
  setting: approverSettingSchema,
  updatedAt: z.string(),
  updatedBy: z.object({ id: z.number().int(), name: z.string() }),
});
type Stored = z.infer<typeof storedSchema>;

export async function loadApproverSetting(db: Db): Promise<{ setting: ApproverSetting; revision: number; stored: Stored | undefined }> {
  const stored = await readSetting(db, APPROVERS_KEY, storedSchema);
  return { setting: stored?.setting ?? DEFAULT_APPROVER_SETTING, revision: stored?.revision ?? 0, stored };
}

async function activePeople(db: Db) {
  const rows = await db.selectFrom('users').select(['id', 'display_name', 'role', 'active']).where('active', '=', 1).orderBy('display_name').execute();
  return rows.map((r) => ({ id: r.id, name: r.display_name, role: r.role as Role, active: r.active === 1 }));
}

async function approversForSubmitter(db: Db, submitter: { id: number; role: Role }) {
  const { setting } = await loadApproverSetting(db);
  return approversOf(await activePeople(db), { ...submitter, active: true }, setting).map((p) => ({ id: p.id, name: p.name }));
}

function requireWriter(ctx: ServiceContext): void {
  if (ctx.user.role === 'auditor') throw new ServiceError(refusal('role.auditorReadOnly'), 'An auditor takes no part in approving drafts.');
}

/** The approver setting with the deputy's name, for the settings screen. */
export async function approverSettings(ctx: ServiceContext) {
  requireWriter(ctx);
  const { setting, revision, stored } = await loadApproverSetting(ctx.store.db);
  const deputy = setting.deputyId === null ? null : await findUser(ctx.store.db, setting.deputyId);
  return {
    deputy: deputy ? { id: deputy.id, name: deputy.display_name, active: deputy.active === 1 } : null,
    revision,
    updatedAt: stored?.updatedAt ?? null,
    updatedBy: stored?.updatedBy ?? null,
  };
}

/**
 * The ombudsman names (or clears) the deputy who approves the ombudsman's own drafts. A
 * compare-and-set on the setting's revision: a change made meanwhile is answered with `conflict`
 * carrying both versions.
 */
export async function setApprovers(ctx: ServiceContext, input: { deputyId: number | null; baseRevision: number }) {
  if (ctx.user.role !== 'ombudsman') throw new ServiceError(refusal('role.ombudsmanOnly'), 'Only the ombudsman may change who approves drafts.');
  const at = now(ctx).toISOString();
  await ctx.store.db.transaction().execute(async (trx) => {
    const deputy = input.deputyId === null ? undefined : await findUser(trx, input.deputyId);
    if (input.deputyId !== null) {
      if (!deputy || deputy.active !== 1) throw new ServiceError(refusal('review.deputyInvalid'), `settings:setApprovers: deputyId: user ${input.deputyId} does not exist or is inactive`);
      if (deputy.role === 'auditor') throw new ServiceError(refusal('review.deputyInvalid'), 'settings:setApprovers: deputyId: an auditor cannot approve drafts');
    }
    const current = await loadApproverSetting(trx);
    if (current.revision !== input.baseRevision) {
      const theirDeputy = current.setting.deputyId === null ? undefined : await findUser(trx, current.setting.deputyId);
      throw new ServiceError(
        refusal('settings.changed', { name: current.stored?.updatedBy.name ?? '' }),
        `${current.stored?.updatedBy.name ?? 'Someone'} changed who approves drafts (revision ${current.revision}) after you opened revision ${input.baseRevision}; nothing of yours was written.`,
        {
          subject: 'setting',
          key: APPROVERS_KEY,
          mine: { revision: input.baseRevision, deputy: deputy ? { id: deputy.id, name: deputy.display_name } : null },
          theirs: {
            revision: current.revision,
            deputy: theirDeputy ? { id: theirDeputy.id, name: theirDeputy.display_name } : null,
            by: current.stored?.updatedBy ?? null,
            at: current.stored?.updatedAt ?? null,
          },
        },
      );
    }
    const next: Stored = { revision: current.revision + 1, setting: { deputyId: input.deputyId }, updatedAt: at, updatedBy: { id: ctx.user.id, name: ctx.user.name } };
    await writeSetting(trx, APPROVERS_KEY, next);
    await appendAudit(trx, { at, userId: ctx.user.id, action: 'settings.approvers', caseId: null, detail: { revision: next.revision, before: current.setting, after: next.setting } });
  });
  publishChange(ctx.store, { kind: 'settings', by: ctx.user.id });
  return approverSettings(ctx);
}

/** Who would approve what the caller submits now; with nobody, the coded reason. */
export async function whoApproves(ctx: ServiceContext): Promise<{ approvers: { id: number; name: string }[]; reason: NoApproverReason | null }> {
  requireWriter(ctx);
  const approvers = await approversForSubmitter(ctx.store.db, ctx.user);
  return { approvers, reason: approvers.length === 0 ? noApproverReason(ctx.user) : null };
}

/* ---------- The approval queue ---------- */

/**
 * "Att godkänna": what waits for the caller's approval (submitted by someone the caller may
 * approve), and the caller's own drafts that came back (returned by someone else).
 */
export async function reviewQueue(ctx: ServiceContext) {
  requireWriter(ctx);
  const db = ctx.store.db;
  const rows = await listReviewQueue(db);
  const people = new Map((await db.selectFrom('users').select(['id', 'role', 'active']).execute()).map((u) => [u.id, { id: u.id, role: u.role as Role, active: u.active === 1 }]));
  const { setting } = await loadApproverSetting(db);
  const me = { id: ctx.user.id, role: ctx.user.role, active: true };
  const item = (r: (typeof rows)[number]) => ({
    subject: r.subject,
    id: r.id,
    caseId: r.case_id,
    caseNumber: r.case_number,
    market: r.market as 'SE' | 'DK',
    matterId: r.matter_id,
    version: r.version,
    submittedBy: r.submitted_by === null ? null : { id: r.submitted_by, name: r.submitted_by_name ?? `#${r.submitted_by}` },
    submittedAt: r.submitted_at,
    lastBy: r.last_by === null ? null : { id: r.last_by, name: r.last_by_name ?? `#${r.last_by}` },
    lastAt: r.last_at,
    comment: r.last_comment ?? '',
  });
  const waiting = rows.filter((r) => {
    if (r.status !== 'submitted' || r.submitted_by === null) return false;
    const submitter = people.get(r.submitted_by);
    return submitter !== undefined && mayApprove(me, submitter, setting);
  });
  const returned = rows.filter((r) => r.status === 'returned' && r.submitted_by === ctx.user.id && r.last_by !== ctx.user.id);
  return { waiting: waiting.map(item), returned: returned.map(item) };
}
