import { z } from 'zod';
import type { Role } from './case';

/**
 * One review workflow for everything that needs four eyes: a final decision and an ARN response.
 * The statuses, the steps between them and who may take each step are this table; the services
 * (`src/main/services/review.service.ts`) enforce it and the screens read it to offer only what
 * would be accepted. Each subject ends in its own frozen status: a decision is issued, an ARN
 * response is finalised.
 */
export const REVIEW_SUBJECTS = ['decision', 'arn_response'] as const;
export type ReviewSubject = (typeof REVIEW_SUBJECTS)[number];
export const reviewSubjectSchema = z.enum(REVIEW_SUBJECTS);

export const FINAL_STATUS = { decision: 'issued', arn_response: 'finalised' } as const satisfies Record<ReviewSubject, string>;

export type ReviewStatus = 'draft' | 'submitted' | 'returned' | 'approved' | 'issued' | 'finalised';

/** The review steps that change the status (creating, freezing and restoring are the subject's own). */
export const REVIEW_STEPS = ['submitted', 'returned', 'approved'] as const;
export type ReviewStepAction = (typeof REVIEW_STEPS)[number];

/** Who takes a step: the author's side (any writer) or an approver of the submitter (see `mayApprove`). */
export type StepActor = 'writer' | 'approver';

export const REVIEW_TRANSITIONS: Record<ReviewStepAction, { from: readonly ReviewStatus[]; to: ReviewStatus; by: StepActor }> = {
  submitted: { from: ['draft', 'returned'], to: 'submitted', by: 'writer' },
  returned: { from: ['submitted', 'approved'], to: 'returned', by: 'approver' },
  approved: { from: ['submitted'], to: 'approved', by: 'approver' },
};

/** Drafts are edited only in these statuses; submitted and approved ones are locked for review. */
export const EDITABLE_STATUSES: readonly ReviewStatus[] = ['draft', 'returned'];

export function canTakeStep(action: ReviewStepAction, status: ReviewStatus): boolean {
  return REVIEW_TRANSITIONS[action].from.includes(status);
}

export function isEditable(status: ReviewStatus): boolean {
  return EDITABLE_STATUSES.includes(status);
}

/** Roles that may write drafts and submit them. */
export const WRITER_ROLES: readonly Role[] = ['ombudsman', 'handler'];

/**
 * Who approves whom (setting `review.approvers`): a handler's draft goes to the ombudsman (any
 * account with the role); the ombudsman's own draft goes to the named deputy (and to another
 * ombudsman, where the office has two). Nobody approves their own submission.
 */
export const approverSettingSchema = z
  .object({
    /** The person who approves the ombudsman's own drafts; null: nobody named. */
    deputyId: z.number().int().positive().nullable(),
  })
  .strict();
export type ApproverSetting = z.infer<typeof approverSettingSchema>;
export const DEFAULT_APPROVER_SETTING: ApproverSetting = { deputyId: null };

export interface Person {
  id: number;
  role: Role;
  active: boolean;
}

/** Whether `approver` may approve (or return) what `submitter` submitted. */
export function mayApprove(approver: Person, submitter: Person, setting: ApproverSetting): boolean {
  if (approver.id === submitter.id || !approver.active || approver.role === 'auditor') return false;
  if (submitter.role === 'ombudsman') return approver.role === 'ombudsman' || approver.id === setting.deputyId;
  return approver.role === 'ombudsman';
}

/** Everyone among `people` who may approve what `submitter` submits. */
export function approversOf<P extends Person>(people: readonly P[], submitter: Person, setting: ApproverSetting): P[] {
  return people.filter((p) => mayApprove(p, submitter, setting));
}

/** Why nobody can approve a submission: the coded reason the screen words in its language. */
export type NoApproverReason = 'no_ombudsman' | 'no_deputy';

export function noApproverReason(submitter: Pick<Person, 'role'>): NoApproverReason {
  return submitter.role === 'ombudsman' ? 'no_deputy' : 'no_ombudsman';
}
