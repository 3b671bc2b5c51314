import { Anchor, Badge, Group, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconCircleCheck, IconFlagFilled } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryEvent } from '../../../shared/domain/history';
import type { Market } from '../../../shared/domain/market';
import type { RedFlagView } from '../../../shared/domain/review';
import { formatDateTime, formatShortDate, formatTime } from '../../lib/format';
import { flagExplanation, flagLabel } from '../../lib/review';
import classes from './CasePanel.module.css';

/** Event links shown per flag before "+n more". */
const MAX_LINKS = 6;

/**
 * The case's red flags as small labelled cards: name, the one-line explanation built from the
 * facts, and links to the events that raised it. Clicking the name marks all its events in the
 * history; a link jumps to one event.
 */
export function RedFlagList({
  flags,
  events,
  market,
  active,
  onSelect,
  onJump,
}: {
  flags: readonly RedFlagView[];
  events: readonly HistoryEvent[];
  market: Market;
  /** Index of the selected flag. */
  active: number | null;
  onSelect: (index: number) => void;
  onJump: (index: number, eventId: number) => void;
}) {
  const { t } = useTranslation();
  const byId = useMemo(() => new Map(events.map((e) => [e.id, e])), [events]);
  if (flags.length === 0) {
    return (
      <Group gap={6} wrap="nowrap" data-testid="red-flags-none">
        <IconCircleCheck size={16} color="var(--mantine-color-teal-text)" aria-hidden />
        <Text size="sm" c="dimmed">
          {t('flags.none')}
        </Text>
      </Group>
    );
  }
  return (
    <Stack gap={6}>
      {flags.map((flag, index) => {
        const label = flagLabel(t, flag);
        const explanation = flagExplanation(t, flag, market);
        const linked = flag.eventIds.filter((id) => byId.has(id));
        // Two events on one day read the same as a date: add the time to tell them apart.
        const days = linked.map((id) => formatShortDate(byId.get(id)!.occurredAt, market));
        const linkLabel = (id: number, i: number) =>
          days.filter((d) => d === days[i]).length > 1 ? `${days[i]} ${formatTime(byId.get(id)!.occurredAt, market)}` : days[i];
        return (
          <div key={`${flag.code}-${index}`} className={classes.flag} data-testid="red-flag" data-code={flag.code} data-active={active === index || undefined}>
            <Tooltip label={`${explanation}. ${t('flags.clickToShow')}`} multiline w={300} position="left" openDelay={300}>
              <UnstyledButton className={classes.flagHead} onClick={() => onSelect(index)} aria-pressed={active === index} data-testid="red-flag-select">
                <IconFlagFilled size={13} className={classes.flagIcon} aria-hidden />
                <Text size="md" fw={600} truncate style={{ flex: 1 }}>
                  {label}
                </Text>
                <Badge size="sm" color="red" variant="light" className="tabular" aria-label={t('flags.eventCount', { count: linked.length })}>
                  {linked.length}
                </Badge>
              </UnstyledButton>
            </Tooltip>
            <Text size="sm" className={classes.flagText} data-testid="red-flag-explanation">
              {explanation}
            </Text>
            {linked.length > 0 && (
              <Group gap={4} mt={4} wrap="wrap">
                {linked.slice(0, MAX_LINKS).map((id, i) => {
                  const event = byId.get(id)!;
                  return (
                    <Anchor
                      key={id}
                      component="button"
                      type="button"
                      size="xs"
                      className={classes.eventLink}
                      onClick={() => onJump(index, id)}
                      data-testid="flag-event-link"
                      data-event-id={id}
                      title={`${t(`eventKind.${event.kind}`)}, ${formatDateTime(event.occurredAt, market)}`}
                    >
                      {linkLabel(id, i)}
                    </Anchor>
                  );
                })}
                {linked.length > MAX_LINKS && (
                  <Anchor component="button" type="button" size="xs" c="dimmed" className="ombud-target" onClick={() => onSelect(index)}>
                    {t('flags.more', { count: linked.length - MAX_LINKS })}
                  </Anchor>
                )}
              </Group>
            )}
          </div>
        );
      })}
    </Stack>
  );
}
