import type { ErrorCode } from '../ipc/result';

/**
 * Every refusal a service can give, by reason: its transport code and the names of the facts
 * (params) the workbench needs to word it. The English `message` beside it stays for logs and the
 * CLI; the renderer words the reason in the user's language (`refusal.<reason>` in the i18n files,
 * see `src/renderer/lib/refusalText.ts`). A unit test keeps this table, the wordings in sv/da/en
 * and their placeholders equal.
 *
 * Param names carry their meaning for the renderer: `status`, `from`, `to` are case statuses,
 * `decisionStatus` and `responseStatus` the review states, `market`, `language`, `role`, `outcome`
 * and `step` are codes it translates, `field` an input field; a value shaped YYYY-MM-DD is a
 * calendar date and an ISO instant a time, both written the reader's way.
 */
export const REFUSALS = {
  'record.notFound': { code: 'not_found', params: [] },
  'role.auditorReadOnly': { code: 'forbidden', params: [] },
  'role.ombudsmanOnly': { code: 'forbidden', params: [] },
  'role.auditorOrOmbudsman': { code: 'forbidden', params: [] },
  'review.ownSubmission': { code: 'forbidden', params: [] },
  'input.field': { code: 'invalid_input', params: ['field', 'problem'] },
  'input.amount': { code: 'invalid_input', params: ['field', 'value'] },
  'signIn.throttled': { code: 'unauthenticated', params: ['seconds'] },
  'signIn.wrong': { code: 'unauthenticated', params: [] },
  'signIn.required': { code: 'unauthenticated', params: [] },
  'password.length': { code: 'invalid_input', params: ['min', 'max'] },
  'setup.done': { code: 'forbidden', params: [] },
  'setup.usernameTaken': { code: 'conflict', params: ['username', 'role'] },
  'case.sameStatus': { code: 'conflict', params: ['status'] },
  'case.reopenOmbudsmanOnly': { code: 'forbidden', params: [] },
  'case.transition': { code: 'conflict', params: ['from', 'to'] },
  'case.reasonNeeded': { code: 'invalid_input', params: [] },
  'case.sameAssignee': { code: 'conflict', params: [] },
  'case.assigneeUnknown': { code: 'invalid_input', params: [] },
  'case.assigneeAuditor': { code: 'invalid_input', params: [] },
  'case.cannotWait': { code: 'conflict', params: ['status'] },
  'holding.tooLate': { code: 'invalid_input', params: ['date', 'businessDays'] },
  'holding.noDeadline': { code: 'conflict', params: ['market'] },
  'holding.past': { code: 'invalid_input', params: [] },
  'holding.decisionIssued': { code: 'conflict', params: [] },
  'decision.draftExists': { code: 'conflict', params: ['caseNumber'] },
  'decision.caseClosed': { code: 'conflict', params: ['caseNumber'] },
  'decision.correctsOther': { code: 'invalid_input', params: ['decisionId'] },
  'decision.correctNotIssued': { code: 'conflict', params: ['decisionId'] },
  'decision.correctInstead': { code: 'conflict', params: ['caseNumber'] },
  'decision.noTemplate': { code: 'invalid_input', params: ['market', 'language'] },
  'decision.issuedFrozen': { code: 'conflict', params: ['decisionId'] },
  'decision.lockedForReview': { code: 'conflict', params: ['decisionId', 'decisionStatus'] },
  'decision.editConflict': { code: 'conflict', params: ['name', 'version', 'at'] },
  'decision.notValid': { code: 'invalid_input', params: ['step'] },
  'decision.notSubmittable': { code: 'conflict', params: ['decisionId', 'decisionStatus'] },
  'decision.notReturnable': { code: 'conflict', params: ['decisionId', 'decisionStatus'] },
  'decision.notApprovable': { code: 'conflict', params: ['decisionId', 'decisionStatus'] },
  'decision.alreadyIssued': { code: 'conflict', params: ['decisionId'] },
  'decision.notApproved': { code: 'conflict', params: ['decisionId', 'decisionStatus'] },
  'decision.impartiality': { code: 'forbidden', params: ['actor'] },
  'subject.badPersonalNumber': { code: 'invalid_input', params: ['masked'] },
  'subject.none': { code: 'not_found', params: ['masked'] },
  'deadlineRules.changed': { code: 'conflict', params: ['name', 'at'] },
  'audit.tooMany': { code: 'invalid_input', params: ['count', 'max'] },
  'template.notValid': { code: 'invalid_input', params: ['market', 'language'] },
  'template.notShipped': { code: 'not_found', params: ['market', 'language'] },
  'authorities.duplicate': { code: 'invalid_input', params: ['authority'] },
  'authorities.inUse': { code: 'conflict', params: ['authorities'] },
  'matter.unknownAuthority': { code: 'invalid_input', params: ['authority'] },
  'matter.receivedInFuture': { code: 'invalid_input', params: [] },
  'matter.dueBeforeReceived': { code: 'invalid_input', params: [] },
  'matter.exists': { code: 'conflict', params: ['authority', 'reference'] },
  'matter.responseRecorded': { code: 'conflict', params: ['authority', 'reference'] },
  'matter.sentOnRange': { code: 'invalid_input', params: [] },
  'matter.outcomeRecorded': { code: 'conflict', params: ['authority', 'reference', 'outcome'] },
  'matter.decidedOnRange': { code: 'invalid_input', params: [] },
  'matter.recommendationNeeded': { code: 'invalid_input', params: [] },
  'matter.noRecommendation': { code: 'conflict', params: ['authority', 'reference'] },
  'matter.complianceRecorded': { code: 'conflict', params: ['authority', 'reference'] },
  'matter.compliedOnNeeded': { code: 'invalid_input', params: [] },
  'matter.compliedOnRange': { code: 'invalid_input', params: [] },
  'matter.notOfCase': { code: 'not_found', params: [] },
  'export.badHash': { code: 'invalid_input', params: [] },
  'export.notFinished': { code: 'conflict', params: [] },
  'export.pathUnknown': { code: 'not_found', params: [] },
  'letter.sentInFuture': { code: 'invalid_input', params: ['date'] },
  'letter.exportUnknown': { code: 'not_found', params: [] },
  'letter.draftNotSendable': { code: 'conflict', params: [] },
  'letter.alreadySent': { code: 'conflict', params: [] },
  'letter.noDraft': { code: 'not_found', params: [] },
  'letter.noIssued': { code: 'not_found', params: [] },
  'letter.cannotBuild': { code: 'invalid_input', params: ['caseNumber'] },
  'response.notFinalised': { code: 'conflict', params: ['responseStatus'] },
  'response.noneFinalised': { code: 'not_found', params: [] },
  'response.chooseMatter': { code: 'invalid_input', params: ['count'] },
  'response.exists': { code: 'conflict', params: ['authority', 'reference'] },
  'response.finalisedFrozen': { code: 'conflict', params: [] },
  'response.lockedForReview': { code: 'conflict', params: ['responseStatus'] },
  'response.pointCount': { code: 'invalid_input', params: ['expected', 'got'] },
  'response.answerCount': { code: 'invalid_input', params: ['expected', 'got'] },
  'response.editConflict': { code: 'conflict', params: ['version', 'at'] },
  'response.changed': { code: 'conflict', params: ['version'] },
  'response.notValid': { code: 'invalid_input', params: ['step'] },
  'response.notSubmittable': { code: 'conflict', params: ['responseStatus'] },
  'response.notReturnable': { code: 'conflict', params: ['responseStatus'] },
  'response.notApprovable': { code: 'conflict', params: ['responseStatus'] },
  'response.alreadyFinalised': { code: 'conflict', params: [] },
  'response.needsApproval': { code: 'conflict', params: ['responseStatus'] },
  'response.notFinalisable': { code: 'conflict', params: ['responseStatus'] },
  'period.reversed': { code: 'invalid_input', params: ['from', 'to'] },
  'reviewNote.futureMonth': { code: 'invalid_input', params: ['month'] },
  'reviewNote.futureDay': { code: 'invalid_input', params: ['date'] },
  'backup.sameSecond': { code: 'conflict', params: [] },
  'backup.notFound': { code: 'not_found', params: ['file'] },
  'recovery.notDamaged': { code: 'conflict', params: [] },
  'search.noTerms': { code: 'invalid_input', params: [] },
  'import.noFile': { code: 'invalid_input', params: ['file'] },
  'import.notAFile': { code: 'invalid_input', params: ['file'] },
  'import.monthlyHeader': { code: 'invalid_input', params: ['columns'] },
} as const satisfies Record<string, { code: ErrorCode; params: readonly string[] }>;

