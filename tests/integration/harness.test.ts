import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaseWriter } from '../../src/main/db/repositories/case-writer.repository';
import { startHarness, type Harness } from '../../src/main/harness/server';
import { sessionUser } from '../../src/main/services/session.service';
import { buildCase } from '../fixtures/cases';
import { tempStore } from '../fixtures/temp-store';

let harness: Harness;
let cleanup: () => Promise<void>;

interface Reply {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

/** A raw HTTP request, so tests can send the headers a browser would never allow a page to forge. */
function send(options: { path: string; method?: string; headers?: Record<string, string>; body?: string; host?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: options.host ?? '127.0.0.1', port: harness.port, path: options.path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const rpc = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
  send({ path: `/rpc/${channel}`, method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', 'x-ombud-token': harness.token, ...headers } });

beforeAll(async () => {
  const temp = await tempStore();
  createCaseWriter(temp.store.sqlite).writeBatch([buildCase(), buildCase()]);
  const renderer = join(temp.dir, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Ombud</title>');
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(temp.dir, 'secret.txt'), 'personnummer');
  harness = await startHarness({ context: { store: temp.store, user: await sessionUser(temp.store) }, rendererDir: renderer });
  cleanup = async () => {
    await harness.close();
    await temp.cleanup();
  };
});
afterAll(() => cleanup());

describe('the browser harness', () => {
  it('listens on 127.0.0.1 with a random port and a token in the printed URL', () => {
    expect(harness.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${harness.port}/#token=[A-Za-z0-9_-]{32}$`));
  });

  it('serves the built renderer with a strict CSP and nothing outside it', async () => {
    const index = await send({ path: '/' });
    expect(index.status).toBe(200);
    expect(index.body).toContain('<title>Ombud</title>');
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(index.headers['content-security-policy']).not.toContain('unsafe-eval');
    expect((await send({ path: '/assets/app.js' })).headers['content-type']).toMatch(/javascript/);
    expect((await send({ path: '/../secret.txt' })).status).toBe(404);
    expect((await send({ path: '/%2e%2e/secret.txt' })).status).toBe(404);
  });

  it('answers RPC with the token', async () => {
    const reply = await rpc('cases:list', { limit: 1 });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, data: { total: 2 } });
  });

  it('refuses RPC without the token or with a wrong one, and says so', async () => {
    for (const token of [undefined, 'wrong', `${harness.token}x`]) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (token) headers['x-ombud-token'] = token;
      const reply = await send({ path: '/rpc/cases:list', method: 'POST', body: '{}', headers });
      expect(reply.status).toBe(401);
      expect(JSON.parse(reply.body)).toEqual({ ok: false, error: { code: 'forbidden', message: 'Missing or wrong harness token.' } });
    }
  });

  it('refuses foreign Host headers (DNS rebinding) and foreign origins', async () => {
    expect((await send({ path: '/', headers: { host: `evil.example:${harness.port}` } })).status).toBe(403);
    expect((await rpc('cases:list', {}, { host: `evil.example:${harness.port}` })).status).toBe(403);
    expect((await rpc('cases:list', {}, { origin: 'http://evil.example' })).status).toBe(403);
  });

  it('is not reachable on the machine’s other addresses', async () => {
    const external = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal);
    if (!external) return; // a machine with loopback only has nothing else to try
    await expect(send({ path: '/', host: external.address })).rejects.toThrow(/ECONNREFUSED/);
  });

  it('names bad JSON and bad input, and unknown channels', async () => {
    const bad = await send({ path: '/rpc/cases:list', method: 'POST', body: '{"limit":', headers: { 'x-ombud-token': harness.token } });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.message).toBe('The request body is not valid JSON.');
    const invalid = JSON.parse((await rpc('cases:get', { id: 'ett' })).body);
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(invalid.error.message).toMatch(/^cases:get: id: /);
    expect((await rpc('cases:drop', {})).status).toBe(404);
  });
});
