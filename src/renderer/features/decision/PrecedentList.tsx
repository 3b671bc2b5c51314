import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Market } from '../../../shared/domain/market';
import { formatDateTime, formatMarketMoney } from '../../lib/format';
import { useCall } from '../../lib/useCall';

/** Decided cases like this one, with what was decided per claim, so like cases are treated alike. */
export function PrecedentList({ caseId, market }: { caseId: number; market: Market }) {
  const { t } = useTranslation();
  const { data, loading } = useCall('decisions:precedents', { caseId, limit: 5 });
  if (loading && !data) return <Text size="xs" c="dimmed">…</Text>;
  const list = data?.precedents ?? [];
  if (list.length === 0) {
    return (
      <Text size="xs" c="dimmed" data-testid="no-precedents">
        {t('decision.noPrecedents')}
      </Text>
    );
  }
  return (
    <Stack gap="xs" data-testid="precedent-list">
      {list.map((p) => (
        <Stack key={p.decisionId} gap={2} data-testid="precedent">
          <Group gap={6}>
            <Text size="xs" fw={600} component="a" href={`#/case/${p.caseId}`}>
              {p.caseNumber}
            </Text>
            <Text size="xs" c="dimmed">
              {formatDateTime(p.issuedAt, p.market)}
            </Text>
          </Group>
          {p.claims.map((c, i) => (
            <Group key={i} gap={4} wrap="nowrap">
              <Badge size="xs" variant="light" color={c.outcome === 'upheld' ? 'teal' : c.outcome === 'partly_upheld' ? 'yellow' : 'gray'}>
                {c.outcome ? t(`decision.outcomes.${c.outcome}`) : '—'}
              </Badge>
              <Text size="xs" lineClamp={1} style={{ flex: 1 }}>
                {c.text}
              </Text>
              <Text size="xs" className="tabular">
                {c.remedies.map((r) => (r.amount ? formatMarketMoney(r.amount, market === p.market ? market : p.market) : t(`decision.remedies.${r.kind}`))).join(', ')}
              </Text>
            </Group>
          ))}
        </Stack>
      ))}
    </Stack>
  );
}
