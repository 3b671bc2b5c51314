import { parentPort } from 'node:worker_threads';
import { checkpointStore } from '../db/checkpoint';
import { readCaseBatches } from './case-lines';
import type { ParseWorkerMessage, ParseWorkerRequest } from './parse-in-worker';

// The case import's reading worker: reads, validates, converts and derives a file's cases on a
// core of its own and posts them in batches to the thread that writes them. Main grants credit
// for a few batches at a time, so memory stays bounded however large the file is. One file at a
// time; the worker then waits for the next. It also checkpoints a store after an import (see
// checkpointInWorker), so copying the import's pages into the store file holds no one up.
const port = parentPort;
if (!port) throw new Error('parse-worker.ts runs as a worker thread only.');

let credit = 0;
let wake: (() => void) | null = null;
const post = (m: ParseWorkerMessage) => port.postMessage(m);

port.on('message', (m: ParseWorkerRequest) => {
  if (m.type === 'credit') {
    credit += m.n;
    wake?.();
    wake = null;
    return;
  }
  if (m.type === 'checkpoint') {
    const pages = checkpointStore(m.path, m.nativeBinding);
    post({ type: 'checkpointed', pages });
    return;
  }
  credit = 0;
  void (async () => {
    try {
      for await (const batch of readCaseBatches(m.options)) {
        while (credit <= 0) await new Promise<void>((ok) => (wake = ok));
        credit--;
        post({ type: 'batch', batch });
      }
      post({ type: 'end' });
    } catch (error) {
      post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  })();
});
