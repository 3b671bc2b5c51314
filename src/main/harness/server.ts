import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createWriteStream, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { resolve } from 'node:path';
import { discardAllUploads, registerUpload, uploadTarget } from '../import/uploads';
import type { Recovery } from '../ipc/recovery';
import type { SessionContext } from '../services/context';
import { ServiceError } from '../services/errors';
import { exportJobFile } from '../services/export-job.service';
import { createTransport } from '../transport/adapter';
import { serveEvents } from '../transport/events';
import { answerClientErrors, CSP, guarded, isLoopback, requestPath, routeRpc, send, sendResult, serveChannel, staticFiles } from '../transport/http';
import { LOCAL_IDLE_MS, SessionTable } from '../transport/session';

export interface HarnessOptions {
  /**
   * The store opened for work and its clock; absent when the store failed its start check (then
   * `recovery`). Each tab signs in on its own; `context.user` (tests only) is the user of calls
   * that carry no session at all, and `ombud serve` leaves it null.
   */
  context?: SessionContext;
  /** How long an unused tab stays signed in (default 12 hours on one's own machine). */
  idleMs?: number;
  /** The sessions' clock in ms (tests move it to test idle expiry). */
  clock?: () => number;
  /** Serve the recovery screen's channels only, until a restore reopens the store. */
  recovery?: Recovery;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 (default) picks a free port. */
  port?: number;
  token?: string;
  validateOutput?: boolean;
  log?: (line: string) => void;
}

export interface Harness {
  url: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
const MAX_BODY = 1024 * 1024;
/** An import file may be large (a 2 GB export); it streams to disk, never into memory. */
const MAX_UPLOAD = 8 * 1024 * 1024 * 1024;
/**
 * The browser harness: the same handler table as Electron IPC, served over HTTP on 127.0.0.1
 * only, with a random token per start required on every RPC. It lets the renderer run and be
 * tested where no Electron binary exists. Static files carry no data and need no token.
 */
export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const tokenBytes = Buffer.from(token);
  const rendererRoot = resolve(options.rendererDir);
  let port = 0;
  const transport = createTransport({
    kind: 'harness',
    context: options.context,
    recovery: options.recovery,
    sessions: new SessionTable({ idleMs: options.idleMs ?? LOCAL_IDLE_MS, clock: options.clock }),
    anonymousUser: options.context?.user ?? null,
    validateOutput: options.validateOutput,
    log: options.log,
  });
  /** The tab's own session (from its sign-in), sent with every call beside the start token. */
  const sessionOf = (req: IncomingMessage): string | null => {
    const value = req.headers['x-ombud-session'];
    return typeof value === 'string' && value !== '' ? value : null;
  };

  const tokenMatches = (given: string | string[] | undefined): boolean => {
    if (typeof given !== 'string') return false;
    const bytes = Buffer.from(given);
    return bytes.length === tokenBytes.length && timingSafeEqual(bytes, tokenBytes);
  };

  const serveStatic = staticFiles(rendererRoot);

