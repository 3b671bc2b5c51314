import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { VIEW_KEYS } from '../../src/renderer/features/inbox/views';
import { met } from '../../bench/lib/main-bench';
import { formatTable } from '../../bench/lib/report';
import { ensureBenchStore } from '../../bench/lib/store-cache';
import { runSuite } from '../../bench/suite';
import { tempDir } from '../fixtures/temp-store';

const root = resolve(__dirname, '../..');
const { dir, cleanup } = tempDir('ombud-bench-');
afterAll(cleanup);

/** The benchmark suite at a small scale: the same code as `npm run bench`, without the browser. */
describe('benchmark suite', () => {
  it('builds its store once, then reuses it from the cache', async () => {
    const first = await ensureBenchStore({ root, cacheDir: dir, cases: 300 });
    expect(first.built).toBe(true);
    expect(existsSync(first.path)).toBe(true);
    expect(existsSync(`${first.path}.partial`)).toBe(false);
    const second = await ensureBenchStore({ root, cacheDir: dir, cases: 300 });
    expect(second).toEqual({ path: first.path, built: false, buildSeconds: null });
  }, 120_000);

  it('produces every figure of the issue, each measured or marked as not built yet', async () => {
    const result = await runSuite({
      root,
      cases: 300,
      cacheDir: dir,
      runs: 3,
      likeRuns: 1,
      intakeCases: 40,
      importCases: 40,
      mailMessages: 60,
      renderer: false,
      navigations: 1,
      scrollSteps: 2,
      log: () => {},
    });
    const names = result.figures.map((f) => `${f.group}: ${f.name}`);
    for (const view of VIEW_KEYS) {
      expect(names.filter((n) => n.startsWith(`inbox page + 7 view counts: ${view},`))).toHaveLength(3);
      expect(names.filter((n) => n.startsWith(`ours ÷ raw: inbox ${view},`))).toHaveLength(3);
    }
    for (const key of ['surname', 'order_ref', 'phrase', 'rare', 'common']) expect(result.queries[key]).toBeTruthy();
    const search = result.figures.filter((f) => f.group === 'search, first page with snippets');
    expect(search.length).toBe(Object.keys(result.queries).length);
    expect(result.figures.filter((f) => f.group === 'LIKE scan ÷ FTS')).toHaveLength(search.length);
    for (const name of ['open a case with', 'append a note']) expect(result.figures.some((f) => f.group === 'case' && f.name.startsWith(name))).toBe(true);
    // Every measured figure carries real numbers; nothing is left blank or invented.
    for (const f of result.figures) {
      if (f.status !== 'measured') continue;
      if (f.unit === 'ms') {
        expect(f.timing!.runs, f.name).toBeGreaterThan(0);
        expect(f.timing!.p50, f.name).toBeGreaterThan(0);
        expect(f.timing!.p95, f.name).toBeGreaterThanOrEqual(f.timing!.p50);
        expect(f.timing!.max, f.name).toBeGreaterThanOrEqual(f.timing!.p95);
      } else {
        expect(Number.isFinite(f.value), f.name).toBe(true);
        expect(f.value!, f.name).toBeGreaterThan(0);
      }
      if (f.target) expect(typeof met(f), f.name).toBe('boolean');
    }
    // Every figure of the issue is built now, and none failed.
    expect(result.figures.filter((f) => f.status !== 'measured').map((f) => `${f.name}: ${f.status} ${f.note ?? ''}`)).toEqual([]);
    for (const name of ['save a draft decision version (decisions:save)', '3-page decision letter to PDF', '3-page decision letter to DOCX']) {
      expect(result.figures.find((f) => f.name === name)?.timing?.p50, name).toBeGreaterThan(0);
    }
    // The search found what the classes were picked for.
    for (const key of ['surname', 'order_ref']) {
      const figure = search.find((f) => f.name.includes(result.queries[key]!))!;
      expect(figure.note, key).toMatch(/^[1-9]\d* hits/);
    }
    expect(result.store.cases).toBe(300);
    expect(result.store.events).toBeGreaterThan(300);
    expect(result.store.bytesPerMillionEvents).toBeGreaterThan(0);
    expect(result.machine.cores).toBeGreaterThan(0);
    expect(result.versions.sqlite).toMatch(/^3\./);
    const table = formatTable(result.figures);
    expect(table.split('\n')).toHaveLength(result.figures.length + 2);
  }, 300_000);
});
