/**
 * Money and its decimal and display forms, with no dependencies: the inbox formats amounts at
 * start, and importing ./money (its zod schema) from there would bring zod into the first script.
 */

/**
 * Money is an integer count of minor units (öre, øre, cent) plus its currency. Never a float.
 * `minor` is a safe integer so that sums over a whole store stay exact.
 */
export interface Money {
  minor: number;
  currency: string;
}

// Thirteen whole digits keep every amount a safe integer of minor units.
const DECIMAL = /^(-)?(\d{1,13})(?:\.(\d{1,2}))?$/;

/** Parses a decimal string such as "1499.00" into minor units; throws with the reason on bad input. */
export function parseDecimal(text: string, currency: string): Money {
  const m = DECIMAL.exec(text.trim());
  if (!m) throw new Error(`"${text}" is not a decimal amount with at most two decimals`);
  const [, sign, whole, frac = ''] = m;
  const minor = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  return { minor: sign ? -minor : minor, currency };
}

/** Formats minor units as a plain decimal string ("1499.00"), the interchange form. */
export function toDecimal(money: Money): string {
  const abs = Math.abs(money.minor);
  const whole = Math.floor(abs / 100);
  const frac = String(abs % 100).padStart(2, '0');
  return `${money.minor < 0 ? '-' : ''}${whole}.${frac}`;
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** Formats money as the market writes it: `1 499,00 kr` (sv-SE) or `1.499,00 kr.` (da-DK). */
export function formatMoney(money: Money, locale: string, currencyDisplay: 'symbol' | 'code' = 'symbol'): string {
  // Building a NumberFormat costs far more than formatting with one; the inbox formats a column
  // of amounts on every scroll step, so each locale and currency keeps its formatter.
  const key = `${locale}|${money.currency}|${currencyDisplay}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency, currencyDisplay, minimumFractionDigits: 2, maximumFractionDigits: 2 });
    moneyFormats.set(key, format);
  }
  // Intl works on numbers; minor/100 is exact to two decimals for every safe integer we store
  // because the formatter rounds to the currency's two fraction digits.
  return format.format(money.minor / 100);
}
