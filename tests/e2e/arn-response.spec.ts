import { execFileSync } from 'node:child_process';
import BetterSqlite3 from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { expect, openAs, signIn, test } from './fixtures';
import { recordSentPartlyUpheldAndFollowed } from './matter-steps';

interface Target {
  id: number;
  number: string;
  facts: string[];
  files: string[];
}

/** A decided Swedish case without a matter, with at least three outward events to rely on and two documents. */
function pickCase(dbPath: string): Target {
  const db = new BetterSqlite3(dbPath, { readonly: true });
  try {
    const row = db
      .prepare(
        `SELECT c.id, c.number FROM cases c
         WHERE c.market = 'SE' AND c.language = 'sv' AND c.status IN ('decision_issued', 'closed')
           AND c.id NOT IN (SELECT case_id FROM authority_matters)
           AND (SELECT count(DISTINCT ea.attachment_id) FROM event_attachments ea JOIN history_events e ON e.id = ea.event_id WHERE e.case_id = c.id AND e.direction <> 'internal') >= 2
         ORDER BY c.id LIMIT 1`,
      )
      .get() as { id: number; number: string } | undefined;
    expect(row, 'the demo store holds a decided Swedish case with two documents').toBeDefined();
    const facts = db
      .prepare(`SELECT summary FROM history_events WHERE case_id = ? AND direction <> 'internal' AND source <> 'internal' AND kind IN ('cs_call', 'cs_chat', 'cs_email', 'cs_final_answer', 'invoice_paused', 'reminder', 'merchant_contact', 'payment') GROUP BY summary ORDER BY min(occurred_at) LIMIT 3`)
      .pluck()
      .all(row!.id) as string[];
    const files = db
      .prepare(`SELECT DISTINCT ea.file_name FROM event_attachments ea JOIN history_events e ON e.id = ea.event_id WHERE e.case_id = ? AND e.direction <> 'internal' ORDER BY e.occurred_at LIMIT 2`)
      .pluck()
      .all(row!.id) as string[];
    expect(facts).toHaveLength(3);
    return { ...row!, facts, files };
  } finally {
    db.close();
  }
}

async function choose(page: Page, testId: string, label: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: label }).first().click();
}

