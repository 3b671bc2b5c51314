/**
 * Seeded randomness for the demo store. Every case draws from its own generator derived from
 * (seed, case index, stream), so case i can be produced without producing cases 0..i-1 and the
 * whole store streams in constant memory. Math.random and the clock are never used.
 */

/** splitmix32 finaliser: spreads nearby inputs (i, i+1) over unrelated states. */
export function mix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** A 32-bit hash of a few integers; used for seeds and for values that must be stable per key. */
export function hash32(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const p of parts) h = mix32(h ^ mix32(p | 0));
  return h;
}

/** A table for weighted choice, built once per module so per-case picks are a short scan. */
export interface WeightedTable<T> {
  items: readonly T[];
  cumulative: readonly number[];
  total: number;
}

/** Builds a weighted-choice table from [item, weight] pairs; non-positive weights are dropped. */
export function weighted<T>(entries: readonly (readonly [T, number])[]): WeightedTable<T> {
  const items: T[] = [];
  const cumulative: number[] = [];
  let total = 0;
  for (const [item, weight] of entries) {
    if (weight <= 0) continue;
    total += weight;
    items.push(item);
    cumulative.push(total);
  }
  if (items.length === 0) throw new Error('weighted(): needs at least one positive weight');
  return { items, cumulative, total };
}

/** sfc32: small, fast and statistically sound enough for fake data. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(a: number, b: number, c: number, d: number) {
    this.a = a | 0;
    this.b = b | 0;
    this.c = c | 0;
    this.d = d | 0;
    // The first outputs of sfc32 correlate with the seed words; discard them.
    for (let k = 0; k < 12; k++) this.u32();
  }

  /** Unsigned 32-bit integer. */
  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick(): empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  choose<T>(table: WeightedTable<T>): T {
    const r = this.next() * table.total;
    const { cumulative, items } = table;
    for (let k = 0; k < cumulative.length; k++) if (r < cumulative[k]!) return items[k]!;
    return items[items.length - 1]!;
  }

  /** A few distinct elements, in random order. */
  sample<T>(items: readonly T[], n: number): T[] {
    const pool = items.slice();
    const out: T[] = [];
    while (out.length < n && pool.length > 0) {
      const k = Math.floor(this.next() * pool.length);
      out.push(pool[k]!);
      pool[k] = pool[pool.length - 1]!;
      pool.pop();
    }
    return out;
  }
}

/** Named streams keep independent facts independent: a case's customer does not shift its story. */
export const STREAM = { case: 1, customer: 2, market: 3 } as const;

/** The generator for one (seed, index, stream): independent of every other index, so cases stream. */
export function rngFor(seed: number, index: number, stream: number): Rng {
  const s = hash32(seed, index, stream);
  return new Rng(s, hash32(s, 1), hash32(s, 2), hash32(s, 3));
}
