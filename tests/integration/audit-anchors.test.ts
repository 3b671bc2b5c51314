import BetterSqlite3 from 'better-sqlite3';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileAnchorKey, type AnchorKey } from '../../src/main/audit/anchor-key';
import type { Store } from '../../src/main/db/connection';
import { dispatch } from '../../src/main/ipc/dispatch';
import { anchorAuditHead, anchorFiles, verifyAnchored } from '../../src/main/services/anchor.service';
import { auditHash, GENESIS_HASH } from '../../src/main/services/audit.service';
import { takeBackup } from '../../src/main/services/backup.service';
import { createCaseIntake } from '../../src/main/services/case-intake.service';
import type { ServiceContext, SessionUser } from '../../src/main/services/context';
import { sessionUser } from '../../src/main/services/session.service';
import { buildCase } from '../fixtures/cases';
import { ombud } from '../fixtures/cli';
import { tempStore } from '../fixtures/temp-store';

/** Issue 22 item 4: every rewrite of the audit log the adversarial pass made unseen is now seen. */

let store: Store;
let dir: string;
let cleanup: () => Promise<void>;
let user: SessionUser;
let key: AnchorKey;
let keyFile: string;
const as = (): ServiceContext => ({ store, user });

interface Row {
  id: number;
  at: string;
  user_id: number | null;
  action: string;
  case_id: number | null;
  detail: string;
}

/** Rewrites the log as an attacker holding the file would: around the triggers, then re-hashes every row so the chain links. */
async function attack(statements: string, rehash = true): Promise<void> {
  await store.close();
  const raw = new BetterSqlite3(store.path);
  raw.exec(`DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;`);
  raw.exec(statements);
  if (rehash) {
    const rows = raw.prepare(`SELECT id, at, user_id, action, case_id, detail FROM audit_log ORDER BY id`).all() as Row[];
    let prev = GENESIS_HASH;
    const update = raw.prepare(`UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?`);
    for (const r of rows) {
      const hash = auditHash(prev, { at: r.at, userId: r.user_id, action: r.action, caseId: r.case_id, detail: r.detail });
      update.run(prev, hash, r.id);
      prev = hash;
    }
  }
  raw.exec(`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;`);
  raw.close();
  const { openStore } = await import('../../src/main/db/connection');
  store = await openStore(store.path);
}

beforeEach(async () => {
  ({ store, dir, cleanup } = await tempStore());
  user = await sessionUser(store);
  keyFile = join(dir, 'keys', 'anchor.key');
  key = fileAnchorKey(keyFile)!;
  const ids = createCaseIntake(store).writeBatch([buildCase(), buildCase()]);
  for (let i = 0; i < 6; i++) expect((await dispatch(as(), 'cases:addNote', { id: ids[i % 2]!, text: `Anteckning ${i}` })).ok).toBe(true);
  expect(await anchorAuditHead(store, 'checkpoint', { key })).toMatchObject({ rows: 6 });
});
afterEach(() => cleanup());

const verify = () => verifyAnchored(store, key);

