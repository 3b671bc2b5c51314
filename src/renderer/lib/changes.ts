import { useEffect, useState } from 'react';
import type { ChangeNotice } from '../../shared/domain/changes';
import { harnessHeaders, onSessionChanged } from './api';

declare global {
  interface Window {
    /** Set by the Electron preload: main's change notices for this window. */
    ombudChanges?: { subscribe(listener: (notice: ChangeNotice) => void): () => void };
  }
}

type Listener = (notice: ChangeNotice) => void;
const listeners = new Set<Listener>();
let stopStream: (() => void) | null = null;

function emit(notice: ChangeNotice): void {
  for (const listener of listeners) listener(notice);
}

/** Splits a Server-Sent Events text stream into its `change` notices. */
export function parseEvents(buffer: string): { notices: ChangeNotice[]; rest: string } {
  const notices: ChangeNotice[] = [];
  let rest = buffer;
  let end: number;
  while ((end = rest.indexOf('\n\n')) >= 0) {
    const message = rest.slice(0, end);
    rest = rest.slice(end + 2);
    const data = /^data: (.*)$/m.exec(message)?.[1];
    if (/^event: change$/m.test(message) && data) {
      try {
        notices.push(JSON.parse(data) as ChangeNotice);
      } catch {
        // A line we cannot read is skipped; the next notice refreshes the screen anyway.
      }
    }
  }
  return { notices, rest };
}

/**
 * The harness's and the team server's `GET /events`, read with fetch (EventSource cannot send the
 * session header). Reconnects with a growing pause while signed in; the stream ends with the session.
 */
function streamOverHttp(): () => void {
  let stopped = false;
  let controller: AbortController | null = null;
  const run = async (pause: number): Promise<void> => {
    // Not signed in: nothing to hear; a sign-in restarts the stream with its session.
    if (stopped || !harnessHeaders()['x-ombud-session']) return;
    controller = new AbortController();
    try {
      const response = await fetch('/events', { headers: harnessHeaders(), signal: controller.signal });
      if (response.ok && response.body) {
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        pause = 500;
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          const parsed = parseEvents(buffer + value);
          buffer = parsed.rest;
          parsed.notices.forEach(emit);
        }
      }
    } catch {
      // Aborted or the connection dropped: try again below.
    }
    if (!stopped) setTimeout(() => void run(Math.min(pause * 2, 15_000)), pause);
  };
  void run(500);
  return () => {
    stopped = true;
    controller?.abort();
  };
}

/**
 * Electron's preload, or the HTTP stream when the page talks to the harness or the team server
 * (no `window.api`). A `window.api` without `ombudChanges` (unit tests) has no notices.
 */
function noticeSource(): () => void {
  if (window.ombudChanges) return window.ombudChanges.subscribe(emit);
  if (window.api) return () => undefined;
  return streamOverHttp();
}

/** Reconnects the notice stream, e.g. after a sign-in gave this tab a new session. */
export function restartChangeStream(): void {
  if (listeners.size === 0 || window.ombudChanges || window.api) return;
  stopStream?.();
  stopStream = streamOverHttp();
}

onSessionChanged(restartChangeStream);

/** Calls `listener` with every change notice of the store this window works on, until the returned function is called. */
export function onChange(listener: Listener): () => void {
  listeners.add(listener);
  if (!stopStream) stopStream = noticeSource();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && stopStream) {
      stopStream();
      stopStream = null;
    }
  };
}

/**
 * A number that grows (at most once per `coalesceMs`) when a notice `matters` arrives: views that
 * keep their own caches (the inbox pages, the view counts) refresh on it. Pass a function defined
 * once (module level), not a new one per render.
 */
export function useChangeTick(matters: (notice: ChangeNotice) => boolean, coalesceMs = 150): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const stop = onChange((notice) => {
      if (timer !== null || !matters(notice)) return;
      timer = setTimeout(() => {
        timer = null;
        setTick((n) => n + 1);
      }, coalesceMs);
    });
    return () => {
      if (timer !== null) clearTimeout(timer);
      stop();
    };
  }, [matters, coalesceMs]);
  return tick;
}
