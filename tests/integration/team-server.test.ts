import { spawn } from 'node:child_process';
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/main/db/connection';
import { createCaseWriter } from '../../src/main/db/repositories/case-writer.repository';
import { insertUser, setPasswordHash } from '../../src/main/db/repositories/user.repository';
import { serverCertificate } from '../../src/main/server/certificate';
import { startTeamServer, type TeamServer } from '../../src/main/server/team-server';
import { verifyAuditChain } from '../../src/main/services/audit.service';
import { hashPassword } from '../../src/main/services/password';
import { resetSignInThrottle } from '../../src/main/services/session.service';
import type { ChangeNotice } from '../../src/shared/domain/changes';
import { buildCase } from '../fixtures/cases';
import { tempStore } from '../fixtures/temp-store';

const PASSWORD = 'a long enough password';
let store: Store;
let dir: string;
let server: TeamServer;
let cert: string;
let caseId: number;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  resetSignInThrottle();
  const temp = await tempStore();
  ({ store, dir } = temp);
  [caseId] = createCaseWriter(store.sqlite).writeBatch([buildCase()]) as [number];
  for (const [username, name, role] of [
    ['fia', 'Fia Engström', 'ombudsman'],
    ['jonas', 'Jonas Öhman', 'handler'],
  ] as const) {
    const id = await insertUser(store.db, { username, display_name: name, role, title: null, created_at: '2026-01-01T00:00:00Z' });
    await setPasswordHash(store.db, id, await hashPassword(PASSWORD));
  }
  const renderer = join(dir, 'renderer');
  mkdirSync(renderer);
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Ombud</title>');
  const certificate = await serverCertificate({ storePath: store.path, host: '127.0.0.1' });
  cert = certificate.cert;
  server = await startTeamServer({ context: { store, user: null }, rendererDir: renderer, host: '127.0.0.1', port: 0, tls: certificate });
  cleanup = async () => {
    await server.close();
    await temp.cleanup();
  };
});
afterEach(() => cleanup());

interface Reply {
  status: number;
  body: string;
}

/** HTTPS with the server's own certificate as the only trusted one: what pinning does. */
function https(path: string, options: { method?: string; body?: unknown; token?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method: options.method ?? 'GET',
        ca: cert,
        headers: { 'content-type': 'application/json', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...options.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(JSON.stringify(options.body));
    req.end();
  });
}

async function rpc(channel: string, input: unknown, token?: string) {
  const reply = await https(`/rpc/${channel}`, { method: 'POST', body: input, token });
  return JSON.parse(reply.body) as { ok: boolean; data?: { token?: string; user?: { username: string } | null }; error?: { code: string } };
}

async function signIn(username: string): Promise<string> {
  const answer = await rpc('session:signIn', { username, password: PASSWORD });
  expect(answer).toMatchObject({ ok: true, data: { user: { username }, token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) } });
  return answer.data!.token!;
}

/** Opens GET /events for a token and collects change notices until `until` is satisfied. */
function events(token: string, until: (notices: ChangeNotice[]) => boolean): { opened: Promise<void>; done: Promise<ChangeNotice[]> } {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  const done = new Promise<ChangeNotice[]>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path: '/events', ca: cert, headers: { authorization: `Bearer ${token}` } }, (res) => {
      expect(res.headers['content-type']).toContain('text/event-stream');
      const notices: ChangeNotice[] = [];
      let buffer = '';
      res.setEncoding('utf8').on('data', (chunk: string) => {
        buffer += chunk;
        if (buffer.includes(': connected')) open();
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = /^data: (.*)$/m.exec(message)?.[1];
          if (/^event: change$/m.test(message) && data) notices.push(JSON.parse(data) as ChangeNotice);
        }
        if (until(notices)) {
          req.destroy();
          resolve(notices);
        }
      });
    });
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' ? undefined : reject(error)));
    req.end();
  });
  return { opened, done };
}

