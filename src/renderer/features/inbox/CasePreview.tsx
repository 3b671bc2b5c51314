import { Button, Divider, Group, Kbd, ScrollArea, Skeleton, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconArrowRight, IconFlagFilled } from '@tabler/icons-react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { MarketBadge } from '../../components/MarketBadge';
import { MoneyText } from '../../components/MoneyText';
import { StatusBadge } from '../../components/StatusBadge';
import { DueDays, daysLeftWords } from '../../components/DueDays';
import { ErrorState } from '../../components/ErrorState';
import { formatCalendarDate, formatDateTime } from '../../lib/format';
import { flagExplanation, flagLabel } from '../../lib/review';
import { useCall } from '../../lib/useCall';

/** A read-only glance at the selected case: who, what is claimed, and what happened last. */
export const CasePreview = memo(function CasePreview({ caseId, onOpen }: { caseId: number | null; onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const { data, error, loading, reload } = useCall('cases:get', caseId === null ? null : { id: caseId });

  if (caseId === null) {
    return (
      <Text size="sm" c="dimmed" p="md">
        {t('inbox.preview.none')}
      </Text>
    );
  }
  if (error) {
    return (
      <Stack p="md">
        <ErrorState title={t('inbox.preview.error')} error={error} onRetry={reload} />
      </Stack>
    );
  }
  if (loading || !data) {
    return (
      <Stack p="md" gap="sm" aria-busy>
        <Skeleton height={16} width="60%" />
        <Skeleton height={12} width="40%" />
        <Skeleton height={12} width="80%" />
        <Skeleton height={60} />
        <Skeleton height={12} width="70%" />
      </Stack>
    );
  }

  const { header, events, flags, deadlines } = data;
  const latest = events[events.length - 1];
  const running = deadlines.filter((d) => d.metOn === null && d.daysLeft !== null);
  return (
    <ScrollArea h="100%" type="auto" data-testid="case-preview">
      <Stack p="md" gap="sm">
        <div>
          <Title order={3} className="tabular">
            {header.number}
          </Title>
          <Text size="md" fw={500}>
            {header.customer.name}
          </Text>
          <Text size="xs" c="dimmed" className="tabular">
            {header.customer.personalNumberMasked}
          </Text>
        </div>
        <Group gap={6}>
          <StatusBadge status={header.status} />
          <MarketBadge market={header.market} />
          <Text size="sm">{t(`category.${header.category}`)}</Text>
        </Group>
        <Text size="xs" c="dimmed">
          {t('case.received')} <span className="tabular">{formatCalendarDate(header.receivedDate, header.market)}</span>{' '}
          {t('case.receivedVia', { channel: t(`channel.${header.receivedChannel}`) })} ·{' '}
          {header.assignee ? header.assignee.name : t('inbox.unassigned')}
        </Text>
        {header.summary && (
          <Text size="sm" lineClamp={6} style={{ whiteSpace: 'pre-wrap' }}>
            {header.summary}
          </Text>
        )}
        <Divider />
        <Text size="xs" fw={600} c="dimmed" tt="uppercase">
          {t('case.claims')}
        </Text>
        {header.claims.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('case.noClaims')}
          </Text>
        ) : (
          <Stack gap={4}>
            {header.claims.map((claim) => (
              <Group key={claim.id} justify="space-between" wrap="nowrap" gap="xs">
                <Text size="sm" truncate>
                  {t(`claimKind.${claim.kind}`)}
                </Text>
                {claim.amount && <MoneyText money={claim.amount} market={header.market} size="sm" fw={500} />}
              </Group>
            ))}
          </Stack>
        )}
        {(running.length > 0 || flags.length > 0) && <Divider />}
        {running.length > 0 && (
          <Stack gap={4} data-testid="preview-deadlines">
            {running.map((d) => (
              <Group key={d.kind} justify="space-between" gap="xs" wrap="nowrap">
                <Text size="sm" truncate>
                  {t(`deadline.kind.${d.kind}`)}
                </Text>
                <DueDays
                  daysLeft={d.daysLeft ?? 0}
                  title={`${daysLeftWords(t, d.daysLeft ?? 0)} · ${d.dueDate ? formatCalendarDate(d.dueDate, header.market) : ''}`}
                />
              </Group>
            ))}
          </Stack>
        )}
        {flags.length > 0 && (
          <Stack gap={3} data-testid="preview-flags">
            {flags.map((f, i) => (
              <Tooltip key={i} label={flagExplanation(t, f, header.market)} multiline w={260} position="left">
                <Group gap={6} wrap="nowrap">
                  <IconFlagFilled size={12} color="var(--mantine-color-red-text)" style={{ flex: 'none' }} aria-hidden />
                  <Text size="sm" truncate>
                    {flagLabel(t, f)}
                  </Text>
                </Group>
              </Tooltip>
            ))}
          </Stack>
        )}
        {latest && (
          <>
            <Divider />
            <Text size="xs" fw={600} c="dimmed" tt="uppercase">
              {t('inbox.preview.latest')}
            </Text>
            <div>
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text size="sm" fw={500} truncate>
                  {t(`eventKind.${latest.kind}`)}
                </Text>
                <Text size="xs" c="dimmed" className="tabular" style={{ whiteSpace: 'nowrap' }}>
                  {formatDateTime(latest.occurredAt, header.market)}
                </Text>
              </Group>
              <Text size="sm" c="dimmed" lineClamp={3}>
                {latest.summary}
              </Text>
            </div>
          </>
        )}
        <Group mt="xs" gap="xs" wrap="nowrap">
          <Button rightSection={<IconArrowRight size={14} />} onClick={() => onOpen(header.id)} data-testid="preview-open">
            {t('inbox.preview.open')}
          </Button>
          <Kbd>Enter</Kbd>
        </Group>
      </Stack>
    </ScrollArea>
  );
});
