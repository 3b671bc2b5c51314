import { Badge, Group, Paper, Select, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Category } from '../../../shared/domain/case';
import type { Market } from '../../../shared/domain/market';
import type { RED_FLAG_CODES } from '../../../shared/domain/review';
import type { Cause } from '../../../shared/domain/zero';
import { ErrorState } from '../../components/ErrorState';
import { MarketBadge } from '../../components/MarketBadge';
import { StatusBadge } from '../../components/StatusBadge';
import { formatCalendarDate, formatDecimal } from '../../lib/format';
import { useCall } from '../../lib/useCall';
import { CauseTrend } from './ZeroChart';

/** The label of a cause in the interface language: a category's name or a red flag's. */
export function useCauseLabel(): (cause: string) => string {
  const { t } = useTranslation();
  return (cause) => {
    const [kind, code] = cause.split(':') as [string, string];
    return kind === 'flag' ? t(`flags.${code as RedFlagCode}.label`) : t(`category.${code as Category}`);
  };
}

type RedFlagCode = (typeof RED_FLAG_CODES)[number];

function addMonths(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const i = y * 12 + m - 1 + delta;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/** A count that opens the cases behind it. */
function CountButton({ n, onClick, active, testId }: { n: number; onClick: () => void; active: boolean; testId: string }) {
  if (n === 0) {
    return (
      <Text span size="sm" c="dimmed">
        0
      </Text>
    );
  }
  return (
    <UnstyledButton
      onClick={onClick}
      data-testid={testId}
      className="tabular"
      style={{ fontWeight: 600, fontSize: 'var(--mantine-font-size-sm)', color: 'var(--mantine-color-anchor)', textDecoration: active ? 'underline' : undefined }}
    >
      {n}
    </UnstyledButton>
  );
}

/**
 * The recurring causes: category and red-flag counts of the month against the three before,
 * the selected cause's trend, and the cases behind whichever count was clicked.
 */
export function CausesPanel({
  market,
  cause,
  onCause,
  onOpenCase,
}: {
  market: Market | null;
  cause: string | null;
  onCause: (cause: string) => void;
  onOpenCase: (id: number) => void;
}) {
  const { t } = useTranslation();
  const label = useCauseLabel();
  // Without a chosen month main answers for its own "this month" (the store's clock, not the browser's).
  const [chosenMonth, setMonth] = useState<string | null>(null);
  const [shown, setShown] = useState<{ cause: Cause; months: string[] } | null>(null);
  const causes = useCall('stats:causes', chosenMonth ? { market, month: chosenMonth, window: 12 } : { market, window: 12 });
  const cases = useCall('stats:causeCases', shown ? { cause: shown.cause, months: shown.months, market } : null);
  const [thisMonth, setThisMonth] = useState<string | null>(null);
  if (thisMonth === null && causes.data && chosenMonth === null) setThisMonth(causes.data.month);
  const month = chosenMonth ?? causes.data?.month ?? '';
  const monthChoices = useMemo(() => (thisMonth ? Array.from({ length: 24 }, (_, i) => addMonths(thisMonth, -i)) : []), [thisMonth]);
  const rows = causes.data?.causes ?? [];
  const selected = rows.find((r) => r.cause === cause) ?? rows[0];
  const open = (c: Cause, months: string[]) => {
    onCause(c);
    setShown({ cause: c, months });
  };
  const isShown = (c: Cause, months: string[]) => shown?.cause === c && shown.months.join() === months.join();
  const prev = causes.data?.previousMonths ?? [];

  return (
    <Paper withBorder radius="md" p="md" data-testid="causes">
      <Group justify="space-between" mb="sm">
        <div>
          <Title order={2} size="h5">
            {t('zero.causes.title')}
          </Title>
          <Text size="xs" c="dimmed">
            {t('zero.causes.intro')}
          </Text>
        </div>
        <Select
          size="xs"
          w={130}
          value={month || null}
          onChange={(v) => v && setMonth(v)}
          allowDeselect={false}
          data={monthChoices}
          aria-label={t('zero.causes.month')}
          data-testid="causes-month"
        />
      </Group>
      {causes.error && <ErrorState title={t('zero.loadFailed')} error={causes.error} onRetry={causes.reload} />}
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 30rem), 1fr))', gap: 'var(--mantine-spacing-md)' }}>
        <div>
          <Table verticalSpacing={3} fz="sm" highlightOnHover data-testid="causes-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('zero.causes.cause')}</Table.Th>
                <Table.Th ta="right">{month}</Table.Th>
                {prev.map((m) => (
                  <Table.Th key={m} ta="right" c="dimmed">
                    {m}
                  </Table.Th>
                ))}
                <Table.Th ta="right">{t('zero.causes.average')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr
                  key={r.cause}
                  data-testid="cause-row"
                  data-cause={r.cause}
                  onClick={() => onCause(r.cause)}
                  style={{ cursor: 'pointer' }}
                  bg={selected?.cause === r.cause ? 'var(--mantine-primary-color-light)' : undefined}
                >
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Badge size="xs" variant="light" color={r.cause.startsWith('flag:') ? 'red' : 'gray'} radius="sm">
                        {r.cause.startsWith('flag:') ? t('zero.causes.flag') : t('zero.causes.category')}
                      </Badge>
                      <Text size="sm">{label(r.cause)}</Text>
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right" onClick={(e) => e.stopPropagation()}>
                    <CountButton n={r.thisMonth} onClick={() => open(r.cause, [month])} active={isShown(r.cause, [month])} testId="cause-count-this" />
                  </Table.Td>
                  {r.lastThree.map((n, i) => (
                    <Table.Td key={prev[i]} ta="right" onClick={(e) => e.stopPropagation()}>
                      <CountButton n={n} onClick={() => open(r.cause, [prev[i]!])} active={isShown(r.cause, [prev[i]!])} testId="cause-count-prev" />
                    </Table.Td>
                  ))}
                  <Table.Td ta="right" className="tabular" c={r.thisMonth > r.lastThreeAverage ? 'var(--ombud-alert-text)' : undefined}>
                    {formatDecimal(r.lastThreeAverage, 1)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {causes.data && rows.length === 0 && (
            <Text size="sm" c="dimmed" ta="center" py="md">
              {t('zero.causes.empty')}
            </Text>
          )}
        </div>
        <div>
          <Stack gap="xs">
            {selected && causes.data && (
              <>
                <Text size="sm" fw={600} data-testid="cause-trend-title">
                  {t('zero.causes.trend', { cause: label(selected.cause) })}
                </Text>
                <CauseTrend months={causes.data.months} counts={selected.counts} label={label(selected.cause)} />
              </>
            )}
            {shown && (
              <Stack gap={4} data-testid="cause-cases">
                <Text size="sm" fw={600}>
                  {t('zero.causes.casesOf', { cause: label(shown.cause), months: shown.months.join(', '), count: cases.data?.rows.length ?? 0 })}
                </Text>
                {cases.error && <ErrorState title={t('zero.loadFailed')} error={cases.error} onRetry={cases.reload} />}
                <Table verticalSpacing={2} fz="sm" highlightOnHover>
                  <Table.Tbody>
                    {(cases.data?.rows ?? []).map((c) => (
                      <Table.Tr key={c.id} onClick={() => onOpenCase(c.id)} style={{ cursor: 'pointer' }} data-testid="cause-case" data-number={c.number}>
                        <Table.Td className="tabular">{c.number}</Table.Td>
                        <Table.Td>
                          <MarketBadge market={c.market} tooltip={false} />
                        </Table.Td>
                        <Table.Td>{c.customerName}</Table.Td>
                        <Table.Td className="tabular">{formatCalendarDate(c.receivedDate, c.market)}</Table.Td>
                        <Table.Td>
                          <StatusBadge status={c.status} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
                {cases.data?.truncated && (
                  <Text size="xs" c="dimmed">
                    {t('zero.causes.truncated')}
                  </Text>
                )}
              </Stack>
            )}
          </Stack>
        </div>
      </div>
    </Paper>
  );
}
