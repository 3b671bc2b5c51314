import type { Worker } from 'node:worker_threads';
import { nativeBinding } from '../db/native';
import { spawnWorker } from '../workers/spawn';
import type { ParsedBatch, ReadCasesOptions } from './case-lines';

/**
 * Reading a case exchange file in a worker thread: the same batches as `readCaseBatches`, but
 * JSON parsing, validation, conversion and derivation run on another core while this thread
 * writes the previous batches to the store. The two halves take about as long as each other, so
 * on two cores the import takes about as long as its writing.
 *
 * Workers are kept between imports (starting one loads the validation schemas and the holiday
 * calendars); an idle worker does not keep the process alive.
 */

export type ParseWorkerMessage =
  | { type: 'batch'; batch: ParsedBatch }
  | { type: 'end' }
  | { type: 'failed'; message: string }
  | { type: 'checkpointed'; pages: number | null };
export type ParseWorkerRequest =
  | { type: 'read'; options: ReadCasesOptions }
  | { type: 'credit'; n: number }
  | { type: 'checkpoint'; path: string; nativeBinding: string | undefined };

/** How many batches (about 1 MiB of lines each) a worker may read ahead of the writer. */
const AHEAD = 4;
const idle: Worker[] = [];

/** Structured clone hands Buffers over as plain Uint8Arrays; the store binds Buffers. */
function revive(batch: ParsedBatch): ParsedBatch {
  for (const item of batch.items) {
    if (item.kind !== 'case') continue;
    for (const e of item.bundle.events) {
      for (const a of e.attachments ?? []) {
        if (!Buffer.isBuffer(a.content)) {
          const u = a.content as Uint8Array;
          a.content = Buffer.from(u.buffer, u.byteOffset, u.byteLength);
        }
      }
    }
  }
  return batch;
}

/**
 * One job's listeners on a pooled worker. `release` takes them off and returns the worker to the
 * pool when the job ended cleanly, or stops it when it did not (it may still be working).
 */
function attach(
  worker: Worker,
  on: { message: (m: ParseWorkerMessage) => void; error: (error: Error) => void; exit: (code: number) => void },
): { release: (reusable: boolean) => Promise<void> } {
  worker.on('message', on.message);
  worker.on('error', on.error);
  worker.on('exit', on.exit);
  return {
    async release(reusable) {
      worker.off('message', on.message);
      worker.off('error', on.error);
      worker.off('exit', on.exit);
      if (reusable) {
        worker.unref();
        idle.push(worker);
      } else await worker.terminate();
    },
  };
}

function takeWorker(): Worker {
  let worker = idle.pop();
  if (!worker) {
    const spawned = spawnWorker('parse-worker', new URL('./parse-worker.ts', import.meta.url));
    // A worker that stops while idle must not be handed out again.
    spawned.once('exit', () => {
      const at = idle.indexOf(spawned);
      if (at >= 0) idle.splice(at, 1);
    });
    worker = spawned;
  }
  worker.ref();
  return worker;
}

/**
 * Copies what an import wrote to the store's write-ahead log into the store file, in a worker:
 * an import of a million events leaves a log of a gigabyte, and copying it on the importing thread
 * (as SQLite's automatic checkpoint would, at commit) holds up the import's result, or in the app
 * the window, for seconds. PASSIVE: it waits for no reader or writer. Resolves with the pages
 * the log holds copied (null when it could not run, e.g. another checkpoint was running; a later
 * checkpoint then does the work).
 */
export function checkpointInWorker(path: string): Promise<number | null> {
  const worker = takeWorker();
  return new Promise((resolve) => {
    const job = attach(worker, {
      message: (m) => {
        if (m.type === 'checkpointed') done(m.pages, true);
      },
      error: () => done(null, false),
      exit: () => done(null, false),
    });
    const done = (pages: number | null, reusable: boolean) => {
      void job.release(reusable);
      resolve(pages);
    };
    worker.postMessage({ type: 'checkpoint', path, nativeBinding: nativeBinding() } satisfies ParseWorkerRequest);
  });
}

export async function* readCaseBatchesInWorker(options: ReadCasesOptions): AsyncGenerator<ParsedBatch> {
  const worker = takeWorker();
  const queue: ParsedBatch[] = [];
  let ended = false;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const poke = () => {
    wake?.();
    wake = null;
  };
  const job = attach(worker, {
    message: (m) => {
      if (m.type === 'batch') queue.push(revive(m.batch));
      else if (m.type === 'end') ended = true;
      else if (m.type === 'failed') failure = new Error(m.message);
      poke();
    },
    error: (error) => {
      failure ??= error;
      poke();
    },
    exit: (code) => {
      if (!ended) failure ??= new Error(`The import's reading worker stopped before the end of the file (exit code ${code}).`);
      poke();
    },
  });
  const send = (m: ParseWorkerRequest) => worker.postMessage(m);
  send({ type: 'read', options });
  send({ type: 'credit', n: AHEAD });
  let reusable = false;
  try {
    for (;;) {
      const batch = queue.shift();
      if (batch) {
        send({ type: 'credit', n: 1 });
        yield batch;
        continue;
      }
      if (failure) throw failure;
      if (ended) {
        reusable = true;
        return;
      }
      await new Promise<void>((ok) => (wake = ok));
    }
  } finally {
    // Stopped early (a problem, or the reader gave up), the worker may still be reading: it is stopped.
    await job.release(reusable);
  }
}
