import { connect } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../src/main/harness/server';
import { tempStore } from '../fixtures/temp-store';

let harness: Harness;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const temp = await tempStore();
  const renderer = join(temp.dir, 'renderer');
  mkdirSync(renderer);
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Ombud</title>');
  harness = await startHarness({ context: { store: temp.store, user: null }, rendererDir: renderer });
  cleanup = async () => {
    await harness.close();
    await temp.cleanup();
  };
});
afterAll(() => cleanup());

/**
 * Sends raw bytes, as a hostile page or program could, and returns the status line's code, or 0
 * when the server closed the connection without an answer.
 */
function raw(request: string | Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(harness.port, '127.0.0.1');
    let answer = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      answer += chunk;
      // One answer is enough; the server may keep the connection open.
      if (/^HTTP\/1\.1 \d{3}/.test(answer)) socket.destroy();
    });
    socket.on('close', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0)));
    socket.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' ? resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0)) : reject(error)));
    // Written, not ended: a client that half-closes may lose an answer that is still being prepared.
    socket.write(request);
    socket.setTimeout(10_000, () => socket.destroy());
  });
}

const host = () => `127.0.0.1:${harness.port}`;
const get = (target: string) => raw(`GET ${target} HTTP/1.1\r\nhost: ${host()}\r\nconnection: close\r\n\r\n`);
const post = (target: string, body: string, headers = '') =>
  raw(
    `POST ${target} HTTP/1.1\r\nhost: ${host()}\r\nconnection: close\r\nx-ombud-token: ${harness.token}\r\ncontent-type: application/json\r\n${headers}content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );

async function stillServes(): Promise<void> {
  const response = await fetch(`${harness.origin}/rpc/app:info`, { method: 'POST', headers: { 'x-ombud-token': harness.token }, body: '{}' });
  expect(response.status).toBe(200);
}

describe('no request ends the harness or gets a 500', () => {
  it('answers the reported attacks with 400/404/413', async () => {
    expect(await post('/rpc/%E0%A4%A', '{}')).toBe(400);
    expect(await get('//[')).toBe(400);
    expect(await get('/assets/%E0%A4%A.js')).toBe(400);
    expect(await get('/%')).toBe(400);
    expect(await get('/assets/%00.js')).toBe(400);
    expect(await get('/no/such/file.js')).toBe(404);
    expect(await get('/../../etc/passwd')).toBe(404);
    expect(await get('http://evil.example/')).toBe(400);
    expect(await post('/rpc/app:info', 'x'.repeat(1024 * 1024 + 1))).toBe(413);
    // Declared larger than the limit: refused before the body is read.
    expect(await raw(`POST /rpc/app:info HTTP/1.1\r\nhost: ${host()}\r\nx-ombud-token: ${harness.token}\r\ncontent-length: 99999999\r\n\r\n{}`)).toBe(413);
    expect(await post('/rpc/app:info', '{"unclosed": ')).toBe(400);
    await stillServes();
  });

  it('a fuzzed request line, headers and body never get a 500 or a dropped connection', async () => {
    const segment = fc.oneof(
      fc.constantFrom('rpc', 'upload', 'download', 'assets', 'index.html', '..', '.', '', '%', '%E0%A4%A', '%2e%2e', '%00', '[', ']', '@', ':', '?', '#', '\\'),
      fc.string({ maxLength: 12 }).map((s) => s.replace(/[\s]/g, '')),
      fc.string({ unit: 'binary', maxLength: 6 }).map((s) => encodeURIComponent(s)),
    );
    const target = fc.tuple(fc.constantFrom('/', '//', '/rpc/', '*', ''), fc.array(segment, { maxLength: 5 })).map(([start, parts]) => start + parts.join('/'));
    const method = fc.constantFrom('GET', 'POST', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'PATCH');
    const body = fc.oneof(fc.constant(''), fc.json({ maxDepth: 3 }), fc.string({ maxLength: 200 }));
    const extra = fc.constantFrom('', `x-ombud-token: ${'x'.repeat(10)}\r\n`, 'origin: http://evil.example\r\n', 'x-ombud-session: nope\r\n', 'x-file-name: %E0%A4%A\r\n');
    await fc.assert(
      fc.asyncProperty(method, target, body, extra, async (m, t, b, e) => {
        const token = e.startsWith('x-ombud-token') ? '' : `x-ombud-token: ${harness.token}\r\n`;
        const status = await raw(`${m} ${t || '/'} HTTP/1.1\r\nhost: ${host()}\r\nconnection: close\r\n${token}${e}content-length: ${Buffer.byteLength(b)}\r\n\r\n${b}`);
        expect(status, `${m} ${t}`).toBeGreaterThanOrEqual(200);
        expect(status, `${m} ${t}`).toBeLessThan(500);
      }),
      { numRuns: 300 },
    );
    await stillServes();
  });
});
