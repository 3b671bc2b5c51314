import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { MarketBadge } from '../../components/MarketBadge';
import { formatDateTime } from '../../lib/format';
import { itemKey, useApprovalQueue, type QueueItem } from '../../shared/review/queue';

/**
 * "Att godkänna": decision drafts and ARN responses submitted to the signed-in person for approval
 * (four eyes), oldest first, and the person's own drafts that were returned with a comment.
 */
export function ApprovalsScreen({ onOpenCase }: { onOpenCase: (id: number) => void }) {
  const { t } = useTranslation();
  const { queue, failed } = useApprovalQueue();

  const rows = (items: QueueItem[], kind: 'waiting' | 'returned') =>
    items.map((item) => (
      <Table.Tr key={itemKey(item)} data-testid={`approval-${kind}`}>
        <Table.Td>
          <Group gap={6} wrap="nowrap">
            <MarketBadge market={item.market} />
            <Text size="sm" fw={600} className="tabular">
              {item.caseNumber}
            </Text>
          </Group>
        </Table.Td>
        <Table.Td>
          <Badge variant="light" color={item.subject === 'decision' ? 'blue' : 'grape'}>
            {t(`collab.approvals.kind.${item.subject}`)}
          </Badge>
        </Table.Td>
        <Table.Td>
          <Text size="sm">{kind === 'waiting' ? (item.submittedBy?.name ?? '') : (item.lastBy?.name ?? '')}</Text>
        </Table.Td>
        <Table.Td>
          <Text size="sm" className="tabular">
            {(kind === 'waiting' ? item.submittedAt : item.lastAt) ? formatDateTime((kind === 'waiting' ? item.submittedAt : item.lastAt)!, item.market) : ''}
          </Text>
        </Table.Td>
        {kind === 'returned' && (
          <Table.Td>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {item.comment}
            </Text>
          </Table.Td>
        )}
        <Table.Td>
          <Button size="compact-sm" variant="light" onClick={() => onOpenCase(item.caseId)} aria-label={t('collab.approvals.openCase', { number: item.caseNumber })}>
            {t('collab.approvals.open')}
          </Button>
        </Table.Td>
      </Table.Tr>
    ));

  const waiting = queue?.waiting ?? [];
  const returned = queue?.returned ?? [];
  return (
    <div style={{ height: '100%', overflowY: 'auto' }} data-testid="approvals-screen">
      <Stack gap="md" p="md" maw={1200} mx="auto">
        <div>
          <Title order={1} size="h3">
            {t('collab.approvals.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('collab.approvals.intro')}
          </Text>
        </div>
        {failed && (
          <Alert color="red" icon={<IconAlertTriangle size={16} />}>
            {t('collab.approvals.loadError')}
          </Alert>
        )}
        <Paper withBorder p="md">
          <Title order={2} size="h5" mb="xs">
            {t('collab.approvals.waitingTitle', { count: waiting.length })}
          </Title>
          {waiting.length === 0 ? (
            <Text size="sm" c="dimmed" data-testid="approvals-empty">
              {queue ? t('collab.approvals.empty') : t('collab.approvals.loading')}
            </Text>
          ) : (
            <Table highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('collab.approvals.col.case')}</Table.Th>
                  <Table.Th>{t('collab.approvals.col.kind')}</Table.Th>
                  <Table.Th>{t('collab.approvals.col.submittedBy')}</Table.Th>
                  <Table.Th>{t('collab.approvals.col.submittedAt')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('collab.approvals.open')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>{rows(waiting, 'waiting')}</Table.Tbody>
            </Table>
          )}
        </Paper>
        {returned.length > 0 && (
          <Paper withBorder p="md">
            <Title order={2} size="h5" mb="xs">
              {t('collab.approvals.returnedTitle', { count: returned.length })}
            </Title>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('collab.approvals.col.case')}</Table.Th>
                  <Table.Th>{t('collab.approvals.col.kind')}</Table.Th>
                  <Table.Th>{t('collab.approvals.col.returnedBy')}</Table.Th>
                  <Table.Th>{t('collab.approvals.col.returnedAt')}</Table.Th>
                  <Table.Th>{t('collab.approvals.col.comment')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('collab.approvals.open')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>{rows(returned, 'returned')}</Table.Tbody>
            </Table>
          </Paper>
        )}
      </Stack>
    </div>
  );
}
