import { useMantineTheme } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Market } from '../../../shared/domain/market';
import type { ZeroScope } from '../../../shared/domain/zero';
import { uiLocale } from '../../lib/format';

export type ScopeKey = 'ALL' | Market;

/** The line chart over time: every market and all markets together; the chosen one drawn boldly. Missing months are gaps. */
export function ZeroChart({ scopes, selected }: { scopes: Record<ScopeKey, ZeroScope | undefined>; selected: ScopeKey }) {
  const { t, i18n } = useTranslation();
  const theme = useMantineTheme();
  const colors: Record<ScopeKey, string> = { ALL: theme.colors.indigo[7]!, SE: theme.colors.blue[5]!, DK: theme.colors.red[6]! };
  const months = [...new Set(Object.values(scopes).flatMap((s) => s?.months.map((m) => m.month) ?? []))].sort();
  const value = (key: ScopeKey, month: string) => {
    const v = scopes[key]?.months.find((m) => m.month === month)?.perMillion;
    return v === undefined || v === null ? null : Math.round(v * 10) / 10;
  };
  const data = months.map((month) => ({ month, ALL: value('ALL', month), SE: value('SE', month), DK: value('DK', month) }));
  const label = (key: ScopeKey) => (key === 'ALL' ? t('zero.allMarkets') : t(`market.${key}`));
  const number = new Intl.NumberFormat(uiLocale(i18n.language), { maximumFractionDigits: 1 });
  return (
    <div style={{ width: '100%', height: 280 }} data-testid="zero-chart">
      <ResponsiveContainer>
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: -8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--mantine-color-default-border)" />
          <XAxis dataKey="month" tick={{ fontSize: 11 }} minTickGap={16} />
          <YAxis tick={{ fontSize: 11 }} allowDecimals={false} width={44} />
          <Tooltip
            formatter={(v, name) => [v === null || v === undefined ? t('zero.missing') : number.format(Number(v)), label(name as ScopeKey)]}
            labelStyle={{ fontWeight: 600 }}
            contentStyle={{ fontSize: 12 }}
          />
          <Legend formatter={(key) => label(key as ScopeKey)} wrapperStyle={{ fontSize: 12 }} />
          {(['SE', 'DK', 'ALL'] as const).map((key) => (
            <Line
              key={key}
              dataKey={key}
              type="monotone"
              stroke={colors[key]}
              strokeWidth={key === selected ? 3 : 1.25}
              strokeOpacity={key === selected ? 1 : 0.55}
              dot={key === selected ? { r: 2.5 } : false}
              connectNulls={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

/** A small trend of one cause's monthly counts. */
export function CauseTrend({ months, counts, label }: { months: string[]; counts: number[]; label: string }) {
  const theme = useMantineTheme();
  const data = months.map((month, i) => ({ month, n: counts[i] ?? 0 }));
  return (
    <div style={{ width: '100%', height: 180 }} data-testid="cause-trend">
      <ResponsiveContainer>
        <LineChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--mantine-color-default-border)" />
          <XAxis dataKey="month" tick={{ fontSize: 10 }} minTickGap={12} />
          <YAxis tick={{ fontSize: 10 }} allowDecimals={false} width={40} />
          <Tooltip formatter={(v) => [String(v), label]} contentStyle={{ fontSize: 12 }} />
          <Line dataKey="n" type="monotone" stroke={theme.colors.orange[7]} strokeWidth={2.5} dot={{ r: 2.5 }} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