describe('audit anchors', () => {
  it('the key file is created 0600 outside the store, and an untouched log verifies against the anchor', async () => {
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(store.path).includes(readFileSync(keyFile, 'utf8').trim())).toBe(false);
    expect(existsSync(`${store.path}.anchors.jsonl`)).toBe(true);
    expect(existsSync(anchorFiles(store.path)[1]!)).toBe(true);
    const result = await verify();
    expect(result).toMatchObject({ intact: true, rows: 6, anchorsChecked: 2, unanchoredRows: 0, anchor: { rows: 6, reason: 'checkpoint' } });
  });

  it.each([
    ['edit plus re-hash to the end', `UPDATE audit_log SET detail = '{"text":"changed"}' WHERE id = 2`],
    ['delete plus re-hash', `DELETE FROM audit_log WHERE id = 3`],
    ['insert plus re-hash', `UPDATE audit_log SET id = id + 100 WHERE id >= 3; INSERT INTO audit_log (id, at, user_id, action, case_id, detail, prev_hash, hash) SELECT 3, at, user_id, 'case.note', case_id, detail, '', '' FROM audit_log WHERE id = 2`],
    ['tail truncation', `DELETE FROM audit_log WHERE id > 4`],
    ['truncation to one row', `DELETE FROM audit_log WHERE id > 1`],
    ['deleting every row', `DELETE FROM audit_log`],
    ['renumbered ids', `UPDATE audit_log SET id = id + 1000`],
    ['the last anchored row replaced by a forged one', `DELETE FROM audit_log WHERE id = 6; INSERT INTO audit_log (id, at, user_id, action, case_id, detail, prev_hash, hash) SELECT 6, at, user_id, 'case.note', case_id, '{"forged":true}', '', '' FROM audit_log WHERE id = 5`],
  ])('detects %s, which the chain alone calls intact', async (name, sql) => {
    await attack(sql);
    const result = await verify();
    expect(result.chain.intact).toBe(true);
    expect(result.intact).toBe(false);
    expect(result.problem).toMatch(/anchor of .* \(checkpoint, /);
    // The command a user runs says so too (once: each run starts a process on a busy machine).
    if (name !== 'deleting every row') return;
    const cli = await ombud('audit', 'verify', '--db', store.path, '--key-file', keyFile);
    expect(cli.code).toBe(1);
    expect(cli.stdout).toContain('BROKEN');
  });

  it('a forged row appended after the latest anchor is reported as not yet anchored; the next anchor covers it', async () => {
    await attack(`INSERT INTO audit_log (id, at, user_id, action, case_id, detail, prev_hash, hash) SELECT 7, at, user_id, 'case.note', case_id, '{"forged":true}', '', '' FROM audit_log WHERE id = 6`);
    expect(await verify()).toMatchObject({ intact: true, rows: 7, unanchoredRows: 1 });
    const cli = await ombud('audit', 'verify', '--db', store.path, '--key-file', keyFile);
    expect(cli.stdout).toContain('1 row(s) written since are covered by the chain only');
  });

  it('an anchor file edited to match a rewrite fails its signature; an anchor from another key is refused', async () => {
    await attack(`DELETE FROM audit_log WHERE id > 4`);
    const file = `${store.path}.anchors.jsonl`;
    const forged = readFileSync(file, 'utf8').replace('"rows":6', '"rows":4');
    writeFileSync(file, forged);
    const result = await verify();
    expect(result.intact).toBe(false);
    expect(result.problem).toContain('signature that does not match');
    const other = fileAnchorKey(join(dir, 'keys', 'other.key'))!;
    const withOther = await verifyAnchored(store, other);
    expect(withOther.problem).toContain('another key');
  });

  it('each backup writes a signed anchor beside the store and in the backups folder', async () => {
    process.env.OMBUD_ANCHOR_KEY_FILE = keyFile;
    await takeBackup({ store, user }, 'manual');
    const result = await verify();
    expect(result).toMatchObject({ intact: true, rows: 7, unanchoredRows: 0, anchor: { reason: 'backup', rows: 7 } });
    const inBackups = readFileSync(anchorFiles(store.path)[1]!, 'utf8').trim().split('\n');
    expect(JSON.parse(inBackups.at(-1)!)).toMatchObject({ reason: 'backup', rows: 7 });
  });

  it('ombud audit anchor signs the head and audit verify names the anchor it used', async () => {
    expect((await dispatch(as(), 'cases:addNote', { id: 1, text: 'Efter ankaret' })).ok).toBe(true);
    const anchored = await ombud('audit', 'anchor', '--db', store.path, '--key-file', keyFile);
    expect(anchored.stdout).toContain('Anchored 7 rows');
    const cli = await ombud('audit', 'verify', '--db', store.path, '--key-file', keyFile);
    expect(cli.code).toBe(0);
    expect(cli.stdout).toContain('intact: 7 rows');
    expect(cli.stdout).toMatch(/the latest: .* \(manual\), 7 rows/);
    expect(cli.stdout).toContain(`Anchor signatures checked with the key file ${keyFile}`);
  });
});
