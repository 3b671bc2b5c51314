import { refusal, type Reason, type Refusal, type RefusalParams } from '../../shared/domain/refusals';

export { inputRefusal } from '../../shared/domain/refusals';
import type { ErrorCode } from '../../shared/ipc/result';

/**
 * An expected failure a user can act on; its code and message cross every transport unchanged.
 * Built from a `refusal(reason, params)` it also carries the reason and its facts, which the
 * workbench words in the user's language; the English message stays for logs and the CLI.
 */
export class ServiceError extends Error {
  readonly code: ErrorCode;
  readonly reason?: Reason;
  readonly params?: RefusalParams;

  constructor(
    codeOrRefusal: ErrorCode | Refusal,
    message: string,
    /** Structured facts the user needs to act, e.g. both texts of an edit conflict. */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ServiceError';
    if (typeof codeOrRefusal === 'string') this.code = codeOrRefusal;
    else {
      this.code = codeOrRefusal.code;
      this.reason = codeOrRefusal.reason;
      this.params = codeOrRefusal.params;
    }
  }
}

export function notFound(what: string): ServiceError {
  return new ServiceError(refusal('record.notFound'), `${what} does not exist.`);
}
