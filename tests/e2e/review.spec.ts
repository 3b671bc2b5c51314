import BetterSqlite3 from 'better-sqlite3';
import { expect, openAs, test } from './fixtures';
import { DEMO_AS_OF } from './paths';

const INVOICE_KINDS = ['invoice_issued', 'invoice_paused', 'invoice_pause_extended', 'invoice_resumed', 'reminder', 'fee', 'debt_collection', 'payment', 'refund'];

function open(dbPath: string) {
  return new BetterSqlite3(dbPath, { readonly: true });
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

test('the ombudsman’s review: due this week, search without diacritics, history, red flag, reveal, note, in review', async ({ page, workbench }, testInfo) => {
  // The case the journey is about: due this week (Monday to Sunday of the fixed today), a
  // customer name with Nordic letters, red flags, invoice events, and a status that can move to review.
  const db = open(workbench.dbPath);
  const target = db
    .prepare(
      `SELECT c.id, c.number, c.customer_name, c.status, cu.personal_number FROM cases c JOIN customers cu ON cu.id = c.customer_id
       WHERE c.next_due_date BETWEEN ? AND date(?, '+6 days') AND c.flag_count > 0 AND c.status IN ('received', 'acknowledged', 'waiting_for_customer', 'decision_drafted')
         AND c.customer_name GLOB '*[ÅÄÖåäöØøÆæÉé]*'
         AND EXISTS (SELECT 1 FROM history_events e WHERE e.case_id = c.id AND e.kind = 'reminder')
       ORDER BY c.next_due_date, c.id LIMIT 1`,
    )
    .get(DEMO_AS_OF, DEMO_AS_OF) as { id: number; number: string; customer_name: string; status: string; personal_number: string } | undefined;
  const invoiceEvents = target
    ? (db.prepare(`SELECT count(*) FROM history_events WHERE case_id = ? AND kind IN (${INVOICE_KINDS.map(() => '?').join(',')})`).pluck().get(target.id, ...INVOICE_KINDS) as number)
    : 0;
  db.close();
  expect(target, 'the demo store holds a flagged case due this week with a Nordic name').toBeDefined();
  const c = target!;

  await openAs(page, workbench);
  await page.getByTestId('view-due_week').click();
  const row = page.locator(`[data-testid="case-row"][data-case-number="${c.number}"]`);
  await expect(row).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('inbox-due-this-week.png') });

  const surname = c.customer_name.split(' ').at(-1)!;
  const typed = fold(surname);
  expect(typed).not.toBe(surname.toLowerCase());
  await page.getByTestId('search-input').fill(typed);
  const hit = page.locator(`[data-testid="search-result"][data-case-number="${c.number}"]`);
  await expect(hit).toBeVisible();
  await expect(hit.getByTestId('search-snippet').locator('mark').first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('search-results.png') });
  await hit.click(); // selects and previews
  await page.keyboard.press('Enter');

  await expect(page.getByTestId('case-view')).toBeVisible();
  await expect(page.getByTestId('case-number')).toHaveText(c.number);

  // History filtered to invoice and payment events.
  await page.getByTestId('timeline-kind-filter-invoice').click();
  const events = page.getByTestId('timeline-event');
  await expect(events).toHaveCount(invoiceEvents);
  for (const kind of await events.evaluateAll((els) => els.map((el) => el.getAttribute('data-kind')))) expect(INVOICE_KINDS).toContain(kind);
  await page.getByTestId('timeline-kind-filter-invoice').click();

  // A red flag leads to the events that raised it.
  const link = page.getByTestId('flag-event-link').first();
  const eventId = await link.getAttribute('data-event-id');
  await link.click();
  const flagged = page.locator(`[data-testid="timeline-event"][data-event-id="${eventId}"]`);
  await expect(flagged).toHaveAttribute('data-highlighted', 'true');
  await expect(flagged).toBeInViewport();

  // Revealing the personal number writes an audit row.
  await page.getByTestId('reveal-personal-number').click();
  await expect(page.getByTestId('personal-number')).toContainText(c.personal_number);
  const audit = () => {
    const d = open(workbench.dbPath);
    try {
      return d.prepare(`SELECT action, case_id FROM audit_log ORDER BY id`).all();
    } finally {
      d.close();
    }
  };
  expect(audit()).toContainEqual({ action: 'customer.reveal_personal_number', case_id: c.id });

  // A note, then the case moves to review; both are appended events.
  await page.getByTestId('action-note').click();
  await page.getByTestId('note-text').fill('Handlaren har inte svarat; påminnelse skickades trots öppen reklamation.');
  await page.getByTestId('note-save').click();
  await expect(events.filter({ hasText: 'påminnelse skickades trots öppen reklamation' })).toHaveCount(1);
  await page.getByTestId('action-status').click();
  await page.getByTestId('status-option-in_review').click();
  await expect(page.getByTestId('case-status')).toContainText(/Under (utredning|granskning)/);
  await page.screenshot({ path: testInfo.outputPath('case-view.png') });

  const d = open(workbench.dbPath);
  const stored = d.prepare('SELECT status FROM cases WHERE id = ?').pluck().get(c.id);
  const kinds = d.prepare('SELECT kind FROM history_events WHERE case_id = ? ORDER BY id DESC LIMIT 2').pluck().all(c.id);
  d.close();
  expect(stored).toBe('in_review');
  expect(kinds).toEqual(['status_change', 'note']);
});
