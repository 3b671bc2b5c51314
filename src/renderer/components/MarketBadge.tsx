import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Market } from '../../shared/domain/market';

/**
 * The market as its ISO code. Flag emoji do not render on Windows and on many Linux desktops,
 * so a code badge with the country name on hover is the reliable choice.
 */
export function MarketBadge({ market, size = 'sm', tooltip = true }: { market: Market; size?: 'xs' | 'sm' | 'md'; tooltip?: boolean }) {
  const { t } = useTranslation();
  const name = t(`market.${market}`);
  const badge = (
    <Badge variant="default" size={size} aria-label={name} title={tooltip ? undefined : name} data-market={market} className="tabular">
      {market}
    </Badge>
  );
  // Long lists use the native title: a floating tooltip per row costs more than it gives.
  return tooltip ? <Tooltip label={name}>{badge}</Tooltip> : badge;
}
