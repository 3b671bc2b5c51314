import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openStore } from '../../src/main/db/connection';
import { insertUser } from '../../src/main/db/repositories/user.repository';
import { createCaseIntake } from '../../src/main/services/case-intake.service';
import { createDecision, getDecision } from '../../src/main/services/decision.service';
import { buildCase } from '../fixtures/cases';
import { tempDir } from '../fixtures/temp-store';
import { TYPED } from '../fixtures/typist';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

it('killing the process while typing loses at most the last second: the reopened draft holds everything typed before it', async () => {
  const { dir, cleanup } = tempDir();
  cleanups.push(cleanup);
  const path = join(dir, 'ombud.sqlite');
  let store = await openStore(path);
  const userId = await insertUser(store.db, { username: 'jonas', display_name: 'Jonas Holm', role: 'handler', title: null, created_at: '2026-01-01T00:00:00Z' });
  const [caseId] = createCaseIntake(store).writeBatch([buildCase({ status: 'in_review' })]);
  const draft = await createDecision({ store, user: { id: userId, name: 'Jonas Holm', role: 'handler' } }, { caseId: caseId!, language: 'sv' });
  await store.close();

  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../fixtures/typist.ts'), path, String(draft.id), String(userId)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keystrokes: { count: number; at: number }[] = [];
  let saves = 0;
  let stderr = '';
  let buffer = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.on('data', (d: Buffer) => {
    buffer += d.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop()!;
    for (const line of lines) {
      const [tag, a, b] = line.split(' ');
      if (tag === 'T') keystrokes.push({ count: Number(a), at: Number(b) });
      if (tag === 'S') saves += 1;
    }
  });
  // Type for a while (several autosaves), then kill -9 in the middle of typing.
  await new Promise<void>((resolve, reject) => {
    const started = Date.now();
    const poll = setInterval(() => {
      if (child.exitCode !== null) {
        clearInterval(poll);
        reject(new Error(`typist exited early: ${stderr}`));
      } else if (saves >= 3 && Date.now() - started > 2500) {
        clearInterval(poll);
        resolve();
      }
    }, 20);
  });
  const killedAt = Date.now();
  child.kill('SIGKILL');
  await new Promise((resolve) => child.once('exit', resolve));
  expect(child.signalCode).toBe('SIGKILL');

  store = await openStore(path);
  cleanups.push(() => store.close());
  const reopened = await getDecision({ store, user: { id: userId, name: 'Jonas Holm', role: 'handler' } }, draft.id);
  const text = reopened.renderedText;
  const typedBefore = keystrokes.filter((k) => k.at <= killedAt - 1000).at(-1)!.count;
  const typedTotal = keystrokes.at(-1)!.count;
  // What was saved is exactly what was typed, up to some keystroke…
  const expected = Array.from({ length: text.length }, (_, i) => TYPED[i % TYPED.length]).join('');
  expect(text).toBe(expected.trimEnd());
  // …and that keystroke is no more than a second before the kill.
  expect(text.length).toBeGreaterThanOrEqual(typedBefore - 1);
  expect(typedTotal).toBeGreaterThan(100);
  expect(reopened.version).toBeGreaterThanOrEqual(4);
  if (process.env.OMBUD_REPORT) {
    const lastSaved = keystrokes.find((k) => k.count >= text.length)!;
    console.log(`typed ${typedTotal}, saved ${text.length}, lost ${killedAt - lastSaved.at} ms of typing`);
  }
}, 30_000);
