/**
 * Writes docs/case-exchange.schema.json from the zod schema of the case exchange format, so the
 * two cannot drift (a test fails when the committed file differs): node --import tsx scripts/case-exchange-schema.ts
 */
import { writeFileSync } from 'node:fs';
import { caseExchangeJsonSchema } from '../src/shared/exchange/case-exchange';

writeFileSync(new URL('../docs/case-exchange.schema.json', import.meta.url), `${JSON.stringify(caseExchangeJsonSchema(), null, 2)}\n`);
