import { Box, Loader, NavLink, Text, Tooltip } from '@mantine/core';
import { IconAlarm, IconAlertTriangle, IconCalendarWeek, IconFlag, IconFolderOpen, IconHourglass, IconInbox, IconUser } from '@tabler/icons-react';
import { memo, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../lib/format';
import type { ViewCounts } from './useViewCounts';
import { VIEW_KEYS, type ViewKey } from './views';

const ICONS: Record<ViewKey, ComponentType<{ size?: number; stroke?: number }>> = {
  mine: IconUser,
  due_week: IconCalendarWeek,
  overdue: IconAlarm,
  flagged: IconFlag,
  waiting: IconHourglass,
  open: IconFolderOpen,
  all: IconInbox,
};

/** Views whose count is a warning: shown in red when not zero. */
const ALERT_VIEWS: ReadonlySet<ViewKey> = new Set(['overdue']);

/**
 * The saved views with their counts, like a mail client's folders. Memoised, as are the filter bar
 * and the preview: the inbox re-renders each time a page of rows arrives while scrolling.
 */
export const ViewRail = memo(function ViewRail({ view, counts, onChange }: { view: ViewKey | null; counts: ViewCounts; onChange: (view: ViewKey) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <Box component="nav" aria-label={t('views.heading')} p="xs">
      <Text size="xs" fw={600} c="dimmed" px="xs" pb={4} pt={4} tt="uppercase" style={{ letterSpacing: '0.04em' }}>
        {t('views.heading')}
      </Text>
      {VIEW_KEYS.map((key) => {
        const Icon = ICONS[key];
        const count = counts[key];
        return (
          <NavLink
            key={key}
            component="button"
            data-testid={`view-${key}`}
            active={view === key}
            onClick={() => onChange(key)}
            label={t(`views.${key}`)}
            leftSection={<Icon size={16} stroke={1.75} />}
            rightSection={
              count === undefined ? (
                <Loader size={10} type="dots" />
              ) : count === null ? (
                <Tooltip label={t('views.countUnavailable')}>
                  <IconAlertTriangle size={14} color="var(--mantine-color-red-6)" aria-label={t('views.countUnavailable')} />
                </Tooltip>
              ) : (
                <Text
                  component="span"
                  size="xs"
                  className="tabular"
                  fw={ALERT_VIEWS.has(key) && count > 0 ? 700 : undefined}
                  c={ALERT_VIEWS.has(key) && count > 0 ? 'var(--ombud-alert-text)' : view === key ? undefined : 'dimmed'}
                  data-testid={`view-count-${key}`}
                >
                  {formatCount(count, i18n.language)}
                </Text>
              )
            }
            styles={{ root: { borderRadius: 'var(--mantine-radius-sm)', paddingBlock: 5 }, label: { fontSize: 'var(--mantine-font-size-md)' } }}
          />
        );
      })}
    </Box>
  );
});
