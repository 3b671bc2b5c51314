import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../lib/api';
import { asRpcFailure, useCall } from '../../lib/useCall';

interface SettingConflict {
  subject: 'setting';
  mine: { deputy: { name: string } | null };
  theirs: { revision: number; deputy: { id: number; name: string } | null; by: { name: string } | null };
}

function isSettingConflict(details: unknown): details is SettingConflict {
  return typeof details === 'object' && details !== null && (details as { subject?: unknown }).subject === 'setting';
}

/**
 * Who approves whom: handlers' drafts go to the ombudsman; the ombudsman names the deputy who
 * approves the ombudsman's own drafts. Saved as a compare-and-set on the setting's revision.
 */
export function ApproverSettingsModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const current = useCall('settings:approvers', opened ? {} : null);
  const users = useCall('users:list', opened ? {} : null);
  // undefined: not touched yet, the stored deputy shows.
  const [chosen, setDeputy] = useState<string | null | undefined>(undefined);
  const deputy = chosen !== undefined ? chosen : current.data?.deputy ? String(current.data.deputy.id) : null;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<SettingConflict | null>(null);

  const save = async (baseRevision: number) => {
    setBusy(true);
    setError(null);
    try {
      await call('settings:setApprovers', { deputyId: deputy === null ? null : Number(deputy), baseRevision });
      setConflict(null);
      onClose();
    } catch (err) {
      const failed = asRpcFailure(err);
      if (failed.code === 'conflict' && isSettingConflict(failed.details)) setConflict(failed.details);
      else setError(failed.message);
    } finally {
      setBusy(false);
    }
  };

  const options = (users.data ?? []).filter((u) => u.role !== 'auditor').map((u) => ({ value: String(u.id), label: `${u.name} (${t(`role.${u.role}`)})` }));
  return (
    <Modal closeButtonProps={{ 'aria-label': t('app.close') }} opened={opened} onClose={onClose} title={t('collab.settings.title')} data-testid="approver-settings">
      <Stack gap="sm">
        <Text size="sm">{t('collab.settings.rule')}</Text>
        <Select
          label={t('collab.settings.deputy')}
          description={t('collab.settings.deputyHint')}
          data={options}
          value={deputy}
          onChange={setDeputy}
          clearable
          placeholder={t('collab.settings.noDeputy')}
          data-testid="approver-deputy"
        />
        {error && (
          <Alert color="red" p="xs" icon={<IconAlertTriangle size={16} />}>
            {error}
          </Alert>
        )}
        {conflict && (
          <Alert color="orange" p="xs" icon={<IconAlertTriangle size={16} />} data-testid="approver-conflict">
            <Text size="sm">
              {t('collab.settings.conflict', {
                name: conflict.theirs.by?.name ?? t('collab.conflict.someone'),
                theirs: conflict.theirs.deputy?.name ?? t('collab.settings.noDeputy'),
                mine: conflict.mine.deputy?.name ?? t('collab.settings.noDeputy'),
              })}
            </Text>
            <Group gap="xs" mt="xs">
              <Button size="xs" variant="default" onClick={() => { setConflict(null); current.reload(); }}>
                {t('collab.conflict.keepTheirs')}
              </Button>
              <Button size="xs" onClick={() => void save(conflict.theirs.revision)}>
                {t('collab.conflict.applyMine')}
              </Button>
            </Group>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('collab.settings.cancel')}
          </Button>
          <Button loading={busy} disabled={!current.data} onClick={() => current.data && void save(current.data.revision)} data-testid="approver-save">
            {t('collab.settings.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
