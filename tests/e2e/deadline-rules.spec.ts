import BetterSqlite3 from 'better-sqlite3';
import { addBusinessDays } from '../../src/main/services/calendar/business-days';
import { expect, openAs, signIn, test } from './fixtures';

test('the ombudsman shortens the Swedish internal target; the case view and the stored deadline follow; a handler may only read', async ({ page, workbench }, testInfo) => {
  const db = new BetterSqlite3(workbench.dbPath, { readonly: true });
  const target = db
    .prepare(
      `SELECT c.id, c.received_date FROM cases c
       WHERE c.market = 'SE' AND c.next_due_kind = 'internal_target'
         AND NOT EXISTS (SELECT 1 FROM history_events e WHERE e.case_id = c.id AND e.kind = 'status_change' AND e.data LIKE '%waiting_for_customer%')
       ORDER BY c.id LIMIT 1`,
    )
    .get() as { id: number; received_date: string };
  db.close();
  expect(target).toBeTruthy();

  await openAs(page, workbench, 'fia');
  const base = workbench.url.split('#')[0];
  await page.goto(`${base}#/case/${target.id}`);
  const internal = page.locator('[data-testid="deadline"][data-kind="internal_target"]');
  await expect(internal).toHaveAttribute('data-due', addBusinessDays('SE', target.received_date, 10));

  await page.getByTestId('settings-menu').click();
  await page.getByTestId('menu-deadline-rules').click();
  const dialog = page.getByTestId('deadline-rules');
  await expect(dialog.getByTestId('rule-SE-psd2_final-days')).toHaveValue('15');
  // The law's ceiling is named and enforced by main, not just by the field.
  await dialog.getByTestId('rule-SE-psd2_final-days').fill('20');
  await dialog.getByTestId('deadline-rules-save').click();
  await expect(dialog.getByTestId('deadline-rules-error')).toContainText('får vara högst 15');
  await dialog.getByTestId('rule-SE-psd2_final-days').fill('15');
  await dialog.getByTestId('rule-SE-internal_target-days').fill('5');
  await dialog.getByTestId('deadline-rules-save').click();
  await expect(dialog.getByTestId('deadline-rules-changed')).toContainText('Fia');
  await page.screenshot({ path: testInfo.outputPath('deadline-rules.png') });
  await page.keyboard.press('Escape');

  await page.reload();
  await expect(internal).toHaveAttribute('data-due', addBusinessDays('SE', target.received_date, 5));
  // The inbox's stored deadline is recomputed in the background.
  await expect
    .poll(() => {
      const check = new BetterSqlite3(workbench.dbPath, { readonly: true });
      try {
        return check.prepare('SELECT next_due_date FROM cases WHERE id = ?').pluck().get(target.id);
      } finally {
        check.close();
      }
    })
    .toBe(addBusinessDays('SE', target.received_date, 5));

  await page.getByTestId('sign-out').click();
  await signIn(page, 'jonas');
  await page.getByTestId('settings-menu').click();
  await page.getByTestId('menu-deadline-rules').click();
  await expect(dialog.getByTestId('rule-SE-internal_target-days')).toHaveValue('5');
  await expect(dialog.getByTestId('rule-SE-internal_target-days')).toBeDisabled();
  await expect(dialog.getByTestId('deadline-rules-save')).toHaveCount(0);
});
