import { readFileSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { expect, openAs, test } from './fixtures';

test('the audit log shows a personal-number reveal, filters by case and exports CSV', async ({ page, workbench }, testInfo) => {
  const db = new BetterSqlite3(workbench.dbPath, { readonly: true });
  const target = db.prepare(`SELECT id, number FROM cases ORDER BY id LIMIT 1`).get() as { id: number; number: string };
  db.close();

  await openAs(page, workbench, 'fia');
  await page.goto(`${new URL(workbench.url).origin}/#/case/${target.id}`);
  await page.getByTestId('reveal-personal-number').first().click();
  await expect(page.getByTestId('personal-number').first()).toHaveAttribute('data-revealed', 'true');

  await page.getByTestId('settings-menu').click();
  await page.getByTestId('open-audit').click();
  const screen = page.getByTestId('audit-screen');
  await expect(screen.getByRole('heading', { name: 'Granskningslogg' })).toBeVisible();
  const table = page.getByTestId('audit-table');
  await expect(table.getByRole('row').nth(1)).toContainText('Personnummer visat');
  await expect(table.getByRole('row').nth(1)).toContainText(target.number);
  await page.screenshot({ path: testInfo.outputPath('audit-log.png') });

  await page.getByTestId('audit-case').fill(target.number);
  await expect(page.getByTestId('audit-total')).toHaveText(/^1 rad$/);
  await page.getByTestId('audit-case').fill('KO-12');
  await expect(screen.getByText('Ett ärendenummer ser ut som KO-2026-000123')).toBeVisible();
  await page.getByTestId('audit-case').fill(target.number);
  await expect(page.getByTestId('audit-total')).toHaveText(/^1 rad$/);

  const download = page.waitForEvent('download');
  await page.getByTestId('audit-export').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(new RegExp(`^audit-${target.number}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
  const csv = readFileSync(await file.path(), 'utf8').replace(/^\uFEFF/, '');
  const lines = csv.trim().split('\n');
  expect(lines[0]).toBe('id,at,user_id,user,action,case,detail,hash');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(`customer.reveal_personal_number,${target.number},`);
  // The export is itself audited, on the same case.
  await expect(page.getByTestId('audit-total')).toHaveText(/^2 rader$/);
  await expect(table.getByRole('row').nth(1)).toContainText('Granskningslogg exporterad');
  await page.screenshot({ path: testInfo.outputPath('audit-log-filtered.png') });
});
