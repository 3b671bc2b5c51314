import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import BetterSqlite3 from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { expect, openAs, signIn, test } from './fixtures';

/** A Swedish refund case in review without a decision, whose customer has an e-mail address. */
function caseToDecide(dbPath: string): { id: number; number: string; email: string } {
  const db = new BetterSqlite3(dbPath, { readonly: true });
  const row = db
    .prepare(
      `SELECT c.id, c.number, cu.email FROM cases c JOIN customers cu ON cu.id = c.customer_id
       WHERE c.market = 'SE' AND c.language = 'sv' AND c.status = 'in_review' AND cu.email IS NOT NULL
         AND (SELECT count(*) FROM claims WHERE case_id = c.id) = 1
         AND EXISTS (SELECT 1 FROM claims WHERE case_id = c.id AND kind = 'refund')
         AND NOT EXISTS (SELECT 1 FROM decisions WHERE case_id = c.id)
       ORDER BY c.id DESC LIMIT 1`,
    )
    .get() as { id: number; number: string; email: string } | undefined;
  db.close();
  expect(row, 'the demo store holds a Swedish refund case in review with an e-mail address').toBeDefined();
  return row!;
}

async function goToCase(page: Page, url: string, caseId: number, mode: 'Historik' | 'Beslut'): Promise<void> {
  await page.goto(`${url.split('#')[0]}#/`);
  await page.goto(`${url.split('#')[0]}#/case/${caseId}`);
  await expect(page.getByTestId('case-view')).toBeVisible();
  await page.getByTestId('case-mode').getByText(mode).click();
}

