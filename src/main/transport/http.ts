import type { IncomingMessage, ServerResponse } from 'node:http';

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

/**
 * Answers once, however the request went: after a refusal the connection is closed when the
 * client is still sending (so an oversized upload stops), otherwise kept.
 */
export function safeEnd(res: ServerResponse, status: number, headers: Record<string, string | number>, body: string | Buffer): void {
  if (res.headersSent || res.writableEnded) {
    res.destroy();
    return;
  }
  res.writeHead(status, { ...headers, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}
