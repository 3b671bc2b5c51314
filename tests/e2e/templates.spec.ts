import BetterSqlite3 from 'better-sqlite3';
import { expect, openAs, signIn, test } from './fixtures';

/** A Swedish case in review without a decision, to start a draft from the edited template. */
function swedishCaseInReview(dbPath: string): number {
  const db = new BetterSqlite3(dbPath, { readonly: true });
  const id = db
    .prepare(
      `SELECT c.id FROM cases c WHERE c.market = 'SE' AND c.language = 'sv' AND c.status = 'in_review'
         AND NOT EXISTS (SELECT 1 FROM decisions WHERE case_id = c.id) ORDER BY c.id LIMIT 1`,
    )
    .pluck()
    .get() as number | undefined;
  db.close();
  expect(id, 'the demo store holds a Swedish case in review without a decision').toBeDefined();
  return id!;
}

test('the ombudsman edits the Swedish template, is told what a broken one lacks, saves, and new drafts use it; then goes back to the default', async ({ page, workbench }, testInfo) => {
  test.setTimeout(120_000);
  await openAs(page, workbench, 'fia');
  await page.getByTestId('settings-menu').click();
  await page.getByTestId('open-templates').click();
  const screen = page.getByTestId('templates-screen');
  await expect(screen).toBeVisible();
  await expect(page.getByTestId('template-list').locator('[data-testid^="template-"]')).toHaveCount(4);
  await expect(page.getByTestId('template-unsaved')).toHaveCount(0);
  await page.getByTestId('template-SE-sv').click();
  const editor = page.getByTestId('decision-editor');
  await expect(editor).toContainText('Kundombudets beslut');
  // Merge fields show what they stand for, not a case's values.
  await expect(editor.locator('[data-merge-field="customer.name"]').first()).toHaveText('Kundens namn');
  await expect(page.getByTestId('cite-event')).toHaveCount(0);

  // Wiping the text would make decisions without assessment, signature or appeal section: refused, every gap named.
  await editor.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Ett kort brev.');
  await expect(page.getByTestId('template-unsaved')).toBeVisible();
  await page.getByTestId('template-save').click();
  const refused = page.getByTestId('template-refused');
  await expect(refused).toContainText('Mallen måste visa utfallet för varje yrkande: infoga fältet claim.*.outcome.');
  await expect(refused).toContainText('Mallen måste visa namnet på den som signerar: infoga fältet signer.name.');
  await expect(refused).toContainText('Avsnittet om kundens fortsatta möjligheter måste nämna Allmänna reklamationsnämnden (ARN).');
  await page.getByRole('button', { name: 'Ångra ändringar' }).click();
  await expect(editor).toContainText('Kundombudets beslut');

  // A real edit: a sentence with a merge field at the top, and a new name.
  await editor.locator('p').first().click();
  await page.keyboard.press('Home');
  await page.keyboard.type('Vi har tagit emot ditt ärende ');
  await page.getByTestId('insert-merge-field').click();
  await page.getByTestId('merge-field-case.number').click();
  // The editor takes the keyboard back from the field menu before typing on:
  // typed while the field menu still held focus, the full stop went nowhere.
  await expect(editor).toBeFocused();
  await page.keyboard.type('. ');
  await expect(editor.locator('p').first()).toContainText('Vi har tagit emot ditt ärende Ärendenummer. ');
  await page.getByTestId('template-name').fill('Beslut (Sverige, svenska) – kontorets version');
  await page.screenshot({ path: testInfo.outputPath('templates-editing.png'), fullPage: true });
  await page.getByTestId('template-save').click();
  await expect(page.getByTestId('template-notice')).toContainText('Mallen är sparad');
  await expect(page.getByTestId('template-SE-sv')).toContainText('Redigerad');

  // A handler's new draft starts from the edited template, with the case's own number.
  const caseId = swedishCaseInReview(workbench.dbPath);
  await page.getByTestId('sign-out').click();
  await signIn(page, 'jonas');
  await page.goto(`${workbench.url.split('#')[0]}#/case/${caseId}`);
  await page.getByTestId('case-mode').getByText('Beslut').click();
  await expect(page.getByTestId('template-picker')).toHaveValue('Beslut (Sverige, svenska) – kontorets version · redigerad');
  await page.getByTestId('start-draft').click();
  const number = await page.getByTestId('case-number').textContent();
  await expect(editor).toContainText(`Vi har tagit emot ditt ärende ${number?.trim()}.`);

  // Handlers read the templates but cannot change them.
  await page.goto(`${workbench.url.split('#')[0]}#/templates`);
  await expect(screen).toContainText('Endast kundombudet kan ändra mallarna.');
  await expect(page.getByTestId('template-save')).toHaveCount(0);

  // The ombudsman goes back to the shipped default.
  await page.getByTestId('sign-out').click();
  await signIn(page, 'fia');
  await page.goto(`${workbench.url.split('#')[0]}#/templates`);
  await page.getByTestId('template-SE-sv').click();
  await page.getByTestId('template-reset').click();
  await expect(page.getByTestId('template-notice')).toContainText('Standardmallen används igen');
  await expect(page.getByTestId('template-SE-sv')).toContainText('Standard');
  await expect(editor).not.toContainText('Vi har tagit emot ditt ärende');
});
