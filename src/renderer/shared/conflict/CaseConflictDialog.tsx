import { Alert, Button, Group, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CaseStatus } from '../../../shared/domain/case';
import type { Market } from '../../../shared/domain/market';
import { formatDateTime } from '../../lib/format';

/** What a lost race on a case carries in `details` (see `caseConflict` in case-work.service.ts). */
export interface CaseConflict {
  subject: 'case';
  caseId: number;
  mine: { revision: number; status?: CaseStatus; assignee?: { id: number; name: string } | null; note?: string };
  theirs: { revision: number; status: CaseStatus; assignee: { id: number; name: string } | null; by: { id: number | null; name: string } | null; at: string };
}

export function isCaseConflict(details: unknown): details is CaseConflict {
  return typeof details === 'object' && details !== null && (details as { subject?: unknown }).subject === 'case';
}

/**
 * A colleague changed the case first: both versions side by side, and the choice — keep theirs
 * (nothing of mine is written) or apply mine on top of theirs (sent again on their revision).
 */
export function CaseConflictDialog({
  conflict,
  market,
  busy,
  onKeepTheirs,
  onApplyMine,
}: {
  conflict: CaseConflict;
  market: Market;
  busy: boolean;
  onKeepTheirs: () => void;
  onApplyMine: () => void;
}) {
  const { t } = useTranslation();
  const { mine, theirs } = conflict;
  const assigneeText = (a: { name: string } | null) => (a ? a.name : t('collab.conflict.unassigned'));
  return (
    <Modal opened onClose={onKeepTheirs} title={t('collab.conflict.title')} size="lg" data-testid="case-conflict">
      <Stack gap="sm">
        <Alert color="orange" icon={<IconAlertTriangle size={16} />} p="xs">
          <Text size="sm" data-testid="case-conflict-message">
            {t('collab.conflict.body', { name: theirs.by?.name ?? t('collab.conflict.someone'), at: formatDateTime(theirs.at, market) })}
          </Text>
        </Alert>
        <SimpleGrid cols={2}>
          <Stack gap={4} data-testid="case-conflict-theirs">
            <Text fw={600} size="sm">
              {t('collab.conflict.theirs', { name: theirs.by?.name ?? t('collab.conflict.someone') })}
            </Text>
            <Text size="sm">
              {t('collab.conflict.status')}: <b>{t(`status.${theirs.status}`)}</b>
            </Text>
            <Text size="sm">
              {t('collab.conflict.assignee')}: <b>{assigneeText(theirs.assignee)}</b>
            </Text>
          </Stack>
          <Stack gap={4} data-testid="case-conflict-mine">
            <Text fw={600} size="sm">
              {t('collab.conflict.mine')}
            </Text>
            {mine.status !== undefined && (
              <Text size="sm">
                {t('collab.conflict.status')}: <b>{t(`status.${mine.status}`)}</b>
              </Text>
            )}
            {mine.assignee !== undefined && (
              <Text size="sm">
                {t('collab.conflict.assignee')}: <b>{assigneeText(mine.assignee)}</b>
              </Text>
            )}
            {mine.note !== undefined && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {t('collab.conflict.note')}: {mine.note}
              </Text>
            )}
          </Stack>
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onKeepTheirs} disabled={busy} data-testid="case-conflict-keep-theirs">
            {t('collab.conflict.keepTheirs')}
          </Button>
          <Button onClick={onApplyMine} loading={busy} data-testid="case-conflict-apply-mine">
            {t('collab.conflict.applyMine')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
