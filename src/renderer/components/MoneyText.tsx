import { Text, type TextProps } from '@mantine/core';
import type { Market } from '../../shared/domain/market';
import type { Money } from '../../shared/domain/money';
import { formatMarketMoney } from '../lib/format';

/** An amount as the case's market writes it, in tabular figures so columns line up. */
export function MoneyText({ money, market, ...rest }: { money: Money; market: Market } & Omit<TextProps, 'children'>) {
  return (
    <Text component="span" className="tabular" style={{ whiteSpace: 'nowrap' }} inherit={rest.size === undefined && rest.fz === undefined} {...rest}>
      {formatMarketMoney(money, market)}
    </Text>
  );
}
