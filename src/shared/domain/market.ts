import { z } from 'zod';
import { LANGUAGES, MARKETS } from './market-info';

export { LANGUAGES, MARKET_INFO, MARKETS, type Language, type Market, type MarketInfo } from './market-info';

export const marketSchema = z.enum(MARKETS);
export const languageSchema = z.enum(LANGUAGES);
