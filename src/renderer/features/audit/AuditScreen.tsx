import { Badge, Button, Group, Pagination, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconArrowLeft, IconDownload, IconShieldCheck } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditFilterInput } from '../../../shared/domain/audit';
import { ErrorState } from '../../components/ErrorState';
import { call, type RpcFailure } from '../../lib/api';
import { formatCount, formatUiDateTime } from '../../lib/format';
import { asRpcFailure, useCall } from '../../lib/useCall';
import { saveFile } from '../../lib/save-file';
import { auditActionKey } from '../../../shared/domain/audit-actions';
import { auditDetailParts } from './auditDetailText';

const PAGE = 50;
const CASE_NUMBER = /^KO-\d{4}-\d{6}$/;

/** An action code worded in the reader's language; one another build added is "other action", never its code. */
function actionKey(action: string): string {
  return `auditAction.${auditActionKey(action)}`;
}

/**
 * The audit log for auditors and the ombudsman: who did what, when, on which case; filtered by
 * case, user and period, paged, and exported as CSV. The service refuses everyone else.
 */
export function AuditScreen({ onBack }: { onBack: () => void }) {
  const { t, i18n } = useTranslation();
  const [caseNumber, setCaseNumber] = useState('');
  const [userId, setUserId] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [page, setPage] = useState(1);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<RpcFailure | null>(null);
  const [exported, setExported] = useState<number | null>(null);
  const users = useCall('users:list', {});

  const caseInvalid = caseNumber.trim() !== '' && !CASE_NUMBER.test(caseNumber.trim().toUpperCase());
  const filter = useMemo<AuditFilterInput>(() => {
    const f: AuditFilterInput = {};
    const n = caseNumber.trim().toUpperCase();
    if (n !== '' && CASE_NUMBER.test(n)) f.caseNumber = n;
    if (userId) f.userId = Number(userId);
    if (from) f.from = from;
    if (to) f.to = to;
    return f;
  }, [caseNumber, userId, from, to]);
  const list = useCall('audit:list', { ...filter, offset: (page - 1) * PAGE, limit: PAGE });
  const dateTime = useMemo(
    () => ({ format: (d: Date) => formatUiDateTime(d.toISOString(), i18n.language) }),
    [i18n.language],
  );

  const change = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setPage(1);
    setExported(null);
  };

  const doExport = async () => {
    setExporting(true);
    setExportError(null);
    try {
      const result = await call('audit:export', filter);
      saveFile(result.fileName, result.csv, 'text/csv;charset=utf-8');
      setExported(result.rows);
      list.reload();
    } catch (error) {
      setExportError(asRpcFailure(error));
    } finally {
      setExporting(false);
    }
  };

  const total = list.data?.total ?? 0;
  return (
    <Stack p="md" gap="sm" h="100%" style={{ overflow: 'auto' }} data-testid="audit-screen">
      <Group justify="space-between" wrap="nowrap">
        <Group gap="xs" wrap="nowrap">
          <Button variant="subtle" size="compact-sm" leftSection={<IconArrowLeft size={14} />} onClick={onBack}>
            {t('nav.backToInbox')}
          </Button>
          <IconShieldCheck size={20} stroke={1.75} aria-hidden />
          <Title order={2} size="h4">
            {t('audit.title')}
          </Title>
        </Group>
        <Button leftSection={<IconDownload size={14} />} onClick={() => void doExport()} loading={exporting} disabled={caseInvalid} data-testid="audit-export">
          {t('audit.export')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('audit.intro')}
      </Text>
      <Group gap="sm" align="flex-end">
        <TextInput
          label={t('audit.case')}
          placeholder="KO-2026-000123"
          value={caseNumber}
          onChange={(e) => change(setCaseNumber)(e.currentTarget.value)}
          error={caseInvalid ? t('audit.caseInvalid') : undefined}
          w={180}
          data-testid="audit-case"
        />
        <Select
          label={t('audit.user')}
          placeholder={t('audit.anyone')}
          data={(users.data ?? []).map((u) => ({ value: String(u.id), label: `${u.name} (${t(`role.${u.role}`)})` }))}
          value={userId}
          onChange={change(setUserId)}
          clearable
          w={260}
          data-testid="audit-user"
        />
        <TextInput type="date" label={t('audit.from')} value={from} onChange={(e) => change(setFrom)(e.currentTarget.value)} w={160} data-testid="audit-from" />
        <TextInput type="date" label={t('audit.to')} value={to} onChange={(e) => change(setTo)(e.currentTarget.value)} w={160} data-testid="audit-to" />
      </Group>
      {exported !== null && (
        <Text size="sm" c="teal" role="status">
          {t('audit.exported', { count: exported })}
        </Text>
      )}
      {exportError && <ErrorState title={t('audit.exportFailed')} error={exportError} />}
      {list.error ? (
        <ErrorState title={t('audit.loadFailed')} error={list.error} onRetry={list.reload} />
      ) : (
        <>
          <Text size="sm" c="dimmed" className="tabular" data-testid="audit-total">
            {t('audit.total', { count: total, formatted: formatCount(total, i18n.language) })}
          </Text>
          <Table striped highlightOnHover verticalSpacing={4} fz="sm" data-testid="audit-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={70}>#</Table.Th>
                <Table.Th w={170}>{t('audit.at')}</Table.Th>
                <Table.Th w={200}>{t('audit.user')}</Table.Th>
                <Table.Th>{t('audit.action')}</Table.Th>
                <Table.Th w={150}>{t('audit.case')}</Table.Th>
                <Table.Th>{t('audit.detail')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(list.data?.rows ?? []).map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td className="tabular">{r.id}</Table.Td>
                  <Table.Td className="tabular">{dateTime.format(new Date(r.at))}</Table.Td>
                  <Table.Td>{r.userName ?? t('audit.system')}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" size="sm" radius="sm" tt="none">
                      {t(actionKey(r.action), { defaultValue: t('auditAction.other') })}
                    </Badge>
                  </Table.Td>
                  <Table.Td className="tabular">{r.caseNumber ?? '—'}</Table.Td>
                  <Table.Td>
                    <Text size="xs" style={{ overflowWrap: 'anywhere' }} data-testid="audit-detail">
                      {auditDetailParts(t, r.detail, i18n.language)
                        .map((p) => `${p.label}: ${p.value}`)
                        .join(' · ')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {!list.loading && total === 0 && (
            <Text size="sm" c="dimmed" ta="center" py="lg">
              {t('audit.empty')}
            </Text>
          )}
          {total > PAGE && <Pagination getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })} total={Math.ceil(total / PAGE)} value={page} onChange={setPage} size="sm" />}
        </>
      )}
    </Stack>
  );
}
