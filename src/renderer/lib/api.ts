import { CHANNELS, type Channel } from '../../shared/ipc/channels';
import type { OmbudApi } from '../../shared/ipc/api';
import type { ChannelInput, ChannelOutput } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';

declare global {
  interface Window {
    /** Set by the Electron preload. Absent in the browser harness. */
    api?: OmbudApi;
  }
}

const TOKEN_KEY = 'ombud.harnessToken';

/**
 * The browser harness prints a URL with `#token=…`. The token moves to session storage and
 * out of the address bar, and goes with every RPC as a header.
 */
function harnessToken(): string {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

const SESSION_KEY = 'ombud.session';

/** Told when this tab's session changes (the change-notice stream reconnects with the new one). */
let sessionChanged: () => void = () => undefined;
export function onSessionChanged(listener: () => void): void {
  sessionChanged = listener;
}

/**
 * This tab's own session: the harness answers a sign-in with a token that only this tab keeps
 * (session storage is per tab), so two tabs are two people. The start token only proves that the
 * tab came from the printed URL.
 */
function sessionToken(): string {
  return sessionStorage.getItem(SESSION_KEY) ?? '';
}

function keepSession(channel: Channel, result: Result<unknown>): void {
  if (!result.ok) return;
  if (channel === 'session:signIn' || channel === 'session:setup') {
    const token = (result.data as { token?: unknown }).token;
    if (typeof token === 'string') {
      sessionStorage.setItem(SESSION_KEY, token);
      sessionChanged();
    }
  } else if (channel === 'session:signOut' || (channel === 'session:get' && (result.data as { user?: unknown }).user === null)) {
    sessionStorage.removeItem(SESSION_KEY);
  }
}

/** The headers every harness request carries besides an RPC's own: the start token and this tab's session. */
export function harnessHeaders(): Record<string, string> {
  const session = sessionToken();
  // The harness reads x-ombud-session; the team server the standard Authorization header.
  return { 'x-ombud-token': harnessToken(), 'x-ombud-session': session, ...(session ? { authorization: `Bearer ${session}` } : {}) };
}

function httpApi(): OmbudApi {
  // Moves the start token out of the address bar before anything else runs.
  harnessToken();
  const api: Partial<Record<Channel, (input: unknown) => Promise<Result<unknown>>>> = {};
  for (const channel of CHANNELS) {
    api[channel] = async (input: unknown) => {
      try {
        const response = await fetch(`/rpc/${channel}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...harnessHeaders() },
          body: JSON.stringify(input ?? {}),
        });
        const result = (await response.json()) as Result<unknown>;
        keepSession(channel, result);
        return result;
      } catch (error) {
        return { ok: false, error: { code: 'unavailable', message: `The workbench service did not answer: ${String(error)}` } };
      }
    };
  }
  return api as OmbudApi;
}

let cached: OmbudApi | undefined;

/** The typed client. The renderer does not know or care which transport stands behind it. */
export function api(): OmbudApi {
  cached ??= window.api ?? httpApi();
  return cached;
}

/** Calls a channel and throws its error, for use with data-loading hooks. */
export async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const fn = api()[channel] as (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>;
  const result = await fn(input);
  if (!result.ok) throw new RpcFailure(result.error.code, result.error.message, result.error.details, result.error.reason, result.error.params);
  return result.data;
}

/**
 * A refused call. `message` is the service's English text for logs; what the user reads is
 * `refusalText(t, failure)`, worded from `reason` and `params` (or from `code` alone).
 */
export class RpcFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly reason?: string,
    readonly params?: Record<string, string | number>,
  ) {
    super(message);
    this.name = 'RpcFailure';
  }
}
