import { useEffect, useSyncExternalStore } from 'react';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { call } from '../../lib/api';

export type ReviewQueue = ChannelOutput<'review:queue'>;
export type QueueItem = ReviewQueue['waiting'][number];

/**
 * The caller's approval queue, one copy for the whole window (the top bar's count and the
 * "Att godkänna" screen read the same). Asked again when the window regains focus, on every
 * navigation, after a review step in this window (`refreshApprovalQueue`) and every 15 s while
 * shown, until the team server's change feed pushes notices to the renderer.
 */
let current: ReviewQueue | undefined;
let failed = false;
const listeners = new Set<() => void>();
let inFlight: Promise<void> | null = null;

function emit() {
  for (const l of listeners) l();
}

export function refreshApprovalQueue(): Promise<void> {
  inFlight ??= call('review:queue', {})
    .then((q) => {
      current = q;
      failed = false;
    })
    .catch(() => {
      failed = true;
    })
    .finally(() => {
      inFlight = null;
      emit();
    });
  return inFlight;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const POLL_MS = 15_000;

export function useApprovalQueue(): { queue: ReviewQueue | undefined; failed: boolean } {
  const queue = useSyncExternalStore(subscribe, () => current);
  const isFailed = useSyncExternalStore(subscribe, () => failed);
  useEffect(() => {
    void refreshApprovalQueue();
    const again = () => void refreshApprovalQueue();
    window.addEventListener('focus', again);
    window.addEventListener('hashchange', again);
    const timer = window.setInterval(again, POLL_MS);
    return () => {
      window.removeEventListener('focus', again);
      window.removeEventListener('hashchange', again);
      window.clearInterval(timer);
    };
  }, []);
  return { queue, failed: isFailed };
}

/** The key of a queue item: a decision and a response may share an id. */
export function itemKey(item: Pick<QueueItem, 'subject' | 'id'>): string {
  return `${item.subject}:${item.id}`;
}

/** What is new since the last look: items that arrived for approval and drafts that came back. */
export function newSince(before: ReviewQueue | undefined, after: ReviewQueue): { arrived: QueueItem[]; returned: QueueItem[] } {
  if (!before) return { arrived: [], returned: [] };
  const seen = (list: QueueItem[]) => new Set(list.map((i) => `${itemKey(i)}@${i.lastAt ?? ''}`));
  const waiting = seen(before.waiting);
  const returned = seen(before.returned);
  return {
    arrived: after.waiting.filter((i) => !waiting.has(`${itemKey(i)}@${i.lastAt ?? ''}`)),
    returned: after.returned.filter((i) => !returned.has(`${itemKey(i)}@${i.lastAt ?? ''}`)),
  };
}
