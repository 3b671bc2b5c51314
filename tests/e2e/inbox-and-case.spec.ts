import BetterSqlite3 from 'better-sqlite3';
import { expect, openAs, test } from './fixtures';
import { DEMO_CASES } from './paths';

/** Reads the test's own store directly: what the screen shows must be what is stored. */
function query<T>(dbPath: string, sql: string, ...params: unknown[]): T {
  const db = new BetterSqlite3(dbPath, { readonly: true });
  try {
    return db.prepare(sql).get(...params) as T;
  } finally {
    db.close();
  }
}

test('the inbox lists the store’s escalated cases, newest first', async ({ page, workbench }, testInfo) => {
  await openAs(page, workbench);
  const rows = page.getByTestId('case-row');
  await expect(rows.first()).toBeVisible();
  // The token moved out of the address bar.
  expect(page.url()).not.toContain('token=');
  const newest = query<{ number: string; customer_name: string }>(
    workbench.dbPath,
    'SELECT number, customer_name FROM cases ORDER BY received_at DESC, id DESC LIMIT 1',
  );
  await expect(rows.first()).toHaveAttribute('data-case-number', newest.number);
  await expect(rows.first()).toContainText(newest.customer_name);
  await expect(page.getByTestId('view-all')).toContainText(String(DEMO_CASES));
  await page.screenshot({ path: testInfo.outputPath('inbox.png') });
});

test('filtering by market shows only that market’s cases and the count the store holds', async ({ page, workbench }) => {
  await openAs(page, workbench);
  await expect(page.getByTestId('case-row').first()).toBeVisible();
  const dk = query<{ n: number }>(workbench.dbPath, `SELECT count(*) AS n FROM cases WHERE market = 'DK'`).n;
  await page.getByTestId('filter-market').click();
  await page.getByRole('option', { name: /Danmark|DK/ }).click();
  await expect(page.getByTestId('case-count')).toContainText(String(dk));
  const markets = await page.getByTestId('case-row').evaluateAll((els) => els.map((el) => el.getAttribute('data-market')));
  expect(markets.length).toBeGreaterThan(0);
  expect(new Set(markets)).toEqual(new Set(['DK']));
});

test('keyboard: move down, open a case, read its full history, go back with Esc', async ({ page, workbench }, testInfo) => {
  await openAs(page, workbench);
  const rows = page.getByTestId('case-row');
  await expect(rows.first()).toBeVisible();
  await page.keyboard.press('j');
  await page.keyboard.press('ArrowDown');
  const number = await rows.nth(2).getAttribute('data-case-number');
  await page.keyboard.press('Enter');
  const view = page.getByTestId('case-view');
  await expect(view).toBeVisible();
  await expect(page.getByTestId('case-number')).toHaveText(number!);

  const stored = query<{ id: number; customer_name: string; event_count: number; events: number }>(
    workbench.dbPath,
    `SELECT c.id, c.customer_name, c.event_count, (SELECT count(*) FROM history_events e WHERE e.case_id = c.id) AS events
     FROM cases c WHERE c.number = ?`,
    number,
  );
  await expect(page.getByTestId('case-header')).toContainText(stored.customer_name);
  await expect(page.getByTestId('personal-number')).toContainText('****');
  await expect(page.getByTestId('timeline-event')).toHaveCount(stored.events);
  const first = query<{ summary: string }>(workbench.dbPath, 'SELECT summary FROM history_events WHERE case_id = ? ORDER BY occurred_at, id LIMIT 1', stored.id);
  await expect(page.getByTestId('timeline-event').first()).toContainText(first.summary);
  await page.screenshot({ path: testInfo.outputPath('case.png'), fullPage: false });

  await page.keyboard.press('Escape');
  await expect(page.getByTestId('inbox')).toBeVisible();
});

test('a case with attachments lists them in its history', async ({ page, workbench }) => {
  const withAttachment = query<{ id: number; file_name: string }>(
    workbench.dbPath,
    `SELECT e.case_id AS id, ea.file_name FROM event_attachments ea JOIN history_events e ON e.id = ea.event_id ORDER BY e.case_id LIMIT 1`,
  );
  await openAs(page, workbench);
  await expect(page.getByTestId('case-row').first()).toBeVisible();
  // Same tab, same origin: the token stays in session storage, only the route changes.
  await page.goto(`${workbench.url.split('#')[0]}#/case/${withAttachment.id}`);
  await expect(page.getByTestId('event-attachment').filter({ hasText: withAttachment.file_name }).first()).toBeVisible();
});

test('the harness refuses a request without the token, even from the page', async ({ page, workbench }) => {
  await openAs(page, workbench);
  const status = await page.evaluate(async () => (await fetch('/rpc/cases:list', { method: 'POST', body: '{}' })).status);
  expect(status).toBe(401);
});

test('the interface switches to English and back', async ({ page, workbench }) => {
  await openAs(page, workbench);
  await expect(page.getByTestId('view-all')).toContainText('Alla');
  await page.getByTestId('settings-menu').click();
  await page.getByTestId('language-en').click();
  await expect(page.getByTestId('view-all')).toContainText('All');
  await page.reload();
  await expect(page.getByTestId('view-all')).toContainText('All');
});

test('sorting by claimed amount and by assignee follows the store', async ({ page, workbench }) => {
  await openAs(page, workbench);
  const rows = page.getByTestId('case-row');
  await expect(rows.first()).toBeVisible();
  await page.getByTestId('sort-claimed').click();
  const largest = query<{ number: string }>(workbench.dbPath, 'SELECT number FROM cases ORDER BY claim_total_minor DESC, id DESC LIMIT 1');
  await expect(rows.first()).toHaveAttribute('data-case-number', largest.number);
  await page.getByTestId('sort-assignee').click();
  const first = query<{ number: string }>(workbench.dbPath, 'SELECT number FROM cases ORDER BY assignee_name COLLATE NOCASE ASC, id ASC LIMIT 1');
  await expect(rows.first()).toHaveAttribute('data-case-number', first.number);
  await page.getByTestId('sort-assignee').click();
  const last = query<{ number: string; assignee_name: string }>(workbench.dbPath, 'SELECT number, assignee_name FROM cases ORDER BY assignee_name COLLATE NOCASE DESC, id DESC LIMIT 1');
  await expect(rows.first()).toHaveAttribute('data-case-number', last.number);
  await expect(rows.first()).toContainText(last.assignee_name);
});
