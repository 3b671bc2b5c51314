import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Recovery } from '../ipc/recovery';
import type { SessionContext } from '../services/context';
import { createTransport, type Transport } from '../transport/adapter';
import { serveEvents } from '../transport/events';
import { answerClientErrors, guarded, requestPath, routeRpc, send, sendResult, serveChannel, staticFiles } from '../transport/http';
import { SessionTable, TEAM_IDLE_MS } from '../transport/session';

export interface TeamServerOptions {
  context?: SessionContext;
  recovery?: Recovery;
  /** The built renderer, served to browsers on the office network. */
  rendererDir: string;
  host: string;
  /** 0 picks a free port. */
  port: number;
  tls: { cert: string; key: string };
  /** Idle time before a session ends (default 30 minutes). */
  idleMs?: number;
  clock?: () => number;
  validateOutput?: boolean;
  log?: (line: string) => void;
}

export interface TeamServer {
  origin: string;
  port: number;
  transport: Transport;
  close(): Promise<void>;
}

const MAX_BODY = 1024 * 1024;

/** The session a request names: `Authorization: Bearer <token>` (the workbench in a browser sends the same). */
function bearer(req: IncomingMessage): string | null {
  const header = req.headers.authorization;
  if (typeof header !== 'string') return null;
  const match = /^Bearer ([A-Za-z0-9_-]{16,128})$/.exec(header.trim());
  return match ? match[1]! : null;
}

/**
 * `ombud server`: the same contract as the app and the harness, over HTTPS to many people at
 * once. `POST /rpc/<channel>` with a JSON body; `session:signIn` answers a token that every other
 * call carries as `Authorization: Bearer`; `GET /events` is a Server-Sent Events stream of change
 * notices; everything else is the workbench's static files. Each connection's calls run as its
 * own session's user. A browser page from another origin gets nothing (no cookies are used, and a
 * request with a foreign Origin is refused).
 */
export async function startTeamServer(options: TeamServerOptions): Promise<TeamServer> {
  const transport = createTransport({
    kind: 'server',
    context: options.context,
    recovery: options.recovery,
    sessions: new SessionTable({ idleMs: options.idleMs ?? TEAM_IDLE_MS, clock: options.clock }),
    validateOutput: options.validateOutput,
    log: options.log,
  });
  const serveStatic = staticFiles(options.rendererDir);

  function foreignOrigin(req: IncomingMessage): boolean {
    const origin = req.headers.origin;
    return origin !== undefined && origin !== `https://${req.headers.host ?? ''}`;
  }

  async function serveRpc(channel: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    await serveChannel(transport, bearer(req), channel, req, res, MAX_BODY);
  }

  function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const target = requestPath(req.url);
    if (!target) {
      send(res, 400, 'Bad request: the request target is not a path.', 'text/plain; charset=utf-8');
      return Promise.resolve();
    }
    const { pathname } = target;
    const rpc = /^\/rpc\/([^/]+)$/.exec(pathname);
    if (rpc || pathname === '/events') {
      if (foreignOrigin(req)) {
        sendResult(res, 403, { ok: false, error: { code: 'forbidden', message: `Requests from ${String(req.headers.origin).slice(0, 100)} are refused.` } });
        return Promise.resolve();
      }
    }
    if (pathname === '/events') {
      if (req.method !== 'GET') return Promise.resolve(send(res, 405, 'Use GET', 'text/plain; charset=utf-8'));
      serveEvents(req, res, transport, bearer(req));
      return Promise.resolve();
    }
    if (rpc) return routeRpc(rpc[1]!, req, res, (channel) => serveRpc(channel, req, res));
    if (req.method === 'GET' || req.method === 'HEAD') return serveStatic(pathname, res);
    return Promise.resolve(send(res, 405, 'Method not allowed', 'text/plain; charset=utf-8'));
  }

  const server: Server = createServer({ cert: options.tls.cert, key: options.tls.key }, guarded(route, options.log, 'server'));
  answerClientErrors(server);
  // A TLS handshake that fails (a plain-HTTP client, a scanner) closes that socket only.
  server.on('tlsClientError', (_error, socket) => socket.destroy());
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolveListen());
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    origin: `https://${shownHost}:${port}`,
    port,
    transport,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