  /** Answers and returns true when the request lacks this start's token or comes from another origin. */
  function refusedCaller(req: IncomingMessage, res: ServerResponse): boolean {
    if (!tokenMatches(req.headers['x-ombud-token'])) {
      sendResult(res, 401, { ok: false, error: { code: 'forbidden', message: 'Missing or wrong harness token.' } });
      return true;
    }
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://${HOST}:${port}` && origin !== `http://localhost:${port}`) {
      sendResult(res, 403, { ok: false, error: { code: 'forbidden', message: `Requests from ${origin} are refused.` } });
      return true;
    }
    return false;
  }

  async function serveRpc(channel: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (refusedCaller(req, res)) return;
    await serveChannel(transport, sessionOf(req), channel, req, res, MAX_BODY);
  }

  /**
   * The import upload: the renderer streams a file the user chose or dropped, with the token;
   * main writes it to a temp folder of its own and answers with an id, so the renderer never
   * names a path for main to read.
   */
  async function serveUpload(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (refusedCaller(req, res)) return;
    if (!transport.signedIn(sessionOf(req))) {
      sendResult(res, 401, { ok: false, error: { code: 'unauthenticated', message: 'Sign in to import.' } });
      return;
    }
    let fileName: string;
    try {
      fileName = decodeURIComponent(String(req.headers['x-file-name'] ?? '')).slice(0, 255);
    } catch {
      fileName = '';
    }
    if (!fileName) {
      sendResult(res, 400, { ok: false, error: { code: 'invalid_input', message: 'x-file-name: the file name is missing.' } });
      return;
    }
    const target = uploadTarget(fileName);
    let size = 0;
    try {
      await pipeline(
        req,
        new Transform({
          transform(chunk: Buffer, _enc, done) {
            size += chunk.length;
            done(size > MAX_UPLOAD ? new Error('too large') : null, chunk);
          },
        }),
        createWriteStream(target.path),
      );
    } catch (error) {
      rmSync(target.folder, { recursive: true, force: true });
      const tooLarge = (error as Error).message === 'too large';
      sendResult(res, tooLarge ? 413 : 400, {
        ok: false,
        error: { code: 'invalid_input', message: tooLarge ? `The file is larger than ${MAX_UPLOAD} bytes.` : 'The upload broke off.' },
      });
      return;
    }
    registerUpload({ id: target.id, fileName, path: target.path, size }, target.folder);
    sendResult(res, 200, { ok: true, data: { uploadId: target.id, fileName, size } });
  }

  /**
   * A finished export's file, offered to the browser as a download: the renderer fetches it with
   * the token (never in the URL) and saves the blob. Only the user who started the job gets it.
   */
  async function serveDownload(jobId: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (refusedCaller(req, res)) return;
    const signedIn = transport.signedIn(sessionOf(req));
    if (!signedIn) {
      sendResult(res, 401, { ok: false, error: { code: 'unauthenticated', message: 'Sign in to download an export.' } });
      return;
    }
    let file: { path: string; fileName: string };
    try {
      file = exportJobFile(signedIn, jobId);
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
      sendResult(res, error.code === 'not_found' ? 404 : error.code === 'forbidden' ? 403 : 409, { ok: false, error: { code: error.code, message: error.message } });
      return;
    }
    const bytes = await readFile(file.path);
    res.writeHead(200, {
      'content-type': file.fileName.endsWith('.pdf') ? 'application/pdf' : file.fileName.endsWith('.eml') ? 'message/rfc822' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'content-length': bytes.length,
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'content-security-policy': CSP,
    });
    res.end(bytes);
  }

  function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Loopback only, and only under our own host name: refuses other hosts and DNS rebinding.
    const host = req.headers.host ?? '';
    if (!isLoopback(req.socket.remoteAddress) || (host !== `${HOST}:${port}` && host !== `localhost:${port}`)) {
      send(res, 403, 'Forbidden', 'text/plain; charset=utf-8');
      return Promise.resolve();
    }
    const target = requestPath(req.url);
    if (!target) {
      send(res, 400, 'Bad request: the request target is not a path.', 'text/plain; charset=utf-8');
      return Promise.resolve();
    }
    const { pathname } = target;
    const rpc = /^\/rpc\/([^/]+)$/.exec(pathname);
    const download = /^\/download\/([A-Za-z0-9_-]{16,64})$/.exec(pathname);
    if (download) return req.method === 'GET' ? serveDownload(download[1]!, req, res) : Promise.resolve(send(res, 405, 'Use GET', 'text/plain; charset=utf-8'));
    if (pathname === '/events') {
      if (req.method !== 'GET') return Promise.resolve(send(res, 405, 'Use GET', 'text/plain; charset=utf-8'));
      if (!refusedCaller(req, res)) serveEvents(req, res, transport, sessionOf(req));
      return Promise.resolve();
    }
    if (pathname === '/upload') return req.method === 'POST' ? serveUpload(req, res) : Promise.resolve(send(res, 405, 'Use POST', 'text/plain; charset=utf-8'));
    if (rpc) return routeRpc(rpc[1]!, req, res, (channel) => serveRpc(channel, req, res));
    if (req.method === 'GET' || req.method === 'HEAD') return serveStatic(pathname, res);
    return Promise.resolve(send(res, 405, 'Method not allowed', 'text/plain; charset=utf-8'));
  }

  const server = createServer(guarded(route, options.log, 'harness'));
  answerClientErrors(server);

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => resolveListen());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://${HOST}:${port}`;
  return {
    url: `${origin}/#token=${token}`,
    origin,
    port,
    token,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        discardAllUploads();
        server.close(() => resolveClose());
      }),
  };
}
