import { refusalText } from '../lib/refusalText';
import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RpcFailure } from '../lib/api';

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
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={title} role="alert" data-error-code={error.code}>
      <Text size="sm">
        {refusalText(t, error)}
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
