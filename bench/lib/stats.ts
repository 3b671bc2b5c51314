/** Timing of one benchmarked operation: percentiles over many runs after a warm-up. */
export interface Timing {
  runs: number;
  p50: number;
  p95: number;
  max: number;
}

export interface MeasureOptions {
  warmup?: number;
  runs?: number;
}

/** Nearest-rank percentile of sorted samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function summarize(samples: readonly number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return { runs: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted[sorted.length - 1] ?? Number.NaN };
}

/**
 * Runs `fn` `warmup` times unmeasured (caches, prepared statements, JIT), then `runs` times
 * measured one after another. `fn` gets the run number so a benchmark can vary its input.
 */
export async function measure(fn: (run: number) => unknown, options: MeasureOptions = {}): Promise<Timing> {
  const warmup = options.warmup ?? 5;
  const runs = options.runs ?? 50;
  for (let i = 0; i < warmup; i++) await fn(i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn(warmup + i);
    samples.push(performance.now() - start);
  }
  return summarize(samples);
}

/**
 * Two ways of doing the same work, run in turns (a, b, a, b, …) after `warmup` turns each: both
 * see the same machine load, caches and page cache, so their ratio is not skewed by what ran
 * before one of them. On a busy 2-core machine, two separate loops a minute apart differed by
 * up to 1.8× on identical code.
 */
export async function measurePair(
  a: (run: number) => unknown,
  b: (run: number) => unknown,
  options: MeasureOptions = {},
): Promise<[Timing, Timing]> {
  const warmup = options.warmup ?? 5;
  const runs = options.runs ?? 50;
  for (let i = 0; i < warmup; i++) {
    await a(i);
    await b(i);
  }
  const samplesA: number[] = [];
  const samplesB: number[] = [];
  for (let i = 0; i < runs; i++) {
    // Which goes first alternates too, so neither always runs on the other's warm caches.
    const order = i % 2 === 0 ? ([a, samplesA, b, samplesB] as const) : ([b, samplesB, a, samplesA] as const);
    let start = performance.now();
    await order[0](warmup + i);
    order[1].push(performance.now() - start);
    start = performance.now();
    await order[2](warmup + i);
    order[3].push(performance.now() - start);
  }
  return [summarize(samplesA), summarize(samplesB)];
}
