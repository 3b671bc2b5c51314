import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { cleanEnv } from './global-setup';
import { DEMO_AS_OF, TEMPLATE_STORE } from './paths';

export interface Workbench {
  /** The harness URL with its token, as `ombud serve` prints it. */
  url: string;
  /** This test's own copy of the demo store. */
  dbPath: string;
}

function startServer(dbPath: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/ombud.mjs', 'serve', '--db', dbPath, '--today', DEMO_AS_OF], { stdio: ['ignore', 'pipe', 'pipe'], env: cleanEnv() });
    let output = '';
    const timer = setTimeout(() => reject(new Error(`ombud serve did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running on (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: match[1] });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`ombud serve exited with ${code}:\n${output}`)));
  });
}

/** A fresh store and harness per test, so tests never see each other's changes. */
export const test = base.extend<{ workbench: Workbench }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
  workbench: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'ombud-e2e-'));
    const dbPath = join(dir, 'store.sqlite');
    copyFileSync(TEMPLATE_STORE, dbPath);
    const { child, url } = await startServer(dbPath);
    try {
      await use({ url, dbPath });
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    }
  },
});

/** Every demo account's password (see src/main/demo/generate.ts). */
export const DEMO_PASSWORD = 'demo';

/** Signs in on the sign-in screen the page shows now, and waits until the workbench is there. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.getByTestId('sign-in-username').fill(username);
  await page.getByTestId('sign-in-password').fill(password);
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('top-bar')).toBeVisible();
}

/** Opens the workbench and signs in (the demo ombudsman by default). */
export async function openAs(page: Page, workbench: Workbench, username = 'fia'): Promise<void> {
  await page.goto(workbench.url);
  await signIn(page, username);
}

export { expect };