export type Reason = keyof typeof REFUSALS;
export type RefusalParams = Record<string, string | number>;
type ParamsOf<R extends Reason> = Record<(typeof REFUSALS)[R]['params'][number], string | number>;

/** A reason and its facts: what the renderer words. */
export interface Refusal {
  readonly code: ErrorCode;
  readonly reason: Reason;
  readonly params: RefusalParams;
}

/** `refusal('decision.caseClosed', { caseNumber })`: the code comes from the table. */
export function refusal<R extends Reason>(reason: R, ...params: (typeof REFUSALS)[R]['params'] extends readonly [] ? [] : [ParamsOf<R>]): Refusal {
  return { code: REFUSALS[reason].code, reason, params: (params[0] ?? {}) as RefusalParams };
}

export function isReason(value: unknown): value is Reason {
  return typeof value === 'string' && Object.hasOwn(REFUSALS, value);
}

/** What a zod issue says is wrong, as a code the renderer words (`inputProblem.<problem>`). */
export type InputProblem = 'missing' | 'wrongType' | 'tooSmall' | 'tooBig' | 'format' | 'notAllowed' | 'unknownKey' | 'invalid';

interface ZodIssueLike {
  code: string;
  path: readonly PropertyKey[];
  input?: unknown;
  minimum?: unknown;
  maximum?: unknown;
}

