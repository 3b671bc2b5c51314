import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { TEMPLATE_STORE, DEMO_AS_OF, DEMO_CASES } from './paths';

/**
 * The environment for `ombud` children: without the loader Playwright puts in NODE_OPTIONS for its
 * own TypeScript, which would otherwise stand in front of tsx and refuse plain JSON imports.
 */
export function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  return env;
}

/** One demo store for the whole run; every test gets its own copy of it. */
export default function globalSetup(): void {
  if (!existsSync(join(process.cwd(), 'out', 'renderer', 'index.html'))) {
    throw new Error('The renderer is not built: run `npm run build` (npm run test:e2e does it for you).');
  }
  mkdirSync(join(TEMPLATE_STORE, '..'), { recursive: true });
  for (const suffix of ['', '-wal', '-shm']) rmSync(TEMPLATE_STORE + suffix, { force: true });
  execFileSync(process.execPath, ['bin/ombud.mjs', 'demo', '--cases', String(DEMO_CASES), '--as-of', DEMO_AS_OF, '--db', TEMPLATE_STORE], {
    stdio: 'inherit',
    env: cleanEnv(),
  });
}
