import type { Channel } from '../../shared/ipc/channels';
import { contract } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';
import { StoreError } from '../db/errors';
import type { SessionContext } from '../services/context';
import { ServiceError } from '../services/errors';
import { recoveryStatus, restoreBackupByName } from '../services/recovery.service';
import { describeIssues } from './dispatch';

/** The store failed its start check: where it is, why, and how to open it again after a restore. */
export interface Recovery {
  storePath: string;
  problem: string;
  /** Opens the restored store for work, as a normal start would. */
  reopen: () => Promise<SessionContext>;
}

/**
 * Dispatch while the store is damaged: only the two recovery channels answer; everything else is
 * refused as unavailable with the reason. After a successful restore `onRestored` receives the
 * reopened context, and the transport switches back to the normal dispatch.
 */
export async function dispatchRecovery(
  recovery: Recovery,
  channel: Channel,
  rawInput: unknown,
  onRestored: (ctx: SessionContext) => void,
): Promise<Result<unknown>> {
  if (channel !== 'recovery:status' && channel !== 'recovery:restore') {
    return { ok: false, error: { code: 'unavailable', message: `The store cannot be used: ${recovery.problem}` } };
  }
  const parsed = contract[channel].input.safeParse(rawInput ?? {});
  if (!parsed.success) return { ok: false, error: { code: 'invalid_input', message: `${channel}: ${describeIssues(parsed.error)}` } };
  try {
    if (channel === 'recovery:status') return { ok: true, data: recoveryStatus(recovery.storePath, recovery.problem) };
    const result = restoreBackupByName(recovery.storePath, (parsed.data as { fileName: string }).fileName);
    onRestored(await recovery.reopen());
    return { ok: true, data: { restoredFrom: result.restoredFrom, schemaVersion: result.schemaVersion, previous: result.previous } };
  } catch (error) {
    if (error instanceof ServiceError) return { ok: false, error: { code: error.code, message: error.message, ...(error.reason === undefined ? {} : { reason: error.reason, params: error.params ?? {} }) } };
    if (error instanceof StoreError) return { ok: false, error: { code: 'unavailable', message: error.message } };
    return { ok: false, error: { code: 'internal', message: `${channel} failed: ${(error as Error).message}` } };
  }
}
