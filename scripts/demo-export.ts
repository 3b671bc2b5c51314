/**
 * Writes a generated customer-service export in the case exchange format, for trying the importer:
 *   node --import tsx scripts/demo-export.ts OUT.jsonl [cases=1000] [seed=1]
 */
import { createWriteStream } from 'node:fs';
import { demoExchangeLines } from '../src/main/demo/exchange';

const [out, count = '1000', seed = '1'] = process.argv.slice(2);
if (!out) throw new Error('usage: demo-export.ts OUT.jsonl [cases] [seed]');
const stream = createWriteStream(out);
for (const line of demoExchangeLines({ seed: Number(seed), count: Number(count), asOf: '2026-11-16' })) {
  if (!stream.write(line)) await new Promise<void>((ok) => stream.once('drain', () => ok()));
}
await new Promise<void>((ok) => stream.end(ok));
