import BetterSqlite3 from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { expect, openAs, signIn, test } from './fixtures';

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
  // The session keeps the token; the case route is a hash on the same page.
  // Via the inbox route, so the hash always changes (signing in shows the inbox under the old hash).
  await page.goto(`${url.split('#')[0]}#/`);
  await page.goto(`${url.split('#')[0]}#/case/${caseId}`);
  await expect(page.getByTestId('case-view')).toBeVisible();
  await page.getByTestId('case-mode').getByText('Beslut').click();
  await expect(page.getByTestId('decision-workspace').or(page.getByTestId('start-decision'))).toBeVisible();
}

async function switchUser(page: Page, username: string): Promise<void> {
  await page.getByTestId('sign-out').click();
  await signIn(page, username);
}

async function chooseOption(page: Page, testId: string, label: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: label, exact: true }).click();
}

test('the decision journey: handler drafts and submits, ombudsman returns, handler fixes, ombudsman approves, signs and issues', async ({ page, workbench }, testInfo) => {
  test.setTimeout(240_000); // four sign-ins and a dozen saves on a shared two-core machine
  const c = pickCase(workbench.dbPath);
  const editor = page.getByTestId('decision-editor');
  const saved = page.getByTestId('save-status');

  // 1. Jonas (handler) drafts from the Swedish template.
  await openAs(page, workbench, 'jonas');
  await openDecision(page, workbench.url, c.id);
  await expect(page.getByTestId('template-picker')).toHaveValue('Beslut (Sverige, svenska)');
  await page.getByTestId('start-draft').click();
  await expect(editor).toContainText('Kundombudets beslut');
  await expect(editor).toContainText(c.number);
  await expect(page.getByTestId('decision-submit')).toBeDisabled();
  await expect(page.getByTestId('decision-issues')).toContainText('Yrkande 1: välj utfall.');

  await chooseOption(page, 'claim-1-outcome', 'Bifalls');
  await page.getByTestId('claim-1-add-remedy').click();
  await page.getByTestId('claim-1-remedy-1-amount').fill('1 499,00');
  await page.getByTestId('claim-1-remedy-1-due').fill('2026-11-30');
  await page.getByTestId('claim-1-reasoning').fill('Varan levererades aldrig och handlaren svarade inte på reklamationen.');
  await expect(editor).toContainText(/Återbetalning 1\s499,00\skr senast 30 november 2026\./);

  // The template's instruction is replaced by facts with a merge field and a cited history event.
  await editor.getByText(/\[Beskriv vad som hänt/).click({ clickCount: 3 });
  await page.keyboard.type('Kunden ');
  await page.getByTestId('insert-merge-field').click();
  await page.getByTestId('merge-field-customer.name').click();
  await page.keyboard.type(' betalade fakturan för att slippa inkasso, se ');
  await page.getByTestId('cite-event').click();
  const firstEvent = page.locator('[data-testid^="cite-event-"]').first();
  const citedId = Number((await firstEvent.getAttribute('data-testid'))!.replace('cite-event-', ''));
  await firstEvent.click();
  await page.keyboard.type('.');
  await expect(editor.locator('[data-merge-field="customer.name"]')).toHaveCount(2); // the address line and the one inserted
  await expect(editor.locator('[data-merge-field="customer.name"]').nth(1)).toHaveText(c.customer);
  await expect(editor.locator(`[data-citation="${citedId}"]`)).toBeVisible();
  await expect(saved).toContainText(/Sparat \d{1,2}:\d{2}/);
  await expect(page.getByTestId('decision-valid')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('1-handler-drafting.png') });

  // A citation opens its event in the case history.
  await editor.locator(`[data-citation="${citedId}"] button`).click();
  await expect(page.locator(`[data-testid="timeline-event"][data-event-id="${citedId}"]`)).toBeFocused();
  await page.getByTestId('case-mode').getByText('Beslut').click();

  await page.getByTestId('decision-submit').click();
  await expect(page.getByTestId('decision-status')).toHaveText('Inskickat för godkännande');
  await expect(editor).toHaveAttribute('contenteditable', 'false');

  // 2. Fia (ombudsman) returns it with a comment.
  await switchUser(page, 'fia');
  await openDecision(page, workbench.url, c.id);
  await expect(page.getByTestId('decision-status')).toHaveText('Inskickat för godkännande');
  await page.getByTestId('review-comment-input').fill('Ange när inkassokravet kom.');
  await page.getByTestId('decision-return').click();
  await expect(page.getByTestId('decision-status')).toHaveText('Återförvisat');

  // 3. Jonas sees the comment and fixes the letter.
  await switchUser(page, 'jonas');
  await openDecision(page, workbench.url, c.id);
  await expect(page.getByTestId('review-comment')).toContainText('Ange när inkassokravet kom.');
  await page.screenshot({ path: testInfo.outputPath('2-returned-with-comment.png') });
  // Into the background paragraph at its start (its middle holds the citation, which opens the history), then to its end.
  await editor.locator('p', { hasText: 'betalade fakturan för att slippa inkasso' }).click({ position: { x: 4, y: 6 } });
  await page.keyboard.press('End');
  await page.keyboard.type(' Inkassokravet kom den 14 juli 2026.');
  await expect(saved).toContainText(/Sparat \d{1,2}:\d{2}/);
  await expect(page.getByTestId('decision-valid')).toBeVisible();
  await page.getByTestId('decision-submit').click();
  await expect(page.getByTestId('decision-status')).toHaveText('Inskickat för godkännande');

  // 4. Fia approves, signs and issues; the issued letter can no longer be edited.
  await switchUser(page, 'fia');
  await openDecision(page, workbench.url, c.id);
  await expect(editor).toContainText('Inkassokravet kom den 14 juli 2026.');
  await page.getByTestId('decision-approve').click();
  await expect(page.getByTestId('decision-status')).toHaveText('Godkänt');
  await page.getByTestId('decision-issue').click();
  await expect(page.getByTestId('decision-status')).toHaveText('Meddelat');
  await expect(page.getByTestId('issued-banner')).toContainText('Meddelat av Fia Engström');
  await expect(page.getByTestId('issued-banner')).toContainText('SHA-256');
  await expect(editor).toHaveAttribute('contenteditable', 'false');
  await expect(page.getByRole('toolbar')).toHaveCount(0);
  await expect(editor).toContainText('Fia Engström');
  await editor.click();
  await page.keyboard.type('ÄNDRAT');
  await expect(editor).not.toContainText('ÄNDRAT');
  await expect(page.getByTestId('case-status')).toHaveText('Beslut meddelat');
  await page.screenshot({ path: testInfo.outputPath('3-issued.png') });

  const db = new BetterSqlite3(workbench.dbPath, { readonly: true });
  const row = db.prepare(`SELECT status, rendered_text, sha256, issued_by, arn_window_ends_on FROM decisions WHERE case_id = ?`).get(c.id) as {
    status: string;
    rendered_text: string;
    sha256: string;
    arn_window_ends_on: string;
  };
  // ARN: one year from the consumer's first complaint (an inbound customer-service contact or the
  // escalation), at the latest the day the case arrived; worked out here from the stored history.
  const kase = db.prepare(`SELECT received_date FROM cases WHERE id = ?`).get(c.id) as { received_date: string };
  const complaints = db
    .prepare(`SELECT occurred_at FROM history_events WHERE case_id = ? AND direction = 'inbound' AND kind IN ('cs_call', 'cs_chat', 'cs_email', 'customer_escalation')`)
    .all(c.id) as { occurred_at: string }[];
  db.close();
  const stockholmDay = (iso: string) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date(iso));
  const first = complaints.map((e) => stockholmDay(e.occurred_at)).reduce((a, b) => (b < a ? b : a), kase.received_date);
  const [fy, fm, fd] = first.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(fy + 1, fm, 0)).getUTCDate();
  const expectedArn = `${fy + 1}-${String(fm).padStart(2, '0')}-${String(Math.min(fd, lastDay)).padStart(2, '0')}`;
  expect(row.status).toBe('issued');
  expect(row.sha256).toMatch(/^[0-9a-f]{64}$/);
  expect(row.arn_window_ends_on).toBe(expectedArn);
  expect(row.rendered_text).toMatch(/Återbetalning 1\s499,00\skr senast 30 november 2026\./);
  expect(row.rendered_text).toContain(`Kunden ${c.customer} betalade fakturan`);
  expect(row.rendered_text).toContain('Inkassokravet kom den 14 juli 2026.');
});

