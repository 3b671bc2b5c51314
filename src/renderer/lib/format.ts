import i18next from 'i18next';
import { MARKET_INFO, type Market } from '../../shared/domain/market-info';
import { formatMoney as formatMoneyForLocale, type Money } from '../../shared/domain/money-format';

/**
 * Presentation helpers. One date and number format per interface language: a Swedish screen
 * writes `2026-03-14` and `1 499,00 DKK` for a Danish case too, a Danish one `14.03.2026` and
 * `1.499,00 SEK`, so a column never mixes formats. Times stay in the case market's time zone.
 * Currencies are always written as their code (SEK, DKK), never `kr` for both. Letters, which
 * follow their own language and market, do not use these helpers.
 */

/** The interface language now (each helper takes an explicit one for tests). */
function currentLanguage(): string {
  return i18next.language || 'sv';
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, f);
  }
  return f;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date (YYYY-MM-DD) as a UTC midnight, so formatting it in UTC never shifts the day. */
function calendarDate(date: string): Date {
  const m = ISO_DATE.exec(date);
  if (!m) return new Date(Number.NaN);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

export function marketLocale(market: Market): string {
  return MARKET_INFO[market].locale;
}

export function marketTimeZone(market: Market): string {
  return MARKET_INFO[market].timeZone;
}

/** An amount with its currency code in the interface language: `1 499,00 SEK` (sv), `1.499,00 DKK` (da). */
export function formatMarketMoney(money: Money, _market: Market, language = currentLanguage()): string {
  return formatMoneyForLocale(money, uiLocale(language), 'code');
}

/** A calendar date in the interface language's format: `2026-03-14` (sv), `14.03.2026` (da). */
export function formatCalendarDate(date: string, _market: Market, language = currentLanguage()): string {
  return formatUiDate(date, language);
}

/** The wall-clock time of an instant in the market's time zone: `14:02` (sv), `14.02` (da). */
export function formatTime(instant: string, market: Market, language = currentLanguage()): string {
  return dateFormat(uiLocale(language), { hour: '2-digit', minute: '2-digit', timeZone: marketTimeZone(market) }).format(new Date(instant));
}

/** Date and time of an instant in the market's time zone: `2026-03-14 14:02` (sv), `14.03.2026 14.02` (da). */
export function formatDateTime(instant: string, market: Market, language = currentLanguage()): string {
  return formatUiDateTime(instant, language, marketTimeZone(market));
}

/** The calendar day (YYYY-MM-DD) on which an instant falls in the given time zone. */
export function dayKey(instant: string, timeZone: string): string {
  const parts = dateFormat('en-US', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** A day heading in the interface language: `Lördag 14 mars 2026`, `Lørdag den 14. marts 2026`. */
export function formatDayHeading(day: string, _market: Market, language = currentLanguage()): string {
  const d = calendarDate(day);
  if (Number.isNaN(d.getTime())) return day;
  const locale = uiLocale(language);
  const text = dateFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(d);
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}

/** BCP 47 locale for numbers in the interface language. */
export function uiLocale(language: string): string {
  switch (language) {
    case 'en':
      return 'en-GB';
    case 'da':
      return 'da-DK';
    default:
      return 'sv-SE';
  }
}

const countFormats = new Map<string, Intl.NumberFormat>();

export function formatCount(n: number, language: string): string {
  const locale = uiLocale(language);
  let format = countFormats.get(locale);
  if (!format) countFormats.set(locale, (format = new Intl.NumberFormat(locale)));
  return format.format(n);
}

/** File sizes in decimal units (kB = 1000 bytes), as the operating systems show them. */
export function formatFileSize(bytes: number, language: string): string {
  const locale = uiLocale(language);
  if (bytes < 1000) return new Intl.NumberFormat(locale, { style: 'unit', unit: 'byte', unitDisplay: 'short' }).format(bytes);
  if (bytes < 1_000_000) {
    return new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 1 }).format(bytes / 1000);
  }
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(bytes / 1_000_000);
}

/** A short day of an instant in the interface language, in the market's time zone: `14 mars`, `14. mar.`. */
export function formatShortDate(instant: string, market: Market, language = currentLanguage()): string {
  return dateFormat(uiLocale(language), { day: 'numeric', month: 'short', timeZone: marketTimeZone(market) }).format(new Date(instant));
}

/** A decimal figure (an average, a rate) in the interface language: `7,3` (sv, da), `7.3` (en). */
export function formatDecimal(n: number, digits: number, language = currentLanguage()): string {
  return new Intl.NumberFormat(uiLocale(language), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
}

/** Today's calendar date (YYYY-MM-DD) in the market's time zone. */
export function todayIn(market: Market, now: Date = new Date()): string {
  return dayKey(now.toISOString(), marketTimeZone(market));
}

/** A wall-clock time in the interface language, for "Sparat 14:02". */
export function formatClock(date: Date, language: string): string {
  return dateFormat(uiLocale(language), { hour: '2-digit', minute: '2-digit' }).format(date);
}

/**
 * A calendar date written the interface language's one way: `2026-03-14` (sv), `14.03.2026` (da),
 * `14/03/2026` (en). Every date a user reads in the workbench chrome (lists, history, refusals)
 * goes through this, so one column never mixes formats.
 */
export function formatUiDate(date: string, language: string): string {
  const d = calendarDate(date.slice(0, 10));
  if (Number.isNaN(d.getTime())) return date;
  return dateFormat(uiLocale(language), { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' }).format(d);
}

/** An instant as date and time in the interface language's format, in the given time zone. */
export function formatUiDateTime(instant: string, language: string, timeZone = 'Europe/Stockholm'): string {
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) return instant;
  const date = dateFormat(uiLocale(language), { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(at);
  const time = dateFormat(uiLocale(language), { hour: '2-digit', minute: '2-digit', timeZone }).format(at);
  return `${date} ${time}`;
}
