import { z } from 'zod';
import type { Money } from './money-format';

export { formatMoney, parseDecimal, toDecimal, type Money } from './money-format';

/** ISO 4217 currency code: three upper-case letters. */
export const currencySchema = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as SEK');

/** Money (see ./money-format): whole minor units, a safe integer, and an ISO 4217 currency. */
export const moneySchema = z.object({
  minor: z.number().int('must be whole minor units').refine(Number.isSafeInteger, 'is too large'),
  currency: currencySchema,
}) satisfies z.ZodType<Money>;
