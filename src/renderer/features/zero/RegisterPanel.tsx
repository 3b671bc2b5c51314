import { Button, Group, Paper, Select, Table, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { languageSchema, type Market } from '../../../shared/domain/market';
import type { RegisterFormat } from '../../../shared/domain/zero';
import { ErrorState } from '../../components/ErrorState';
import { call, type RpcFailure } from '../../lib/api';
import { todayIn, uiLocale } from '../../lib/format';
import { asRpcFailure, useCall } from '../../lib/useCall';

function saveBase64(fileName: string, base64: string, type: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The complaints register of a year: business-day figures per market, and the CSV and PDF exports. */
export function RegisterPanel({ market }: { market: Market | null }) {
  const { t, i18n } = useTranslation();
  const thisYear = Number(todayIn('SE').slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const figures = useCall('stats:registerFigures', { year, market });
  const [busy, setBusy] = useState<RegisterFormat | null>(null);
  const [error, setError] = useState<RpcFailure | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const locale = uiLocale(i18n.language);
  const pct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const dec = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const language = languageSchema.safeParse(i18n.language.slice(0, 2));

  const download = async (format: RegisterFormat) => {
    setBusy(format);
    setError(null);
    setSaved(null);
    try {
      const file = await call('stats:exportRegister', { year, market, format, language: language.success ? language.data : 'sv' });
      saveBase64(file.fileName, file.base64, file.mediaType);
      setSaved(t('zero.register.saved', { file: file.fileName, count: file.cases }));
    } catch (e) {
      setError(asRpcFailure(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Paper withBorder radius="md" p="md" data-testid="register">
      <Group justify="space-between" mb="sm">
        <div>
          <Title order={2} size="h5">
            {t('zero.register.title')}
          </Title>
          <Text size="xs" c="dimmed">
            {t('zero.register.intro')}
          </Text>
        </div>
        <Group gap="xs">
          <Select
            size="xs"
            w={100}
            value={String(year)}
            onChange={(v) => v && setYear(Number(v))}
            allowDeselect={false}
            data={Array.from({ length: 4 }, (_, k) => String(thisYear - k))}
            aria-label={t('zero.year')}
            data-testid="register-year"
          />
          <Button size="compact-sm" variant="default" leftSection={<IconDownload size={14} />} loading={busy === 'csv'} onClick={() => void download('csv')} data-testid="register-csv">
            CSV
          </Button>
          <Button size="compact-sm" leftSection={<IconDownload size={14} />} loading={busy === 'pdf'} onClick={() => void download('pdf')} data-testid="register-pdf">
            {t('zero.register.pdf')}
          </Button>
        </Group>
      </Group>
      {figures.error && <ErrorState title={t('zero.loadFailed')} error={figures.error} onRetry={figures.reload} />}
      <Table verticalSpacing={4} fz="sm" className="tabular" data-testid="register-figures">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('zero.register.market')}</Table.Th>
            <Table.Th ta="right">{t('zero.register.cases')}</Table.Th>
            <Table.Th ta="right">{t('zero.register.answered')}</Table.Th>
            <Table.Th ta="right">{t('zero.register.within15')}</Table.Th>
            <Table.Th ta="right">{t('zero.register.holding')}</Table.Th>
            <Table.Th ta="right">{t('zero.register.average')}</Table.Th>
            <Table.Th ta="right">{t('zero.register.p90')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(figures.data?.figures ?? []).map((f) => (
            <Table.Tr key={f.market} data-market={f.market}>
              <Table.Td>{t(`market.${f.market}`)}</Table.Td>
              <Table.Td ta="right">{f.cases}</Table.Td>
              <Table.Td ta="right">{f.answered}</Table.Td>
              <Table.Td ta="right">{f.answeredWithin15Share === null ? '—' : `${pct.format(f.answeredWithin15Share)} (${f.answeredWithin15})`}</Table.Td>
              <Table.Td ta="right">{f.holdingReplies}</Table.Td>
              <Table.Td ta="right">{f.averageDaysToDecision === null ? '—' : dec.format(f.averageDaysToDecision)}</Table.Td>
              <Table.Td ta="right">{f.p90DaysToDecision ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed" mt={4}>
        {t('zero.register.note', { asOf: figures.data?.asOf ?? '' })}
      </Text>
      {saved && (
        <Text size="sm" c="teal" role="status" mt={4} data-testid="register-saved">
          {saved}
        </Text>
      )}
      {error && <ErrorState title={t('zero.register.failed')} error={error} />}
    </Paper>
  );
}
