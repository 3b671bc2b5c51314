import { parentPort, workerData } from 'node:worker_threads';
import { copyStore, type BackupWorkerData, type BackupWorkerMessage } from './backup-copy';

// The backup's copying thread: one backup per worker, started by `backupTo` (backup.ts). A copy of
// a store of gigabytes takes a minute; here it holds up no one but this thread.
const port = parentPort;
if (!port) throw new Error('backup-worker.ts runs as a worker thread only.');

copyStore(workerData as BackupWorkerData).then(
  () => port.postMessage({ type: 'copied' } satisfies BackupWorkerMessage),
  (error: unknown) => {
    const code = (error as { code?: unknown }).code;
    const message = error instanceof Error ? error.message : String(error);
    port.postMessage({ type: 'failed', message, code: typeof code === 'string' ? code : null } satisfies BackupWorkerMessage);
  },
);
