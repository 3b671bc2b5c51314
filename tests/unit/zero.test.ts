import { describe, expect, it } from 'vitest';
import { nearestRank } from '../../src/main/services/register.service';
import { addMonths } from '../../src/main/services/zero.service';
import { CAUSES, causeSchema, perMillion, roundPerMillion } from '../../src/shared/domain/zero';

describe('the zero-complaints arithmetic', () => {
  it('per million: complaints × 1e6 ÷ purchases, and no figure without purchases', () => {
    expect(perMillion(52, 1_000_000)).toBe(52);
    expect(perMillion(41, 500_000)).toBe(82);
    expect(perMillion(3, 0)).toBeNull();
    // Published whole numbers: half rounds up.
    expect(roundPerMillion(40.5)).toBe(41);
    expect(roundPerMillion(40.49)).toBe(40);
    expect(roundPerMillion(null)).toBeNull();
  });

  it('nearest-rank percentile: the smallest value with at least 90 % of the values at or below it', () => {
    expect(nearestRank([], 0.9)).toBeNull();
    expect(nearestRank([7], 0.9)).toBe(7);
    expect(nearestRank([10, 25], 0.9)).toBe(25);
    expect(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    expect(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 0.9)).toBe(10);
  });

  it('months step across years', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2025-11', 3)).toBe('2026-02');
    expect(addMonths('2026-11', -11)).toBe('2025-12');
  });

  it('a cause is a known category or red flag', () => {
    expect(CAUSES).toContain('category:refund_missing');
    expect(CAUSES).toContain('flag:repeated_contacts');
    expect(causeSchema.safeParse('category:weather').success).toBe(false);
  });
});
