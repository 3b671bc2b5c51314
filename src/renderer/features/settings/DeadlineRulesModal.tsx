import { refusalText } from '../../lib/refusalText';
import { Alert, Badge, Button, Checkbox, Group, Modal, NumberInput, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconLock } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEADLINE_KIND_RULES, type DeadlinePolicies, type DeadlinePolicySetting } from '../../../shared/domain/deadline-policy';
import { MARKETS, type Market } from '../../../shared/domain/market';
import { DEADLINE_KINDS } from '../../../shared/domain/review';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { call } from '../../lib/api';
import { formatCount, formatUiDateTime } from '../../lib/format';
import { useSession } from '../../lib/session';
import { asRpcFailure, useCall } from '../../lib/useCall';

type View = ChannelOutput<'settings:deadlinePolicies'>;
type Kind = (typeof DEADLINE_KINDS)[number];

/** One editable row: whether the clock runs in this market, and its lengths. */
interface Row {
  kind: Kind;
  on: boolean;
  businessDays: number | string;
  extendedDays: number | string;
}

function toRows(policies: DeadlinePolicies, market: Market): Row[] {
  return DEADLINE_KINDS.filter((kind) => DEADLINE_KIND_RULES[kind].markets.includes(market)).map((kind) => {
    const p = policies[market].find((x) => x.kind === kind);
    const fallback = DEADLINE_KIND_RULES[kind];
    return { kind, on: p !== undefined, businessDays: p?.businessDays ?? Math.min(10, fallback.maxDays), extendedDays: p?.extendedDays ?? fallback.maxExtendedDays ?? '' };
  });
}

function fromRows(rows: Record<Market, Row[]>): DeadlinePolicies {
  const pick = (market: Market): DeadlinePolicySetting[] =>
    rows[market]
      .filter((r) => r.on)
      .map((r) => ({
        kind: r.kind,
        businessDays: Number(r.businessDays),
        ...(DEADLINE_KIND_RULES[r.kind].maxExtendedDays !== undefined && r.extendedDays !== '' ? { extendedDays: Number(r.extendedDays) } : {}),
      }));
  return { SE: pick('SE'), DK: pick('DK') };
}

/**
 * The deadline rules per market. Everyone can read them; the ombudsman can change the lengths
 * within what the law allows. Saving recomputes every stored deadline in the background.
 */
export function DeadlineRulesModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const loaded = useCall('settings:deadlinePolicies', opened ? {} : null);
  return (
    <Modal closeButtonProps={{ 'aria-label': t('app.close') }} opened={opened} onClose={onClose} title={<Title order={2} size="h4">{t('deadlineRules.title')}</Title>} size="xl" data-testid="deadline-rules">
      {loaded.error && (
        <Alert color="red" icon={<IconAlertTriangle size={16} />}>
          {refusalText(t, loaded.error)}
        </Alert>
      )}
      {loaded.data && <RulesEditor initial={loaded.data} onClose={onClose} />}
    </Modal>
  );
}

