/** A store file that this app must not open; the message says why and what to do. */
export class StoreError extends Error {
  constructor(
    readonly code: 'not_ombud' | 'too_new' | 'outdated' | 'unreadable' | 'missing' | 'damaged',
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}
