import { Alert, Badge, Button, Group, Modal, NumberInput, Paper, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconDatabase, IconEraser } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupSchedule } from '../../../shared/domain/backup';
import type { RetentionRules } from '../../../shared/domain/retention';
import { ErrorState } from '../../components/ErrorState';
import { call, type RpcFailure } from '../../lib/api';
import { formatCount, formatFileSize, formatUiDateTime } from '../../lib/format';
import { asRpcFailure, useCall } from '../../lib/useCall';

function useDateTime() {
  const { i18n } = useTranslation();
  return useMemo(
    () => ({ format: (d: Date) => formatUiDateTime(d.toISOString(), i18n.language) }),
    [i18n.language],
  );
}

/** Backups (schedule, list, back up now) and retention (rules, what they would do, run now): the ombudsman's data care. */
export function DataCareScreen({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack p="md" gap="md" h="100%" style={{ overflow: 'auto' }} data-testid="data-care-screen">
      <Group gap="xs">
        <Button variant="subtle" size="compact-sm" leftSection={<IconArrowLeft size={14} />} onClick={onBack}>
          {t('nav.backToInbox')}
        </Button>
        <Title order={2} size="h4">
          {t('dataCare.title')}
        </Title>
      </Group>
      <BackupPanel />
      <RetentionPanel />
    </Stack>
  );
}