test('register an ARN matter, draft the response from three events and two documents, four eyes, finalise, export, outcome "partly upheld" and compliance', async ({ page, workbench }, testInfo) => {
  test.setTimeout(360_000);
  const target = pickCase(workbench.dbPath);
  const base = workbench.url.split('#')[0];

  await openAs(page, workbench, 'jonas');
  await page.goto(`${base}#/case/${target.id}`);
  const section = page.getByTestId('case-matters');
  await section.getByTestId('matter-register-open').click();
  const form = page.getByTestId('matter-register');
  await form.getByTestId('matter-reference').fill('2026-31415');
  await form.getByTestId('matter-received').fill('2026-11-10');
  await form.getByTestId('matter-due').fill('2026-11-24');
  await form.getByTestId('matter-claim').fill('Konsumenten yrkar att bolaget betalar tillbaka 1 499 kr.');
  await form.getByTestId('matter-amount').fill('1 499,00');
  await form.getByTestId('matter-questions').fill('Har bolaget krediterat fakturan?');
  await form.getByTestId('matter-register-submit').click();
  await expect(form).toBeHidden();
  const matter = section.getByTestId('case-matter').filter({ hasText: '2026-31415' });

  // The response, drafted by the handler.
  await matter.getByTestId('matter-open-response').click();
  await page.getByTestId('start-response-draft').click();
  const workspace = page.getByTestId('response-workspace');
  await expect(workspace).toBeVisible();
  await expect(page.getByTestId('decision-editor')).toContainText('Yttrande till Allmänna reklamationsnämnden');
  await expect(page.getByTestId('response-checks')).toContainText('Claim point 1 has no position');

  await choose(page, 'point-position-0', 'Medger delvis');
  await choose(page, 'point-amount-0', 'Beloppet är skäligt i sig');
  await page.getByTestId('answer-0').fill('Ja, fakturan krediterades delvis den 2 mars.');
  for (const fact of target.facts) await choose(page, 'fact-picker', fact);
  await expect(page.getByTestId('response-fact')).toHaveCount(3);
  for (const file of target.files) await choose(page, 'exhibit-picker', file);
  await expect(page.getByTestId('response-exhibit')).toHaveCount(2);
  await expect(page.getByTestId('response-exhibit').nth(1)).toContainText('Bilaga 2');

  // A sentence the drafter marks as redacted: it stays in the editor, and never reaches ARN.
  const editor = page.getByTestId('decision-editor');
  await editor.getByText('Bolaget grundar sin inställning på följande.').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Kvittot (Bilaga 1) och spårningen (Bilaga 2) visar köpet.');
  await page.keyboard.type(' Internt: kunden har ringt fjorton gånger.');
  for (let i = 0; i < ' Internt: kunden har ringt fjorton gånger.'.length; i++) await page.keyboard.press('Shift+ArrowLeft');
  await page.getByTestId('tool-redact').click();
  await expect(editor.locator('[data-redaction]')).toContainText('fjorton gånger');
  await expect(page.getByTestId('response-ready')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('response-save-status')).toContainText('Sparat');
  await page.screenshot({ path: testInfo.outputPath('response-draft.png'), fullPage: true });

  await page.getByTestId('response-submit').click();
  await expect(page.getByTestId('response-status')).toHaveText('Väntar på godkännande');

  // The ombudsman approves (four eyes) and finalises.
  await page.getByTestId('sign-out').click();
  await signIn(page, 'fia');
  await page.goto(`${base}#/`);
  await page.goto(`${base}#/case/${target.id}`);
  await page.getByTestId('case-matters').getByTestId('case-matter').filter({ hasText: '2026-31415' }).getByTestId('matter-open-response').click();
  await page.getByTestId('response-approve').click();
  await expect(page.getByTestId('response-status')).toHaveText('Godkänt');
  await page.getByTestId('response-finalise').click();
  await expect(page.getByTestId('response-status')).toHaveText('Fastställt');
  await expect(page.getByTestId('response-finalised')).toContainText('SHA-256');

  const downloading = page.waitForEvent('download');
  await page.getByTestId('response-export-package').click();
  const download = await downloading;
  const pdf = testInfo.outputPath('ARN-2026-31415.pdf');
  await download.saveAs(pdf);
  await expect(page.getByTestId('response-exported')).toContainText('ARN-2026-31415.pdf');
  // Lines wrap where the page does; read the text as one run of words.
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain('Bolaget medger yrkandet delvis.');
  expect(text).toContain('Kvittot (Bilaga 1) och spårningen (Bilaga 2) visar köpet.');
  expect(text).not.toContain('fjorton gånger');
  expect(text).toMatch(/Bilageförteckning.*Bilaga 1: .*Bilaga 2: /);
  for (const fact of target.facts) expect(text).toContain(fact);
  await page.screenshot({ path: testInfo.outputPath('response-finalised.png'), fullPage: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', pdf, testInfo.outputPath('package')]);

  // Back in the history: the response is sent, ARN partly upholds, the company complies.
  await page.getByTestId('case-mode').getByText('Historik').click();
  const row = page.getByTestId('case-matters').getByTestId('case-matter').filter({ hasText: '2026-31415' });
  await recordSentPartlyUpheldAndFollowed(page, row);

  const check = new BetterSqlite3(workbench.dbPath, { readonly: true });
  try {
    expect(check.prepare(`SELECT r.status, m.outcome, m.compliance FROM arn_responses r JOIN authority_matters m ON m.id = r.matter_id WHERE m.reference = '2026-31415'`).get()).toEqual({
      status: 'finalised',
      outcome: 'partly_upheld',
      compliance: 'followed',
    });
    const steps = check.prepare(`SELECT r.action, u.username FROM arn_response_reviews r JOIN users u ON u.id = r.user_id ORDER BY r.id`).all().slice(-4);
    expect(steps).toEqual([
      { action: 'created', username: 'jonas' },
      { action: 'submitted', username: 'jonas' },
      { action: 'approved', username: 'fia' },
      { action: 'finalised', username: 'fia' },
    ]);
  } finally {
    check.close();
  }
});