test('two windows on the same draft: the second save is refused with both texts, and keeping mine loses nothing', async ({ page, context, workbench }, testInfo) => {
  test.setTimeout(180_000);
  const c = pickCase(workbench.dbPath);
  await openAs(page, workbench, 'jonas');
  await openDecision(page, workbench.url, c.id);
  await page.getByTestId('start-draft').click();
  const first = page.getByTestId('decision-editor');
  await expect(first).toContainText('Kundombudets beslut');

  // The same draft in a second window (same signed-in session).
  const other = await context.newPage();
  await other.goto(workbench.url); // the harness token lives in each tab's session storage
  await expect(other.getByTestId('top-bar').or(other.getByTestId('sign-in-username'))).toBeVisible();
  if (await other.getByTestId('sign-in-username').isVisible()) await signIn(other, 'jonas');
  await openDecision(other, workbench.url, c.id);
  const second = other.getByTestId('decision-editor');
  await expect(second).toContainText('Kundombudets beslut');

  await first.getByText('Kundombudets beslut').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' (fönster ett)');
  await expect(page.getByTestId('save-status')).toContainText(/Sparat \d{1,2}:\d{2}/);

  await second.getByText('Kundombudets beslut').click();
  await other.keyboard.press('End');
  await other.keyboard.type(' (fönster två)');
  const conflict = other.getByTestId('conflict');
  await expect(conflict).toBeVisible();
  await expect(other.getByTestId('conflict-theirs')).toContainText('Kundombudets beslut (fönster ett)');
  await expect(other.getByTestId('conflict-mine')).toContainText('Kundombudets beslut (fönster två)');
  await other.screenshot({ path: testInfo.outputPath('conflict.png') });

  await other.getByTestId('conflict-keep-mine').click();
  await expect(conflict).toHaveCount(0);
  await expect(other.getByTestId('save-status')).toContainText(/Sparat \d{1,2}:\d{2}/);
  const db = new BetterSqlite3(workbench.dbPath, { readonly: true });
  const stored = db.prepare(`SELECT content FROM decisions WHERE case_id = ?`).pluck().get(c.id) as string;
  const versions = db.prepare(`SELECT count(*) FROM decision_versions v JOIN decisions d ON d.id = v.decision_id WHERE d.case_id = ?`).pluck().get(c.id) as number;
  db.close();
  expect(stored).toContain('Kundombudets beslut (fönster två)');
  expect(versions).toBeGreaterThanOrEqual(3); // created, window one, window two on top of it: both kept as versions
});
