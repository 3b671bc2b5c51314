/**
 * Case import throughput: writes a generated export of N demo cases (JSON Lines), imports it into
 * a fresh store, re-imports it (idempotent: nothing written), and prints history events per second.
 * Run: node --import tsx bench/import-cases.ts [cases=20000]; part of `npm run bench` (bench/suite.ts).
 */
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../src/main/db/connection';
import { demoExchangeLines } from '../src/main/demo/exchange';
import { importCases } from '../src/main/import/case-import';
import { sessionUser } from '../src/main/services/session.service';

export async function benchImportCases(cases: number): Promise<{ cases: number; events: number; bytes: number; seconds: number; eventsPerSecond: number; reimportSeconds: number; cpuSeconds: number; eventsPerCpuSecond: number; rssMiB: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'ombud-bench-import-'));
  try {
    const file = join(dir, 'export.jsonl');
    const out = createWriteStream(file);
    for (const line of demoExchangeLines({ seed: 7, count: cases, asOf: '2026-11-16' })) {
      if (!out.write(line)) await new Promise<void>((ok) => out.once('drain', () => ok()));
    }
    await new Promise<void>((ok) => out.end(ok));
    const store = await openStore(join(dir, 'bench.sqlite'));
    try {
      const ctx = { store, user: await sessionUser(store) };
      const cpu = process.cpuUsage();
      const first = await importCases(ctx, { path: file });
      const used = process.cpuUsage(cpu);
      const cpuSeconds = (used.user + used.system) / 1e6;
      if (!first.committed) throw new Error(`import failed: ${JSON.stringify(first.problems.slice(0, 3))}`);
      const again = await importCases(ctx, { path: file });
      if (again.created + again.updated !== 0) throw new Error('re-import changed cases');
      return {
        cases: first.created,
        events: first.eventsAdded,
        bytes: statSync(file).size,
        seconds: first.seconds,
        eventsPerSecond: Math.round(first.eventsAdded / first.seconds),
        reimportSeconds: again.seconds,
        cpuSeconds,
        eventsPerCpuSecond: Math.round(first.eventsAdded / cpuSeconds),
        rssMiB: Math.round(process.memoryUsage().rss / 1024 / 1024),
      };
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('import-cases.ts')) {
  const n = Number(process.argv[2] ?? 20000);
  const r = await benchImportCases(n);
  console.log(
    `import cases: ${r.cases} cases, ${r.events} history events, ${(r.bytes / 1024 / 1024).toFixed(1)} MiB in ${r.seconds.toFixed(2)} s = ${r.eventsPerSecond} events/s (CPU ${r.cpuSeconds.toFixed(2)} s = ${r.eventsPerCpuSecond} events per CPU-second); re-import ${r.reimportSeconds.toFixed(2)} s; rss ${r.rssMiB} MiB`,
  );
}
