import BetterSqlite3 from 'better-sqlite3';
import { expect, openAs, test } from './fixtures';

test('the ombudsman sees the backups, backs up now, previews retention and anonymises what the rules select', async ({ page, workbench }, testInfo) => {
  await openAs(page, workbench, 'fia');
  await page.getByTestId('settings-menu').click();
  await page.getByTestId('open-data-care').click();
  const backups = page.getByTestId('backup-list');
  // The schedule took one when the workbench started.
  await expect(backups.getByRole('row')).toHaveCount(2);
  await expect(backups).toContainText('Schemalagd');
  await page.getByTestId('backup-now').click();
  await expect(backups.getByRole('row')).toHaveCount(3);
  await expect(backups).toContainText('På begäran');

  // With the default three years nothing in the demo store is due; with one year some closed cases are.
  await expect(page.getByTestId('retention-preview-summary')).toContainText('I dag skulle reglerna anonymisera 0 ärenden');
  await page.getByTestId('retention-closed-years').fill('1');
  await expect(page.getByTestId('retention-preview-summary')).toContainText('Spara reglerna');
  await page.getByTestId('retention-save').click();
  const summary = page.getByTestId('retention-preview-summary');
  await expect(summary).toContainText(/I dag skulle reglerna anonymisera [1-9]\d* ärenden?/);
  const count = Number(/anonymisera (\d+)/.exec((await summary.textContent()) ?? '')![1]);
  const first = (await page.getByTestId('retention-preview').getByRole('row').nth(1).locator('td').first().textContent())!;
  await page.screenshot({ path: testInfo.outputPath('data-care.png'), fullPage: true });

  await page.getByTestId('retention-run').click();
  await expect(page.getByTestId('retention-confirm')).toContainText('Det går inte att ångra');
  await page.getByTestId('retention-confirm-run').click();
  await expect(page.getByTestId('retention-result')).toHaveText(count === 1 ? 'Anonymiserade 1 ärende.' : `Anonymiserade ${count} ärenden.`);
  await expect(summary).toContainText('anonymisera 0 ärenden');

  const db = new BetterSqlite3(workbench.dbPath, { readonly: true });
  const row = db.prepare('SELECT c.customer_name, c.anonymised_at, cu.personal_number FROM cases c JOIN customers cu ON cu.id = c.customer_id WHERE c.number = ?').get(first) as {
    customer_name: string;
    anonymised_at: string | null;
    personal_number: string;
  };
  const runs = db.prepare('SELECT dry_run, trigger, cases_affected FROM retention_runs').all();
  db.close();
  expect(row.anonymised_at).not.toBeNull();
  expect(row.personal_number).toBe('');
  expect(['Anonymiserad', 'Anonymiseret', 'Anonymised']).toContain(row.customer_name);
  expect(runs).toEqual([{ dry_run: 0, trigger: 'app', cases_affected: count }]);
  await page.screenshot({ path: testInfo.outputPath('data-care-after-run.png'), fullPage: true });
});