test('an issued decision leaves as a ready mail draft, is filed in the case, and the customer’s reply comes back to it', async ({ page, workbench }, testInfo) => {
  test.setTimeout(240_000);
  const c = caseToDecide(workbench.dbPath);

  // Jonas drafts the decision: outcome, refund, reasoning, and facts in place of the template's instruction.
  await openAs(page, workbench, 'jonas');
  await goToCase(page, workbench.url, c.id, 'Beslut');
  await page.getByTestId('start-draft').click();
  const editor = page.getByTestId('decision-editor');
  await expect(editor).toContainText(c.number);
  await page.getByTestId('claim-1-outcome').click();
  await page.getByRole('option', { name: 'Bifalls', exact: true }).click();
  await page.getByTestId('claim-1-add-remedy').click();
  await page.getByTestId('claim-1-remedy-1-amount').fill('1 499,00');
  await page.getByTestId('claim-1-remedy-1-due').fill('2026-11-30');
  await page.getByTestId('claim-1-reasoning').fill('Varan levererades aldrig och handlaren svarade inte på reklamationen.');
  await editor.getByText(/\[Beskriv vad som hänt/).click({ clickCount: 3 });
  await page.keyboard.type('Kunden betalade fakturan för att slippa inkasso trots att varan aldrig kom.');
  await expect(page.getByTestId('decision-valid')).toBeVisible();
  await expect(page.getByTestId('save-status')).toContainText(/Sparat \d{1,2}:\d{2}/);
  await page.getByTestId('decision-submit').click();
  await expect(page.getByTestId('decision-status')).toHaveText('Inskickat för godkännande');
  // Before it is issued there is nothing to mail.
  await expect(page.getByTestId('decision-mail')).toHaveCount(0);

  // Fia approves and issues it.
  await page.getByTestId('sign-out').click();
  await signIn(page, 'fia');
  await goToCase(page, workbench.url, c.id, 'Beslut');
  await page.getByTestId('decision-approve').click();
  await expect(page.getByTestId('decision-status')).toHaveText('Godkänt');
  await page.getByTestId('decision-issue').click();
  await expect(page.getByTestId('decision-status')).toHaveText('Meddelat');

  // The mail panel: the customer's address; no mail server in the demo store, so "Skicka" waits and says why.
  const panel = page.getByTestId('decision-mail');
  await panel.scrollIntoViewIfNeeded();
  await expect(panel.getByTestId('mail-recipient')).toHaveText(`Till: ${c.email}`);
  await expect(panel.getByTestId('mail-send')).toBeDisabled();
  await expect(panel.getByTestId('mail-no-server')).toHaveText('Ingen e-postserver är inställd: öppna utkastet i e-postprogrammet och skicka därifrån.');
  await page.screenshot({ path: testInfo.outputPath('send-panel.png') });

  // "Öppna i e-postprogrammet": the harness downloads the ready draft.
  const downloading = page.waitForEvent('download');
  await panel.getByTestId('mail-open-draft').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${c.number}-beslut.eml`);
  const saved = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(saved);
  const mail = JSON.parse(execFileSync('python3', ['tests/fixtures/parse-eml.py', saved], { encoding: 'utf8' })) as {
    headers: Record<string, string>;
    attachments: { fileName: string; base64: string }[];
  };
  expect(mail.headers['X-Unsent']).toBe('1');
  expect(mail.headers['Subject']).toBe(`[${c.number}] Kundombudsmannens beslut`);
  expect(mail.headers['To']).toContain(`<${c.email}>`);
  expect(mail.attachments.map((a) => a.fileName)).toEqual([`${c.number}-beslut.pdf`]);
  const messageId = mail.headers['Message-ID']!;
  await expect(panel.getByTestId('mail-done')).toContainText(`Utkastet ${c.number}-beslut.eml är sparat.`);
  await expect(panel.getByTestId('mail-done')).toContainText('Mejlet är sparat i ärendets historik.');
  // The export list below shows the filed draft, not yet marked as sent.
  await expect(page.getByTestId('decision-exports').getByTestId('export-row').first()).toContainText(`${c.number}-beslut.eml`);
  await page.screenshot({ path: testInfo.outputPath('send-draft-done.png') });

  // The case history shows the filed mail with the .eml attached.
  await goToCase(page, workbench.url, c.id, 'Historik');
  const filed = page.getByTestId('timeline-event').filter({ hasText: `[${c.number}] Kundombudsmannens beslut` });
  await expect(filed).toHaveCount(1);
  await expect(filed).toContainText(`${c.number}-beslut.eml`);
  await filed.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('send-history.png') });

  // The customer answers from their mail program: In-Reply-To names our draft, the subject no case number.
  const reply = [
    `From: Kunden <${c.email}>`,
    'To: kundombudsman@nordkredit.se',
    'Subject: =?UTF-8?Q?Re:_Fr=C3=A5ga_om_beslutet?=',
    'Message-ID: <svar-e2e@example.se>',
    `In-Reply-To: ${messageId}`,
    `References: ${messageId}`,
    'Date: Mon, 16 Nov 2026 12:00:00 +0100',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    'Tack! N=C3=A4r kommer =C3=A5terbetalningen?',
    '',
  ].join('\r\n');
  await page.getByTestId('open-import').click();
  await page.getByTestId('import-kind').getByText('E-post (.eml, mbox)').click();
  const dataTransfer = await page.evaluateHandle((text) => {
    const g = globalThis as unknown as { DataTransfer: new () => { items: { add(f: unknown): void } } };
    const dt = new g.DataTransfer();
    dt.items.add(new File([text], 'svar.eml', { type: 'message/rfc822' }));
    return dt;
  }, reply);
  await page.getByTestId('import-dropzone').dispatchEvent('dragover', { dataTransfer });
  await page.getByTestId('import-dropzone').dispatchEvent('drop', { dataTransfer });
  await expect(page.getByTestId('import-result')).toContainText('1 lagt i befintligt ärende');
  await goToCase(page, workbench.url, c.id, 'Historik');
  const replyEvent = page.getByTestId('timeline-event').filter({ hasText: 'Re: Fråga om beslutet' });
  await expect(replyEvent).toHaveCount(1);
  await replyEvent.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('send-reply-filed.png') });

  // What was downloaded is the very file main wrote and filed.
  expect(readFileSync(saved).equals(readFileSync(`${workbench.exportsDir}/${c.number}-beslut.eml`))).toBe(true);
});

/** A Swedish case with an issued decision from the demo store, nothing exported yet. */
function issuedCase(dbPath: string): { id: number; number: string; email: string } {
  const db = new BetterSqlite3(dbPath, { readonly: true });
  const row = db
    .prepare(
      `SELECT c.id, c.number, cu.email FROM cases c JOIN customers cu ON cu.id = c.customer_id
       WHERE c.market = 'SE' AND cu.email IS NOT NULL AND EXISTS (SELECT 1 FROM decisions d WHERE d.case_id = c.id AND d.status = 'issued')
       ORDER BY c.id LIMIT 1`,
    )
    .get() as { id: number; number: string; email: string } | undefined;
  db.close();
  expect(row).toBeDefined();
  return row!;
}

test('the ombudsman sets up the office mail server; "Skicka" delivers the decision and a failure says why in Swedish', async ({ page, workbench }, testInfo) => {
  test.setTimeout(180_000);
  const inbox = testInfo.outputPath('smtp-inbox');
  mkdirSync(inbox, { recursive: true });
  const sink = spawn(process.execPath, ['tests/fixtures/smtp-sink.mjs', inbox], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const port = (JSON.parse(await new Promise<string>((r) => createInterface({ input: sink.stdout! }).once('line', r))) as { port: number }).port;
    const c = issuedCase(workbench.dbPath);
    await openAs(page, workbench, 'fia');
    await page.getByTestId('settings-menu').click();
    await page.getByTestId('open-mail-settings').click();
    const settings = page.getByTestId('mail-settings');
    await expect(settings.getByTestId('mail-from-address-SE')).toHaveValue('kundombudsman@nordkredit.se');
    await settings.getByTestId('mail-use-server').click({ force: true });
    await settings.getByTestId('mail-host').fill('127.0.0.1');
    await settings.getByTestId('mail-port').fill(String(port));
    await settings.getByTestId('mail-security').click();
    await page.getByRole('option', { name: 'Ingen (bara den här datorn)', exact: true }).click();
    // The harness has no OS keychain: the password would come from the environment.
    await expect(settings.getByTestId('mail-password-env')).toContainText('OMBUD_SMTP_PASSWORD');
    await page.screenshot({ path: testInfo.outputPath('send-settings.png') });
    await settings.getByTestId('mail-settings-save').click();
    await expect(settings.getByTestId('mail-settings-saved')).toHaveText('Sparat.');
    await page.keyboard.press('Escape');

    await goToCase(page, workbench.url, c.id, 'Beslut');
    const panel = page.getByTestId('decision-mail');
    await panel.getByTestId('mail-send').click();
    await expect(panel.getByTestId('mail-confirm')).toContainText(`Skicka beslutet med e-post till ${c.email}?`);
    await page.screenshot({ path: testInfo.outputPath('send-confirm.png') });
    await panel.getByTestId('mail-send-now').click();
    await expect(panel.getByTestId('mail-done')).toContainText(`Beslutet skickades till ${c.email} och är sparat i ärendet.`);
    await page.screenshot({ path: testInfo.outputPath('send-sent.png') });
    await expect.poll(() => readdirSync(inbox).filter((f) => f.endsWith('.eml')).length).toBe(1);
    const delivered = readFileSync(join(inbox, '1.eml'), 'latin1');
    expect(delivered).toContain(`Subject: [${c.number}] Kundombudsmannens beslut`);
    expect(delivered).not.toContain('X-Unsent');
    await expect(page.getByTestId('decision-exports').getByTestId('export-sent').first()).toContainText('e-post');

    // The server goes away: the next send fails, says why, and files nothing.
    await new Promise<void>((r) => {
      sink.once('exit', () => r());
      sink.kill('SIGTERM');
    });
    await panel.getByTestId('mail-send').click();
    await panel.getByTestId('mail-send-now').click();
    await expect(panel.getByTestId('mail-error')).toContainText('Det gick inte att nå e-postservern 127.0.0.1. Inget har skickats och ärendet är oförändrat.');
    await page.screenshot({ path: testInfo.outputPath('send-failed.png') });
    await expect(page.getByTestId('decision-exports').getByTestId('export-row')).toHaveCount(1);
  } finally {
    sink.kill('SIGTERM');
  }
});
