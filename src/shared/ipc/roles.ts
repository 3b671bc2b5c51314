import type { Role } from '../domain/case';
import type { Channel } from './channels';

const ALL: readonly Role[] = ['ombudsman', 'handler', 'auditor'];
const WRITERS: readonly Role[] = ['ombudsman', 'handler'];
const OMBUDSMAN: readonly Role[] = ['ombudsman'];
const AUDIT: readonly Role[] = ['ombudsman', 'auditor'];
const NOBODY: readonly Role[] = [];

export interface ChannelAccess {
  /** Signed-in roles the service lets through; every other role gets `forbidden`. */
  roles: readonly Role[];
  /** Answered with nobody signed in (the sign-in screen, the recovery screen). */
  unauthenticated: boolean;
}

/**
 * Who may call each channel. The services enforce it (a test calls every channel as every role
 * and expects `forbidden` exactly where this table says); the renderer reads it only to avoid
 * offering what would be refused.
 */
export const CHANNEL_ACCESS = {
  'app:info': { roles: ALL, unauthenticated: true },
  'session:get': { roles: ALL, unauthenticated: true },
  'session:signIn': { roles: ALL, unauthenticated: true },
  'session:signOut': { roles: ALL, unauthenticated: true },
  // First start only: on a store with accounts it is refused to everyone, signed in or not.
  'session:setup': { roles: NOBODY, unauthenticated: true },
  'users:list': { roles: ALL, unauthenticated: false },
  'cases:counts': { roles: ALL, unauthenticated: false },
  'cases:list': { roles: ALL, unauthenticated: false },
  'cases:get': { roles: ALL, unauthenticated: false },
  'cases:setStatus': { roles: WRITERS, unauthenticated: false },
  'cases:assign': { roles: WRITERS, unauthenticated: false },
  'cases:addNote': { roles: WRITERS, unauthenticated: false },
  'cases:requestInfo': { roles: WRITERS, unauthenticated: false },
  'cases:sendHoldingReply': { roles: WRITERS, unauthenticated: false },
  // A read, but an audited one: auditors may need the number to answer an authority.
  'cases:revealPersonalNumber': { roles: ALL, unauthenticated: false },
  'search:query': { roles: ALL, unauthenticated: false },
  'attachments:get': { roles: ALL, unauthenticated: false },
  'matters:authorities': { roles: ALL, unauthenticated: false },
  'settings:setAuthorities': { roles: OMBUDSMAN, unauthenticated: false },
  'matters:list': { roles: ALL, unauthenticated: false },
  'matters:forCase': { roles: ALL, unauthenticated: false },
  'matters:register': { roles: WRITERS, unauthenticated: false },
  'matters:recordResponseSent': { roles: WRITERS, unauthenticated: false },
  'matters:recordOutcome': { roles: WRITERS, unauthenticated: false },
  'matters:recordCompliance': { roles: WRITERS, unauthenticated: false },
  'matters:stats': { roles: ALL, unauthenticated: false },
  'arnResponses:forMatter': { roles: ALL, unauthenticated: false },
  'arnResponses:create': { roles: WRITERS, unauthenticated: false },
  'arnResponses:save': { roles: WRITERS, unauthenticated: false },
  'arnResponses:submit': { roles: WRITERS, unauthenticated: false },
  // Four eyes: an approver of the submitter returns and approves (see decisions:approve); a
  // writer finalises what was approved.
  'arnResponses:return': { roles: WRITERS, unauthenticated: false },
  'arnResponses:approve': { roles: WRITERS, unauthenticated: false },
  'arnResponses:finalise': { roles: WRITERS, unauthenticated: false },
  'arnResponses:export': { roles: WRITERS, unauthenticated: false },
  'settings:setArnFourEyes': { roles: OMBUDSMAN, unauthenticated: false },
  'settings:deadlinePolicies': { roles: ALL, unauthenticated: false },
  'settings:setDeadlinePolicies': { roles: OMBUDSMAN, unauthenticated: false },
  'audit:list': { roles: AUDIT, unauthenticated: false },
  'audit:export': { roles: AUDIT, unauthenticated: false },
  'backups:status': { roles: OMBUDSMAN, unauthenticated: false },
  'backups:run': { roles: OMBUDSMAN, unauthenticated: false },
  'backups:setSchedule': { roles: OMBUDSMAN, unauthenticated: false },
  // With a damaged store nobody can sign in; these two are all the recovery screen has.
  'recovery:status': { roles: ALL, unauthenticated: true },
  'recovery:restore': { roles: ALL, unauthenticated: true },
  'retention:get': { roles: OMBUDSMAN, unauthenticated: false },
  'retention:setRules': { roles: OMBUDSMAN, unauthenticated: false },
  'retention:run': { roles: OMBUDSMAN, unauthenticated: false },
  'decisions:templates': { roles: ALL, unauthenticated: false },
  'decisions:saveTemplate': { roles: OMBUDSMAN, unauthenticated: false },
  'decisions:resetTemplate': { roles: OMBUDSMAN, unauthenticated: false },
  'decisions:forCase': { roles: ALL, unauthenticated: false },
  'decisions:get': { roles: ALL, unauthenticated: false },
  'decisions:create': { roles: WRITERS, unauthenticated: false },
  'decisions:save': { roles: WRITERS, unauthenticated: false },
  'decisions:versions': { roles: ALL, unauthenticated: false },
  'decisions:compare': { roles: ALL, unauthenticated: false },
  'decisions:restore': { roles: WRITERS, unauthenticated: false },
  'decisions:submit': { roles: WRITERS, unauthenticated: false },
  // Four eyes: an approver of the submitter returns and approves (the ombudsman, or for the
  // ombudsman's own drafts the deputy named in `settings:setApprovers`, who may be a handler);
  // the service checks who submitted. Only the ombudsman signs.
  'decisions:return': { roles: WRITERS, unauthenticated: false },
  'decisions:approve': { roles: WRITERS, unauthenticated: false },
  'decisions:issue': { roles: OMBUDSMAN, unauthenticated: false },
  'decisions:precedents': { roles: ALL, unauthenticated: false },
  'import:start': { roles: WRITERS, unauthenticated: false },
  // A run is visible to the user who started it; anyone else gets not_found, never its result.
  'import:status': { roles: ALL, unauthenticated: false },
  'stats:zeroComplaints': { roles: ALL, unauthenticated: false },
  'stats:causes': { roles: ALL, unauthenticated: false },
  'stats:causeCases': { roles: ALL, unauthenticated: false },
  'stats:reviewNotes': { roles: ALL, unauthenticated: false },
  // The complaints officer (the auditor role) reports what was changed; notes touch no case.
  'stats:addReviewNote': { roles: ALL, unauthenticated: false },
  'stats:registerFigures': { roles: ALL, unauthenticated: false },
  'stats:exportRegister': { roles: ALL, unauthenticated: false },
  // Letters leave the company only through a handler or the ombudsman; an auditor reads the list.
  'exports:start': { roles: WRITERS, unauthenticated: false },
  'exports:status': { roles: WRITERS, unauthenticated: false },
  'exports:list': { roles: ALL, unauthenticated: false },
  'exports:markSent': { roles: WRITERS, unauthenticated: false },
  'exports:showInFolder': { roles: WRITERS, unauthenticated: false },
  'mail:settings': { roles: ALL, unauthenticated: false },
  'mail:setSettings': { roles: OMBUDSMAN, unauthenticated: false },
  'mail:draft': { roles: WRITERS, unauthenticated: false },
  'mail:send': { roles: WRITERS, unauthenticated: false },
  // "Att godkänna": what waits for the caller's approval; who would approve the caller's drafts.
  'review:queue': { roles: WRITERS, unauthenticated: false },
  'review:approvers': { roles: WRITERS, unauthenticated: false },
  'settings:approvers': { roles: WRITERS, unauthenticated: false },
  'settings:setApprovers': { roles: OMBUDSMAN, unauthenticated: false },
} as const satisfies Record<Channel, ChannelAccess>;

export function mayCall(channel: Channel, role: Role): boolean {
  return (CHANNEL_ACCESS[channel].roles as readonly Role[]).includes(role);
}