function RulesEditor({ initial, onClose }: { initial: View; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const canEdit = user.role === 'ombudsman';
  const [current, setView] = useState<View>(initial);
  const [rows, setRows] = useState<Record<Market, Row[]>>(() => ({ SE: toRows(initial.policies, 'SE'), DK: toRows(initial.policies, 'DK') }));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  // While stored deadlines are recomputed, show the progress.
  const running = current.recompute.running;
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      void call('settings:deadlinePolicies', {}).then(setView, () => undefined);
    }, 1000);
    return () => clearInterval(timer);
  }, [running]);

  const update = (market: Market, kind: Kind, change: Partial<Row>) =>
    setRows((r) => ({ ...r, [market]: r[market].map((row) => (row.kind === kind ? { ...row, ...change } : row)) }));

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      const next = await call('settings:setDeadlinePolicies', { policies: fromRows(rows), baseRevision: current.revision });
      setView(next);
      setRows({ SE: toRows(next.policies, 'SE'), DK: toRows(next.policies, 'DK') });
    } catch (failure) {
      setError(refusalText(t, asRpcFailure(failure)));
    } finally {
      setSaving(false);
    }
  };

  const dirty = JSON.stringify(fromRows(rows)) !== JSON.stringify(current.policies);

  return (
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('deadlineRules.intro')}
        </Text>
        {MARKETS.map((market) => (
            <div key={market}>
              <Text fw={600} size="sm" mb={4}>
                {t(`market.${market}`)}
              </Text>
              <Table withTableBorder verticalSpacing={6} data-testid={`deadline-rules-${market}`}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('deadlineRules.clock')}</Table.Th>
                    <Table.Th w={150}>{t('deadlineRules.businessDays')}</Table.Th>
                    <Table.Th w={170}>{t('deadlineRules.extendedDays')}</Table.Th>
                    <Table.Th>{t('deadlineRules.behaviour')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows[market].map((row) => {
                    const rule = DEADLINE_KIND_RULES[row.kind];
                    return (
                      <Table.Tr key={row.kind} data-testid={`rule-${market}-${row.kind}`}>
                        <Table.Td>
                          {rule.required ? (
                          <Group gap={8} wrap="nowrap">
                            <IconLock size={16} stroke={1.75} aria-hidden color="var(--mantine-color-dimmed)" />
                            <Text size="sm">{t(`deadline.kind.${row.kind}`)}</Text>
                            <Badge size="xs" variant="light" color="gray">
                              {t('deadlineRules.byLaw')}
                            </Badge>
                          </Group>
                        ) : (
                          <Checkbox
                            label={t(`deadline.kind.${row.kind}`)}
                            checked={row.on}
                            disabled={!canEdit}
                            onChange={(e) => update(market, row.kind, { on: e.currentTarget.checked })}
                            data-testid={`rule-${market}-${row.kind}-on`}
                          />
                        )}
                        </Table.Td>
                        <Table.Td>
                          <NumberInput
                            size="xs"
                            min={1}
                            max={rule.maxDays}
                            clampBehavior="none"
                            allowDecimal={false}
                            value={row.businessDays}
                            disabled={!canEdit || !row.on}
                            onChange={(v) => update(market, row.kind, { businessDays: v })}
                            aria-label={`${t(`deadline.kind.${row.kind}`)}: ${t('deadlineRules.businessDays')}`}
                            description={t('deadlineRules.max', { days: rule.maxDays })}
                            data-testid={`rule-${market}-${row.kind}-days`}
                          />
                        </Table.Td>
                        <Table.Td>
                          {rule.maxExtendedDays !== undefined ? (
                            <NumberInput
                              size="xs"
                              min={1}
                              max={rule.maxExtendedDays}
                              clampBehavior="none"
                              allowDecimal={false}
                              value={row.extendedDays}
                              disabled={!canEdit || !row.on}
                              onChange={(v) => update(market, row.kind, { extendedDays: v })}
                              aria-label={`${t(`deadline.kind.${row.kind}`)}: ${t('deadlineRules.extendedDays')}`}
                              description={t('deadlineRules.max', { days: rule.maxExtendedDays })}
                              data-testid={`rule-${market}-${row.kind}-extended`}
                            />
                          ) : (
                            <Text size="xs" c="dimmed">
                              —
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Group gap={4}>
                            <Badge size="xs" variant="light" color={rule.pausable ? 'blue' : 'gray'}>
                              {rule.pausable ? t('deadlineRules.pauses') : t('deadlineRules.neverPauses')}
                            </Badge>
                            <Badge size="xs" variant="outline" color="gray">
                              {t(`deadlineRules.metBy.${rule.metBy}`)}
                            </Badge>
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </div>
          ))}
        {current.recompute.running && current.recompute.total > 0 && (
          <Stack gap={4} data-testid="deadline-recompute">
            <Text size="xs">
              {t('deadlineRules.recomputing', { done: formatCount(current.recompute.done, i18n.language), total: formatCount(current.recompute.total, i18n.language) })}
            </Text>
            <Progress value={current.recompute.total > 0 ? (100 * current.recompute.done) / current.recompute.total : 0} size="sm" animated />
          </Stack>
        )}
        {error && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />} role="alert" data-testid="deadline-rules-error">
            {error}
          </Alert>
        )}
        <Group justify="space-between" align="center">
          <Text size="xs" c="dimmed" data-testid="deadline-rules-changed">
            {current.updatedBy && current.updatedAt
              ? t('deadlineRules.changedBy', { name: current.updatedBy, at: formatUiDateTime(current.updatedAt, i18n.language) })
              : t('deadlineRules.defaults')}
          </Text>
          <Group gap="xs">
            {canEdit && (
              <Button
                variant="subtle"
                size="xs"
                onClick={() => setRows({ SE: toRows(current.defaults, 'SE'), DK: toRows(current.defaults, 'DK') })}
                data-testid="deadline-rules-defaults"
              >
                {t('deadlineRules.resetDefaults')}
              </Button>
            )}
            <Button variant="default" size="xs" onClick={onClose}>
              {t('deadlineRules.close')}
            </Button>
            {canEdit ? (
              <Button size="xs" onClick={() => void save()} loading={saving} disabled={!dirty} data-testid="deadline-rules-save">
                {t('deadlineRules.save')}
              </Button>
            ) : (
              <Text size="xs" c="dimmed">
                {t('deadlineRules.readOnly')}
              </Text>
            )}
          </Group>
        </Group>
      </Stack>
  );
}
