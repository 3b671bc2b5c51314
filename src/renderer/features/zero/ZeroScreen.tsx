import { Group, Paper, SegmentedControl, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconTargetArrow } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roundPerMillion, type ZeroScope } from '../../../shared/domain/zero';
import { ErrorState } from '../../components/ErrorState';
import { formatCount } from '../../lib/format';
import { useStoredState } from '../../lib/useStoredState';
import { useCall } from '../../lib/useCall';
import { CausesPanel } from './CausesPanel';
import { RegisterPanel } from './RegisterPanel';
import { ReviewNotes } from './ReviewNotes';
import { ZeroChart, type ScopeKey } from './ZeroChart';

const MONTHS = Array.from({ length: 12 }, (_, i) => i);

/** The published table: a row per year, a column per month, the year's figure; missing months say so. */
function ZeroTable({ scope }: { scope: ZeroScope }) {
  const { t, i18n } = useTranslation();
  const monthName = (i: number) => new Intl.DateTimeFormat(i18n.language, { month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2020, i, 1)));
  const n = (v: number) => formatCount(v, i18n.language);
  if (scope.years.length === 0) {
    return (
      <Text size="sm" c="dimmed" py="md" ta="center" data-testid="zero-empty">
        {t('zero.noFigures')}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing={4} horizontalSpacing={8} fz="sm" className="tabular" data-testid="zero-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('zero.year')}</Table.Th>
            {MONTHS.map((i) => (
              <Table.Th key={i} ta="right" tt="capitalize">
                {monthName(i)}
              </Table.Th>
            ))}
            <Table.Th ta="right">{t('zero.yearFigure')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...scope.years].reverse().map((y) => (
            <Table.Tr key={y.year} data-testid="zero-year" data-year={y.year}>
              <Table.Td fw={600}>{y.year}</Table.Td>
              {y.months.map((v, i) => {
                const month = `${y.year}-${String(i + 1).padStart(2, '0')}`;
                const detail = scope.months.find((m) => m.month === month);
                return (
                  <Table.Td key={i} ta="right" data-month={month}>
                    {v === null ? (
                      <Tooltip label={t('zero.missingMonth')}>
                        <Text span c="dimmed" size="sm" role="img" aria-label={t('zero.missingMonth')}>
                          –
                        </Text>
                      </Tooltip>
                    ) : (
                      <Tooltip
                        label={t('zero.monthDetail', {
                          complaints: n(detail?.complaints ?? 0),
                          cs: n(detail?.customerServiceComplaints ?? 0),
                          authorities: n(detail?.authorityComplaints ?? 0),
                          purchases: n(detail?.purchases ?? 0),
                        })}
                      >
                        <Text span size="sm">
                          {roundPerMillion(v)}
                        </Text>
                      </Tooltip>
                    )}
                  </Table.Td>
                );
              })}
              <Table.Td ta="right" fw={700} data-testid="zero-year-figure">
                <Tooltip label={t('zero.yearDetail', { complaints: n(y.complaints), purchases: n(y.purchases), months: y.monthsWithFigures })}>
                  <Text span size="sm" fw={700}>
                    {y.perMillion === null ? '–' : roundPerMillion(y.perMillion)}
                    {y.monthsWithFigures < 12 && <sup>*</sup>}
                  </Text>
                </Tooltip>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {scope.years.some((y) => y.monthsWithFigures < 12) && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('zero.partialYear')}
        </Text>
      )}
    </Table.ScrollContainer>
  );
}

/**
 * Nollmissionen: complaints per million purchases (table and chart, per market and all markets),
 * the recurring causes with their trend and the cases behind every count, the review notes, and
 * the complaints register with its business-day figures and exports.
 */
export function ZeroScreen({ onOpenCase }: { onOpenCase: (id: number) => void }) {
  const { t } = useTranslation();
  const [selected, setSelected] = useStoredState<ScopeKey>('ombud.zero.market', 'ALL', (v) => (v === 'ALL' || v === 'SE' || v === 'DK' ? v : undefined));
  const all = useCall('stats:zeroComplaints', { market: null });
  const se = useCall('stats:zeroComplaints', { market: 'SE' });
  const dk = useCall('stats:zeroComplaints', { market: 'DK' });
  const scopes = { ALL: all.data, SE: se.data, DK: dk.data };
  const current = scopes[selected];
  const error = all.error ?? se.error ?? dk.error;
  const market = selected === 'ALL' ? null : selected;
  const [cause, setCause] = useState<string | null>(null);

  return (
    <div style={{ height: '100%', overflowY: 'auto' }} data-testid="zero-screen">
      <Stack gap="md" p="md" maw={1400} mx="auto">
        <Group justify="space-between" align="flex-end">
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <IconTargetArrow size={22} stroke={1.75} aria-hidden style={{ marginTop: 2 }} />
            <div>
              <Title order={1} size="h3">
                {t('zero.title')}
              </Title>
              <Text size="sm" c="dimmed" maw={760}>
                {t('zero.intro')}
              </Text>
            </div>
          </Group>
          <SegmentedControl
            value={selected}
            onChange={(v) => setSelected(v as ScopeKey)}
            data={[
              { value: 'ALL', label: t('zero.allMarkets') },
              { value: 'SE', label: t('market.SE') },
              { value: 'DK', label: t('market.DK') },
            ]}
            data-testid="zero-market"
          />
        </Group>
        {error && <ErrorState title={t('zero.loadFailed')} error={error} onRetry={() => [all, se, dk].forEach((c) => c.reload())} />}
        <Paper withBorder radius="md" p="md" data-testid="zero-measure" data-scope={selected}>
          <Title order={2} size="h5" mb={4}>
            {t('zero.measureTitle', { scope: selected === 'ALL' ? t('zero.allMarkets') : t(`market.${selected}`) })}
          </Title>
          <Text size="xs" c="dimmed" mb="sm">
            {t('zero.definition')}
          </Text>
          {current && <ZeroTable scope={current} />}
          {current && current.months.length > 0 && <ZeroChart scopes={scopes} selected={selected} />}
        </Paper>
        <CausesPanel market={market} cause={cause} onCause={setCause} onOpenCase={onOpenCase} />
        <ReviewNotes market={market} cause={cause} />
        <RegisterPanel market={market} />
      </Stack>
    </div>
  );
}
