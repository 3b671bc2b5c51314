import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Server as TlsServer } from 'node:https';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Result } from '../../shared/ipc/result';
import { isChannel } from '../ipc/dispatch';
import type { Transport } from './adapter';

/**
 * HTTP parsing shared by the harness and the team server. Every function here answers malformed
 * input with a value or a typed refusal, never a throw that could reach the server's event loop:
 * no request, however malformed, may end the process or answer 500.
 */

export class HttpRefusal extends Error {
  constructor(
    readonly status: 400 | 404 | 405 | 413,
    message: string,
  ) {
    super(message);
    this.name = 'HttpRefusal';
  }
}

/** The request's path, or null when the target is not a path at all (`//[`, `http://x`, `*`). */
export function requestPath(rawUrl: string | undefined): { pathname: string } | null {
  const raw = rawUrl ?? '/';
  if (!raw.startsWith('/') || raw.startsWith('//')) return null;
  try {
    const url = new URL(raw, 'http://127.0.0.1');
    return { pathname: url.pathname };
  } catch {
    return null;
  }
}

/** `decodeURIComponent` that answers null for a malformed escape (`%E0%A4%A`) instead of throwing. */
export function decodePathPart(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

/**
 * Reads a request body of at most `limit` bytes. A larger body (by Content-Length or as it
 * arrives) is refused with 413; the rest of it is read and dropped so the client gets the answer
 * instead of a connection reset.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (Number.isFinite(declared) && declared > limit) {
      req.resume();
      reject(new HttpRefusal(413, `The request is larger than ${limit} bytes.`));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        reject(new HttpRefusal(413, `The request is larger than ${limit} bytes.`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!over) resolve(Buffer.concat(chunks));
    });
    req.on('error', (error) => reject(error));
  });
}

/** Parses a JSON body; an empty body is `{}`. */
export async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  const body = await readBody(req, limit);
  if (body.length === 0) return {};
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    throw new HttpRefusal(400, 'The request body is not valid JSON.');
  }
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.ico': 'image/x-icon',
};
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "font-src 'self' data:; connect-src 'self'; frame-src blob:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

export function send(res: ServerResponse, status: number, body: string | Buffer, type: string): void {
  res.writeHead(status, {
    'content-type': type,
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'content-security-policy': CSP,
  });
  res.end(body);
}

export function sendResult(res: ServerResponse, status: number, result: Result<unknown>): void {
  send(res, status, JSON.stringify(result), 'application/json; charset=utf-8');
}

/**
 * Serves the built renderer from `root`: a path that is not validly encoded is a 400, anything
 * outside the folder or missing a 404. Static files carry no data and need no session.
 */
export function staticFiles(root: string): (pathname: string, res: ServerResponse) => Promise<void> {
  const rendererRoot = resolve(root);
  return async (pathname, res) => {
    const decoded = decodePathPart(pathname);
    if (decoded === null || decoded.includes('\0')) {
      send(res, 400, 'Bad request: the path is not a valid file name.', 'text/plain; charset=utf-8');
      return;
    }
    const relative = normalize(decoded).replace(/^([/\\])+/, '');
    const file = resolve(rendererRoot, relative === '' ? 'index.html' : relative);
    if (file !== rendererRoot && !file.startsWith(rendererRoot + sep)) {
      send(res, 404, 'Not found', 'text/plain; charset=utf-8');
      return;
    }
    try {
      const info = await stat(file);
      const target = info.isDirectory() ? join(file, 'index.html') : file;
      send(res, 200, await readFile(target), CONTENT_TYPES[extname(target)] ?? 'application/octet-stream');
    } catch {
      send(res, 404, 'Not found', 'text/plain; charset=utf-8');
    }
  };
}

/**
 * A request listener that can never end the process: whatever `route` throws or rejects with is
 * a fault of ours, logged and answered 503 (or the connection closed if the answer had begun).
 */
export function guarded(route: (req: IncomingMessage, res: ServerResponse) => Promise<void>, log: ((line: string) => void) | undefined, name: string) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    let work: Promise<void>;
    try {
      work = route(req, res);
    } catch (error) {
      work = Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    work.catch((error: unknown) => {
      log?.(`${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      if (!res.headersSent) sendResult(res, 503, { ok: false, error: { code: 'unavailable', message: 'The request could not be answered. The details are in the log.' } });
      else res.destroy();
    });
  };
}

/** A malformed request line or header is answered 400 by us, not by a reset; a broken socket only closes. */
export function answerClientErrors(server: Server | TlsServer): void {
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
    else socket.destroy();
  });
}

/**
 * `/rpc/<channel>`: 405 for a method other than POST, 400 for a channel name that is not validly
 * encoded, otherwise `serve(channel)`.
 */
export function routeRpc(match: string, req: IncomingMessage, res: ServerResponse, serve: (channel: string) => Promise<void>): Promise<void> {
  if (req.method !== 'POST') return Promise.resolve(send(res, 405, 'Use POST', 'text/plain; charset=utf-8'));
  const channel = decodePathPart(match);
  if (channel === null) {
    sendResult(res, 400, { ok: false, error: { code: 'invalid_input', message: 'The channel name in the path is not validly encoded.' } });
    return Promise.resolve();
  }
  return serve(channel);
}

/** One RPC: the channel must exist (404), the body be JSON within `maxBody` (400/413); then the call runs as `session`. */
export async function serveChannel(transport: Transport, session: string | null, channel: string, req: IncomingMessage, res: ServerResponse, maxBody: number): Promise<void> {
  if (!isChannel(channel)) {
    sendResult(res, 404, { ok: false, error: { code: 'not_found', message: `Unknown channel ${channel.slice(0, 80)}.` } });
    return;
  }
  let input: unknown;
  try {
    input = await readJson(req, maxBody);
  } catch (error) {
    const refusal = error instanceof HttpRefusal ? error : new HttpRefusal(400, 'The request broke off.');
    sendResult(res, refusal.status, { ok: false, error: { code: 'invalid_input', message: refusal.message } });
    return;
  }
  const { result } = await transport.call(session, channel, input);
  sendResult(res, 200, result);
}
