import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/main/db/connection';
import type { NewCaseBundle } from '../../src/main/db/repositories/case-writer.repository';
import { demoCases } from '../../src/main/demo/generate';
import { createCaseIntake } from '../../src/main/services/case-intake.service';
import { BENCH_AS_OF } from './store-cache';

/**
 * Throughput of the case intake, the one way whole cases enter a store (the demo generator now,
 * the JSON Lines importer when it lands): cases with their events, attachments metadata, derived
 * fields and search indexes, written in transactions of 500 cases into a fresh store with every
 * trigger on, as an import into a working store runs. The cases are generated before the clock
 * starts, so only writing is timed. The JSON Lines import as a whole (reading and validating
 * too) is timed by bench/import-cases.ts, next to this figure in the suite.
 */
export async function measureIntake(cases: number): Promise<{ events: number; seconds: number; eventsPerSecond: number; casesPerSecond: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'ombud-bench-intake-'));
  try {
    const store = await openStore(join(dir, 'intake.sqlite'));
    try {
      const bundles: NewCaseBundle[] = [...demoCases({ seed: 7, count: cases, asOf: BENCH_AS_OF, assigneeIds: [] })];
      const events = bundles.reduce((n, b) => n + b.events.length, 0);
      const writer = createCaseIntake(store);
      const started = performance.now();
      for (let i = 0; i < bundles.length; i += 500) writer.writeBatch(bundles.slice(i, i + 500));
      const seconds = (performance.now() - started) / 1000;
      return { events, seconds, eventsPerSecond: events / seconds, casesPerSecond: cases / seconds };
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
