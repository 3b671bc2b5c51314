/**
 * The channel names, with no dependencies, so the sandboxed preload can expose one function
 * per channel without bundling the schemas. A unit test keeps this list equal to the contract.
 */
export const CHANNELS = [
  'app:info',
  'session:get',
  'session:signIn',
  'session:signOut',
  'session:setup',
  'users:list',
  'cases:list',
  'cases:get',
  'cases:setStatus',
  'cases:assign',
  'cases:addNote',
  'cases:requestInfo',
  'cases:sendHoldingReply',
  'cases:revealPersonalNumber',
  'search:query',
  'attachments:get',
  'decisions:templates',
  'decisions:saveTemplate',
  'decisions:forCase',
  'decisions:get',
  'decisions:create',
  'decisions:save',
  'decisions:versions',
  'decisions:compare',
  'decisions:restore',
  'decisions:submit',
  'decisions:return',
  'decisions:approve',
  'decisions:issue',
  'decisions:precedents',
  'matters:authorities',
  'settings:setAuthorities',
  'matters:list',
  'matters:forCase',
  'matters:register',
  'matters:recordResponseSent',
  'matters:recordOutcome',
  'matters:recordCompliance',
  'matters:stats',
  'arnResponses:forMatter',
  'arnResponses:create',
  'arnResponses:save',
  'arnResponses:submit',
  'arnResponses:return',
  'arnResponses:approve',
  'arnResponses:finalise',
  'arnResponses:export',
  'settings:setArnFourEyes',
  'settings:deadlinePolicies',
  'settings:setDeadlinePolicies',
  'import:start',
  'import:status',
  'audit:list',
  'audit:export',
  'backups:status',
  'backups:run',
  'backups:setSchedule',
  'recovery:status',
  'recovery:restore',
  'retention:get',
  'retention:setRules',
  'retention:run',
] as const;
export type Channel = (typeof CHANNELS)[number];

/** Channels anyone may call before signing in; every other one needs a signed-in user. */
export const PUBLIC_CHANNELS = ['app:info', 'session:get', 'session:signIn', 'session:signOut', 'session:setup', 'recovery:status'] as const;
export type PublicChannel = (typeof PUBLIC_CHANNELS)[number];

export function isPublicChannel(channel: Channel): channel is PublicChannel {
  return (PUBLIC_CHANNELS as readonly string[]).includes(channel);
}
