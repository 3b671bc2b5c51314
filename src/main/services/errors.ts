import type { ErrorCode } from '../../shared/ipc/result';

/** An expected failure a user can act on; its code and message cross every transport unchanged. */
export class ServiceError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Structured facts the user needs to act, e.g. both texts of an edit conflict. */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

export function notFound(what: string): ServiceError {
  return new ServiceError('not_found', `${what} does not exist.`);
}
