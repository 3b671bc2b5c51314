import type { Command } from 'commander';
import { MARKETS, marketSchema } from '../../../shared/domain/market';
import { addBusinessDays } from '../../services/calendar/business-days';
import { isoDate, parseWith, positiveInt } from '../options';

export function registerDeadline(program: Command): void {
  program
    .command('deadline')
    .description('The N-th business day after a date (the date itself is day 0) in a market’s calendar.')
    .requiredOption('--market <market>', `one of ${MARKETS.join(', ')}`)
    .requiredOption('--from <date>', 'day 0, YYYY-MM-DD', isoDate)
    .requiredOption('--business-days <n>', 'how many business days', positiveInt)
    .action((opts: { market: string; from: string; businessDays: number }) => {
      const market = parseWith(marketSchema, opts.market.toUpperCase(), '--market');
      console.log(addBusinessDays(market, opts.from, opts.businessDays));
    });
}
