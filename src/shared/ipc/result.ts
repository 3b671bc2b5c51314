/** Error codes every transport carries unchanged. */
export type ErrorCode = 'invalid_input' | 'unauthenticated' | 'not_found' | 'forbidden' | 'conflict' | 'unavailable' | 'internal';

export interface RpcError {
  code: ErrorCode;
  message: string;
}

/** What every channel returns. Electron keeps only an Error's message across IPC, so errors are data. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: RpcError };
