import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { caseExchangeJsonSchema, exchangeCaseSchema, jsonPath } from '../../src/shared/exchange/case-exchange';

const doc = readFileSync(new URL('../../docs/case-exchange.md', import.meta.url), 'utf8');
const committedSchema = JSON.parse(readFileSync(new URL('../../docs/case-exchange.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;

/** The JSON blocks of the format page marked `<!-- example: valid -->` or `<!-- example: invalid -->`. */
function examples(kind: 'valid' | 'invalid'): unknown[] {
  const re = new RegExp(`<!-- example: ${kind} -->\\s*\`\`\`json\\n([\\s\\S]*?)\`\`\``, 'g');
  return [...doc.matchAll(re)].map((m) => JSON.parse(m[1]!) as unknown);
}

const ajv = new Ajv2020({ allErrors: true, strict: false });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
const validate = ajv.compile(committedSchema);

describe('case exchange format', () => {
  it('the committed JSON Schema is the one generated from the zod schema', () => {
    expect(committedSchema).toEqual(JSON.parse(JSON.stringify(caseExchangeJsonSchema())));
  });

  it('the documented valid examples pass both the JSON Schema and the zod schema', () => {
    const valid = examples('valid');
    expect(valid.length).toBeGreaterThanOrEqual(2);
    for (const example of valid) {
      expect(validate(example), JSON.stringify(validate.errors)).toBe(true);
      const parsed = exchangeCaseSchema.safeParse(example);
      expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues)).toBe(true);
    }
  });

  it('the documented invalid examples fail both, at the documented path', () => {
    const invalid = examples('invalid');
    expect(invalid.length).toBeGreaterThanOrEqual(2);
    for (const example of invalid) {
      expect(validate(example)).toBe(false);
      expect(exchangeCaseSchema.safeParse(example).success).toBe(false);
    }
    const [floatMoney, badMarket] = invalid.map((e) => exchangeCaseSchema.safeParse(e));
    const issues = (r: typeof floatMoney) => (r && !r.success ? r.error.issues.map((i) => `${jsonPath(i.path)}: ${i.message}`) : []);
    expect(issues(floatMoney)).toEqual(['$.purchases[0].amount.value: must be a decimal string such as "1499.00", not a JSON number']);
    expect(issues(badMarket)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^\$\.market: must be one of SE, DK/), expect.stringMatching(/^\$\.receivedAt: must be an RFC 3339 date-time with offset/)]),
    );
  });

  it('refuses a float anywhere in event data, and a decimal with three places', () => {
    const base = examples('valid')[1] as { events: { data: Record<string, unknown> }[] };
    const withFloat = structuredClone(base);
    withFloat.events[0]!.data = { interestRate: 0.15 };
    const r = exchangeCaseSchema.safeParse(withFloat);
    expect(r.success).toBe(false);
    expect(validate(withFloat)).toBe(false);
    const threePlaces = structuredClone(base);
    threePlaces.events[0]!.data = { amount: { value: '100.005', currency: 'DKK' } };
    expect(exchangeCaseSchema.safeParse(threePlaces).success).toBe(false);
    expect(validate(threePlaces)).toBe(false);
  });

  it('names duplicate event ids and unknown order references with their JSON path', () => {
    const base = structuredClone(examples('valid')[0]) as { events: { sourceId: string; orderRef?: string }[] };
    base.events[2]!.sourceId = 'EV-1';
    base.events[1]!.orderRef = 'ORD-99';
    const r = exchangeCaseSchema.safeParse(base);
    expect(r.success).toBe(false);
    const messages = r.success ? [] : r.error.issues.map((i) => `${jsonPath(i.path)}: ${i.message}`);
    expect(messages).toContain('$.events[2].sourceId: duplicate event id "EV-1" (also events[0])');
    expect(messages).toContain(`$.events[1].orderRef: names order "ORD-99", which is not among the case's purchases`);
  });

  it('writes JSON paths the way people read them', () => {
    expect(jsonPath([])).toBe('$');
    expect(jsonPath(['events', 3, 'data', 'amount'])).toBe('$.events[3].data.amount');
    expect(jsonPath(['data', 'odd key'])).toBe('$.data["odd key"]');
  });
});
