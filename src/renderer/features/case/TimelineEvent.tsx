import { displayFileName } from '../../../shared/files/display-name';
import { Anchor, Badge, Group, Text, Tooltip } from '@mantine/core';
import { IconFlagFilled, IconPaperclip } from '@tabler/icons-react';
import { memo, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_STATUSES } from '../../../shared/domain/case';
import type { HistoryEvent } from '../../../shared/domain/history';
import type { Market } from '../../../shared/domain/market';
import type { RedFlagView } from '../../../shared/domain/review';
import { Marked } from '../../components/Marked';
import { highlightParts, matchesAllWords } from '../../lib/fold';
import { formatDateTime, formatFileSize, formatMarketMoney, formatTime } from '../../lib/format';
import { historyBody } from '../../../shared/domain/history-wording';
import { historyText } from '../../lib/historyText';
import { flagLabel } from '../../lib/review';
import { DIRECTION_ICONS, SourceIcon } from './SourceIcon';
import classes from './Timeline.module.css';

/** Bodies longer than this many lines (or characters) start collapsed to three lines. */
const COLLAPSE_LINES = 3;
const COLLAPSE_CHARS = 280;
const NO_WORDS: readonly string[] = [];

/** Used when the browser cannot measure (tests) or before the first layout. */
export function isLongBody(body: string): boolean {
  return body.split('\n').length > COLLAPSE_LINES || body.length > COLLAPSE_CHARS;
}

function isCaseStatus(value: string): value is (typeof CASE_STATUSES)[number] {
  return (CASE_STATUSES as readonly string[]).includes(value);
}

