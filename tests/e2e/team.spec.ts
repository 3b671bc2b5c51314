import BetterSqlite3 from 'better-sqlite3';
import { expect, signIn, test } from './fixtures';

test('fia and jonas work at once in two browsers: each acts as themselves and sees the other’s note without a reload', async ({ browser, workbench }, testInfo) => {
  const db = new BetterSqlite3(workbench.dbPath, { readonly: true });
  const target = db.prepare(`SELECT id, number FROM cases WHERE status NOT IN ('closed') ORDER BY id LIMIT 1`).get() as { id: number; number: string };
  const lastEventBefore = db.prepare('SELECT max(id) FROM history_events').pluck().get() as number;
  const lastAuditBefore = db.prepare('SELECT coalesce(max(id), 0) FROM audit_log').pluck().get() as number;
  db.close();
  const caseUrl = `${workbench.url.split('#')[0]}#/case/${target.id}`;

  const fiaContext = await browser.newContext();
  const jonasContext = await browser.newContext();
  const fia = await fiaContext.newPage();
  const jonas = await jonasContext.newPage();
  try {
    await fia.goto(workbench.url);
    await signIn(fia, 'fia');
    await jonas.goto(workbench.url);
    await signIn(jonas, 'jonas');
    // Jonas signing in elsewhere leaves Fia's window Fia's.
    await expect(fia.getByTestId('session-user')).toHaveText('Fia Engström');
    await expect(jonas.getByTestId('session-user')).toHaveText('Jonas Öhman');

    await fia.goto(caseUrl);
    await jonas.goto(caseUrl);
    await expect(fia.getByTestId('timeline')).toBeVisible();
    await expect(jonas.getByTestId('timeline')).toBeVisible();

    await jonas.getByTestId('action-note').click();
    await jonas.getByTestId('note-text').fill('Jonas: kunden har skickat kvittot.');
    await jonas.getByTestId('note-save').click();
    await expect(jonas.getByTestId('timeline')).toContainText('Jonas: kunden har skickat kvittot.');
    // Fia's open case shows it without a reload, by the change notice.
    await expect(fia.getByTestId('timeline')).toContainText('Jonas: kunden har skickat kvittot.');
    await fia.screenshot({ path: testInfo.outputPath('fia-sees-jonas-note.png') });

    await fia.getByTestId('action-note').click();
    await fia.getByTestId('note-text').fill('Fia: jag tar beslutet.');
    await fia.getByTestId('note-save').click();
    await expect(jonas.getByTestId('timeline')).toContainText('Fia: jag tar beslutet.');
    await expect(fia.getByTestId('session-user')).toHaveText('Fia Engström');
  } finally {
    await fiaContext.close();
    await jonasContext.close();
  }

  const check = new BetterSqlite3(workbench.dbPath, { readonly: true });
  try {
    const notes = check
      .prepare(`SELECT e.body, u.username FROM history_events e JOIN users u ON u.id = e.actor_user_id WHERE e.case_id = ? AND e.kind = 'note' AND e.id > ? ORDER BY e.id`)
      .all(target.id, lastEventBefore);
    expect(notes).toEqual([
      { body: 'Jonas: kunden har skickat kvittot.', username: 'jonas' },
      { body: 'Fia: jag tar beslutet.', username: 'fia' },
    ]);
    const audit = check
      .prepare(`SELECT a.action, u.username FROM audit_log a JOIN users u ON u.id = a.user_id WHERE a.action IN ('session.sign_in', 'case.note') AND a.id > ? ORDER BY a.id`)
      .all(lastAuditBefore);
    expect(audit).toEqual([
      { action: 'session.sign_in', username: 'fia' },
      { action: 'session.sign_in', username: 'jonas' },
      { action: 'case.note', username: 'jonas' },
      { action: 'case.note', username: 'fia' },
    ]);
  } finally {
    check.close();
  }
});
