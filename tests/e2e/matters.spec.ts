import BetterSqlite3 from 'better-sqlite3';
import { expect, openAs, test } from './fixtures';
import { recordSentPartlyUpheldAndFollowed } from './matter-steps';

test('a handler registers an ARN matter with its deadline, records the response, the outcome "partly upheld" and compliance', async ({ page, workbench }, testInfo) => {
  const db = new BetterSqlite3(workbench.dbPath, { readonly: true });
  const target = db.prepare(`SELECT id, number FROM cases WHERE market = 'SE' AND status IN ('decision_issued', 'closed') AND id NOT IN (SELECT case_id FROM authority_matters) ORDER BY id LIMIT 1`).get() as { id: number; number: string };
  db.close();

  await openAs(page, workbench, 'jonas');
  await page.goto(`${workbench.url.split('#')[0]}#/case/${target.id}`);
  const section = page.getByTestId('case-matters');
  await expect(section).toContainText('Inget klagomål');
  await section.getByTestId('matter-register-open').click();
  const form = page.getByTestId('matter-register');
  await form.getByTestId('matter-reference').fill('2026-09876');
  await form.getByTestId('matter-received').fill('2026-11-10');
  await form.getByTestId('matter-due').fill('2026-11-24');
  await form.getByTestId('matter-claim').fill('Konsumenten yrkar att bolaget betalar tillbaka 1 499 kr.');
  await form.getByTestId('matter-amount').fill('1 499,5x');
  await form.getByTestId('matter-questions').fill('Har ni krediterat fakturan?\nÄr beloppet skäligt?');
  await form.getByTestId('matter-register-submit').click();
  await expect(form.getByTestId('matter-register-error')).toContainText('Krävt belopp');
  await form.getByTestId('matter-amount').fill('1 499,00');
  await form.getByTestId('matter-register-submit').click();
  await expect(form).toBeHidden();

  const matter = section.getByTestId('case-matter').filter({ hasText: '2026-09876' });
  // Monday 16 November to Tuesday 24 November: six business days.
  await expect(matter.getByTestId('matter-days-left')).toHaveText('6');
  await expect(page.getByTestId('timeline-event').last()).toContainText('ARN 2026-09876');
  await page.screenshot({ path: testInfo.outputPath('case-with-matter.png') });

  await recordSentPartlyUpheldAndFollowed(page, matter);

  const check = new BetterSqlite3(workbench.dbPath, { readonly: true });
  try {
    const row = check.prepare(`SELECT status, outcome, compliance, paid_minor, outcome_amount_minor, claim_amount_minor FROM authority_matters WHERE reference = '2026-09876'`).get();
    expect(row).toEqual({ status: 'closed', outcome: 'partly_upheld', compliance: 'followed', paid_minor: 75_000, outcome_amount_minor: 75_000, claim_amount_minor: 149_900 });
  } finally {
    check.close();
  }

  await page.getByTestId('nav-matters').click();
  await expect(page.getByTestId('matters-screen')).toBeVisible();
  await page.getByTestId('matters-scope').getByText('Alla').click();
  await expect(page.getByTestId('matter-row').first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('matters-screen.png') });
  await page.getByTestId('matter-row').filter({ hasText: '2026-09876' }).click();
  await expect(page.getByTestId('case-number')).toHaveText(target.number);
});
