/**
 * A backup of an existing store while the process serves the browser workbench: how long the
 * backup takes, how long this thread's event loop stalls meanwhile (`monitorEventLoopDelay`:
 * the longest stall, and the 99th percentile), and the inbox (`POST /rpc/cases:list` through the
 * harness, as the browser asks for it) every 100 ms from a client on another thread, each
 * answer's round trip. The store is only read; the copy goes to a temp folder and is removed.
 * Run: node --import tsx bench/backup.ts <store.sqlite> [runs=1]
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { backupTo } from '../src/main/db/backup';
import { openStore } from '../src/main/db/connection';
import { startHarness } from '../src/main/harness/server';
import { sessionUser } from '../src/main/services/session.service';

export interface BackupBench {
  bytes: number;
  seconds: number;
  maxLoopDelayMs: number;
  p99LoopDelayMs: number;
  inboxRequests: number;
  inboxP50Ms: number;
  inboxMaxMs: number;
}

// The browser's side: its own event loop, so a round trip shows how long the server kept it waiting.
const CLIENT = `
const { parentPort, workerData } = require('node:worker_threads');
const times = [];
let asking = true;
parentPort.on('message', () => (asking = false));
const ask = async () => {
  const r = await fetch(workerData.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-ombud-token': workerData.token }, body: '{}' });
  const body = await r.json();
  if (!body.ok) throw new Error(JSON.stringify(body.error));
};
(async () => {
  await ask(); // warm: the first inbox of a process prepares its statements and reads its pages
  parentPort.postMessage({ ready: true });
  while (asking) {
    const asked = performance.now();
    await ask();
    times.push(performance.now() - asked);
    await new Promise((ok) => setTimeout(ok, 100));
  }
  parentPort.postMessage({ times });
})();
`;

export async function benchBackup(storePath: string): Promise<BackupBench> {
  const dir = mkdtempSync(join(tmpdir(), 'ombud-bench-backup-'));
  const store = await openStore(storePath, { create: false, migrate: false, readonly: true });
  try {
    const renderer = join(dir, 'renderer');
    mkdirSync(renderer);
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Ombud</title>');
    const harness = await startHarness({ context: { store, user: await sessionUser(store) }, rendererDir: renderer });
    try {
      const client = new Worker(CLIENT, { eval: true, workerData: { url: `${harness.origin}/rpc/cases:list`, token: harness.token } });
      const messages: { ready?: true; times?: number[] }[] = [];
      let wake: (() => void) | null = null;
      client.on('message', (m: { ready?: true; times?: number[] }) => {
        messages.push(m);
        wake?.();
      });
      client.on('error', (error) => {
        throw error;
      });
      const next = async () => {
        while (messages.length === 0) await new Promise<void>((ok) => (wake = ok));
        return messages.shift()!;
      };
      await next();
      const loop = monitorEventLoopDelay({ resolution: 10 });
      loop.enable();
      const result = await backupTo(store.path, join(dir, 'copy.sqlite'));
      loop.disable();
      client.postMessage('stop');
      const times = (await next()).times ?? [];
      await client.terminate();
      const sorted = [...times].sort((a, b) => a - b);
      return {
        bytes: result.bytes,
        seconds: result.milliseconds / 1000,
        maxLoopDelayMs: loop.max / 1e6,
        p99LoopDelayMs: loop.percentile(99) / 1e6,
        inboxRequests: times.length,
        inboxP50Ms: sorted[Math.floor(sorted.length / 2)] ?? 0,
        inboxMaxMs: sorted.at(-1) ?? 0,
      };
    } finally {
      await harness.close();
    }
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('backup.ts')) {
  const store = process.argv[2];
  if (!store) throw new Error('usage: node --import tsx bench/backup.ts <store.sqlite> [runs=1]');
  for (let run = 0; run < Number(process.argv[3] ?? 1); run += 1) {
    const r = await benchBackup(store);
    console.log(
      `backup: ${(r.bytes / 1024 / 1024).toFixed(1)} MiB in ${r.seconds.toFixed(2)} s; event-loop stall max ${r.maxLoopDelayMs.toFixed(0)} ms, ` +
        `p99 ${r.p99LoopDelayMs.toFixed(0)} ms; inbox over the harness ${r.inboxRequests}× during it: p50 ${r.inboxP50Ms.toFixed(0)} ms, max ${r.inboxMaxMs.toFixed(0)} ms`,
    );
  }
}
