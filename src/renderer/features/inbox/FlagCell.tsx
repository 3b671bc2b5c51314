import { Badge, Loader, Stack, Text, Tooltip } from '@mantine/core';
import { IconFlagFilled } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { RedFlagView } from '../../../shared/domain/review';
import { flagLabel } from '../../lib/review';
import { useCall } from '../../lib/useCall';

/** Flag codes of cases already hovered, by case id and count (a new count means new flags). */
const seen = new Map<string, RedFlagView['code'][]>();

/**
 * The names of a case's red flags. A list row only carries the count, so the names are fetched
 * when the tooltip opens, once per case.
 */
function FlagNames({ caseId, count }: { caseId: number; count: number }) {
  const { t } = useTranslation();
  const key = `${caseId}:${count}`;
  const cached = seen.get(key);
  const { data, error } = useCall('cases:get', cached ? null : { id: caseId });
  const codes = cached ?? data?.flags.map((f) => f.code);
  useEffect(() => {
    if (data) seen.set(key, data.flags.map((f) => f.code));
  }, [key, data]);
  if (error) return <Text size="xs">{t('inbox.flagsUnavailable')}</Text>;
  if (!codes) return <Loader size={10} type="dots" color="white" />;
  return (
    <Stack gap={2}>
      {codes.map((code, i) => (
        <Text key={i} size="xs">
          {flagLabel(t, { code })}
        </Text>
      ))}
    </Stack>
  );
}

/** The red-flag count of an inbox row; hovering lists the flags. Empty when there are none. */
export function FlagCell({ caseId, count }: { caseId: number; count: number }) {
  const { t } = useTranslation();
  if (count === 0) return null;
  return (
    <Tooltip label={<FlagNames caseId={caseId} count={count} />} position="left" openDelay={250}>
      <Badge
        color="red"
        variant="light"
        size="sm"
        leftSection={<IconFlagFilled size={10} aria-hidden />}
        className="tabular"
        data-testid="flag-count"
        aria-label={t('inbox.flagCount', { count })}
      >
        {count}
      </Badge>
    </Tooltip>
  );
}
