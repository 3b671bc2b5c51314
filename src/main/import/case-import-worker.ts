import { parentPort, workerData } from 'node:worker_threads';
import { readCaseBatches, type ReadCasesOptions } from './case-lines';

/**
 * The reading half of a case import, on a thread of its own: JSON parsing, validation and
 * conversion of one batch of lines go on while the importing thread writes the previous one.
 * The importing thread grants credit for a few batches at a time (one message each), so the
 * reader never runs more than a few batches ahead: memory stays bounded on a file of any size.
 */
const port = parentPort!;
let credit = 0;
let wake: (() => void) | null = null;
port.on('message', (n: number) => {
  credit += n;
  wake?.();
  wake = null;
});

for await (const batch of readCaseBatches(workerData as ReadCasesOptions)) {
  while (credit === 0) await new Promise<void>((ok) => (wake = ok));
  credit--;
  port.postMessage(batch);
}
port.postMessage(null);
port.close();
