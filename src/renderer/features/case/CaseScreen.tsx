import { Button, Divider, Group, Kbd, Skeleton, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconArrowLeft, IconUser } from '@tabler/icons-react';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseHeader } from '../../../shared/domain/case';
import { ErrorState } from '../../components/ErrorState';
import { MarketBadge } from '../../components/MarketBadge';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDateTime } from '../../lib/format';
import { hasModifier, isTypingTarget } from '../../lib/keyboard';
import { useCall } from '../../lib/useCall';
import classes from './Case.module.css';
import { CaseHeaderBand } from './CaseHeaderBand';
import { Timeline } from './Timeline';

/** One case: the header band with everything asked, and the full history below. Esc goes back. */
export function CaseScreen({ caseId, onBack }: { caseId: number; onBack: () => void }) {
  const { t } = useTranslation();
  const { data, error, loading, reload } = useCall('cases:get', { id: caseId });

  const number = data?.header.number;
  useEffect(() => {
    if (!number) return;
    document.title = `${number} · Ombud`;
    return () => {
      document.title = 'Ombud';
    };
  }, [number]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || hasModifier(e)) return;
      // Esc in a field or menu closes that first; only a bare Esc leaves the case.
      if (isTypingTarget(e.target)) return;
      e.preventDefault();
      onBack();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onBack]);

  const back = (
    <Tooltip label={<Group gap={6}>{t('nav.backToInbox')}<Kbd>Esc</Kbd></Group>}>
      <Button variant="subtle" color="gray" leftSection={<IconArrowLeft size={14} />} onClick={onBack} data-testid="back-to-inbox" px={8}>
        {t('nav.inbox')}
      </Button>
    </Tooltip>
  );

  return (
    <div className={classes.root} data-testid="case-view" data-case-id={caseId}>
      {error ? (
        <>
          <div className={classes.strip}>
            <Group px="md" py={8}>
              {back}
            </Group>
          </div>
          <div className={classes.center}>
            <ErrorState title={t('case.loadError')} error={error} onRetry={reload}>
              <Button variant="default" onClick={onBack}>
                {t('nav.backToInbox')}
              </Button>
            </ErrorState>
          </div>
        </>
      ) : loading || !data ? (
        <>
          <div className={classes.strip}>
            <Group px="md" py={8} gap="md">
              {back}
              <Text size="sm" c="dimmed">
                {t('case.loading')}
              </Text>
            </Group>
          </div>
          <Stack p="md" gap="sm" aria-busy>
            <Skeleton height={20} width={260} />
            <Skeleton height={12} width="50%" />
            <Group grow align="flex-start" gap="xl" mt="sm">
              <Skeleton height={90} />
              <Skeleton height={90} />
              <Skeleton height={90} />
            </Group>
            <Skeleton height={80} mt="md" />
          </Stack>
        </>
      ) : (
        <div className={classes.scroll}>
          {/* display: contents, so the title strip can stay pinned while the details scroll away. */}
          <header data-testid="case-header" className={classes.header}>
            <div className={`${classes.strip} ${classes.sticky}`}>
              <CaseTitleStrip header={data.header} back={back} />
            </div>
            <CaseHeaderBand header={data.header} />
          </header>
          <Timeline events={data.events} market={data.header.market} />
        </div>
      )}
    </div>
  );
}

function CaseTitleStrip({ header, back }: { header: CaseHeader; back: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Group px="md" h="100%" gap="md" wrap="nowrap" justify="space-between">
      <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
        {back}
        <Divider orientation="vertical" />
        <Title order={2} className="tabular" data-testid="case-number" style={{ whiteSpace: 'nowrap' }}>
          {header.number}
        </Title>
        <StatusBadge status={header.status} size="md" data-testid="case-status" />
        <MarketBadge market={header.market} size="md" />
        <Text size="md" fw={500} truncate>
          {t(`category.${header.category}`)}
        </Text>
      </Group>
      <Group gap="lg" wrap="nowrap" style={{ flex: 'none' }}>
        <div>
          <Text size="xs" c="dimmed">
            {t('case.received')}
          </Text>
          <Text size="sm" className="tabular" data-testid="case-received">
            {formatDateTime(header.receivedAt, header.market)} {t('case.receivedVia', { channel: t(`channel.${header.receivedChannel}`) })}
          </Text>
        </div>
        <div>
          <Text size="xs" c="dimmed">
            {t('case.assignee')}
          </Text>
          <Group gap={4} wrap="nowrap">
            <IconUser size={14} stroke={1.75} aria-hidden />
            <Text size="sm" c={header.assignee ? undefined : 'dimmed'} data-testid="case-assignee">
              {header.assignee?.name ?? t('inbox.unassigned')}
            </Text>
          </Group>
        </div>
      </Group>
    </Group>
  );
}
