import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoExchangeLines } from '../../src/main/demo/exchange';
import { startHarness, type Harness } from '../../src/main/harness/server';
import { findUpload } from '../../src/main/import/uploads';
import { sessionUser } from '../../src/main/services/session.service';
import { tempStore } from '../fixtures/temp-store';

let harness: Harness;
let t: Awaited<ReturnType<typeof tempStore>>;

beforeAll(async () => {
  t = await tempStore();
  const renderer = join(t.dir, 'renderer');
  mkdirSync(renderer);
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Ombud</title>');
  harness = await startHarness({ context: { store: t.store, user: await sessionUser(t.store) }, rendererDir: renderer, validateOutput: true });
});
afterAll(async () => {
  await harness.close();
  await t.cleanup();
});

const upload = (body: string, headers: Record<string, string>) =>
  fetch(`${harness.origin}/upload`, { method: 'POST', body, headers: { 'content-type': 'application/octet-stream', ...headers } });
const rpc = async (channel: string, body: unknown) => {
  const r = await fetch(`${harness.origin}/rpc/${channel}`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', 'x-ombud-token': harness.token } });
  return (await r.json()) as { ok: boolean; data?: any; error?: { code: string; message: string } }; // eslint-disable-line @typescript-eslint/no-explicit-any
};

describe('import through the browser harness', () => {
  it('refuses an upload without the token or from another origin', async () => {
    expect((await upload('x', { 'x-file-name': 'a.jsonl' })).status).toBe(401);
    expect((await upload('x', { 'x-file-name': 'a.jsonl', 'x-ombud-token': harness.token, origin: 'http://evil.example' })).status).toBe(403);
    expect((await upload('x', { 'x-ombud-token': harness.token })).status).toBe(400);
  });

  it('refuses an upload while nobody is signed in', async () => {
    const renderer = join(t.dir, 'renderer');
    const signedOut = await startHarness({ context: { store: t.store, user: null }, rendererDir: renderer });
    try {
      const r = await fetch(`${signedOut.origin}/upload`, { method: 'POST', body: 'x', headers: { 'x-file-name': 'a.jsonl', 'x-ombud-token': signedOut.token } });
      expect(r.status).toBe(401);
      expect(await r.json()).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    } finally {
      await signedOut.close();
    }
  });

  it('uploads a file under an id, imports it in the background and reports progress and the result', async () => {
    const content = [...demoExchangeLines({ seed: 8, count: 30, asOf: '2026-11-16' })].join('');
    const r = await upload(content, { 'x-file-name': encodeURIComponent('export från kundservice.jsonl'), 'x-ombud-token': harness.token });
    expect(r.status).toBe(200);
    const up = (await r.json()) as { ok: true; data: { uploadId: string; fileName: string; size: number } };
    expect(up.data).toMatchObject({ fileName: 'export från kundservice.jsonl', size: Buffer.byteLength(content) });
    const stored = findUpload(up.data.uploadId)!;
    expect(existsSync(stored.path)).toBe(true);

    const started = await rpc('import:start', { uploadId: up.data.uploadId, kind: 'cases' });
    expect(started.ok).toBe(true);
    let status = await rpc('import:status', { runId: started.data.runId });
    for (let i = 0; i < 200 && status.data.state === 'running'; i++) {
      await new Promise((ok) => setTimeout(ok, 50));
      status = await rpc('import:status', { runId: started.data.runId });
    }
    expect(status.data).toMatchObject({ state: 'done', fileName: 'export från kundservice.jsonl', fraction: 1, result: { committed: true, created: 30, rejected: 0 } });
    // The temp copy is gone once imported; the audit row names the user's file.
    expect(existsSync(stored.path)).toBe(false);
    expect(t.store.sqlite.prepare(`SELECT json_extract(detail, '$.file') FROM audit_log WHERE action = 'import.cases'`).pluck().get()).toBe('export från kundservice.jsonl');
  });

  it('accepts only upload ids, never paths', async () => {
    const bad = await rpc('import:start', { uploadId: '/etc/passwd', kind: 'cases' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(bad.error!.message).toContain('uploadId: must be an upload id');
    const unknown = await rpc('import:start', { uploadId: 'A'.repeat(24), kind: 'cases' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await rpc('import:status', { runId: 'nope-nope-nope' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
