import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RpcFailure } from '../lib/api';

const KNOWN_CODES = ['invalid_input', 'unauthenticated', 'not_found', 'forbidden', 'conflict', 'unavailable', 'internal'] as const;
type KnownCode = (typeof KNOWN_CODES)[number];

function isKnownCode(code: string): code is KnownCode {
  return (KNOWN_CODES as readonly string[]).includes(code);
}

/** Says what failed, what the service answered, and offers to try again. */
export function ErrorState({
  title,
  error,
  onRetry,
  children,
}: {
  title: string;
  error: RpcFailure;
  onRetry?: () => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const reason = isKnownCode(error.code) ? t(`errors.${error.code}`) : t('errors.unknown');
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={title} role="alert" data-error-code={error.code}>
      <Text size="sm">
        {reason}: {error.message}
      </Text>
      {(onRetry || children) && (
        <Group gap="xs" mt="sm">
          {onRetry && (
            <Button variant="light" color="red" leftSection={<IconRefresh size={14} />} onClick={onRetry}>
              {t('app.retry')}
            </Button>
          )}
          {children}
        </Group>
      )}
    </Alert>
  );
}
