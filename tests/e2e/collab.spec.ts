import BetterSqlite3 from 'better-sqlite3';
import { openStore } from '../../src/main/db/connection';
import { createDecision, saveDraft } from '../../src/main/services/decision.service';
import type { SessionUser } from '../../src/main/services/context';
import { fillDraft } from '../fixtures/decisions';
import { expect, openAs, test } from './fixtures';
import { DEMO_AS_OF } from './paths';

/** A Swedish case in review without a decision, with one refund claim (as the decision journey picks). */
function pickCases(dbPath: string): { id: number; number: string }[] {
  const db = new BetterSqlite3(dbPath, { readonly: true });
  const rows = db
    .prepare(
      `SELECT c.id, c.number FROM cases c
       WHERE c.market = 'SE' AND c.language = 'sv' AND c.status = 'in_review'
         AND (SELECT count(*) FROM claims WHERE case_id = c.id) = 1
         AND EXISTS (SELECT 1 FROM claims WHERE case_id = c.id AND kind = 'refund')
         AND NOT EXISTS (SELECT 1 FROM decisions WHERE case_id = c.id)
       ORDER BY c.id LIMIT 1`,
    )
    .all() as { id: number; number: string }[];
  expect(rows, 'the demo store holds a Swedish refund case in review').toHaveLength(1);
  const other = db.prepare(`SELECT id, number FROM cases WHERE status = 'in_review' AND id <> ? ORDER BY id LIMIT 1`).get(rows[0]!.id) as { id: number; number: string };
  db.close();
  return [rows[0]!, other];
}

test('two people at once: Jonas submits a draft and it appears in Fia’s “Att godkänna”; both change one case’s status and the second sees both values', async ({ browser, workbench }, testInfo) => {
  test.setTimeout(180_000);
  const [draftCase, raceCase] = pickCases(workbench.dbPath);

  // Jonas's draft, written as Jonas through the services on the same store file (a valid letter).
  const store = await openStore(workbench.dbPath);
  const jonasRow = store.sqlite.prepare(`SELECT id, display_name FROM users WHERE username = 'jonas'`).get() as { id: number; display_name: string };
  const jonas: SessionUser = { id: jonasRow.id, name: jonasRow.display_name, role: 'handler' };
  const ctx = { store, user: jonas, now: () => new Date(`${DEMO_AS_OF}T10:00:00Z`) };
  const created = await createDecision(ctx, { caseId: draftCase!.id, language: 'sv' });
  await saveDraft(ctx, { id: created.id, baseVersion: created.version, ...fillDraft(created) });
  await store.close();

  const fiaContext = await browser.newContext();
  const jonasContext = await browser.newContext();
  const fia = await fiaContext.newPage();
  const jon = await jonasContext.newPage();
  await openAs(fia, workbench, 'fia');
  await openAs(jon, workbench, 'jonas');

  // Jonas sees who will approve before submitting, then submits.
  await jon.goto(`${workbench.url.split('#')[0]}#/case/${draftCase!.id}`);
  await jon.getByTestId('case-mode').getByText('Beslut').click();
  await expect(jon.getByTestId('review-approvers')).toContainText('Godkänns av: Fia Engström');
  await jon.getByTestId('decision-submit').click();
  await expect(jon.getByTestId('decision-status')).toContainText(/godkännande|Inskickat|Skickat/i);
  await expect(jon.getByTestId('decision-approve')).toHaveCount(0);

  // Fia: the count in the top bar, the notice and the row in "Att godkänna".
  await fia.reload();
  await expect(fia.getByTestId('approvals-count')).toHaveText('1');
  await fia.getByTestId('nav-approvals').click();
  const row = fia.getByTestId('approval-waiting');
  await expect(row).toContainText(draftCase!.number);
  await expect(row).toContainText('Jonas');
  await fia.screenshot({ path: testInfo.outputPath('approvals-view.png') });

  // Both open the same case; Fia's move on the revision she saw is a conflict once Jonas moved it.
  for (const page of [fia, jon]) {
    await page.goto(`${workbench.url.split('#')[0]}#/case/${raceCase!.id}`);
    await expect(page.getByTestId('case-view')).toBeVisible();
  }
  // Fia starts closing the case (the reason form holds the revision she decided on); meanwhile
  // Jonas moves it, and the live refresh shows his status while she types.
  await fia.getByTestId('action-status').click();
  await fia.getByTestId('status-option-closed').click();
  await expect(fia.getByTestId('status-reason')).toBeVisible();
  await jon.getByTestId('action-status').click();
  await jon.getByTestId('status-option-waiting_for_customer').click();
  await expect(jon.getByTestId('action-saved')).toBeVisible();
  await fia.getByTestId('status-reason').fill('Kunden har återkallat klagomålet');
  await fia.getByTestId('status-save').click();
  const dialog = fia.getByRole('dialog', { name: 'Någon hann före dig' });
  await expect(dialog).toBeVisible();
  await expect(fia.getByTestId('case-conflict-theirs')).toContainText('Väntar på kund');
  await expect(fia.getByTestId('case-conflict-theirs')).toContainText('Jonas');
  await expect(fia.getByTestId('case-conflict-mine')).toContainText('Avslutat');
  await fia.screenshot({ path: testInfo.outputPath('case-conflict.png') });
  await fia.getByTestId('case-conflict-keep-theirs').click();
  await expect(dialog).toHaveCount(0);

  await fiaContext.close();
  await jonasContext.close();
});
