import { Badge, Group, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconPlayerPause, IconScale } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Market } from '../../../shared/domain/market';
import type { CustomerWindow, DeadlineView } from '../../../shared/domain/review';
import { DueDays, daysLeftWords } from '../../components/DueDays';
import { formatCalendarDate } from '../../lib/format';
import classes from './CasePanel.module.css';

/** Each clock of the case: what it is, when it falls due, how many business days are left, and its state. */
export function DeadlineList({ deadlines, windows = [], market }: { deadlines: readonly DeadlineView[]; windows?: readonly CustomerWindow[]; market: Market }) {
  const { t } = useTranslation();
  if (deadlines.length === 0 && windows.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('deadline.none')}
      </Text>
    );
  }
  return (
    <Stack gap={2}>
      {deadlines.map((d) => {
        const notes: string[] = [];
        if (d.extended) notes.push(t('deadline.extended'));
        if (d.pausedDays > 0 && !d.paused) notes.push(t('deadline.pausedDays', { count: d.pausedDays }));
        return (
          <div key={d.kind} className={classes.deadline} data-testid="deadline" data-kind={d.kind} data-due={d.dueDate ?? undefined} data-met={d.metOn ? (d.metLate ? 'late' : 'on_time') : undefined}>
            <Group justify="space-between" gap="xs" wrap="nowrap" align="center">
              <Text size="md" fw={600} truncate>
                {t(`deadline.kind.${d.kind}`)}
              </Text>
              {d.metOn ? (
                <Badge color={d.metLate ? 'red' : 'teal'} variant="light" size="sm" leftSection={<IconCircleCheck size={12} />} data-testid="deadline-state">
                  {d.metLate ? t('deadline.metLate') : t('deadline.metOnTime')}
                </Badge>
              ) : d.paused ? (
                <Badge color="orange" variant="light" size="sm" leftSection={<IconPlayerPause size={12} />} data-testid="deadline-state">
                  {t('deadline.paused')}
                </Badge>
              ) : d.daysLeft !== null ? (
                <DueDays daysLeft={d.daysLeft} label={daysLeftWords(t, d.daysLeft)} />
              ) : null}
            </Group>
            <Text size="sm" c="dimmed" className="tabular">
              {d.metOn
                ? t('deadline.metOn', { due: d.dueDate ? formatCalendarDate(d.dueDate, market) : '—', met: formatCalendarDate(d.metOn, market) })
                : d.paused
                  ? t('deadline.pausedSince', { count: d.pausedDays })
                  : d.dueDate
                    ? t('deadline.dueOn', { date: formatCalendarDate(d.dueDate, market) })
                    : '—'}
              {notes.length > 0 && ` · ${notes.join(' · ')}`}
            </Text>
          </div>
        );
      })}
      {windows.map((w) => (
        <CustomerWindowRow key={`${w.kind}-${w.decisionId}`} window={w} market={market} />
      ))}
    </Stack>
  );
}

/** The customer's own window after the decision: shown beside the clocks, never counted as the company's deadline. */
function CustomerWindowRow({ window: w, market }: { window: CustomerWindow; market: Market }) {
  const { t } = useTranslation();
  const open = w.daysLeft >= 0;
  const date = formatCalendarDate(w.endsOn, market);
  return (
    <div className={classes.deadline} data-testid="customer-window" data-kind={w.kind} data-ends={w.endsOn} title={t('deadline.customerSide')}>
      <Group justify="space-between" gap="xs" wrap="nowrap" align="center">
        <Group gap={6} wrap="nowrap">
          <IconScale size={15} aria-hidden />
          <Text size="md" fw={600} truncate>
            {t('deadline.arnWindow')}
          </Text>
        </Group>
        <Badge color={open ? 'blue' : 'gray'} variant="light" size="sm" className="tabular">
          {open ? t('deadline.calendarDaysLeft', { count: w.daysLeft }) : t('deadline.windowClosed')}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed" className="tabular">
        {open ? t('deadline.arnWindowOpen', { date }) : t('deadline.arnWindowClosed', { date })}
      </Text>
    </div>
  );
}
