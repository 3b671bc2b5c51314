import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { openStore } from '../../src/main/db/connection';
import { createDemoStore } from '../../src/main/demo/generate';

/** The demo's "today" for stores the suite builds; e2e tests use the same day. */
export const BENCH_AS_OF = '2026-11-16';
export const BENCH_SEED = 1;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []))
    .sort();
}

/**
 * The generator's version: a hash of its source (the demo folder, the intake writer it uses and
 * the migrations that shape the store).
 * Any change to how demo cases are made gives a new cache key, so a stale store is never reused.
 */
export function generatorVersion(root: string): string {
  const hash = createHash('sha256');
  const files = [
    ...sourceFiles(join(root, 'src/main/demo')),
    // A store carries its schema: a cached store must not skip a migration added later.
    ...sourceFiles(join(root, 'src/main/db/migrations')),
    join(root, 'src/main/db/repositories/case-writer.repository.ts'),
    join(root, 'src/main/services/case-intake.service.ts'),
    join(root, 'src/main/services/derived.ts'),
  ];
  for (const file of files) {
    hash.update(relative(root, file));
    hash.update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 12);
}

export interface CachedStore {
  path: string;
  built: boolean;
  buildSeconds: number | null;
}

/**
 * A demo store of `cases` cases, built once and kept under `cacheDir` by generator version and
 * size. It is built under a temporary name and renamed when complete, so an interrupted build is
 * never mistaken for a finished one.
 */
export async function ensureBenchStore(options: {
  root: string;
  cacheDir: string;
  cases: number;
  log?: (line: string) => void;
}): Promise<CachedStore> {
  const { root, cacheDir, cases, log = () => {} } = options;
  mkdirSync(cacheDir, { recursive: true });
  const path = join(cacheDir, `demo-${generatorVersion(root)}-seed${BENCH_SEED}-${BENCH_AS_OF}-${cases}.sqlite`);
  if (existsSync(path)) return { path, built: false, buildSeconds: null };
  const partial = `${path}.partial`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(partial + suffix, { force: true });
  log(`Building a ${cases.toLocaleString('en')}-case demo store in ${partial} (once per generator version) …`);
  const started = performance.now();
  const store = await openStore(partial);
  let reported = 0;
  try {
    await createDemoStore(store, {
      cases,
      seed: BENCH_SEED,
      asOf: BENCH_AS_OF,
      onProgress: (done, total) => {
        if (done === total || done - reported >= Math.max(1000, Math.floor(total / 20))) {
          reported = done;
          log(`  ${done.toLocaleString('en')} / ${total.toLocaleString('en')} cases`);
        }
      },
    });
  } finally {
    await store.close();
  }
  renameSync(partial, path);
  for (const suffix of ['-wal', '-shm']) rmSync(partial + suffix, { force: true });
  return { path, built: true, buildSeconds: (performance.now() - started) / 1000 };
}
