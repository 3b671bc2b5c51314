import type { TFunction } from 'i18next';
import type { Market } from '../../shared/domain/market';
import type { RedFlagView } from '../../shared/domain/review';
import { formatCalendarDate, formatCount } from './format';

/** Calm with time to spare, due soon (1–5 business days), due today, or overdue. */
export type DueTone = 'calm' | 'soon' | 'today' | 'overdue';

export function dueTone(daysLeft: number): DueTone {
  if (daysLeft < 0) return 'overdue';
  if (daysLeft === 0) return 'today';
  if (daysLeft <= 5) return 'soon';
  return 'calm';
}

/** Business days left as a number; overdue with a real minus sign: `−3`. */
export function formatDaysLeft(daysLeft: number, language: string): string {
  const n = formatCount(Math.abs(daysLeft), language);
  return daysLeft < 0 ? `\u2212${n}` : n;
}

function factNumber(flag: RedFlagView, name: string): number | undefined {
  const v = flag.facts[name];
  return typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined;
}

function factString(flag: RedFlagView, name: string): string {
  const v = flag.facts[name];
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

/** The flag's short name, for badges and lists. */
export function flagLabel(t: TFunction, flag: Pick<RedFlagView, 'code'>): string {
  return t(`flags.${flag.code}.label`);
}

/**
 * One line in the user's language that says what the history shows, built from the flag's facts
 * (counts, order references, dates in the market's format), never a bare score.
 */
export function flagExplanation(t: TFunction, flag: RedFlagView, market: Market): string {
  const count = factNumber(flag, 'count') ?? flag.eventIds.length;
  switch (flag.code) {
    case 'repeated_contacts':
    case 'repeated_pauses': {
      const orderRef = factString(flag, 'orderRef');
      return orderRef ? t(`flags.${flag.code}.explainOrder`, { count, orderRef }) : t(`flags.${flag.code}.explain`, { count });
    }
    case 'late_final_answer': {
      const date = (name: string) => {
        const v = factString(flag, name);
        return v ? formatCalendarDate(v, market) : '?';
      };
      return t('flags.late_final_answer.explain', { count: factNumber(flag, 'days') ?? 15, answered: date('answered'), due: date('due') });
    }
    default:
      return t(`flags.${flag.code}.explain`, { count });
  }
}
