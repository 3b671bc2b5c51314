import type { ChangeKind } from '../../shared/domain/changes';
import type { Channel } from '../../shared/ipc/channels';

/**
 * What each writing channel changes, for the change notice the transport publishes after the
 * call committed. Reads publish nothing. Kept beside the contract's channel list so a new writing
 * channel is one line here; a channel missing here simply sends no notice (screens still show
 * fresh data when opened).
 */
const WRITES: Partial<Record<Channel, ChangeKind>> = {
  'session:setup': 'users',
  'cases:setStatus': 'case',
  'cases:assign': 'case',
  'cases:addNote': 'case',
  'cases:requestInfo': 'case',
  'cases:sendHoldingReply': 'case',
  'decisions:saveTemplate': 'settings',
  'decisions:resetTemplate': 'settings',
  'decisions:create': 'decision',
  'decisions:save': 'decision',
  'decisions:restore': 'decision',
  'decisions:submit': 'review',
  'decisions:return': 'review',
  'decisions:approve': 'review',
  'decisions:issue': 'decision',
  'settings:setAuthorities': 'settings',
  'matters:register': 'matter',
  'matters:recordResponseSent': 'matter',
  'matters:recordOutcome': 'matter',
  'matters:recordCompliance': 'matter',
  'arnResponses:create': 'arn_response',
  'arnResponses:save': 'arn_response',
  'arnResponses:submit': 'review',
  'arnResponses:return': 'review',
  'arnResponses:approve': 'review',
  'arnResponses:finalise': 'arn_response',
  'settings:setArnFourEyes': 'settings',
  'settings:setDeadlinePolicies': 'settings',
  'exports:markSent': 'case',
  'stats:addReviewNote': 'settings',
  'retention:run': 'case',
  'retention:setRules': 'settings',
  'backups:setSchedule': 'settings',
};

/** The notice a successful call of `channel` with `input` (and its answer) warrants, or null. */
export function noticeFor(channel: Channel, input: unknown, output: unknown): { kind: ChangeKind; caseId: number | null } | null {
  const kind = WRITES[channel];
  if (!kind) return null;
  if (channel === 'retention:run' && (input as { dryRun?: boolean }).dryRun) return null;
  return { kind, caseId: caseIdOf(channel, input, output) };
}

function caseIdOf(channel: Channel, input: unknown, output: unknown): number | null {
  const given = input as { id?: unknown; caseId?: unknown };
  if (typeof given.caseId === 'number') return given.caseId;
  if (channel.startsWith('cases:') && typeof given.id === 'number') return given.id;
  // Decisions, matters and responses answer with the row, which names its case.
  const answered = output as { caseId?: unknown; header?: { id?: unknown } } | null;
  if (answered && typeof answered.caseId === 'number') return answered.caseId;
  if (answered?.header && typeof answered.header.id === 'number') return answered.header.id;
  return null;
}
