/**
 * A store file that this app must not open, or (`backup_failed`) could not copy; the message says
 * why and what to do.
 */
export class StoreError extends Error {
  constructor(
    readonly code: 'not_ombud' | 'too_new' | 'outdated' | 'unreadable' | 'missing' | 'damaged' | 'backup_failed',
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}