/** Names the field of a zod issue (its last named path segment) and the problem, as params. */
export function inputIssueParams(issue: ZodIssueLike): { field: string; problem: InputProblem; limit?: number } {
  const named = issue.path.filter((p): p is string => typeof p === 'string');
  const field = named.at(-1) ?? 'input';
  const limit = (v: unknown) => (typeof v === 'number' || typeof v === 'bigint' ? Number(v) : undefined);
  switch (issue.code) {
    case 'invalid_type':
      return { field, problem: issue.input === undefined ? 'missing' : 'wrongType' };
    case 'too_small': {
      const min = limit(issue.minimum);
      return min === undefined ? { field, problem: 'tooSmall' } : { field, problem: 'tooSmall', limit: min };
    }
    case 'too_big': {
      const max = limit(issue.maximum);
      return max === undefined ? { field, problem: 'tooBig' } : { field, problem: 'tooBig', limit: max };
    }
    case 'invalid_format':
    case 'invalid_string':
      return { field, problem: 'format' };
    case 'invalid_value':
    case 'invalid_enum_value':
    case 'invalid_literal':
      return { field, problem: 'notAllowed' };
    case 'unrecognized_keys':
      return { field, problem: 'unknownKey' };
    default:
      return { field, problem: 'invalid' };
  }
}

/** The refusal for input zod turned down: the first problem's field and kind, worded by the renderer. */
export function inputRefusal(error: { issues: readonly ZodIssueLike[] }): Refusal {
  const first = error.issues[0];
  if (!first) return refusal('input.field', { field: 'input', problem: 'invalid' });
  const { field, problem, limit } = inputIssueParams(first);
  const r = refusal('input.field', { field, problem });
  return limit === undefined ? r : { ...r, params: { ...r.params, limit } };
}
