import { refusalText } from '../../lib/refusalText';
import { ActionIcon, Alert, Badge, Button, Code, CopyButton, Group, Menu, Progress, Select, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconChevronDown, IconCopy, IconDownload, IconFolder, IconSend } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SEND_CHANNELS, type CaseExport, type ExportFormat, type ExportJob, type SendChannel } from '../../../shared/domain/export';
import type { Market } from '../../../shared/domain/market';
import { call } from '../../lib/api';
import { downloadExport } from '../../lib/download';
import { formatCalendarDate, formatDateTime } from '../../lib/format';
import { useSession } from '../../lib/session';
import { asRpcFailure, useCall } from '../../lib/useCall';

const POLL_MS = 150;

/**
 * Export of the case's decision letter: a menu (PDF or DOCX, the issued letter or the draft), a
 * progress bar while main renders, then "show in folder" and "mark as sent", and the case's
 * exports with their sent state. Auditors see the list only; the services refuse the rest anyway.
 */
export function ExportPanel({ caseId, market, canIssued, canDraft }: { caseId: number; market: Market; canIssued: boolean; canDraft: boolean }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const list = useCall('exports:list', { caseId });
  const [job, setJob] = useState<ExportJob | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState<{ exportId: number; path: string; exists: boolean } | null>(null);
  const [sending, setSending] = useState<number | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  const writer = user.role !== 'auditor';
  const running = job?.state === 'running';

  const poll = (jobId: string) => {
    timer.current = setTimeout(async () => {
      try {
        const next = await call('exports:status', { jobId });
        setJob(next);
        if (next.state === 'running') return poll(jobId);
        if (next.state === 'failed') setError(next.error);
        if (next.state === 'done' && next.result) {
          // Only the list reloads: reloading the whole case would unmount this panel and its result.
          list.reload();
          await downloadExport(next.jobId, next.result.fileName);
        }
      } catch (e) {
        setError(refusalText(t, asRpcFailure(e)));
      }
    }, POLL_MS);
  };

  const start = async (format: ExportFormat, draft: boolean) => {
    setError(null);
    setShown(null);
    setJob(null);
    try {
      const { jobId } = await call('exports:start', { caseId, kind: 'decision', format, draft });
      if (!jobId) return; // the save dialog was cancelled
      setJob({ jobId, kind: 'decision', caseId, fileName: '', state: 'running', fraction: 0, step: 'prepare', result: null, error: null });
      poll(jobId);
    } catch (e) {
      setError(refusalText(t, asRpcFailure(e)));
    }
  };

  const showInFolder = async (exportId: number) => {
    try {
      const r = await call('exports:showInFolder', { caseId, exportId });
      setShown(r.shown ? null : { exportId, path: r.path, exists: r.exists });
    } catch (e) {
      setError(refusalText(t, asRpcFailure(e)));
    }
  };

  const exports = list.data?.exports ?? [];
  const today = list.data?.today ?? '';
  const done = job?.state === 'done' ? job.result : null;

  return (
    <Stack gap="xs" data-testid="export-panel">
      {writer && (
        <Menu position="bottom-start" withinPortal>
          <Menu.Target>
            <Button size="xs" variant="default" leftSection={<IconDownload size={14} />} rightSection={<IconChevronDown size={12} />} disabled={running || (!canIssued && !canDraft)} data-testid="export-menu" style={{ alignSelf: 'flex-start' }}>
              {t('exports.export')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {canIssued && (
              <>
                <Menu.Label>{t('exports.issuedLetter')}</Menu.Label>
                <Menu.Item onClick={() => void start('pdf', false)} data-testid="export-issued-pdf">
                  {t('exports.asPdf')}
                </Menu.Item>
                <Menu.Item onClick={() => void start('docx', false)} data-testid="export-issued-docx">
                  {t('exports.asDocx')}
                </Menu.Item>
              </>
            )}
            {canDraft && (
              <>
                <Menu.Label>{t('exports.draftLetter')}</Menu.Label>
                <Menu.Item onClick={() => void start('pdf', true)} data-testid="export-draft-pdf">
                  {t('exports.draftAsPdf')}
                </Menu.Item>
                <Menu.Item onClick={() => void start('docx', true)} data-testid="export-draft-docx">
                  {t('exports.draftAsDocx')}
                </Menu.Item>
              </>
            )}
          </Menu.Dropdown>
        </Menu>
      )}
      {running && job && (
        <div data-testid="export-progress">
          <Text size="xs" c="dimmed" mb={4}>
            {t('exports.running', { percent: Math.round(job.fraction * 100) })}
          </Text>
          <Progress value={job.fraction * 100} size="sm" animated aria-label={t('exports.progress')} />
        </div>
      )}
      {error && (
        <Alert color="red" p="xs" icon={<IconAlertTriangle size={16} />} data-testid="export-error">
          <Text size="sm">{error}</Text>
        </Alert>
      )}
      {done && (
        <Alert color="teal" p="xs" icon={<IconCheck size={16} />} data-testid="export-done">
          <Text size="sm">{t('exports.done', { file: done.fileName })}</Text>
          {done.warnings.map((w) => (
            <Text key={w} size="xs" c="orange">
              {w}
            </Text>
          ))}
        </Alert>
      )}
      {shown && (
        <Alert color="gray" p="xs" data-testid="export-path" title={shown.exists ? t('exports.savedIn') : t('exports.missing')}>
          <Group gap={4} wrap="nowrap" align="flex-start">
            <Code style={{ wordBreak: 'break-all', flex: 1 }} data-testid="export-path-text">
              {shown.path}
            </Code>
            <CopyButton value={shown.path}>
              {({ copied, copy }) => (
                <Tooltip label={copied ? t('exports.copied') : t('exports.copy')} withArrow>
                  <ActionIcon size="sm" variant="subtle" color={copied ? 'teal' : 'gray'} onClick={copy} aria-label={t('exports.copy')} data-testid="export-path-copy">
                    {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
                  </ActionIcon>
                </Tooltip>
              )}
            </CopyButton>
          </Group>
        </Alert>
      )}
      {exports.length === 0 ? (
        <Text size="xs" c="dimmed" data-testid="exports-empty">
          {t('exports.none')}
        </Text>
      ) : (
        <Stack gap={6} data-testid="exports-list">
          {exports.map((e) => (
            <ExportRow
              key={e.exportId}
              caseId={caseId}
              item={e}
              market={market}
              writer={writer}
              today={today}
              sending={sending === e.exportId}
              onSend={() => setSending(sending === e.exportId ? null : e.exportId)}
              onShow={() => void showInFolder(e.exportId)}
              onSent={() => {
                setSending(null);
                list.reload();
              }}
            />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function ExportRow({
  caseId,
  item,
  market,
  writer,
  today,
  sending,
  onSend,
  onShow,
  onSent,
}: {
  caseId: number;
  item: CaseExport;
  market: Market;
  writer: boolean;
  today: string;
  sending: boolean;
  onSend: () => void;
  onShow: () => void;
  onSent: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div data-testid="export-row" data-export-id={item.exportId} style={{ borderBottom: '1px solid var(--mantine-color-default-border)', paddingBottom: 6 }}>
      <Group gap={6} justify="space-between" wrap="nowrap">
        <Text size="xs" fw={500} truncate="end" title={item.fileName} style={{ minWidth: 0 }}>
          {item.fileName}
        </Text>
        {writer && item.path && (
          <Tooltip label={t('exports.showInFolder')} withArrow>
            <ActionIcon size="sm" variant="subtle" color="gray" onClick={onShow} aria-label={t('exports.showInFolder')} data-testid="export-show">
              <IconFolder size={14} />
            </ActionIcon>
          </Tooltip>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {formatDateTime(item.at, market)} · {item.actor}
      </Text>
      <Group gap={6} mt={2}>
        {item.draft ? (
          <Badge size="xs" variant="light" color="gray">
            {t('exports.draftBadge')}
          </Badge>
        ) : item.sent ? (
          <Badge size="xs" variant="light" color="teal" data-testid="export-sent">
            {t('exports.sentOn', { date: formatCalendarDate(item.sent.date, market), channel: t(`exports.channel.${item.sent.channel}`, { defaultValue: item.sent.channel }) })}
          </Badge>
        ) : (
          <>
            <Badge size="xs" variant="light" color="orange" data-testid="export-not-sent">
              {t('exports.notSent')}
            </Badge>
            {writer && (
              <Button size="compact-xs" variant="subtle" leftSection={<IconSend size={12} />} onClick={onSend} data-testid="export-mark-sent">
                {t('exports.markSent')}
              </Button>
            )}
          </>
        )}
      </Group>
      {sending && <MarkSentForm caseId={caseId} item={item} today={today} onSent={onSent} />}
    </div>
  );
}

function MarkSentForm({ caseId, item, today, onSent }: { caseId: number; item: CaseExport; today: string; onSent: () => void }) {
  const { t } = useTranslation();
  const [date, setDate] = useState(today);
  const [channel, setChannel] = useState<SendChannel>('post');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <Stack gap={6} mt={6} data-testid="mark-sent-form">
      <Group gap={6} grow>
        <TextInput size="xs" type="date" label={t('exports.sentDate')} value={date} max={today} onChange={(e) => setDate(e.currentTarget.value)} data-testid="mark-sent-date" />
        <Select
          size="xs"
          label={t('exports.sentChannel')}
          data={SEND_CHANNELS.map((c) => ({ value: c, label: t(`exports.channel.${c}`) }))}
          value={channel}
          onChange={(v) => v && setChannel(v as SendChannel)}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          data-testid="mark-sent-channel"
        />
      </Group>
      {error && (
        <Text size="xs" c="red">
          {error}
        </Text>
      )}
      <Button
        size="xs"
        loading={busy}
        disabled={!/^\d{4}-\d{2}-\d{2}$/.test(date)}
        onClick={async () => {
          setBusy(true);
          setError(null);
          try {
            await call('exports:markSent', { caseId, exportId: item.exportId, date, channel });
            onSent();
          } catch (e) {
            setError(refusalText(t, asRpcFailure(e)));
          } finally {
            setBusy(false);
          }
        }}
        data-testid="mark-sent-save"
        style={{ alignSelf: 'flex-start' }}
      >
        {t('exports.markSentSave')}
      </Button>
    </Stack>
  );
}
