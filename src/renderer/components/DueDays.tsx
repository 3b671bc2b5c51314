import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { dueTone, formatDaysLeft } from '../lib/review';

/** "3 business days left", "Due today", "2 business days overdue". */
export function daysLeftWords(t: TFunction, daysLeft: number): string {
  if (daysLeft < 0) return t('deadline.overdueBy', { count: -daysLeft });
  if (daysLeft === 0) return t('deadline.dueToday');
  return t('deadline.daysLeft', { count: daysLeft });
}

/**
 * Business days left as a number on a colour scale: calm, due soon (1–5), due today (0), overdue
 * (negative, red). The tone is also a class and a data attribute, so it never depends on colour alone
 * for tests or assistive technology (`aria-label` says it in words).
 */
export function DueDays({ daysLeft, title, label, testId = 'due-days' }: { daysLeft: number; title?: string; label?: string; testId?: string }) {
  const { t, i18n } = useTranslation();
  return <DueDaysText daysLeft={daysLeft} title={title} words={daysLeftWords(t, daysLeft)} label={label ?? formatDaysLeft(daysLeft, i18n.language)} testId={testId} />;
}

/**
 * DueDays without a hook of its own, given its words and label: the inbox mounts a screenful of
 * these on every scroll stop, and one `useTranslation` per row was a measurable share of each
 * stop's long task.
 */
export function DueDaysText({ daysLeft, title, words, label, testId = 'due-days' }: { daysLeft: number; title?: string; words: string; label: string; testId?: string }) {
  const tone = dueTone(daysLeft);
  return (
    <span className={`ombud-due ombud-due--${tone}`} role="img" data-tone={tone} data-testid={testId} title={title} aria-label={title ? `${words}. ${title}` : words}>
      {label}
    </span>
  );
}
