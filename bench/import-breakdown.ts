/**
 * Case import against its floor, in one run on one generated file: the importer next to a raw
 * better-sqlite3 baseline that stores the same events as cheaply as SQLite can while keeping
 * them searchable (positional prepared INSERTs in one transaction, the history search index
 * filled once at the end). On a shared machine
 * the ratio is the figure to compare; each variant runs `rounds` times, alternating.
 * Run: node --import tsx bench/import-breakdown.ts [cases=5000] [rounds=2]
 */
import { createWriteStream, mkdtempSync, realpathSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../src/main/db/connection';
import type { ImportBundle } from '../src/main/db/repositories/case-import.repository';
import { demoExchangeLines } from '../src/main/demo/exchange';
import { importCases } from '../src/main/import/case-import';
import { parseLine } from '../src/main/import/case-lines';
import { sessionUser } from '../src/main/services/session.service';

const n = Number(process.argv[2] ?? 5000);
const rounds = Number(process.argv[3] ?? 2);
const dir = mkdtempSync(join(tmpdir(), 'ombud-bench-breakdown-'));
try {
  const file = join(dir, 'export.jsonl');
  const out = createWriteStream(file);
  const bundles: ImportBundle[] = [];
  const cx = { folder: dir, folderReal: realpathSync(dir), maxAttachmentBytes: 25 << 20, source: 'import:x' };
  let lineNumber = 0;
  for (const line of demoExchangeLines({ seed: 7, count: n, asOf: '2026-11-16' })) {
    const parsed = parseLine(line.trimEnd(), ++lineNumber, true, cx);
    if (parsed.ok) bundles.push(parsed.bundle);
    if (!out.write(line)) await new Promise<void>((ok) => out.once('drain', () => ok()));
  }
  await new Promise<void>((ok) => out.end(ok));
  const events = bundles.reduce((sum, b) => sum + b.events.length, 0);
  console.log(`${n} cases, ${events} events, ${(statSync(file).size / 1024 / 1024).toFixed(1)} MiB; load average before ${loadavg()[0]!.toFixed(1)}`);

  let k = 0;
  const raw = async (): Promise<number> => {
    const store = await openStore(join(dir, `raw-${k++}.sqlite`));
    try {
      const db = store.sqlite;
      db.pragma('foreign_keys = OFF');
      db.exec('DROP TRIGGER history_events_fts');
      const ins = db.prepare(
        `INSERT INTO history_events (case_id, source_id, occurred_at, kind, source, direction, actor, actor_user_id, purchase_id, summary, body, data, recorded_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?, ?)`,
      );
      const started = performance.now();
      db.transaction(() => {
        bundles.forEach((b, i) => {
          for (const e of b.events) ins.run(i + 1, e.sourceId ?? null, e.occurredAt, e.kind, e.source, e.direction, e.actor, e.summary, e.body, JSON.stringify(e.data), 'now');
        });
        db.exec('INSERT INTO history_fts (rowid, summary, body) SELECT id, summary, body FROM history_events');
      })();
      return (performance.now() - started) / 1000;
    } finally {
      await store.close();
    }
  };
  const ours = async (): Promise<number> => {
    const store = await openStore(join(dir, `ours-${k++}.sqlite`));
    try {
      const r = await importCases({ store, user: await sessionUser(store) }, { path: file });
      if (!r.committed || r.eventsAdded !== events) throw new Error('import failed');
      return r.seconds;
    } finally {
      await store.close();
    }
  };
  const rate = (s: number) => `${s.toFixed(2)} s = ${Math.round(events / s).toLocaleString('en')} events/s`;
  for (let round = 1; round <= rounds; round++) {
    const r = await raw();
    const t = await ours();
    console.log(`round ${round} (load ${loadavg()[0]!.toFixed(1)}): raw baseline ${rate(r)} | import ${rate(t)} (${(r / t).toFixed(2)} of raw)`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
