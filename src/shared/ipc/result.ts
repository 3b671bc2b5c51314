/** Error codes every transport carries unchanged. */
export type ErrorCode = 'invalid_input' | 'unauthenticated' | 'not_found' | 'forbidden' | 'conflict' | 'unavailable' | 'internal';

export interface RpcError {
  code: ErrorCode;
  message: string;
  /** Present when the caller needs more than a message, e.g. both texts of a decision edit conflict. */
  details?: unknown;
  /** Why, as a key the workbench words in the user's language (`src/shared/domain/refusals.ts`). */
  reason?: string;
  /** The facts that wording needs. */
  params?: Record<string, string | number>;
}

/** What every channel returns. Electron keeps only an Error's message across IPC, so errors are data. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: RpcError };
