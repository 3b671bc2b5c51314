import BetterSqlite3 from 'better-sqlite3';
import { expect, signIn, test } from './fixtures';

test('every start asks who you are: a wrong password is refused, the right one opens your workbench, sign-out closes it', async ({ page, workbench }, testInfo) => {
  await page.goto(workbench.url);
  await expect(page.getByTestId('sign-in-form')).toBeVisible();
  await expect(page.getByTestId('case-row')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('sign-in.png') });

  // Nothing is served to a page that has the token but nobody signed in.
  const refused = await page.evaluate(async () => {
    const storage = (globalThis as unknown as { sessionStorage: { getItem(key: string): string | null } }).sessionStorage;
    const token = storage.getItem('ombud.harnessToken') ?? '';
    const response = await fetch('/rpc/cases:list', { method: 'POST', headers: { 'content-type': 'application/json', 'x-ombud-token': token }, body: '{}' });
    return response.json() as Promise<{ ok: boolean; error?: { code: string } }>;
  });
  expect(refused).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });

  await page.getByTestId('sign-in-username').fill('jonas');
  await page.getByTestId('sign-in-password').fill('not-his-password');
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('sign-in-error')).toContainText('Användarnamnet eller lösenordet är fel.');

  await signIn(page, 'jonas');
  await expect(page.getByTestId('session-user')).toHaveText('Jonas Öhman');
  await expect(page.getByTestId('case-row').first()).toBeVisible();

  await page.getByTestId('sign-out').click();
  await expect(page.getByTestId('sign-in-form')).toBeVisible();

  const db = new BetterSqlite3(workbench.dbPath, { readonly: true });
  try {
    const actions = db.prepare(`SELECT a.action FROM audit_log a WHERE a.action LIKE 'session.%' ORDER BY a.id`).pluck().all();
    expect(actions).toEqual(['session.sign_in_failed', 'session.sign_in', 'session.sign_out']);
  } finally {
    db.close();
  }
});
