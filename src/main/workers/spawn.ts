import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Starts a `worker_threads` worker from one of main's worker entries, wherever main runs:
 * from source (CLI, harness, tests) the TypeScript entry is loaded through tsx; the built
 * Electron app names the folder of its bundled entries once at start (`useBuiltWorkers`), and
 * each entry is then `<folder>/<name>.js` (electron.vite.config.ts builds them beside index.js).
 */
let builtFolder: string | undefined;

/** The Electron main process points at the folder of its bundled workers (out/main). */
export function useBuiltWorkers(folder: string): void {
  builtFolder = folder;
}

/**
 * `name` is the bundle's name, `source` the TypeScript entry as a URL (resolve it with
 * `new URL('./x-worker.ts', import.meta.url)` in the caller's module).
 */
export function spawnWorker(name: string, source: URL, workerData?: unknown): Worker {
  if (builtFolder) return new Worker(join(builtFolder, `${name}.js`), { workerData });
  // tsx's loader must be registered inside the worker before the TypeScript entry is imported.
  // The ESM build of tsx's API, by path: the worker's eval code has no module to resolve from.
  const tsx = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist', 'esm', 'api', 'index.mjs')).href;
  return new Worker(`import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(source.href)}); });`, {
    eval: true,
    workerData,
  });
}
