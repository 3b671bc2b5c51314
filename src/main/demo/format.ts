import type { Language } from '../../shared/domain/market';

/**
 * Amounts and dates written the way a customer or an agent of each market writes them in running
 * text. Hand-rolled instead of Intl because these run several times per generated event.
 */

function group(whole: number, separator: string): string {
  const digits = String(whole);
  let out = '';
  for (let k = 0; k < digits.length; k++) {
    if (k > 0 && (digits.length - k) % 3 === 0) out += separator;
    out += digits[k];
  }
  return out;
}

/** "1 499,00 kr" (sv), "1.499,00 kr." (da), "SEK 1,499.00" (en). */
export function money(minor: number, currency: string, lang: Language): string {
  const abs = Math.abs(minor);
  const sign = minor < 0 ? '-' : '';
  const whole = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  if (lang === 'sv') return `${sign}${group(whole, ' ')},${cents} kr`;
  if (lang === 'da') return `${sign}${group(whole, '.')},${cents} kr.`;
  return `${currency} ${sign}${group(whole, ',')}.${cents}`;
}

/** The rounder form people type in chats and e-mails: "1 499 kr", "1.499 kr.", "SEK 1,499". */
export function moneyShort(minor: number, currency: string, lang: Language): string {
  if (minor % 100 !== 0) return money(minor, currency, lang);
  const whole = Math.abs(minor) / 100;
  const sign = minor < 0 ? '-' : '';
  if (lang === 'sv') return `${sign}${group(whole, ' ')} kr`;
  if (lang === 'da') return `${sign}${group(whole, '.')} kr.`;
  return `${currency} ${sign}${group(whole, ',')}`;
}

const MONTHS: Record<Language, readonly string[]> = {
  sv: ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'],
  da: ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** "12 mars 2025", "12. marts 2025", "12 March 2025". UTC calendar day: close enough for prose. */
export function longDate(ms: number, lang: Language): string {
  const d = new Date(ms);
  const month = MONTHS[lang][d.getUTCMonth()]!;
  const day = d.getUTCDate();
  return lang === 'da' ? `${day}. ${month} ${d.getUTCFullYear()}` : `${day} ${month} ${d.getUTCFullYear()}`;
}

const calendarFormatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date of an instant in a time zone, YYYY-MM-DD (en-CA formats dates that way). */
export function zonedDate(ms: number, timeZone: string): string {
  let f = calendarFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    calendarFormatters.set(timeZone, f);
  }
  return f.format(ms);
}

/** Lower-case ASCII for e-mail local parts: "Søndergaard" -> "sondergaard", "Linnéa" -> "linnea". */
export function asciiFold(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '');
}
