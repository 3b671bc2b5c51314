import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addBusinessDays, businessDaysBetween, closedReason, isBusinessDay } from '../../src/main/services/calendar/business-days';

describe('business days, Sweden', () => {
  it('skips Easter: Good Friday and Easter Monday are bank holidays (2024–2027)', () => {
    expect(closedReason('SE', '2024-03-29')).toBe('långfredagen');
    expect(closedReason('SE', '2024-04-01')).toBe('annandag påsk');
    expect(isBusinessDay('SE', '2024-03-28')).toBe(true); // Maundy Thursday: banks open
    expect(addBusinessDays('SE', '2025-04-17', 1)).toBe('2025-04-22'); // Thu -> Tue after Easter Monday
    expect(addBusinessDays('SE', '2026-04-02', 1)).toBe('2026-04-07');
    expect(addBusinessDays('SE', '2027-03-25', 1)).toBe('2027-03-30');
  });

  it('skips Midsummer Eve, which banks close, and the National Day', () => {
    expect(closedReason('SE', '2025-06-20')).toBe('midsommarafton');
    expect(closedReason('SE', '2026-06-19')).toBe('midsommarafton');
    expect(addBusinessDays('SE', '2026-06-18', 1)).toBe('2026-06-22');
    expect(closedReason('SE', '2025-06-06')).toBe('nationaldagen');
  });

  it('skips Christmas to New Year: Christmas Eve, Christmas, Boxing Day, New Year’s Eve and Day', () => {
    // 2026-12-23 is a Wednesday; 24, 25 closed, 26-27 weekend, 28-30 open, 31 and 1 closed.
    expect(addBusinessDays('SE', '2026-12-23', 1)).toBe('2026-12-28');
    expect(addBusinessDays('SE', '2026-12-30', 1)).toBe('2027-01-04');
    expect(addBusinessDays('SE', '2024-12-20', 5)).toBe('2025-01-03');
    expect(isBusinessDay('SE', '2027-01-06')).toBe(false); // Epiphany
  });

  it('counts the PSD2 15-business-day answer from a complaint received before Easter 2026', () => {
    // Received Monday 2026-03-23: day 0. Good Friday 3 Apr and Easter Monday 6 Apr are skipped.
    expect(addBusinessDays('SE', '2026-03-23', 15)).toBe('2026-04-15');
    expect(addBusinessDays('SE', '2026-03-23', 35)).toBe('2026-05-15'); // 1 May and Ascension 14 May skipped
  });

  it('counts from a weekend day as day 0', () => {
    expect(addBusinessDays('SE', '2026-11-21', 1)).toBe('2026-11-23');
    expect(addBusinessDays('SE', '2026-11-21', 0)).toBe('2026-11-21');
  });
});

describe('business days, Denmark', () => {
  it('skips the Danish bank closing days: Maundy Thursday, Constitution Day, the Friday after Ascension, Christmas Eve, New Year’s Eve', () => {
    expect(isBusinessDay('DK', '2026-04-02')).toBe(false); // Skærtorsdag
    expect(isBusinessDay('SE', '2026-04-02')).toBe(true);
    expect(isBusinessDay('DK', '2026-06-05')).toBe(false);
    expect(isBusinessDay('DK', '2026-05-15')).toBe(false); // Friday after Ascension 2026-05-14
    expect(isBusinessDay('DK', '2025-05-30')).toBe(false); // Friday after Ascension 2025-05-29
    expect(isBusinessDay('DK', '2027-12-24')).toBe(false);
    expect(isBusinessDay('DK', '2024-12-31')).toBe(false);
  });

  it('no longer closes on Store Bededag after its abolition (2024)', () => {
    expect(isBusinessDay('DK', '2024-04-26')).toBe(true);
    expect(isBusinessDay('DK', '2025-05-16')).toBe(true);
  });

  it('counts the representative’s 10 business days across Easter 2027', () => {
    // Received Wed 2027-03-24. Closed: Thu 25, Fri 26, Mon 29 March.
    expect(addBusinessDays('DK', '2027-03-24', 10)).toBe('2027-04-12'); // 30, 31 Mar, 1, 2, 5–9, 12 Apr
  });
});

describe('days left', () => {
  it('counts business days to a deadline, negative when overdue', () => {
    expect(businessDaysBetween('SE', '2026-12-22', '2026-12-29')).toBe(3); // 23, 28, 29
    expect(businessDaysBetween('SE', '2026-12-29', '2026-12-22')).toBe(-3);
    expect(businessDaysBetween('SE', '2026-11-23', '2026-11-23')).toBe(0);
  });

  it('is the inverse of adding business days', () => {
    for (const market of ['SE', 'DK'] as const) {
      for (let n = 0; n < 40; n += 7) expect(businessDaysBetween(market, '2026-12-01', addBusinessDays(market, '2026-12-01', n))).toBe(n);
    }
  });

  it('counts the same as walking day by day, over random ranges across years', () => {
    fc.assert(
      fc.property(fc.constantFrom('SE' as const, 'DK' as const), fc.integer({ min: 0, max: 1500 }), fc.integer({ min: 0, max: 800 }), (market, start, length) => {
        const from = new Date(Date.UTC(2024, 0, 1 + start, 12)).toISOString().slice(0, 10);
        const to = new Date(Date.UTC(2024, 0, 1 + start + length, 12)).toISOString().slice(0, 10);
        let walked = 0;
        for (let d = new Date(`${from}T12:00:00Z`); d.toISOString().slice(0, 10) < to; ) {
          d.setUTCDate(d.getUTCDate() + 1);
          if (isBusinessDay(market, d.toISOString().slice(0, 10))) walked += 1;
        }
        expect(businessDaysBetween(market, from, to)).toBe(walked);
        expect(businessDaysBetween(market, to, from)).toBe(walked === 0 ? 0 : -walked);
      }),
      { numRuns: 200 },
    );
  });

  it('names bad dates', () => {
    expect(() => addBusinessDays('SE', '2026-02-30', 1)).toThrow('"2026-02-30" is not a calendar date');
    expect(() => addBusinessDays('SE', '23/11/2026', 1)).toThrow('is not a date YYYY-MM-DD');
    expect(() => addBusinessDays('SE', '2026-11-23', -1)).toThrow('whole number ≥ 0');
  });
});
