// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MoneyText } from '../../src/renderer/components/MoneyText';
import {
  dayKey,
  formatCalendarDate,
  formatDecimal,
  formatDayHeading,
  formatFileSize,
  formatMarketMoney,
  formatTime,
} from '../../src/renderer/lib/format';
import { plainSpaces, renderWithProviders } from './dom-helpers';

describe('amounts in the interface language, always with their currency', () => {
  it('writes SEK and DKK by code, never kr for both', () => {
    expect(plainSpaces(formatMarketMoney({ minor: 149_900, currency: 'SEK' }, 'SE', 'sv'))).toBe('1 499,00 SEK');
    expect(plainSpaces(formatMarketMoney({ minor: 149_900, currency: 'DKK' }, 'DK', 'sv'))).toBe('1 499,00 DKK');
  });

  it('uses the interface language’s decimal comma and grouping for either market', () => {
    expect(plainSpaces(formatMarketMoney({ minor: 149_900, currency: 'DKK' }, 'DK', 'da'))).toBe('1.499,00 DKK');
    expect(plainSpaces(formatMarketMoney({ minor: 149_900, currency: 'SEK' }, 'SE', 'da'))).toBe('1.499,00 SEK');
    expect(formatDecimal(7.25, 1, 'sv')).toBe('7,3');
    expect(formatDecimal(7.25, 1, 'da')).toBe('7,3');
  });

  it('renders MoneyText in tabular figures', () => {
    renderWithProviders(<MoneyText money={{ minor: 149_900, currency: 'SEK' }} market="SE" data-testid="amount" />);
    const el = screen.getByTestId('amount');
    expect(plainSpaces(el.textContent)).toBe('1 499,00 SEK');
    expect(el.className).toContain('tabular');
  });
});

describe('dates in one format per interface language', () => {
  it('writes calendar dates the interface language’s way whatever the market, without shifting the day', () => {
    expect(formatCalendarDate('2026-03-14', 'SE', 'sv')).toBe('2026-03-14');
    expect(formatCalendarDate('2026-03-14', 'DK', 'sv')).toBe('2026-03-14');
    expect(formatCalendarDate('2026-03-14', 'SE', 'da')).toBe('14.03.2026');
    expect(formatCalendarDate('2026-03-14', 'DK', 'da')).toBe('14.03.2026');
  });

  it('puts an evening event on its local day, not the UTC one', () => {
    // 23:30 UTC on 14 March is 00:30 on 15 March in Stockholm (CET, UTC+1).
    expect(dayKey('2026-03-14T23:30:00Z', 'Europe/Stockholm')).toBe('2026-03-15');
    expect(dayKey('2026-03-14T22:59:00Z', 'Europe/Stockholm')).toBe('2026-03-14');
    expect(formatTime('2026-03-14T23:30:00Z', 'SE')).toBe('00:30');
  });

  it('writes day headings in the interface language', () => {
    expect(formatDayHeading('2026-03-14', 'DK', 'sv')).toBe('Lördag 14 mars 2026');
    expect(formatDayHeading('2026-03-14', 'SE', 'da')).toMatch(/^Lørdag den 14\. marts 2026$/);
  });

  it('writes file sizes in the interface language', () => {
    expect(plainSpaces(formatFileSize(512, 'sv'))).toBe('512 B');
    expect(plainSpaces(formatFileSize(123_456, 'sv'))).toBe('123,5 kB');
    expect(plainSpaces(formatFileSize(2_400_000, 'en'))).toBe('2.4 MB');
  });
});