/** One event of the history: source, direction, time, actor, what happened and the full text on demand. */
export const TimelineEvent = memo(function TimelineEvent({
  event,
  market,
  expanded: expandedByUser,
  onToggle,
  words = NO_WORDS,
  flags,
  highlighted = false,
}: {
  event: HistoryEvent;
  market: Market;
  expanded: boolean;
  onToggle: (id: number) => void;
  /** Folded search words to highlight; a body that matches opens. */
  words?: readonly string[];
  /** The red flags this event raised. */
  flags?: readonly RedFlagView['code'][];
  /** Marked (a selected red flag's event, a search hit). */
  highlighted?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const bodyRef = useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = useState<boolean | null>(null);
  const DirectionIcon = DIRECTION_ICONS[event.direction];
  const { data } = event;
  // A search that matches inside the body opens it, so the match is on screen.
  const bodyMatches = words.length > 0 && event.body !== '' && words.some((w) => matchesAllWords([event.body], [w]));
  const expanded = expandedByUser || bodyMatches;

  // Measure whether the clamped body hides text; where there is no layout, fall back to its length.
  useLayoutEffect(() => {
    const el = bodyRef.current;
    if (!el || expanded) return;
    if (el.clientHeight > 0) setOverflows(el.scrollHeight > el.clientHeight + 1);
  }, [event.body, expanded]);
  // What Ombud wrote is worded from the event's kind and facts, in the reader's language.
  const summary = historyText(t, event);
  // A note's first line is its summary; a body that only repeats the summary is not shown twice.
  const body = event.body.trim() === event.summary.trim() ? '' : historyBody(event);
  const collapsible = body !== '' && !bodyMatches && (overflows ?? isLongBody(body));
  const mark = (text: string) => (words.length > 0 ? <Marked parts={highlightParts(text, words)} /> : text);

  const facts: ReactNode[] = [];
  if (data.orderRef) facts.push(t('timeline.facts.orderRef', { ref: data.orderRef }));
  if (data.promise) facts.push(t(`promise.${data.promise}`));
  if (data.pauseDays !== undefined) facts.push(t('timeline.facts.pauseDays', { count: data.pauseDays }));
  if (data.outcome) facts.push(t(`outcome.${data.outcome}`));
  if (data.technicalError) facts.push(t('timeline.facts.technicalError'));
  if (data.fromStatus && data.toStatus && event.kind !== 'status_change') {
    const label = (s: string) => (isCaseStatus(s) ? t(`status.${s}`) : s);
    facts.push(t('timeline.facts.statusChange', { from: label(data.fromStatus), to: label(data.toStatus) }));
  }
  if (data.agent && data.agent !== event.actor) facts.push(t('timeline.facts.agent', { agent: data.agent }));
  // Mail whose Date header was not believed: the header as the sender wrote it.
  if (data.dateHeader && data.receivedFrom && data.receivedFrom !== 'date') facts.push(t('mail.dateHeaderNotUsed', { date: data.dateHeader }));
  if (data.charsetGuessed) facts.push(t('mail.charsetGuessed'));

  return (
    <article
      className={classes.event}
      data-testid="timeline-event"
      data-event-id={event.id}
      data-source={event.source}
      data-kind={event.kind}
      data-flagged={flags && flags.length > 0 ? true : undefined}
      data-highlighted={highlighted || undefined}
      tabIndex={0}
      aria-label={`${t(`eventKind.${event.kind}`)}, ${formatDateTime(event.occurredAt, market)}`}
      aria-expanded={collapsible ? expanded : undefined}
    >
      <Tooltip label={formatDateTime(event.occurredAt, market)}>
        <time className={classes.time} dateTime={event.occurredAt}>
          {formatTime(event.occurredAt, market)}
        </time>
      </Tooltip>
      <div className={classes.rail}>
        <SourceIcon source={event.source} label={t(`source.${event.source}`)} />
      </div>
      <div className={classes.content}>
        <Group gap={6} wrap="nowrap" justify="space-between" align="baseline">
          <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }} align="center">
            <Text fw={600} size="md" truncate>
              {t(`eventKind.${event.kind}`)}
            </Text>
            <Tooltip label={t(`direction.${event.direction}`)}>
              <Group gap={2} wrap="nowrap" c="dimmed" style={{ flex: "none" }} role="img" aria-label={t(`direction.${event.direction}`)} data-direction={event.direction}>
                <DirectionIcon size={14} stroke={2} aria-hidden />
              </Group>
            </Tooltip>
            <Text size="sm" c="dimmed" truncate>
              {event.actor}
            </Text>
            {flags && flags.length > 0 && (
              <Tooltip label={flags.map((code) => flagLabel(t, { code })).join(' · ')}>
                <span className={classes.flagMarker} data-testid="event-flag-marker" role="img" aria-label={t('timeline.raisedFlags', { flags: flags.map((code) => flagLabel(t, { code })).join(', ') })}>
                  <IconFlagFilled size={12} aria-hidden />
                </span>
              </Tooltip>
            )}
          </Group>
          {data.amount && (
            <Text className={classes.amount} size="md" data-testid="event-amount">
              {formatMarketMoney(data.amount, market)}
            </Text>
          )}
        </Group>
        {summary && (
          <Text size="md" mt={1} data-testid="event-summary">
            {mark(summary)}
          </Text>
        )}
        {body && (
          <>
            <Text
              ref={bodyRef}
              className={classes.body}
              mt={4}
              lineClamp={expanded ? undefined : COLLAPSE_LINES}
              data-testid="event-body"
              data-collapsed={collapsible && !expanded ? true : undefined}
            >
              {mark(body)}
            </Text>
            {collapsible && (
              <Anchor component="button" type="button" size="sm" onClick={() => onToggle(event.id)} data-testid="event-toggle">
                {expanded ? t('timeline.showLess') : t('timeline.showMore')}
              </Anchor>
            )}
          </>
        )}
        {facts.length > 0 && (
          <Group gap={4} mt={6}>
            {facts.map((fact, i) => (
              <Badge key={i} variant="default" size="sm" fw={500}>
                {fact}
              </Badge>
            ))}
          </Group>
        )}
        {event.attachments.length > 0 && (
          <Group gap="xs" mt={6} role="group" aria-label={t('timeline.attachments')}>
            {event.attachments.map((a) => (
              <Group key={a.id} gap={4} wrap="nowrap" data-testid="event-attachment">
                <IconPaperclip size={13} stroke={1.75} color="var(--mantine-color-dimmed)" aria-hidden />
                <Text size="sm" title={a.mediaType}>
                  {displayFileName(a.fileName)}
                </Text>
                <Text size="xs" c="dimmed" className="tabular">
                  {formatFileSize(a.size, i18n.language)}
                </Text>
              </Group>
            ))}
          </Group>
        )}
      </div>
    </article>
  );
});
