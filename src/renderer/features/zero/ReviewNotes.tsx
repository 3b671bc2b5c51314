import { Button, Group, Paper, Select, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconNotes } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Market } from '../../../shared/domain/market';
import { CAUSES, type Cause } from '../../../shared/domain/zero';
import { ErrorState } from '../../components/ErrorState';
import { MarketBadge } from '../../components/MarketBadge';
import { call, type RpcFailure } from '../../lib/api';
import { todayIn } from '../../lib/format';
import { asRpcFailure, useCall } from '../../lib/useCall';
import { useCauseLabel } from './CausesPanel';

/**
 * The monthly review: what was changed in response to a cause, dated and linked to the month and
 * cause. Notes are append-only; the register's PDF report lists them.
 */
export function ReviewNotes({ market, cause }: { market: Market | null; cause: string | null }) {
  const { t } = useTranslation();
  const label = useCauseLabel();
  // The browser's year only picks the list's range; the form's defaults are main's today.
  const thisYear = Number(todayIn('SE').slice(0, 4));
  const notes = useCall('stats:reviewNotes', { from: `${thisYear - 1}-01`, to: `${thisYear}-12`, market });
  const today = notes.data?.today ?? '';
  const [chosenMonth, setMonth] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [chosenDate, setNotedOn] = useState<string | null>(null);
  const month = chosenMonth ?? today.slice(0, 7);
  const notedOn = chosenDate ?? today;
  const [text, setText] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<RpcFailure | null>(null);
  const noteCause = (chosen ?? cause ?? CAUSES[0]) as Cause;

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      await call('stats:addReviewNote', { month, cause: noteCause, market, notedOn, text });
      setText('');
      notes.reload();
    } catch (e) {
      setError(asRpcFailure(e));
    } finally {
      setSaving(false);
    }
  };

  const list = [...(notes.data?.notes ?? [])].reverse();
  return (
    <Paper withBorder radius="md" p="md" data-testid="review-notes">
      <Group gap="xs" mb={4}>
        <IconNotes size={18} stroke={1.75} aria-hidden />
        <Title order={2} size="h5">
          {t('zero.notes.title')}
        </Title>
      </Group>
      <Text size="xs" c="dimmed" mb="sm">
        {t('zero.notes.intro')}
      </Text>
      <Stack gap="xs">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput type="month" label={t('zero.notes.month')} value={month} onChange={(e) => setMonth(e.currentTarget.value)} w={150} data-testid="note-month" />
          <Select
            label={t('zero.notes.cause')}
            value={noteCause}
            onChange={(v) => setChosen(v)}
            allowDeselect={false}
            searchable
            data={CAUSES.map((c) => ({ value: c, label: label(c) }))}
            w={280}
            data-testid="note-cause"
          />
          <TextInput type="date" label={t('zero.notes.date')} value={notedOn} max={today} onChange={(e) => setNotedOn(e.currentTarget.value)} w={160} data-testid="note-date" />
        </Group>
        <Textarea
          label={t('zero.notes.text')}
          placeholder={t('zero.notes.placeholder')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          autosize
          minRows={2}
          maxRows={6}
          data-testid="note-text"
        />
        <Group>
          <Button size="compact-sm" onClick={() => void save()} loading={saving} disabled={text.trim() === '' || today === ''} data-testid="note-add">
            {t('zero.notes.add')}
          </Button>
          {market && (
            <Text size="xs" c="dimmed">
              {t('zero.notes.forMarket', { market: t(`market.${market}`) })}
            </Text>
          )}
        </Group>
        {error && <ErrorState title={t('zero.notes.failed')} error={error} />}
        {notes.error && <ErrorState title={t('zero.loadFailed')} error={notes.error} onRetry={notes.reload} />}
        {list.length === 0 && notes.data ? (
          <Text size="sm" c="dimmed" ta="center" py="sm" data-testid="notes-empty">
            {t('zero.notes.empty')}
          </Text>
        ) : (
          <Table verticalSpacing={3} fz="sm" data-testid="notes-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={80}>{t('zero.notes.month')}</Table.Th>
                <Table.Th w={220}>{t('zero.notes.cause')}</Table.Th>
                <Table.Th w={60} />
                <Table.Th w={100}>{t('zero.notes.date')}</Table.Th>
                <Table.Th>{t('zero.notes.text')}</Table.Th>
                <Table.Th w={160}>{t('zero.notes.author')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((n) => (
                <Table.Tr key={n.id} data-testid="note-row">
                  <Table.Td className="tabular">{n.month}</Table.Td>
                  <Table.Td>{label(n.cause)}</Table.Td>
                  <Table.Td>{n.market ? <MarketBadge market={n.market} tooltip={false} /> : <Text size="xs" c="dimmed">{t('zero.allShort')}</Text>}</Table.Td>
                  <Table.Td className="tabular">{n.notedOn}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{n.text}</Table.Td>
                  <Table.Td>{n.author}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
