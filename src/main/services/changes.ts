import { EventEmitter } from 'node:events';
import type { Store } from '../db/connection';
import type { ChangeKind, ChangeNotice } from '../../shared/domain/changes';

/**
 * One change feed per open store. Services publish after their transaction commits; transports
 * (Electron IPC, the harness's and the team server's `GET /events`) subscribe and push notices
 * to every open window, tab and connection. In-process only: a second process on the same file
 * publishes to its own feed.
 */
const feeds = new WeakMap<Store, EventEmitter>();

function feedOf(store: Store): EventEmitter {
  let feed = feeds.get(store);
  if (!feed) {
    feed = new EventEmitter();
    // Every open window or connection subscribes once; an office has at most a few dozen.
    feed.setMaxListeners(0);
    feeds.set(store, feed);
  }
  return feed;
}

/** Tells every subscriber of this store that something changed. Call after the commit. */
export function publishChange(
  store: Store,
  change: { kind: ChangeKind; caseId?: number | null; by?: number | null; at?: Date },
): void {
  const notice: ChangeNotice = {
    kind: change.kind,
    caseId: change.caseId ?? null,
    by: change.by ?? null,
    at: (change.at ?? new Date()).toISOString(),
  };
  feedOf(store).emit('change', notice);
}

/** Calls `listener` for every change of this store until the returned function is called. */
export function subscribeChanges(store: Store, listener: (notice: ChangeNotice) => void): () => void {
  const feed = feedOf(store);
  feed.on('change', listener);
  return () => {
    feed.off('change', listener);
  };
}
