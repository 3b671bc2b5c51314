// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MoneyText } from '../../src/renderer/components/MoneyText';
import {
  dayKey,
  formatCalendarDate,
  formatDayHeading,
  formatFileSize,
  formatMarketMoney,
  formatTime,
} from '../../src/renderer/lib/format';
import { plainSpaces, renderWithProviders } from './dom-helpers';

describe('amounts as the market writes them', () => {
  it('formats Swedish kronor as 1 499,00 kr', () => {
    expect(plainSpaces(formatMarketMoney({ minor: 149_900, currency: 'SEK' }, 'SE'))).toBe('1 499,00 kr');
  });

  it('formats Danish kroner as 1.499,00 kr.', () => {
    expect(plainSpaces(formatMarketMoney({ minor: 149_900, currency: 'DKK' }, 'DK'))).toBe('1.499,00 kr.');
  });

  it('renders MoneyText in tabular figures', () => {
    renderWithProviders(<MoneyText money={{ minor: 149_900, currency: 'SEK' }} market="SE" data-testid="amount" />);
    const el = screen.getByTestId('amount');
    expect(plainSpaces(el.textContent)).toBe('1 499,00 kr');
    expect(el.className).toContain('tabular');
  });
});

describe('dates as the market writes them', () => {
  it('writes calendar dates per market without shifting the day', () => {
    expect(formatCalendarDate('2026-03-14', 'SE')).toBe('2026-03-14');
    expect(formatCalendarDate('2026-03-14', 'DK')).toBe('14.03.2026');
  });

  it('puts an evening event on its local day, not the UTC one', () => {
    // 23:30 UTC on 14 March is 00:30 on 15 March in Stockholm (CET, UTC+1).
    expect(dayKey('2026-03-14T23:30:00Z', 'Europe/Stockholm')).toBe('2026-03-15');
    expect(dayKey('2026-03-14T22:59:00Z', 'Europe/Stockholm')).toBe('2026-03-14');
    expect(formatTime('2026-03-14T23:30:00Z', 'SE')).toBe('00:30');
  });

  it('writes day headings in the market language', () => {
    expect(formatDayHeading('2026-03-14', 'SE')).toBe('Lördag 14 mars 2026');
    expect(formatDayHeading('2026-03-14', 'DK')).toMatch(/^Lørdag den 14\. marts 2026$/);
  });

  it('writes file sizes in the interface language', () => {
    expect(plainSpaces(formatFileSize(512, 'sv'))).toBe('512 B');
    expect(plainSpaces(formatFileSize(123_456, 'sv'))).toBe('123,5 kB');
    expect(plainSpaces(formatFileSize(2_400_000, 'en'))).toBe('2.4 MB');
  });
});
