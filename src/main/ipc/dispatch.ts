import type { z } from 'zod';
import { CHANNELS, isPublicChannel, type Channel } from '../../shared/ipc/channels';
import { contract, type ChannelOutput } from '../../shared/ipc/contract';
import { CHANNEL_ACCESS } from '../../shared/ipc/roles';
import type { Role } from '../../shared/domain/case';
import { findIllFormedString, ILL_FORMED_MESSAGE } from '../../shared/domain/unicode';
import type { Result } from '../../shared/ipc/result';
import { StoreError } from '../db/errors';
import type { SessionContext } from '../services/context';
import { inputRefusal, ServiceError } from '../services/errors';
import { handlers } from './handlers';

export interface DispatchOptions {
  /** Also check what main sends back against the contract (tests turn this on). */
  validateOutput?: boolean;
  /** Where unexpected errors are reported; never the renderer, which gets a generic message. */
  onInternalError?: (channel: string, error: unknown) => void;
}

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && (CHANNELS as readonly string[]).includes(name);
}

/** Names the first problems zod found, with the path of each, e.g. `limit: must be at most 500`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'input'}: ${issue.message}`)
    .join('; ');
}

const ROLE_NAMES: Record<Role, string> = { ombudsman: 'the ombudsman', handler: 'a handler', auditor: 'an auditor' };

/** "the ombudsman", "the ombudsman or a handler": who the role table lets through, for a refusal. */
function whoMay(roles: readonly Role[]): string {
  return roles.length === 0 ? 'nobody' : roles.map((r) => ROLE_NAMES[r]).join(' or ');
}

/** The worded reason for a role refusal, from who the table lets through. */
function roleReason(roles: readonly Role[]): 'role.ombudsmanOnly' | 'role.auditorOrOmbudsman' | 'role.auditorReadOnly' {
  if (roles.includes('auditor')) return 'role.auditorOrOmbudsman';
  if (roles.includes('handler')) return 'role.auditorReadOnly';
  return 'role.ombudsmanOnly';
}

/**
 * The single entry for every transport: validates the untrusted input against the contract,
 * runs the handler, and turns every outcome into a Result. Nothing is written when the input is
 * refused, because the handler never runs.
 */
export async function dispatch<C extends Channel>(
  ctx: SessionContext,
  channel: C,
  rawInput: unknown,
  options?: DispatchOptions,
): Promise<Result<ChannelOutput<C>>>;
export async function dispatch(ctx: SessionContext, channel: unknown, rawInput: unknown, options?: DispatchOptions): Promise<Result<unknown>>;
export async function dispatch(
  ctx: SessionContext,
  channel: unknown,
  rawInput: unknown,
  options: DispatchOptions = {},
): Promise<Result<unknown>> {
  if (!isChannel(channel)) {
    return { ok: false, error: { code: 'invalid_input', message: `Unknown channel ${JSON.stringify(String(channel)).slice(0, 80)}.` } };
  }
  const spec = contract[channel];
  const illFormed = findIllFormedString(rawInput);
  if (illFormed) {
    const field = illFormed.filter((p): p is string => typeof p === 'string').at(-1) ?? 'input';
    return {
      ok: false,
      error: { code: 'invalid_input', message: `${channel}: ${illFormed.length > 0 ? illFormed.join('.') : 'input'}: ${ILL_FORMED_MESSAGE}`, reason: 'input.field', params: { field, problem: 'format' } },
    };
  }
  const parsed = spec.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const { reason, params } = inputRefusal(parsed.error);
    return { ok: false, error: { code: 'invalid_input', message: `${channel}: ${describeIssues(parsed.error)}`, reason, params } };
  }
  if (!ctx.user && !isPublicChannel(channel)) {
    return { ok: false, error: { code: 'unauthenticated', message: `${channel}: sign in first.`, reason: 'signIn.required', params: {} } };
  }
  // The role table is the rule for every transport; services keep only the rules that depend on data.
  if (ctx.user && !CHANNEL_ACCESS[channel].roles.includes(ctx.user.role) && !isPublicChannel(channel)) {
    const roles = CHANNEL_ACCESS[channel].roles;
    return { ok: false, error: { code: 'forbidden', message: `${channel}: only ${whoMay(roles)} may do this.`, reason: roleReason(roles), params: {} } };
  }
  try {
    const handler = handlers[channel] as (ctx: SessionContext, input: unknown) => Promise<ChannelOutput<Channel>>;
    const data = await handler(ctx, parsed.data);
    if (options.validateOutput) {
      const out = spec.output.safeParse(data);
      if (!out.success) throw new Error(`${channel} returned a value outside its contract: ${describeIssues(out.error)}`);
    }
    return { ok: true, data };
  } catch (error) {
    if (error instanceof ServiceError) {
      const worded = error.reason === undefined ? {} : { reason: error.reason, params: error.params ?? {} };
      return { ok: false, error: error.details === undefined ? { code: error.code, message: error.message, ...worded } : { code: error.code, message: error.message, details: error.details, ...worded } };
    }
    if (error instanceof StoreError) return { ok: false, error: { code: 'unavailable', message: error.message } };
    options.onInternalError?.(channel, error);
    return { ok: false, error: { code: 'internal', message: `${channel} failed unexpectedly. The details are in the log.` } };
  }
}
