/**
 * Writes a generated case exchange file (JSON Lines) of N demo cases, for measuring an import on
 * a file of a chosen size (e.g. peak memory on a large one: `/usr/bin/time -v bin/ombud import cases`).
 * Run: node --import tsx bench/write-export.ts FILE [cases=20000] [seed=7]
 */
import { createWriteStream, statSync } from 'node:fs';
import { demoExchangeLines } from '../src/main/demo/exchange';

const [file, cases = '20000', seed = '7'] = process.argv.slice(2);
if (!file) throw new Error('usage: write-export.ts FILE [cases] [seed]');
const out = createWriteStream(file);
let events = 0;
for (const line of demoExchangeLines({ seed: Number(seed), count: Number(cases), asOf: '2026-11-16' })) {
  events += (line.match(/"occurredAt"/g) ?? []).length;
  if (!out.write(line)) await new Promise<void>((ok) => out.once('drain', () => ok()));
}
await new Promise<void>((ok) => out.end(ok));
console.log(`${file}: ${cases} cases, ${events} events, ${(statSync(file).size / 1024 ** 2).toFixed(0)} MiB`);
