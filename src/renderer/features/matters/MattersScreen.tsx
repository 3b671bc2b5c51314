import { refusalText } from '../../lib/refusalText';
import { Alert, Group, Paper, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MATTER_OUTCOMES } from '../../../shared/domain/authority';
import { MarketBadge } from '../../components/MarketBadge';
import { MoneyText } from '../../components/MoneyText';
import { formatCalendarDate, formatCount } from '../../lib/format';
import { useCall } from '../../lib/useCall';
import { MatterStatus } from './MatterStatus';

type Scope = 'soon' | 'open' | 'all';

/**
 * Every complaint that reached an authority: what is due soon (overdue first, loudly), what is
 * waiting for the authority, and the year's figures in the shape ARN publishes them.
 */
export function MattersScreen({ onOpenCase }: { onOpenCase: (id: number) => void }) {
  const { t, i18n } = useTranslation();
  const [scope, setScope] = useState<Scope>('soon');
  const list = useCall('matters:list', scope === 'soon' ? { due: 'soon', limit: 500 } : scope === 'open' ? { status: 'registered', limit: 500 } : { limit: 500 });
  const overdue = useCall('matters:list', { due: 'overdue', limit: 1 });
  const thisYear = Number((list.data?.today ?? overdue.data?.today ?? '2026').slice(0, 4));
  const [year, setYear] = useState<string | null>(null);
  const statsYear = Number(year ?? thisYear);
  const stats = useCall('matters:stats', Number.isFinite(statsYear) ? { year: statsYear, authority: 'ARN' } : null);
  const rows = list.data?.rows ?? [];
  const n = (value: number) => formatCount(value, i18n.language);

  return (
    <div style={{ height: '100%', overflowY: 'auto' }} data-testid="matters-screen">
      <Stack gap="md" p="md" maw={1400} mx="auto">
        <Group justify="space-between" align="flex-end">
          <div>
            <Title order={1} size="h3">
              {t('matters.screenTitle')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('matters.screenIntro')}
            </Text>
          </div>
          <SegmentedControl
            value={scope}
            onChange={(v) => setScope(v as Scope)}
            data={[
              { value: 'soon', label: t('matters.scope.soon') },
              { value: 'open', label: t('matters.scope.open') },
              { value: 'all', label: t('matters.scope.all') },
            ]}
            data-testid="matters-scope"
          />
        </Group>
        {(overdue.data?.total ?? 0) > 0 && (
          <Alert color="red" variant="filled" icon={<IconAlertTriangle size={18} />} data-testid="matters-overdue">
            {t('matters.overdueAlert', { count: overdue.data!.total })}
          </Alert>
        )}
        <Paper withBorder radius="md">
          <Table highlightOnHover verticalSpacing={6} data-testid="matters-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('matters.authority')}</Table.Th>
                <Table.Th>{t('matters.reference')}</Table.Th>
                <Table.Th>{t('matters.case')}</Table.Th>
                <Table.Th>{t('matters.customer')}</Table.Th>
                <Table.Th>{t('matters.receivedDate')}</Table.Th>
                <Table.Th>{t('matters.responseDue')}</Table.Th>
                <Table.Th ta="center">{t('matters.state')}</Table.Th>
                <Table.Th ta="right">{t('matters.claimed')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((m) => (
                <Table.Tr key={m.id} onClick={() => onOpenCase(m.caseId)} style={{ cursor: 'pointer' }} data-testid="matter-row" data-reference={m.reference}>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <MarketBadge market={m.market} />
                      <Text size="sm" fw={600} title={m.authorityName}>
                        {m.authority}
                      </Text>
                    </Group>
                  </Table.Td>
                  <Table.Td className="tabular">{m.reference}</Table.Td>
                  <Table.Td className="tabular">{m.caseNumber}</Table.Td>
                  <Table.Td>{m.customerName}</Table.Td>
                  <Table.Td className="tabular">{formatCalendarDate(m.receivedDate, m.market)}</Table.Td>
                  <Table.Td className="tabular">{m.responseDue ? formatCalendarDate(m.responseDue, m.market) : '—'}</Table.Td>
                  <Table.Td ta="center">
                    <MatterStatus matter={m} />
                  </Table.Td>
                  <Table.Td ta="right">{m.claimAmount ? <MoneyText money={m.claimAmount} market={m.market} size="sm" /> : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {list.data && rows.length === 0 && (
            <Text size="sm" c="dimmed" p="md" ta="center" data-testid="matters-empty">
              {t('matters.emptyScope')}
            </Text>
          )}
          {list.error && (
            <Alert color="red" m="sm">
              {refusalText(t, list.error)}
            </Alert>
          )}
        </Paper>
        <Paper withBorder radius="md" p="md" data-testid="arn-stats">
          <Group justify="space-between" mb="sm">
            <Title order={2} size="h5">
              {t('matters.stats.title')}
            </Title>
            <Select
              size="xs"
              w={110}
              value={String(statsYear)}
              onChange={setYear}
              allowDeselect={false}
              data={Array.from({ length: 4 }, (_, k) => String(thisYear - k))}
              aria-label={t('matters.stats.year')}
              data-testid="arn-stats-year"
            />
          </Group>
          {stats.data && (
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 2, md: 5 }} spacing="sm">
                {(
                  [
                    ['registered', stats.data.registered],
                    ['pending', stats.data.pending],
                    ['settled', stats.data.settled],
                    ['decided', stats.data.decided],
                  ] as const
                ).map(([key, value]) => (
                  <div key={key} data-testid={`arn-stats-${key}`}>
                    <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                      {t(`matters.stats.${key}`)}
                    </Text>
                    <Text size="xl" fw={700} className="tabular">
                      {n(value)}
                    </Text>
                  </div>
                ))}
                <div data-testid="arn-stats-followed">
                  <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                    {t('matters.stats.followed')}
                  </Text>
                  <Text size="xl" fw={700} className="tabular">
                    {stats.data.shareFollowed === null ? '—' : `${Math.round(stats.data.shareFollowed * 100)} %`}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('matters.stats.followedOf', { followed: n(stats.data.followed), total: n(stats.data.recommendations) })}
                  </Text>
                </div>
              </SimpleGrid>
              <Group gap="lg">
                {MATTER_OUTCOMES.map((o) => (
                  <Text size="sm" key={o}>
                    {t(`matters.outcomes.${o}`)}: <b className="tabular">{n(stats.data!.byOutcome[o] ?? 0)}</b>
                  </Text>
                ))}
              </Group>
            </Stack>
          )}
        </Paper>
      </Stack>
    </div>
  );
}
