import { Loader, Stack, Text, Tooltip } from '@mantine/core';
import { IconFlagFilled } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RedFlagView } from '../../../shared/domain/review';
import { flagLabel } from '../../lib/review';
import { useCall } from '../../lib/useCall';
import classes from './CaseTable.module.css';

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

/** How long the pointer rests on a count before its flags are listed, as the theme's tooltips wait. */
const OPEN_DELAY_MS = 250;

/**
 * The red-flag count of an inbox row; hovering lists the flags. Empty when there are none.
 *
 * The count is a plain span drawn like the theme's light red badge, and the Mantine Tooltip is
 * mounted only while the pointer rests on it: a Badge and a closed Tooltip per row cost a
 * screenful of Mantine style computations and floating-ui hooks on every scroll stop. The hover
 * is tracked on a wrapper that stays mounted, so swapping the badge for its tooltip-wrapped
 * twin never loses the pointer.
 */
export function FlagCell({ caseId, count, label }: { caseId: number; count: number; /** "2 red flags", for screen readers. */ label: string }) {
  const [open, setOpen] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  if (count === 0) return null;
  const badge = (
    <span className={classes.flag} data-testid="flag-count" role="img" aria-label={label}>
      <IconFlagFilled size={10} aria-hidden />
      {count}
    </span>
  );
  return (
    <span
      className={classes.flagHover}
      onMouseEnter={() => {
        clearTimeout(timer.current);
        timer.current = setTimeout(() => setOpen(true), OPEN_DELAY_MS);
      }}
      onMouseLeave={() => {
        clearTimeout(timer.current);
        setOpen(false);
      }}
    >
      {open ? (
        <Tooltip label={<FlagNames caseId={caseId} count={count} />} position="left" opened>
          {badge}
        </Tooltip>
      ) : (
        badge
      )}
    </span>
  );
}
