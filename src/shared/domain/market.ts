import { z } from 'zod';

/** Markets the workbench serves. Each has its own time zone, currency, holidays and appeal bodies. */
export const MARKETS = ['SE', 'DK'] as const;
export const marketSchema = z.enum(MARKETS);
export type Market = z.infer<typeof marketSchema>;

/** Languages for UI and letters. */
export const LANGUAGES = ['sv', 'da', 'en'] as const;
export const languageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof languageSchema>;

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
