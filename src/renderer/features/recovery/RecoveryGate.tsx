import { Alert, Button, Center, Code, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconAlertOctagon, IconDatabaseImport } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { call, type RpcFailure } from '../../lib/api';
import { formatFileSize, uiLocale } from '../../lib/format';
import { asRpcFailure, useCall } from '../../lib/useCall';

/**
 * Before anything else: did the store pass its start check? When it did not, nothing else can
 * work (not even sign-in, the users are in the store), so this screen names the problem and
 * offers the latest backup that passes its own check.
 */
export function RecoveryGate({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const status = useCall('recovery:status', {});
  const [restoring, setRestoring] = useState(false);
  const [failure, setFailure] = useState<RpcFailure | null>(null);
  const [restored, setRestored] = useState(false);

  if (restored || status.error || (status.data && !status.data.damaged)) return <>{children}</>;
  if (!status.data) {
    return (
      <Center h="100%">
        <Loader size="sm" />
      </Center>
    );
  }
  const s = status.data;
  const backup = s.latestGoodBackup;
  const restore = async () => {
    if (!backup) return;
    setRestoring(true);
    setFailure(null);
    try {
      await call('recovery:restore', { fileName: backup.fileName });
      setRestored(true);
    } catch (error) {
      setFailure(asRpcFailure(error));
      setRestoring(false);
    }
  };
  const when = backup
    ? new Intl.DateTimeFormat(uiLocale(i18n.language), { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Stockholm' }).format(new Date(backup.takenAt))
    : '';
  return (
    <Center h="100%" p="xl">
      <Stack maw={680} gap="md" data-testid="recovery-screen">
        <Group gap="sm">
          <IconAlertOctagon size={28} color="var(--mantine-color-red-6)" aria-hidden />
          <Title order={1} size="h3">
            {t('recovery.title')}
          </Title>
        </Group>
        <Text>{t('recovery.intro')}</Text>
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('recovery.store')}
          </Text>
          <Code block>{s.storePath}</Code>
          <Text size="sm" fw={600}>
            {t('recovery.problem')}
          </Text>
          <Code block data-testid="recovery-problem" style={{ whiteSpace: 'pre-wrap' }}>
            {s.problem}
          </Code>
        </Stack>
        {backup ? (
          <Alert color="blue" variant="light" title={t('recovery.latestGood')} data-testid="recovery-backup">
            <Stack gap="xs">
              <Text size="sm">{t('recovery.backupLine', { when, size: formatFileSize(backup.bytes, i18n.language), schema: backup.schemaVersion })}</Text>
              <Code>{backup.fileName}</Code>
              <Text size="sm" c="dimmed">
                {t('recovery.keepsDamaged')}
              </Text>
              <Group>
                <Button color="blue" leftSection={<IconDatabaseImport size={16} />} loading={restoring} onClick={() => void restore()} data-testid="recovery-restore">
                  {t('recovery.restore')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        ) : (
          <Alert color="red" variant="light" title={t('recovery.noBackup')} data-testid="recovery-no-backup">
            <Text size="sm">{t('recovery.noBackupHint')}</Text>
          </Alert>
        )}
        {failure && <ErrorState title={t('recovery.restoreFailed')} error={failure} />}
      </Stack>
    </Center>
  );
}
