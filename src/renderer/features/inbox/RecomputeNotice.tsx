import { Alert } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { memo, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { call } from '../../lib/api';
import { formatCount } from '../../lib/format';

type Status = ChannelOutput<'settings:deadlinePolicies'>['recompute'];

/**
 * Says so while stored deadlines are being recomputed after a rule change (the list's due dates
 * may lag), and reloads the inbox once they are current.
 */
export const RecomputeNotice = memo(function RecomputeNotice({ onDone, refreshKey }: { onDone: () => void; refreshKey: number }) {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<Status | null>(null);
  const wasRunning = useRef(false);
  const running = status?.running ?? false;

  // Asked when the inbox loads or is refreshed; polled only while a recompute runs.
  useEffect(() => {
    let live = true;
    const poll = () =>
      call('settings:deadlinePolicies', {}).then(
        (view) => {
          if (live) setStatus(view.recompute);
        },
        () => undefined,
      );
    void poll();
    return () => {
      live = false;
    };
  }, [refreshKey]);

  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      void call('settings:deadlinePolicies', {}).then((view) => setStatus(view.recompute), () => undefined);
    }, 2000);
    return () => clearInterval(timer);
  }, [running]);

  useEffect(() => {
    if (wasRunning.current && !running) onDone();
    wasRunning.current = running;
  }, [running, onDone]);

  if (!status?.running) return null;
  return (
    <Alert color="blue" variant="light" py={6} icon={<IconRefresh size={16} />} data-testid="recompute-notice">
      {t('deadlineRules.inboxNotice', { done: formatCount(status.done, i18n.language), total: formatCount(status.total, i18n.language) })}
    </Alert>
  );
});
