import type { IncomingMessage, ServerResponse } from 'node:http';
import { subscribeChanges } from '../services/changes';
import type { Transport } from './adapter';
import { sendResult } from './http';

/** A comment line this often keeps proxies and the browser from closing a quiet stream. */
const HEARTBEAT_MS = 25_000;

/**
 * `GET /events`: Server-Sent Events of this store's change notices for one signed-in session.
 * A notice carries no content (kind, case id, who, when); the screen asks again with its own
 * session. The stream ends when the session does (sign-out, idle, deactivated), checked at every
 * notice and heartbeat without counting as activity.
 */
export function serveEvents(req: IncomingMessage, res: ServerResponse, transport: Transport, token: string | null): void {
  const store = transport.store();
  if (!store || !transport.signedIn(token, false)) {
    sendResult(res, 401, { ok: false, error: { code: 'unauthenticated', message: 'Sign in to receive change notices.' } });
    return;
  }
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    connection: 'keep-alive',
  });
  res.write('retry: 2000\n: connected\n\n');
  const stillSignedIn = (): boolean => {
    if (transport.signedIn(token, false)) return true;
    res.end('event: ended\ndata: {}\n\n');
    return false;
  };
  const unsubscribe = subscribeChanges(store, (notice) => {
    if (stillSignedIn()) res.write(`event: change\ndata: ${JSON.stringify(notice)}\n\n`);
  });
  const heartbeat = setInterval(() => {
    if (stillSignedIn()) res.write(': heartbeat\n\n');
  }, HEARTBEAT_MS);
  heartbeat.unref();
  const stop = () => {
    unsubscribe();
    clearInterval(heartbeat);
  };
  req.on('close', stop);
  res.on('close', stop);
}
