import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney, moneySchema, parseDecimal, toDecimal } from '../../src/shared/domain/money';

describe('money', () => {
  it('parses decimal strings into exact minor units', () => {
    expect(parseDecimal('1499.00', 'SEK')).toEqual({ minor: 149_900, currency: 'SEK' });
    expect(parseDecimal('0.1', 'SEK')).toEqual({ minor: 10, currency: 'SEK' });
    expect(parseDecimal('-25.5', 'DKK')).toEqual({ minor: -2550, currency: 'DKK' });
    expect(parseDecimal('9999999999999.99', 'SEK').minor).toBe(999_999_999_999_999);
  });

  it('refuses what is not a two-decimal amount, naming it', () => {
    for (const bad of ['1,5', '1.999', 'abc', '', '1e3', '12.', '99999999999999.00']) {
      expect(() => parseDecimal(bad, 'SEK')).toThrow(`"${bad}" is not a decimal amount with at most two decimals`);
    }
  });

  it('round-trips every safe amount through the interchange form', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (minor) => {
        expect(parseDecimal(toDecimal({ minor, currency: 'SEK' }), 'SEK').minor).toBe(minor);
      }),
    );
  });

  it('formats as each market writes amounts', () => {
    expect(formatMoney({ minor: 149_900, currency: 'SEK' }, 'sv-SE')).toBe('1\u00a0499,00\u00a0kr');
    expect(formatMoney({ minor: 149_900, currency: 'DKK' }, 'da-DK')).toBe('1.499,00\u00a0kr.');
  });

  it('rejects floats and bad currencies in the schema', () => {
    expect(moneySchema.safeParse({ minor: 14.99, currency: 'SEK' }).success).toBe(false);
    expect(moneySchema.safeParse({ minor: 1499, currency: 'kr' }).success).toBe(false);
    expect(moneySchema.safeParse({ minor: 1499, currency: 'SEK' }).success).toBe(true);
  });
});