describe('ombud server', () => {
  it('serves the contract over HTTPS with Bearer sessions: each connection acts as its own person', async () => {
    const fia = await signIn('fia');
    const jonas = await signIn('jonas');
    expect(await rpc('cases:list', {})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await rpc('cases:addNote', { id: caseId, text: 'Från Fia' }, fia)).toMatchObject({ ok: true });
    expect(await rpc('cases:addNote', { id: caseId, text: 'Från Jonas' }, jonas)).toMatchObject({ ok: true });
    const authors = store.sqlite
      .prepare(`SELECT u.username FROM history_events e JOIN users u ON u.id = e.actor_user_id WHERE e.case_id = ? AND e.kind = 'note' ORDER BY e.id`)
      .pluck()
      .all(caseId);
    expect(authors).toEqual(['fia', 'jonas']);
    expect(await rpc('session:signOut', {}, jonas)).toMatchObject({ ok: true, data: { user: null } });
    expect(await rpc('cases:list', {}, jonas)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await rpc('cases:list', {}, fia)).toMatchObject({ ok: true });
    expect((await verifyAuditChain(store.db)).intact).toBe(true);
    // Static files for a browser on the office network.
    expect((await https('/')).body).toContain('<title>Ombud</title>');
    // A page from another origin gets nothing, even with a stolen token.
    expect((await https('/rpc/cases:list', { method: 'POST', body: {}, token: fia, headers: { origin: 'https://evil.example' } })).status).toBe(403);
  });

  it('pushes a change notice to the other people when someone writes', async () => {
    const fia = await signIn('fia');
    const jonas = await signIn('jonas');
    expect((await https('/events')).status).toBe(401);
    const stream = events(fia, (notices) => notices.some((n) => n.kind === 'case' && n.caseId === caseId));
    await stream.opened;
    expect(await rpc('cases:addNote', { id: caseId, text: 'Ny anteckning' }, jonas)).toMatchObject({ ok: true });
    const notices = await stream.done;
    const jonasId = store.sqlite.prepare(`SELECT id FROM users WHERE username = 'jonas'`).pluck().get();
    expect(notices).toContainEqual({ kind: 'case', caseId, by: jonasId, at: expect.any(String) });
    // Notices carry no content.
    expect(JSON.stringify(notices)).not.toContain('Ny anteckning');
  });

  it('answers malformed requests with 4xx and keeps serving', async () => {
    expect((await https('/rpc/%E0%A4%A', { method: 'POST', body: {} })).status).toBe(400);
    expect((await https('/%')).status).toBe(400);
    expect((await https('/rpc/app:info', { method: 'POST', headers: { 'content-length': String(2 * 1024 * 1024) }, body: 'x'.repeat(2 * 1024 * 1024 - 2) })).status).toBe(413);
    expect((await https('/rpc/app:info', { method: 'POST', body: {} })).status).toBe(200);
  });
});

describe('the ombud server command', () => {
  it('creates a self-signed certificate beside the store on first start and prints its fingerprint', async () => {
    const renderer = join(dir, 'renderer');
    const child = spawn(process.execPath, [join(import.meta.dirname, '../../bin/ombud.mjs'), 'server', '--db', join(dir, 'team.sqlite'), '--listen', '127.0.0.1:0', '--renderer', renderer], { stdio: 'pipe' });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = '';
        let err = '';
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
          out += chunk;
          const found = /^Ombud team server on .*$/m.exec(out);
          if (found) resolve(found[0]);
        });
        child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
        child.on('exit', (code) => reject(new Error(`exited ${code}: ${err}`)));
      });
      const fingerprint = new (await import('node:crypto')).X509Certificate(readFileSync(join(dir, 'team.sqlite.tls.crt'))).fingerprint256;
      expect(line).toMatch(/^Ombud team server on https:\/\/127\.0\.0\.1:\d+ \(certificate SHA-256 ([0-9A-F]{2}:){31}[0-9A-F]{2}\)$/);
      expect(line).toContain(fingerprint);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
