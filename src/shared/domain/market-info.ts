/**
 * Markets, languages and how each market writes amounts and dates, with no dependencies: the
 * renderer's start imports these instead of ./market, whose zod schemas would bring zod into the
 * first script. ./market builds its schemas from the same lists.
 */

/** Markets the workbench serves. Each has its own time zone, currency, holidays and appeal bodies. */
export const MARKETS = ['SE', 'DK'] as const;
export type Market = (typeof MARKETS)[number];

/** Languages for UI and letters. */
export const LANGUAGES = ['sv', 'da', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface MarketInfo {
  code: Market;
  timeZone: string;
  currency: string;
  /** BCP 47 locale used to format amounts and dates the way the market writes them. */
  locale: string;
  defaultLanguage: Language;
}

export const MARKET_INFO: Record<Market, MarketInfo> = {
  SE: { code: 'SE', timeZone: 'Europe/Stockholm', currency: 'SEK', locale: 'sv-SE', defaultLanguage: 'sv' },
  DK: { code: 'DK', timeZone: 'Europe/Copenhagen', currency: 'DKK', locale: 'da-DK', defaultLanguage: 'da' },
};
