import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { expect, openAs, signIn, test } from './fixtures';

/** A Swedish case whose decision is issued (the demo store issues decisions on part of its cases). */
function pickIssuedCase(dbPath: string): { id: number; number: string } {
  const db = new BetterSqlite3(dbPath, { readonly: true });
  const row = db
    .prepare(
      `SELECT c.id, c.number FROM cases c
       WHERE c.market = 'SE' AND EXISTS (SELECT 1 FROM decisions d WHERE d.case_id = c.id AND d.status = 'issued')
         AND NOT EXISTS (SELECT 1 FROM history_events e WHERE e.case_id = c.id AND e.kind = 'letter_exported')
       ORDER BY c.id LIMIT 1`,
    )
    .get() as { id: number; number: string } | undefined;
  db.close();
  expect(row, 'the demo store holds a Swedish case with an issued decision').toBeDefined();
  return row!;
}

async function openDecision(page: Page, url: string, caseId: number): Promise<void> {
  await page.goto(`${url.split('#')[0]}#/`);
  await page.goto(`${url.split('#')[0]}#/case/${caseId}`);
  await expect(page.getByTestId('case-view')).toBeVisible();
  await page.getByTestId('case-mode').getByText('Beslut').click();
  await expect(page.getByTestId('decision-workspace')).toBeVisible();
}

test('a handler exports the issued decision as PDF, gets the download, sees the path and marks it as sent', async ({ page, workbench }, testInfo) => {
  test.setTimeout(120_000);
  const c = pickIssuedCase(workbench.dbPath);
  await openAs(page, workbench, 'jonas');
  await openDecision(page, workbench.url, c.id);
  const panel = page.getByTestId('decision-exports');
  await expect(panel.getByTestId('exports-empty')).toHaveText('Inga exporter ännu.');
  await panel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('exports-empty.png') });

  await panel.getByTestId('export-menu').click();
  await expect(page.getByTestId('export-issued-pdf')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('exports-menu.png') });
  const downloading = page.waitForEvent('download');
  await page.getByTestId('export-issued-pdf').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${c.number}-beslut.pdf`);
  const saved = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(saved);
  const text = execFileSync('pdftotext', ['-layout', saved, '-'], { encoding: 'utf8' });
  expect(text).toContain(c.number);
  expect(text).toMatch(/Sida 1 av \d+/);
  // The download is the very file main wrote to the exports folder and booked.
  const written = join(workbench.exportsDir, `${c.number}-beslut.pdf`);
  const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
  expect(sha(readFileSync(saved))).toBe(sha(readFileSync(written)));

  await expect(panel.getByTestId('export-done')).toContainText(`${c.number}-beslut.pdf är sparad.`);
  const row = panel.getByTestId('export-row').first();
  await expect(row).toContainText(`${c.number}-beslut.pdf`);
  await expect(row.getByTestId('export-not-sent')).toHaveText('Ej skickat');

  await row.getByTestId('export-show').click();
  await expect(panel.getByTestId('export-path-text')).toHaveText(written);
  await page.screenshot({ path: testInfo.outputPath('exports-done.png') });

  await row.getByTestId('export-mark-sent').click();
  await expect(row.getByTestId('mark-sent-date')).toHaveValue('2026-11-16');
  await row.getByTestId('mark-sent-channel').click();
  await page.getByRole('option', { name: 'e-post', exact: true }).click();
  await page.screenshot({ path: testInfo.outputPath('exports-mark-sent.png') });
  await row.getByTestId('mark-sent-save').click();
  await expect(row.getByTestId('export-sent')).toHaveText('Skickat 2026-11-16 · e-post');
  await page.screenshot({ path: testInfo.outputPath('exports-sent.png') });

  // The auditor sees the export and its sent state, but is offered no export.
  await page.getByTestId('sign-out').click();
  await signIn(page, 'gunnar');
  await openDecision(page, workbench.url, c.id);
  await expect(page.getByTestId('decision-exports').getByTestId('export-sent')).toBeVisible();
  await expect(page.getByTestId('export-menu')).toHaveCount(0);
});
