import BetterSqlite3 from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** A Swedish case in review, without a decision, with one refund claim and customer-service history to cite. */
function pickCase(dbPath: string): { id: number; number: string; customer: string } {
  const db = new BetterSqlite3(dbPath, { readonly: true });
  const row = db
    .prepare(
      `SELECT c.id, c.number, c.customer_name AS customer FROM cases c
       WHERE c.market = 'SE' AND c.language = 'sv' AND c.status = 'in_review'
         AND (SELECT count(*) FROM claims WHERE case_id = c.id) = 1
         AND EXISTS (SELECT 1 FROM claims WHERE case_id = c.id AND kind = 'refund')
         AND NOT EXISTS (SELECT 1 FROM decisions WHERE case_id = c.id)
       ORDER BY c.id LIMIT 1`,
    )
    .get() as { id: number; number: string; customer: string } | undefined;
  db.close();
  expect(row, 'the demo store holds a Swedish refund case in review').toBeDefined();
  return row!;
}

async function openDecision(page: Page, url: string, caseId: number): Promise<void> {
  await page.goto(url);
  // The token is in session storage now; the case route is a hash on the same page.
  await page.goto(`${url.split('#')[0]}#/case/${caseId}`);
  await expect(page.getByTestId('case-view')).toBeVisible();
  await page.getByTestId('case-mode').getByText('Beslut').click();
}

async function chooseOption(page: Page, testId: string, label: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: label, exact: true }).click();
}

test('drafting a decision: template, claim panel, merge field, citation, autosave, submit', async ({ page, workbench }, testInfo) => {
  const c = pickCase(workbench.dbPath);
  await openDecision(page, workbench.url, c.id);

  await expect(page.getByTestId('template-picker')).toHaveValue('Beslut (Sverige, svenska)');
  await page.getByTestId('start-draft').click();
  const editor = page.getByTestId('decision-editor');
  await expect(editor).toContainText('Kundombudsmannens beslut');
  await expect(editor).toContainText(c.number);

  await chooseOption(page, 'claim-1-outcome', 'Bifalls');
  await page.getByTestId('claim-1-add-remedy').click();
  await page.getByTestId('claim-1-remedy-1-amount').fill('1 499,00');
  await page.getByTestId('claim-1-remedy-1-due').fill('2026-11-30');
  await page.getByTestId('claim-1-reasoning').fill('Varan levererades aldrig och handlaren svarade inte på reklamationen.');
  await expect(editor).toContainText(/Återbetalning 1\s499,00\skr senast 30 november 2026\./);

  // Replace the template's instruction with facts, a merge field and a cited event.
  await editor.getByText(/\[Beskriv vad som hänt/).click({ clickCount: 3 });
  await page.keyboard.type('Kunden ');
  await page.getByTestId('insert-merge-field').click();
  await page.getByTestId('merge-field-customer.name').click();
  await page.keyboard.type(' betalade fakturan för att slippa inkasso, se ');
  await page.getByTestId('cite-event').click();
  await page.locator('[data-testid^="cite-event-"]').first().click();
  await page.keyboard.type('.');
  await expect(editor.locator('[data-merge-field="customer.name"]')).toHaveCount(2); // the address line and the one inserted
  await expect(editor.locator('[data-merge-field="customer.name"]').nth(1)).toHaveText(c.customer);
  await expect(editor.locator('[data-citation]')).toHaveCount(1);
  await expect(page.getByTestId('save-status')).toContainText(/Sparat \d{1,2}:\d{2}/);
  await expect(page.getByTestId('decision-valid')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('decision-editor.png') });

  await page.getByTestId('decision-submit').click();
  await expect(page.getByTestId('decision-status')).toHaveText('Inskickat för godkännande');
  await expect(editor).toHaveAttribute('contenteditable', 'false');
  await page.screenshot({ path: testInfo.outputPath('decision-submitted.png') });
});
