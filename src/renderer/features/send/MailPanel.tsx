import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconMailForward, IconSend } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportJob } from '../../../shared/domain/export';
import { MAIL_REFUSALS, type MailRefusal } from '../../../shared/domain/mail';
import { call } from '../../lib/api';
import { downloadExport } from '../../lib/download';
import { useSession } from '../../lib/session';
import { asRpcFailure, useCall } from '../../lib/useCall';

const POLL_MS = 150;

/** A refusal worded in the interface language from `details.mail`; otherwise the service's own message. */
export function mailErrorText(t: TFunction, error: unknown): string {
  const failure = asRpcFailure(error);
  const details = (failure.details ?? {}) as { mail?: string } & Record<string, unknown>;
  if (details.mail && (MAIL_REFUSALS as readonly string[]).includes(details.mail)) {
    // The refusal's params (address, fileName, bytes, limit, host) differ per reason; every key exists in all three languages.
    const word = t as unknown as (key: `send.error.${MailRefusal}`, params: Record<string, unknown>) => string;
    const reason = word(`send.error.${details.mail as MailRefusal}`, details);
    return typeof details.detail === 'string' ? `${reason} ${t('send.serverSaid', { detail: details.detail })}` : reason;
  }
  return failure.message;
}

type Outcome = { kind: 'draft'; fileName: string; opened: boolean; recipient: string | null } | { kind: 'sent'; recipient: string; messageId: string };

/**
 * The issued decision as mail: "Öppna i e-postprogrammet" makes the ready draft (the desktop app
 * opens it in the system's mail program, the browser downloads it), "Skicka" sends the same
 * message through the office's server after a confirmation. Both are filed in the case.
 */
export function MailPanel({ caseId, email, onFiled }: { caseId: number; email: string | null; onFiled: () => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const settings = useCall('mail:settings', {});
  const [job, setJob] = useState<ExportJob | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [sending, setSending] = useState(false);
  const pending = useRef<{ recipient: string | null; opened: boolean } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  if (user.role === 'auditor') return null;
  const running = job?.state === 'running';
  const canSend = settings.data?.canSend ?? false;

  const poll = (jobId: string) => {
    timer.current = setTimeout(async () => {
      try {
        const next = await call('exports:status', { jobId });
        setJob(next);
        if (next.state === 'running') return poll(jobId);
        if (next.state === 'failed') setError(next.error);
        if (next.state === 'done' && next.result) {
          const { recipient, opened } = pending.current ?? { recipient: null, opened: false };
          setOutcome({ kind: 'draft', fileName: next.result.fileName, opened, recipient });
          onFiled();
          await downloadExport(next.jobId, next.result.fileName);
        }
      } catch (e) {
        setError(mailErrorText(t, e));
      }
    }, POLL_MS);
  };

  const openDraft = async () => {
    setError(null);
    setOutcome(null);
    setConfirming(false);
    try {
      const started = await call('mail:draft', { caseId, letter: 'decision' });
      pending.current = { recipient: started.recipient, opened: started.opensInMailProgram };
      setJob({ jobId: started.jobId, kind: 'mail_draft', caseId, fileName: '', state: 'running', fraction: 0, step: 'prepare', result: null, error: null });
      poll(started.jobId);
    } catch (e) {
      setError(mailErrorText(t, e));
    }
  };

  const send = async () => {
    setSending(true);
    setError(null);
    setOutcome(null);
    try {
      const sent = await call('mail:send', { caseId, letter: 'decision' });
      setOutcome({ kind: 'sent', recipient: sent.recipient, messageId: sent.messageId });
      setConfirming(false);
      onFiled();
    } catch (e) {
      setError(mailErrorText(t, e));
      setConfirming(false);
    } finally {
      setSending(false);
    }
  };

  return (
    <Stack gap="xs" data-testid="mail-panel">
      {email ? (
        <Text size="xs" data-testid="mail-recipient">
          {t('send.to', { address: email })}
        </Text>
      ) : (
        <Alert color="orange" p="xs" icon={<IconAlertTriangle size={16} />} data-testid="mail-no-address">
          <Text size="xs">{t('send.noAddress')}</Text>
        </Alert>
      )}
      <Group gap="xs">
        <Button size="xs" variant="default" leftSection={<IconMailForward size={14} />} onClick={() => void openDraft()} disabled={running || sending} data-testid="mail-open-draft">
          {t('send.openDraft')}
        </Button>
        <Button size="xs" leftSection={<IconSend size={14} />} onClick={() => setConfirming(true)} disabled={!canSend || !email || running || sending || confirming} data-testid="mail-send">
          {t('send.send')}
        </Button>
      </Group>
      {settings.data && !canSend && (
        <Text size="xs" c="dimmed" data-testid="mail-no-server">
          {settings.data.smtp ? t('send.noPassword') : t('send.noServer')}
        </Text>
      )}
      {confirming && email && (
        <Alert color="blue" p="xs" data-testid="mail-confirm">
          <Text size="sm" mb={6}>
            {t('send.confirm', { address: email })}
          </Text>
          <Group gap="xs">
            <Button size="compact-xs" loading={sending} onClick={() => void send()} data-testid="mail-send-now">
              {t('send.sendNow')}
            </Button>
            <Button size="compact-xs" variant="subtle" disabled={sending} onClick={() => setConfirming(false)}>
              {t('send.cancel')}
            </Button>
          </Group>
        </Alert>
      )}
      {running && job && (
        <div data-testid="mail-progress">
          <Text size="xs" c="dimmed" mb={4}>
            {t('send.preparing', { percent: Math.round(job.fraction * 100) })}
          </Text>
          <Progress value={job.fraction * 100} size="sm" animated aria-label={t('send.preparingLabel')} />
        </div>
      )}
      {error && (
        <Alert color="red" p="xs" icon={<IconAlertTriangle size={16} />} data-testid="mail-error" role="alert">
          <Text size="sm">{error}</Text>
        </Alert>
      )}
      {outcome && (
        <Alert color="teal" p="xs" icon={<IconCheck size={16} />} data-testid="mail-done" role="status">
          {outcome.kind === 'sent' ? (
            <>
              <Text size="sm">{t('send.sent', { address: outcome.recipient })}</Text>
              <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
                {t('send.messageId', { id: outcome.messageId })}
              </Text>
            </>
          ) : (
            <>
              <Text size="sm">{outcome.opened ? t('send.draftOpened', { file: outcome.fileName }) : t('send.draftSaved', { file: outcome.fileName })}</Text>
              {outcome.recipient === null && (
                <Text size="xs" c="orange">
                  {t('send.draftWithoutTo')}
                </Text>
              )}
              <Text size="xs" c="dimmed">
                {t('send.filed')}
              </Text>
            </>
          )}
        </Alert>
      )}
    </Stack>
  );
}
