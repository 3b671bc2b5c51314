import { parentPort, workerData } from 'node:worker_threads';
import { copyStore, type BackupWorkerData, type BackupWorkerMessage } from './backup-copy';

// The backup's copying thread: one backup per worker, started by `backupTo` (backup.ts). A copy of
// a store of gigabytes takes a minute; here it holds up no one but this thread.
const port = parentPort;
if (!port) throw new Error('backup-worker.ts runs as a worker thread only.');

let message: BackupWorkerMessage;
try {
  copyStore(workerData as BackupWorkerData);
  message = { type: 'copied' };
} catch (error) {
  const code = (error as { code?: unknown }).code;
  message = { type: 'failed', message: error instanceof Error ? error.message : String(error), code: typeof code === 'string' ? code : null };
}
port.postMessage(message);