function BackupPanel() {
  const { t, i18n } = useTranslation();
  const status = useCall('backups:status', {});
  const dateTime = useDateTime();
  // Edits on top of what is stored; null: show the stored schedule.
  const [edits, setEdits] = useState<BackupSchedule | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<RpcFailure | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const act = async (work: () => Promise<unknown>, message: string) => {
    setBusy(true);
    setFailure(null);
    setSaved(null);
    try {
      await work();
      setSaved(message);
      setEdits(null);
      status.reload();
    } catch (error) {
      setFailure(asRpcFailure(error));
    } finally {
      setBusy(false);
    }
  };
  if (status.error) return <ErrorState title={t('dataCare.backups')} error={status.error} onRetry={status.reload} />;
  if (!status.data) return null;
  const draft = edits ?? status.data.schedule;
  const setDraft = setEdits;
  return (
    <Paper withBorder p="md" data-testid="backup-panel">
      <Stack gap="sm">
        <Group gap="xs">
          <IconDatabase size={18} aria-hidden />
          <Title order={3} size="h5">
            {t('dataCare.backups')}
          </Title>
        </Group>
        <Text size="sm" c="dimmed">
          {t('dataCare.backupsIntro', { folder: status.data.folder })}
        </Text>
        <Group align="flex-end" gap="md">
          <Switch label={t('dataCare.scheduleOn')} checked={draft.enabled} onChange={(e) => setDraft({ ...draft, enabled: e.currentTarget.checked })} data-testid="backup-enabled" />
          <NumberInput label={t('dataCare.intervalHours')} min={1} max={168} w={150} value={draft.intervalHours} onChange={(v) => setDraft({ ...draft, intervalHours: Number(v) })} />
          <NumberInput label={t('dataCare.keep')} min={1} max={365} w={150} value={draft.keep} onChange={(v) => setDraft({ ...draft, keep: Number(v) })} data-testid="backup-keep" />
          <Button variant="default" loading={busy} onClick={() => void act(() => call('backups:setSchedule', draft), t('dataCare.saved'))} data-testid="backup-save">
            {t('dataCare.save')}
          </Button>
          <Button loading={busy} onClick={() => void act(() => call('backups:run', {}), t('dataCare.backedUp'))} data-testid="backup-now">
            {t('dataCare.backupNow')}
          </Button>
        </Group>
        {status.data.nextDueAt && (
          <Text size="sm">{t('dataCare.nextDue', { when: dateTime.format(new Date(status.data.nextDueAt)) })}</Text>
        )}
        {saved && (
          <Text size="sm" c="teal" role="status">
            {saved}
          </Text>
        )}
        {failure && <ErrorState title={t('dataCare.failed')} error={failure} />}
        <Table verticalSpacing={4} fz="sm" data-testid="backup-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('dataCare.takenAt')}</Table.Th>
              <Table.Th>{t('dataCare.reason')}</Table.Th>
              <Table.Th>{t('dataCare.size')}</Table.Th>
              <Table.Th>{t('dataCare.file')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {status.data.backups.map((b) => (
              <Table.Tr key={b.fileName}>
                <Table.Td className="tabular">{dateTime.format(new Date(b.takenAt))}</Table.Td>
                <Table.Td>
                  <Badge variant="light" size="sm" tt="none">
                    {b.reason.startsWith('pre-migration') ? t('dataCare.reasonMigration') : t(`dataCare.reason_${b.reason}`, { defaultValue: b.reason })}
                  </Badge>
                </Table.Td>
                <Table.Td className="tabular">{formatFileSize(b.bytes, i18n.language)}</Table.Td>
                <Table.Td>
                  <Text size="xs" ff="monospace">
                    {b.fileName}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {status.data.backups.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('dataCare.noBackups')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function RetentionPanel() {
  const { t, i18n } = useTranslation();
  const overview = useCall('retention:get', {});
  const dateTime = useDateTime();
  const [edits, setEdits] = useState<RetentionRules | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<RpcFailure | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<string | null>(null);

  const act = async (work: () => Promise<string>) => {
    setBusy(true);
    setFailure(null);
    setResult(null);
    try {
      setResult(await work());
      setEdits(null);
      overview.reload();
    } catch (error) {
      setFailure(asRpcFailure(error));
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };
  if (overview.error) return <ErrorState title={t('dataCare.retention')} error={overview.error} onRetry={overview.reload} />;
  if (!overview.data) return null;
  const o = overview.data;
  const draft = edits ?? o.rules;
  const setDraft = setEdits;
  const changed = JSON.stringify(draft) !== JSON.stringify(o.rules);
  return (
    <Paper withBorder p="md" data-testid="retention-panel">
      <Stack gap="sm">
        <Group gap="xs">
          <IconEraser size={18} aria-hidden />
          <Title order={3} size="h5">
            {t('dataCare.retention')}
          </Title>
        </Group>
        <Text size="sm" c="dimmed">
          {t('dataCare.retentionIntro')}
        </Text>
        <Group align="flex-end" gap="md">
          <NumberInput label={t('dataCare.closedCaseYears')} min={1} max={30} w={220} value={draft.closedCaseYears} onChange={(v) => setDraft({ ...draft, closedCaseYears: Number(v) })} data-testid="retention-closed-years" />
          <NumberInput label={t('dataCare.authorityMatterYears')} min={1} max={30} w={220} value={draft.authorityMatterYears} onChange={(v) => setDraft({ ...draft, authorityMatterYears: Number(v) })} />
          <Switch label={t('dataCare.retentionSchedule')} checked={draft.scheduleEnabled} onChange={(e) => setDraft({ ...draft, scheduleEnabled: e.currentTarget.checked })} />
          <Button variant="default" loading={busy} disabled={!changed} onClick={() => void act(async () => (await call('retention:setRules', draft), t('dataCare.saved')))} data-testid="retention-save">
            {t('dataCare.save')}
          </Button>
        </Group>
        <Alert color={o.previewTotal > 0 ? 'orange' : 'gray'} variant="light" data-testid="retention-preview-summary">
          {changed ? t('dataCare.saveToPreview') : t('dataCare.preview', { count: o.previewTotal, formatted: formatCount(o.previewTotal, i18n.language) })}
        </Alert>
        {o.preview.length > 0 && !changed && (
          <Table verticalSpacing={4} fz="sm" data-testid="retention-preview">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('audit.case')}</Table.Th>
                <Table.Th>{t('dataCare.market')}</Table.Th>
                <Table.Th>{t('dataCare.rule')}</Table.Th>
                <Table.Th>{t('dataCare.closedAt')}</Table.Th>
                <Table.Th>{t('dataCare.dueSince')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {o.preview.slice(0, 200).map((p) => (
                <Table.Tr key={p.caseId}>
                  <Table.Td className="tabular">{p.number}</Table.Td>
                  <Table.Td>{p.market}</Table.Td>
                  <Table.Td>{t(`dataCare.rule_${p.rule}`)}</Table.Td>
                  <Table.Td className="tabular">{p.closedAt.slice(0, 10)}</Table.Td>
                  <Table.Td className="tabular">{p.dueSince}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Group>
          <Button color="red" disabled={changed || o.previewTotal === 0} loading={busy} onClick={() => setConfirming(true)} data-testid="retention-run">
            {t('dataCare.runNow')}
          </Button>
          {o.lastRun && (
            <Text size="sm" c="dimmed">
              {t('dataCare.lastRun', { when: dateTime.format(new Date(o.lastRun.finishedAt)), count: o.lastRun.casesAffected })}
            </Text>
          )}
        </Group>
        {result && (
          <Text size="sm" c="teal" role="status" data-testid="retention-result">
            {result}
          </Text>
        )}
        {failure && <ErrorState title={t('dataCare.failed')} error={failure} />}
      </Stack>
      <Modal closeButtonProps={{ 'aria-label': t('app.close') }} opened={confirming} onClose={() => setConfirming(false)} title={t('dataCare.confirmTitle')} data-testid="retention-confirm">
        <Stack>
          <Text size="sm">{t('dataCare.confirmText', { count: o.previewTotal })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('dataCare.cancel')}
            </Button>
            <Button
              color="red"
              loading={busy}
              onClick={() => void act(async () => t('dataCare.anonymised', { count: (await call('retention:run', { dryRun: false })).anonymised }))}
              data-testid="retention-confirm-run"
            >
              {t('dataCare.confirmRun')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
