import { useCallback, useEffect, useState } from 'react';
import type { Channel } from '../../shared/ipc/channels';
import type { ChannelInput, ChannelOutput } from '../../shared/ipc/contract';
import type { ChangeNotice } from '../../shared/domain/changes';
import { call, RpcFailure } from './api';
import { onChange } from './changes';

export interface CallState<T> {
  data: T | undefined;
  error: RpcFailure | undefined;
  loading: boolean;
  reload: () => void;
}

/** Wraps anything thrown into an RpcFailure so error states can always show a code and a message. */
export function asRpcFailure(error: unknown): RpcFailure {
  if (error instanceof RpcFailure) return error;
  return new RpcFailure('unknown', error instanceof Error ? error.message : String(error));
}

/** Calls started before the first render, by channel and input, each handed to one useCall. */
const started = new Map<string, Promise<unknown>>();

/**
 * Starts a call now, before React renders, for a useCall that will ask for exactly this later.
 * The start's calls (store check, session, app info) then travel together instead of each waiting
 * for the component that needs it to mount. A started call that fails is asked again by its
 * useCall: the recovery screen, for one, answers session calls only after a restore.
 */
export function startCall<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const key = `${channel}|${JSON.stringify(input)}`;
  let promise = started.get(key) as Promise<ChannelOutput<C>> | undefined;
  if (!promise) {
    promise = call(channel, input);
    // Whoever takes it handles its failure; until then it is not an unhandled rejection.
    promise.catch(() => undefined);
    started.set(key, promise);
  }
  return promise;
}

/** `call`, or the same call already started by startCall (taken once); a failed start is asked again. */
export function callOrStarted<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const fresh = () => call(channel, input);
  return takeStarted(channel, JSON.stringify(input))?.catch(fresh) ?? fresh();
}

function takeStarted<C extends Channel>(channel: C, key: string): Promise<ChannelOutput<C>> | undefined {
  const id = `${channel}|${key}`;
  const promise = started.get(id);
  started.delete(id);
  return promise as Promise<ChannelOutput<C>> | undefined;
}

/** Lists and counts: any write to cases may change them. */
const LIST_CHANNELS = new Set<Channel>(['cases:list', 'cases:counts', 'search:query', 'matters:list', 'exports:list']);
/** One case's views: refreshed when a notice names that case. */
const CASE_CHANNELS = new Set<Channel>(['cases:get', 'decisions:forCase', 'matters:forCase']);

/**
 * Whether a change notice may have changed what `channel` with `input` shows. Editors (drafts)
 * are never refreshed under the person typing; their conflicts come from the revision check.
 */
export function affectedBy(channel: Channel, input: unknown, notice: ChangeNotice): boolean {
  if (notice.kind === 'presence' || notice.kind === 'users') return false;
  if (LIST_CHANNELS.has(channel)) return true;
  if (CASE_CHANNELS.has(channel)) {
    if (notice.kind === 'import') return true;
    const given = input as { id?: unknown; caseId?: unknown };
    const caseId = channel === 'cases:get' ? given.id : given.caseId;
    return notice.caseId !== null && notice.caseId === caseId;
  }
  return false;
}

/** Notices arriving together (an import, a burst of saves) cause one refresh, this long after the first. */
const REFRESH_COALESCE_MS = 150;

/**
 * Calls a channel whenever its input changes (compared by value) and keeps the answer. An answer
 * that arrives after the input moved on is dropped, so fast navigation never shows the wrong case.
 * `null` input means "nothing to fetch".
 */
export function useCall<C extends Channel>(channel: C, input: ChannelInput<C> | null): CallState<ChannelOutput<C>> {
  const key = input === null ? '' : JSON.stringify(input);
  const [attempt, setAttempt] = useState(0);
  const request = `${channel}|${attempt}|${key}`;
  const [answer, setAnswer] = useState<{ request: string; data?: ChannelOutput<C>; error?: RpcFailure } | null>(null);

  useEffect(() => {
    if (key === '') return;
    let live = true;
    callOrStarted(channel, JSON.parse(key) as ChannelInput<C>).then(
      (data) => {
        if (live) setAnswer({ request, data });
      },
      (error: unknown) => {
        if (live) setAnswer({ request, error: asRpcFailure(error) });
      },
    );
    return () => {
      live = false;
    };
  }, [channel, key, request]);

  // Live refresh: a colleague's change to what this view shows is fetched again quietly (the
  // old answer stays on screen until the new one arrives, so nothing flickers or loses focus).
  useEffect(() => {
    if (key === '' || (!LIST_CHANNELS.has(channel) && !CASE_CHANNELS.has(channel))) return;
    const parsed = JSON.parse(key) as ChannelInput<C>;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const stop = onChange((notice) => {
      if (timer !== null || !affectedBy(channel, parsed, notice)) return;
      timer = setTimeout(() => {
        timer = null;
        call(channel, parsed).then(
          (data) => {
            if (live) setAnswer((previous) => (previous?.request === request ? { request, data } : previous));
          },
          () => undefined,
        );
      }, REFRESH_COALESCE_MS);
    });
    return () => {
      live = false;
      if (timer !== null) clearTimeout(timer);
      stop();
    };
  }, [channel, key, request]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const done = answer !== null && answer.request === request;
  return {
    data: done ? answer.data : undefined,
    error: done ? answer.error : undefined,
    loading: key !== '' && !done,
    reload,
  };
}
