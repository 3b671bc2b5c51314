/**
 * The channel names, with no dependencies, so the sandboxed preload can expose one function
 * per channel without bundling the schemas. A unit test keeps this list equal to the contract.
 */
export const CHANNELS = [
  'app:info',
  'session:get',
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
