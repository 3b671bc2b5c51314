import { Badge, type BadgeProps, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseStatus } from '../../shared/domain/case';

/** Calm colours early in the workflow, warm while waiting on someone, green once decided, grey when closed. */
export const STATUS_COLORS: Record<CaseStatus, MantineColor> = {
  received: 'blue',
  acknowledged: 'cyan',
  in_review: 'indigo',
  waiting_for_customer: 'orange',
  decision_drafted: 'grape',
  decision_issued: 'teal',
  closed: 'gray',
};

export function StatusBadge({ status, ...rest }: { status: CaseStatus } & Omit<BadgeProps, 'color' | 'children'>) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} data-status={status} {...rest}>
      {t(`status.${status}`)}
    </Badge>
  );
}
