import { ActionIcon, Button, Checkbox, Chip, Group, Popover, Select, Stack, Text, Tooltip } from '@mantine/core';
import { IconChevronDown, IconFilterOff, IconFlag, IconLayoutSidebarRight, IconLayoutSidebarRightCollapse, IconRefresh } from '@tabler/icons-react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_STATUSES, CATEGORIES, type CaseStatus, type Category } from '../../../shared/domain/case-values';
import { MARKETS, type Market } from '../../../shared/domain/market-info';
import { StatusBadge } from '../../components/StatusBadge';
import { formatCount } from '../../lib/format';
import type { DueFilter, InboxFilters } from './views';

export const NO_FILTERS: InboxFilters = { status: [], market: null, category: null, due: null, flagged: false };

export function hasFilters(f: InboxFilters): boolean {
  return f.status.length > 0 || f.market !== null || f.category !== null || f.due !== null || f.flagged;
}

const DUE_FILTERS: DueFilter[] = ['this_week', 'overdue'];

/** Status, market, category, deadline and red-flag filters, the number of matching cases, refresh and the preview toggle. */
export const FilterBar = memo(function FilterBar({
  filters,
  onChange,
  total,
  onRefresh,
  preview,
  onTogglePreview,
}: {
  filters: InboxFilters;
  onChange: (filters: InboxFilters) => void;
  total: number | null;
  onRefresh: () => void;
  preview: boolean;
  onTogglePreview: () => void;
}) {
  const { t, i18n } = useTranslation();
  const statusLabel =
    filters.status.length === 0
      ? t('inbox.filter.statusPlaceholder')
      : filters.status.length === 1 && filters.status[0]
        ? t(`status.${filters.status[0]}`)
        : `${t('inbox.filter.status')} (${filters.status.length})`;

  return (
    <Group gap="xs" px="md" py={6} wrap="nowrap" data-testid="filter-bar" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
      <Popover position="bottom-start" shadow="md" trapFocus>
        <Popover.Target>
          <Button
            variant={filters.status.length > 0 ? 'light' : 'default'}
            rightSection={<IconChevronDown size={14} />}
            aria-label={t('inbox.filter.status')}
            data-testid="filter-status"
            w={150}
            fw={400}
            justify="space-between"
            styles={{ label: { overflow: 'hidden', textOverflow: 'ellipsis' } }}
          >
            {statusLabel}
          </Button>
        </Popover.Target>
        <Popover.Dropdown p="sm">
          <Checkbox.Group
            label={t('inbox.filter.status')}
            value={filters.status}
            onChange={(value) => onChange({ ...filters, status: CASE_STATUSES.filter((s) => value.includes(s)) })}
          >
            <Stack gap={8} mt={6}>
              {CASE_STATUSES.map((s: CaseStatus) => (
                <Checkbox key={s} value={s} size="xs" label={<StatusBadge status={s} size="sm" />} />
              ))}
            </Stack>
          </Checkbox.Group>
        </Popover.Dropdown>
      </Popover>
      <Select
        aria-label={t('inbox.filter.market')}
        placeholder={t('inbox.filter.marketPlaceholder')}
        data={MARKETS.map((m) => ({ value: m, label: `${m} · ${t(`market.${m}`)}` }))}
        value={filters.market}
        onChange={(v) => onChange({ ...filters, market: (v as Market | null) ?? null })}
        clearable
        w={132}
        data-testid="filter-market"
        comboboxProps={{ width: 180, position: 'bottom-start' }}
      />
      <Select
        aria-label={t('inbox.filter.category')}
        placeholder={t('inbox.filter.categoryPlaceholder')}
        data={CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))}
        value={filters.category}
        onChange={(v) => onChange({ ...filters, category: (v as Category | null) ?? null })}
        clearable
        w={180}
        data-testid="filter-category"
        comboboxProps={{ width: 240, position: 'bottom-start' }}
        maxDropdownHeight={360}
      />
      <Select
        aria-label={t('inbox.filter.due')}
        placeholder={t('inbox.filter.duePlaceholder')}
        data={DUE_FILTERS.map((d) => ({ value: d, label: t(`inbox.filter.dueOptions.${d}`) }))}
        value={filters.due}
        onChange={(v) => onChange({ ...filters, due: DUE_FILTERS.find((d) => d === v) ?? null })}
        clearable
        w={150}
        data-testid="filter-due"
        comboboxProps={{ width: 200, position: 'bottom-start' }}
      />
      <Chip
        checked={filters.flagged}
        onChange={(checked) => onChange({ ...filters, flagged: checked })}
        variant="outline"
        color="red"
        icon={<IconFlag size={12} />}
        wrapperProps={{ 'data-testid': 'filter-flagged', 'data-checked': filters.flagged || undefined }}
        styles={{ label: { whiteSpace: 'nowrap' } }}
      >
        {t('inbox.filter.flagged')}
      </Chip>
      {hasFilters(filters) && (
        <Button variant="subtle" color="gray" leftSection={<IconFilterOff size={14} />} onClick={() => onChange(NO_FILTERS)}>
          {t('inbox.filter.clear')}
        </Button>
      )}
      <Text size="sm" c="dimmed" ml="auto" className="tabular" data-testid="case-count" style={{ whiteSpace: 'nowrap' }}>
        {total === null ? t('app.loading') : t('inbox.total', { count: total, n: formatCount(total, i18n.language) })}
      </Text>
      <Tooltip label={t('inbox.refresh')}>
        <ActionIcon onClick={onRefresh} aria-label={t('inbox.refresh')}>
          <IconRefresh size={16} stroke={1.75} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label={preview ? t('inbox.preview.hide') : t('inbox.preview.show')}>
        <ActionIcon onClick={onTogglePreview} aria-label={preview ? t('inbox.preview.hide') : t('inbox.preview.show')} aria-pressed={preview}>
          {preview ? <IconLayoutSidebarRightCollapse size={16} stroke={1.75} /> : <IconLayoutSidebarRight size={16} stroke={1.75} />}
        </ActionIcon>
      </Tooltip>
    </Group>
  );
});
