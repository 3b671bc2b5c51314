import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/main/db/connection';
import { createCaseWriter } from '../../src/main/db/repositories/case-writer.repository';
import { dispatch } from '../../src/main/ipc/dispatch';
import { verifyAuditChain } from '../../src/main/services/audit.service';
import type { SessionUser } from '../../src/main/services/context';
import { sessionUser } from '../../src/main/services/session.service';
import { buildCase } from '../fixtures/cases';
import { tempStore } from '../fixtures/temp-store';

let store: Store;
let cleanup: () => Promise<void>;
let user: SessionUser;
let caseId: number;
const children: ChildProcessWithoutNullStreams[] = [];

beforeEach(async () => {
  ({ store, cleanup } = await tempStore());
  user = await sessionUser(store);
  [caseId] = createCaseWriter(store.sqlite).writeBatch([buildCase()]) as [number];
});
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill();
  await cleanup();
});

/** Another process on the same store file (tests/fixtures/writer-process.ts). */
function writer(...args: string[]): { child: ChildProcessWithoutNullStreams; said: (line: string) => Promise<void>; exited: Promise<number> } {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../fixtures/writer-process.ts'), ...args], { stdio: 'pipe' });
  children.push(child);
  let out = '';
  let err = '';
  const waiting: { line: string; resolve: () => void }[] = [];
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    for (const w of waiting.filter((w) => out.split('\n').includes(w.line))) w.resolve();
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exited = new Promise<number>((resolve) =>
    child.on('exit', (code) => {
      if (code !== 0) console.error(err);
      resolve(code ?? -1);
    }),
  );
  const said = (line: string) =>
    new Promise<void>((resolve) => {
      if (out.split('\n').includes(line)) resolve();
      else waiting.push({ line, resolve });
    });
  return { child, said, exited };
}

describe('the audit chain under the write lock', () => {
  it('two processes and this one appending in parallel leave one intact chain', async () => {
    const a = writer('append', store.path, '150');
    const b = writer('append', store.path, '150');
    for (let i = 0; i < 40; i += 1) {
      const r = await dispatch({ store, user }, 'cases:addNote', { id: caseId, text: `Anteckning ${i}` });
      expect(r.ok).toBe(true);
    }
    expect(await a.exited).toBe(0);
    expect(await b.exited).toBe(0);
    const verified = await verifyAuditChain(store.db);
    expect(verified).toMatchObject({ intact: true });
    expect(store.sqlite.prepare(`SELECT count(*) FROM audit_log WHERE action = 'test.append'`).pluck().get()).toBe(300);
    expect(store.sqlite.prepare(`SELECT count(*) FROM audit_log WHERE action = 'case.note'`).pluck().get()).toBe(40);
    expect(store.sqlite.prepare('SELECT count(*) FROM (SELECT prev_hash FROM audit_log GROUP BY prev_hash HAVING count(*) > 1)').pluck().get()).toBe(0);
  });
});

describe('writes while another writer holds the lock', () => {
  it('a note written while an import holds the write lock waits and succeeds; reads answer meanwhile', async () => {
    const importing = writer('hold', store.path);
    await importing.said('holding');
    let noteDone = false;
    const note = dispatch({ store, user }, 'cases:addNote', { id: caseId, text: 'Skriven under importen' }).then((r) => {
      noteDone = true;
      return r;
    });
    // Reads are not queued behind the import, and this process keeps answering while the note waits.
    const list = await dispatch({ store, user }, 'cases:list', {});
    expect(list).toMatchObject({ ok: true, data: { total: 1 } });
    const reveal = dispatch({ store, user }, 'cases:get', { id: caseId });
    expect((await reveal).ok).toBe(true);
    expect(noteDone).toBe(false);
    importing.child.stdin.write('commit\n');
    expect(await note).toMatchObject({ ok: true });
    expect(await importing.exited).toBe(0);
    expect(store.sqlite.prepare(`SELECT count(*) FROM history_events WHERE case_id = ? AND kind = 'note'`).pluck().get(caseId)).toBe(1);
    expect(store.sqlite.prepare(`SELECT value FROM settings WHERE key = 'test.import'`).pluck().get()).toBe('"running"');
    expect((await verifyAuditChain(store.db)).intact).toBe(true);
  });
});
