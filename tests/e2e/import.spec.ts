import { writeFileSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { demoExchangeLines } from '../../src/main/demo/exchange';
import { expect, openAs, test } from './fixtures';

function cases(dbPath: string): number {
  const db = new BetterSqlite3(dbPath, { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM cases').pluck().get() as number;
  } finally {
    db.close();
  }
}

test('import cases: all or nothing shows the broken line and stores nothing; --partial stores the rest', async ({ page, workbench }, testInfo) => {
  const lines = [...demoExchangeLines({ seed: 42, count: 200, asOf: '2026-11-16' })];
  const broken = JSON.parse(lines[136]!) as { purchases: { amount: { value: unknown } }[] };
  broken.purchases[0]!.amount.value = 1499.5;
  lines[136] = `${JSON.stringify(broken)}\n`;
  const file = testInfo.outputPath('kundservice-export.jsonl');
  writeFileSync(file, lines.join(''));
  const before = cases(workbench.dbPath);

  await openAs(page, workbench);
  await page.getByTestId('open-import').click();
  await expect(page.getByRole('heading', { name: 'Importera' })).toBeVisible();
  await page.getByTestId('import-file-input').setInputFiles(file);
  const result = page.getByTestId('import-result');
  await expect(result).toContainText('Ingenting importerades – databasen är oförändrad. kundservice-export.jsonl har fel:');
  const problems = page.getByTestId('import-problems');
  await expect(problems).toContainText('137');
  await expect(problems).toContainText('$.purchases[0].amount.value');
  await expect(problems).toContainText('must be a decimal string such as "1499.00", not a JSON number');
  await page.screenshot({ path: testInfo.outputPath('import-refused.png') });
  expect(cases(workbench.dbPath)).toBe(before);

  await page.getByText('Importera de giltiga ärendena även om några rader är felaktiga').click();
  await page.getByTestId('import-file-input').setInputFiles(file);
  await expect(result).toContainText('kundservice-export.jsonl är importerad');
  await expect(result).toContainText('199 nya ärenden');
  await expect(result).toContainText('1 avvisad');
  await page.screenshot({ path: testInfo.outputPath('import-partial-done.png') });
  expect(cases(workbench.dbPath)).toBe(before + 199);
});

test('import mail by drag and drop: a case number in the subject adds the mail to that case', async ({ page, workbench }, testInfo) => {
  const db = new BetterSqlite3(workbench.dbPath, { readonly: true });
  const target = db.prepare(`SELECT id, number, event_count FROM cases ORDER BY id LIMIT 1`).get() as { id: number; number: string; event_count: number };
  db.close();
  const eml = [
    'Message-ID: <e2e-drop-1@example.se>',
    'Date: Mon, 16 Nov 2026 08:30:00 +0100',
    'From: =?UTF-8?Q?G=C3=B6ran_=C3=96lund?= <goran@example.se>',
    `Subject: =?UTF-8?Q?Komplettering_till_=C3=A4rende?= [${target.number}]`,
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    'H=C3=A4r kommer kvittot jag lovade.',
    '',
  ].join('\r\n');

  await openAs(page, workbench);
  await page.getByTestId('open-import').click();
  await page.getByTestId('import-kind').getByText('E-post (.eml, mbox)').click();
  // Runs in the page: the e2e project compiles for Node, which has no DOM types.
  const dataTransfer = await page.evaluateHandle((text) => {
    const g = globalThis as unknown as { DataTransfer: new () => { items: { add(f: unknown): void } } };
    const dt = new g.DataTransfer();
    dt.items.add(new File([text], 'komplettering.eml', { type: 'message/rfc822' }));
    return dt;
  }, eml);
  await page.getByTestId('import-dropzone').dispatchEvent('dragover', { dataTransfer });
  await page.getByTestId('import-dropzone').dispatchEvent('drop', { dataTransfer });
  const result = page.getByTestId('import-result');
  await expect(result).toContainText('komplettering.eml är importerad');
  await expect(result).toContainText('1 lagt i befintligt ärende');
  await page.screenshot({ path: testInfo.outputPath('import-mail-done.png') });

  await page.goto(`${workbench.url.split('#')[0]}#/case/${target.id}`);
  await expect(page.getByText('Komplettering till ärende').first()).toBeVisible();
});
