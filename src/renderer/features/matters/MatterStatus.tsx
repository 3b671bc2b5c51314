import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Matter } from '../../../shared/domain/authority';
import { DueDays } from '../../components/DueDays';

const OUTCOME_COLOR: Record<NonNullable<Matter['outcome']>, string> = {
  upheld: 'red',
  partly_upheld: 'orange',
  rejected: 'teal',
  dismissed: 'gray',
  written_off: 'gray',
  settled: 'blue',
};

/** Where a matter stands in one glance: days to the authority's deadline, or the outcome. */
export function MatterStatus({ matter }: { matter: Matter }) {
  const { t } = useTranslation();
  if (matter.daysLeft !== null) return <DueDays daysLeft={matter.daysLeft} testId="matter-days-left" />;
  if (matter.outcome) {
    return (
      <Badge size="sm" variant="light" color={OUTCOME_COLOR[matter.outcome]} data-testid="matter-outcome-badge">
        {t(`matters.outcomes.${matter.outcome}`)}
      </Badge>
    );
  }
  return (
    <Badge size="sm" variant="default" data-testid="matter-status-badge">
      {t(`matters.statuses.${matter.status}`)}
    </Badge>
  );
}
