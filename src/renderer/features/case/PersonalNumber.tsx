import { refusalText } from '../../lib/refusalText';
import { Anchor, Group, Loader, Text, Tooltip } from '@mantine/core';
import { IconEye, IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, type RpcFailure } from '../../lib/api';
import { asRpcFailure } from '../../lib/useCall';

/**
 * The customer's personal identity number, masked until someone needs it. "Show" asks the service,
 * which writes the reveal to the audit log; the screen says so.
 */
export function PersonalNumber({ caseId, masked }: { caseId: number; masked: string }) {
  const { t } = useTranslation();
  const [revealed, setRevealed] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<RpcFailure | null>(null);

  const reveal = async () => {
    setPending(true);
    setError(null);
    try {
      const r = await call('cases:revealPersonalNumber', { id: caseId });
      setRevealed(r.personalNumber);
    } catch (err) {
      setError(asRpcFailure(err));
    } finally {
      setPending(false);
    }
  };

  return (
    <>
      <Group gap={8} wrap="wrap" align="baseline" style={{ rowGap: 0 }}>
        <Text span inherit className="tabular" style={{ whiteSpace: 'nowrap' }} data-testid="personal-number" data-revealed={revealed !== null || undefined}>
          {revealed ?? masked}
        </Text>
        {revealed === null && (
          <Tooltip label={t('case.reveal.tooltip')} multiline w={260}>
            <Anchor component="button" type="button" size="sm" onClick={() => void reveal()} disabled={pending} data-testid="reveal-personal-number">
              <Group gap={3} wrap="nowrap" component="span">
                {pending ? <Loader size={10} /> : <IconEye size={13} aria-hidden />}
                {t('case.reveal.button')}
              </Group>
            </Anchor>
          </Tooltip>
        )}
      </Group>
      {revealed !== null && (
        <Group gap={3} wrap="nowrap" c="dimmed" data-testid="personal-number-logged">
          <IconShieldCheck size={12} aria-hidden style={{ flex: 'none' }} />
          <Text span size="xs">
            {t('case.reveal.logged')}
          </Text>
        </Group>
      )}
      {error && (
        <Text size="xs" c="red" role="alert" data-testid="reveal-error">
          {t('case.reveal.failed', { message: refusalText(t, error) })}
        </Text>
      )}
    </>
  );
}
