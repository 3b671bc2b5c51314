import BetterSqlite3 from 'better-sqlite3';
import { expect, openAs, test } from './fixtures';

/** The measure of one market and month straight from the store: (customer service + authority matters) / purchases × 1e6. */
function expectedPerMillion(dbPath: string, market: string, month: string): number {
  const db = new BetterSqlite3(dbPath, { readonly: true });
  try {
    const f = db.prepare('SELECT purchases, customer_service_complaints AS cs FROM monthly_figures WHERE market = ? AND month = ?').get(market, month) as { purchases: number; cs: number };
    const matters = db
      .prepare(`SELECT count(*) FROM authority_matters m JOIN cases c ON c.id = m.case_id WHERE c.market = ? AND substr(m.received_date, 1, 7) = ?`)
      .pluck()
      .get(market, month) as number;
    return Math.round(((f.cs + matters) * 1_000_000) / f.purchases);
  } finally {
    db.close();
  }
}

test('the complaints officer opens the zero-complaints dashboard, switches market, clicks a cause through to its cases, and records a review note', async ({ page, workbench }, testInfo) => {
  await openAs(page, workbench, 'gunnar');
  await page.getByTestId('nav-zero').click();
  await expect(page).toHaveURL(/#\/zero$/);
  const measure = page.getByTestId('zero-measure');
  await expect(measure).toHaveAttribute('data-scope', 'ALL');
  const year = measure.locator('[data-testid="zero-year"][data-year="2026"]');
  // November 2026 is not published yet: missing, never 0.
  await expect(year.locator('[data-month="2026-11"]')).toHaveText('–');
  await expect(page.getByTestId('zero-chart').locator('.recharts-line')).toHaveCount(3);
  await expect(page.getByTestId('zero-chart').locator('path.recharts-curve').first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('zero-all-markets.png'), fullPage: false });

  await page.getByTestId('zero-market').getByText('Danmark').click();
  await expect(measure).toHaveAttribute('data-scope', 'DK');
  await expect(measure).toContainText('Klagomål per miljon köp — Danmark');
  await expect(year.locator('[data-month="2026-03"]')).toHaveText(String(expectedPerMillion(workbench.dbPath, 'DK', '2026-03')));
  await expect(year.locator('[data-month="2026-10"]')).toHaveText(String(expectedPerMillion(workbench.dbPath, 'DK', '2026-10')));
  await measure.screenshot({ path: testInfo.outputPath('zero-dk-table-and-chart.png') });

  // Causes of Danish cases: click the first non-zero count through to its cases.
  const causes = page.getByTestId('causes');
  await expect(causes.getByTestId('cause-row').first()).toBeVisible();
  const row = causes.getByTestId('cause-row').filter({ has: page.locator('[data-testid^="cause-count-"]') }).first();
  const count = row.locator('[data-testid^="cause-count-"]').first();
  const n = Number(await count.textContent());
  expect(n).toBeGreaterThan(0);
  const cause = await row.getAttribute('data-cause');
  await count.click();
  const listed = page.getByTestId('cause-case');
  await expect(listed).toHaveCount(n);
  await expect(page.getByTestId('cause-trend')).toBeVisible();
  await causes.screenshot({ path: testInfo.outputPath('zero-causes.png') });
  const numbers = await listed.evaluateAll((rows) => rows.map((r) => (r as unknown as { dataset: { number: string } }).dataset.number));
  const db = new BetterSqlite3(workbench.dbPath, { readonly: true });
  try {
    for (const number of numbers) {
      const c = db.prepare('SELECT market, category, flags FROM cases WHERE number = ?').get(number) as { market: string; category: string; flags: string };
      expect(c.market).toBe('DK');
      const [kind, code] = cause!.split(':');
      if (kind === 'category') expect(c.category).toBe(code);
      else expect((JSON.parse(c.flags) as { code: string }[]).map((f) => f.code)).toContain(code);
    }
  } finally {
    db.close();
  }

  // A review note, then through to the first case behind the number.
  const notes = page.getByTestId('review-notes');
  await notes.getByTestId('note-text').fill('Kundservice i Danmark ringer nu kunden op inden for to bankdage.');
  await notes.getByTestId('note-add').click();
  await expect(notes.getByTestId('note-row').first()).toContainText('Kundservice i Danmark ringer nu kunden op');
  await expect(notes.getByTestId('note-row').first()).toContainText('Gunnar Ahlqvist');
  await notes.screenshot({ path: testInfo.outputPath('zero-review-notes.png') });
  await page.getByTestId('register').screenshot({ path: testInfo.outputPath('zero-register.png') });

  await listed.first().click();
  await expect(page).toHaveURL(/#\/case\/\d+$/);
  await expect(page.getByTestId('case-number')).toHaveText(numbers[0]!);
});

test('the register downloads as CSV from the dashboard', async ({ page, workbench }) => {
  await openAs(page, workbench, 'fia');
  await page.goto(`${workbench.url.split('#')[0]}#/zero`);
  const register = page.getByTestId('register');
  await expect(register.getByTestId('register-figures').locator('tbody tr')).toHaveCount(2);
  const download = page.waitForEvent('download');
  await register.getByTestId('register-csv').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('klagomalsregister-2026.csv');
  await expect(register.getByTestId('register-saved')).toContainText('klagomalsregister-2026.csv');
});
