import { parentPort } from 'node:worker_threads';
import { runRenderTask } from './render';
import type { WorkerMessage, WorkerRequest } from './render-task';

// The render worker's entry: one task at a time as main sends them, progress and result posted back.
// Rendering a long letter or a 50-exhibit package here keeps main's event loop free for the window.
const port = parentPort;
if (!port) throw new Error('render-worker.ts runs as a worker thread only.');

let queue = Promise.resolve();
port.on('message', (request: WorkerRequest) => {
  queue = queue.then(async () => {
    const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
    try {
      const output = await runRenderTask(request.task, (progress) => post({ id: request.id, type: 'progress', progress }));
      const bytes = output.kind === 'letter' ? output.bytes : output.result.pdf;
      post({ id: request.id, type: 'done', output }, bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? [bytes.buffer] : []);
    } catch (error) {
      post({ id: request.id, type: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  });
});
