import type { Worker } from 'node:worker_threads';
import { spawnWorker } from '../workers/spawn';
import type { RenderOutput, RenderProgress, RenderTask, WorkerMessage, WorkerRequest } from './render-task';

/**
 * Runs render tasks in one long-lived `worker_threads` worker, so pdfkit, docx and pdf-lib never
 * hold main's event loop: the window (or the harness) keeps answering while a package is built.
 *
 * From source (CLI, harness, tests) the worker loads `render-worker.ts` through tsx; the built
 * Electron app runs its bundled `render-worker.js` (see workers/spawn.ts).
 */
let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, { resolve: (o: RenderOutput) => void; reject: (e: Error) => void; onProgress: (p: RenderProgress) => void }>();

function spawn(): Worker {
  const w = spawnWorker('render-worker', new URL('./render-worker.ts', import.meta.url));
  w.on('message', (m: WorkerMessage) => {
    const job = pending.get(m.id);
    if (!job) return;
    if (m.type === 'progress') job.onProgress(m.progress);
    else {
      pending.delete(m.id);
      if (m.type === 'done') job.resolve(m.output);
      else job.reject(new Error(m.message));
    }
    if (pending.size === 0) w.unref();
  });
  const fail = (error: Error) => {
    if (worker === w) worker = undefined;
    for (const [id, job] of pending) {
      pending.delete(id);
      job.reject(new Error(`The export worker stopped: ${error.message}`));
    }
  };
  w.on('error', fail);
  w.on('exit', (code) => fail(new Error(`exit code ${code}`)));
  return w;
}

/** Renders in the worker; progress arrives as the worker reports it. */
export function renderInWorker(task: RenderTask, onProgress: (p: RenderProgress) => void = () => {}): Promise<RenderOutput> {
  worker ??= spawn();
  const w = worker;
  // A CLI or test that is done must be able to exit: the worker holds the process only while it works.
  w.ref();
  const id = nextId++;
  return new Promise<RenderOutput>((resolve, reject) => {
    pending.set(id, { resolve, reject, onProgress });
    const request: WorkerRequest = { id, task };
    w.postMessage(request);
  });
}

/** Stops the worker (tests, shutdown); the next task starts a new one. */
export async function stopRenderWorker(): Promise<void> {
  const w = worker;
  worker = undefined;
  if (w) await w.terminate();
}
