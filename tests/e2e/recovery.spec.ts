import { spawn, type ChildProcess, execFileSync } from 'node:child_process';
import { closeSync, copyFileSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { signIn } from './fixtures';
import { DEMO_AS_OF, TEMPLATE_STORE } from './paths';
import { cleanEnv } from './global-setup';

function startServer(dbPath: string): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/ombud.mjs', 'serve', '--db', dbPath, '--today', DEMO_AS_OF], { stdio: ['ignore', 'pipe', 'pipe'], env: cleanEnv() });
    let output = '';
    const timer = setTimeout(() => reject(new Error(`ombud serve did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running on (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: match[1], output: () => output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
  });
}

/** Overwrites the middle third of the file with garbage pages, as a failing disk would. */
function corrupt(path: string): void {
  const pages = Math.floor(statSync(path).size / 4096);
  const garbage = Buffer.alloc(4096, 0xa5);
  const fd = openSync(path, 'r+');
  for (let p = Math.floor(pages / 3); p < Math.floor((pages * 2) / 3); p += 1) writeSync(fd, garbage, 0, 4096, p * 4096);
  closeSync(fd);
}

test('a damaged store shows the recovery screen with the latest good backup, and restoring it opens the workbench', async ({ page }, testInfo) => {
  const dir = mkdtempSync(join(tmpdir(), 'ombud-e2e-recovery-'));
  const dbPath = join(dir, 'store.sqlite');
  copyFileSync(TEMPLATE_STORE, dbPath);
  execFileSync(process.execPath, ['bin/ombud.mjs', 'backup', '--db', dbPath, '--out', join(dir, 'backups', 'store-20261115T080000Z-scheduled.sqlite')], { env: cleanEnv() });
  for (const suffix of ['-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
  corrupt(dbPath);
  const server = await startServer(dbPath);
  try {
    expect(server.output()).toContain('The store cannot be used');
    await page.goto(server.url);
    const screen = page.getByTestId('recovery-screen');
    await expect(screen.getByRole('heading', { name: 'Databasen är skadad' })).toBeVisible();
    await expect(page.getByTestId('recovery-problem')).toContainText('is damaged');
    await expect(page.getByTestId('recovery-backup')).toContainText('store-20261115T080000Z-scheduled.sqlite');
    await expect(page.getByTestId('recovery-backup')).toContainText('15 november 2026');
    await page.screenshot({ path: testInfo.outputPath('recovery-screen.png') });
    await page.getByTestId('recovery-restore').click();
    // The workbench opens on the restored store, starting with sign-in.
    await signIn(page, 'fia');
    await expect(page.getByTestId('session-user')).toBeVisible();
    await expect(page.locator('[data-testid="case-row"]').first()).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('after-restore.png') });
  } finally {
    server.child.kill('SIGTERM');
    await new Promise((r) => server.child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
});
