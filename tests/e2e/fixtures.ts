import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { cleanEnv } from './global-setup';
import { DEMO_AS_OF, TEMPLATE_STORE } from './paths';

export interface Workbench {
  /** The harness URL with its token, as `ombud serve` prints it. */
  url: string;
  /** This test's own copy of the demo store. */
  dbPath: string;
  /** Where main writes this test's exports. */
  exportsDir: string;
}

function startServer(dbPath: string, exportsDir: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    // Exports go to this test's own folder, never the machine's Documents.
    const env = { ...cleanEnv(), OMBUD_EXPORTS_DIR: exportsDir };
    const child = spawn(process.execPath, ['bin/ombud.mjs', 'serve', '--db', dbPath, '--today', DEMO_AS_OF], { stdio: ['ignore', 'pipe', 'pipe'], env });
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

/**
 * Checks the screen the page shows now against WCAG 2.2 AA with axe: no serious or critical
 * violation. Every journey gets this on its last screen (the page fixture below); call it on the
 * screens a journey passes through on the way.
 */
export async function expectAccessible(page: Page, where = 'screen'): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const serious = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")} — ${v.nodes[0]?.failureSummary ?? ""}`);
  expect(serious, `accessibility violations on ${where}`).toEqual([]);
}

/** A fresh store and harness per test, so tests never see each other's changes. */
export const test = base.extend<{ workbench: Workbench; page: Page }>({
  // Every journey ends with an axe check of the screen it left the workbench on.
  page: async ({ page }, use, testInfo) => {
    await use(page);
    if (testInfo.status === 'passed' && !page.isClosed() && page.url().startsWith('http')) await expectAccessible(page, 'the last screen');
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
  workbench: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'ombud-e2e-'));
    const dbPath = join(dir, 'store.sqlite');
    copyFileSync(TEMPLATE_STORE, dbPath);
    const exportsDir = join(dir, 'exports');
    const { child, url } = await startServer(dbPath, exportsDir);
    try {
      await use({ url, dbPath, exportsDir });
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
