import { asRpcFailure } from '../../lib/useCall';
import { refusalText } from '../../lib/refusalText';
import { Alert, Badge, Button, Checkbox, Group, Paper, Progress, ScrollArea, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconFileImport, IconUpload } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportKind, ImportRun } from '../../../shared/domain/import';
import { call } from '../../lib/api';
import { formatCount } from '../../lib/format';
import { useSession } from '../../lib/session';
import { uploadFile } from '../../lib/upload';

const ACCEPT: Record<ImportKind, string> = {
  cases: '.jsonl,.json,application/x-ndjson',
  mail: '.eml,.mbox,message/rfc822,application/mbox',
  monthly: '.csv,text/csv',
};

type Phase = { name: 'idle' } | { name: 'uploading'; fraction: number; fileName: string } | { name: 'running'; run: ImportRun } | { name: 'finished'; run: ImportRun };

/**
 * Import: cases (case exchange JSON Lines), mail (.eml, mbox) and monthly figures (CSV), by file
 * picker or drag and drop. The file goes to main as an upload; the import runs in the background
 * while this screen polls its progress, then shows what was stored and every rejected line.
 */
export function ImportScreen({ onDone }: { onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const [kind, setKind] = useState<ImportKind>('cases');
  const [partial, setPartial] = useState(false);
  const [replace, setReplace] = useState(false);
  const [phase, setPhase] = useState<Phase>({ name: 'idle' });
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const busy = phase.name === 'uploading' || phase.name === 'running';
  const mayImport = user.role !== 'auditor';

  const start = useCallback(
    async (file: File) => {
      setError(null);
      setPhase({ name: 'uploading', fraction: 0, fileName: file.name });
      const uploaded = await uploadFile(file, (fraction) => setPhase({ name: 'uploading', fraction, fileName: file.name }));
      if (!uploaded.ok) {
        setError(refusalText(t, uploaded.error));
        setPhase({ name: 'idle' });
        return;
      }
      try {
        const { runId } = await call('import:start', { uploadId: uploaded.data.uploadId, kind, partial, replace });
        setPhase({ name: 'running', run: { runId, kind, fileName: file.name, state: 'running', fraction: 0, handled: 0, result: null, error: null } });
      } catch (e) {
        setError(refusalText(t, asRpcFailure(e)));
        setPhase({ name: 'idle' });
      }
    },
    [kind, partial, replace, t],
  );

  // Polls the running import; the work itself runs in main, so the window never waits on it.
  const runId = phase.name === 'running' ? phase.run.runId : null;
  useEffect(() => {
    if (!runId) return;
    let live = true;
    const tick = async () => {
      try {
        const run = await call('import:status', { runId });
        if (!live) return;
        if (run.state === 'running') {
          setPhase({ name: 'running', run });
          timer = window.setTimeout(() => void tick(), 250);
        } else {
          setPhase({ name: 'finished', run });
        }
      } catch (e) {
        if (live) {
          setError(refusalText(t, asRpcFailure(e)));
          setPhase({ name: 'idle' });
        }
      }
    };
    let timer = window.setTimeout(() => void tick(), 150);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [runId, t]);

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    if (busy || !mayImport) return;
    const file = e.dataTransfer.files[0];
    if (file) void start(file);
  };

  const result = phase.name === 'finished' ? phase.run.result : null;
  const count = (n: number) => formatCount(n, i18n.language);

  return (
    <ScrollArea h="100%">
      <Stack maw={920} mx="auto" p="lg" gap="md" data-testid="import-screen">
        <Group justify="space-between">
          <Title order={2} size="h3">
            {t('import.title')}
          </Title>
          <Button variant="subtle" onClick={onDone}>
            {t('nav.backToInbox')}
          </Button>
        </Group>

        <SegmentedControl
          value={kind}
          onChange={(v) => setKind(v as ImportKind)}
          disabled={busy}
          data={[
            { value: 'cases', label: t('import.kind.cases') },
            { value: 'mail', label: t('import.kind.mail') },
            { value: 'monthly', label: t('import.kind.monthly') },
          ]}
          data-testid="import-kind"
        />
        <Text size="sm" c="dimmed">
          {t(`import.help.${kind}`)}
        </Text>

        {kind === 'cases' && (
          <Checkbox
            checked={partial}
            onChange={(e) => setPartial(e.currentTarget.checked)}
            disabled={busy}
            label={t('import.partial')}
            description={t('import.partialHint')}
            data-testid="import-partial"
          />
        )}
        {kind === 'monthly' && (
          <Checkbox checked={replace} onChange={(e) => setReplace(e.currentTarget.checked)} disabled={busy} label={t('import.replace')} description={t('import.replaceHint')} />
        )}

        <Paper
          withBorder
          p="xl"
          radius="md"
          onDragOver={(e) => {
            e.preventDefault();
            if (!busy && mayImport) setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          style={{ borderStyle: 'dashed', borderWidth: 2, borderColor: dragging ? 'var(--mantine-primary-color-filled)' : undefined, background: dragging ? 'var(--mantine-primary-color-light)' : undefined }}
          data-testid="import-dropzone"
        >
          <Stack align="center" gap="sm">
            <IconFileImport size={36} stroke={1.5} color="var(--mantine-color-dimmed)" aria-hidden />
            <Text size="sm">{mayImport ? t('import.drop') : t('import.auditorMayNot')}</Text>
            <Button leftSection={<IconUpload size={16} />} onClick={() => inputRef.current?.click()} disabled={busy || !mayImport} data-testid="import-choose">
              {t('import.choose')}
            </Button>
            <input
              ref={inputRef}
              type="file"
              accept={ACCEPT[kind]}
              hidden
              data-testid="import-file-input"
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                e.currentTarget.value = '';
                if (file) void start(file);
              }}
            />
          </Stack>
        </Paper>

        {phase.name === 'uploading' && (
          <Stack gap={4} data-testid="import-progress">
            <Text size="sm">{t('import.uploading', { file: phase.fileName })}</Text>
            <Progress value={phase.fraction * 100} animated />
          </Stack>
        )}
        {phase.name === 'running' && (
          <Stack gap={4} data-testid="import-progress">
            <Text size="sm">{t(`import.running.${phase.run.kind}`, { file: phase.run.fileName, count: phase.run.handled, n: count(phase.run.handled) })}</Text>
            <Progress value={(phase.run.fraction ?? 0) * 100} animated striped />
          </Stack>
        )}

        {error && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={t('import.failed')} role="alert">
            {error}
          </Alert>
        )}
        {phase.name === 'finished' && phase.run.state === 'failed' && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={t('import.failed')} role="alert" data-testid="import-failed">
            {phase.run.error}
          </Alert>
        )}

        {result && phase.name === 'finished' && (
          <Paper withBorder p="md" radius="md" data-testid="import-result">
            <Stack gap="sm">
              <Group gap="xs">
                {result.committed ? <IconCircleCheck size={20} color="var(--mantine-color-green-filled)" /> : <IconAlertTriangle size={20} color="var(--mantine-color-red-filled)" />}
                <Text fw={600} data-testid="import-result-title">
                  {result.committed ? t('import.result.done', { file: phase.run.fileName }) : t('import.result.unchanged', { file: phase.run.fileName })}
                </Text>
              </Group>
              <Group gap="xs" className="tabular">
                <Badge variant="light" color="green">{t(`import.counts.${phase.run.kind}.created`, { count: result.created, n: count(result.created) })}</Badge>
                <Badge variant="light" color="blue">{t(`import.counts.${phase.run.kind}.updated`, { count: result.updated, n: count(result.updated) })}</Badge>
                <Badge variant="light" color="gray">{t(`import.counts.${phase.run.kind}.unchanged`, { count: result.unchanged, n: count(result.unchanged) })}</Badge>
                {phase.run.kind !== 'monthly' && <Badge variant="light" color="gray">{t('import.counts.events', { count: result.eventsAdded, n: count(result.eventsAdded) })}</Badge>}
                {result.rejected > 0 && <Badge variant="light" color="red">{t('import.counts.rejected', { count: result.rejected, n: count(result.rejected) })}</Badge>}
              </Group>
              {result.problems.length > 0 && (
                <Table striped withTableBorder fz="sm" data-testid="import-problems">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={80}>{t('import.problem.line')}</Table.Th>
                      <Table.Th w={240}>{t('import.problem.where')}</Table.Th>
                      <Table.Th>{t('import.problem.what')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {result.problems.map((p, i) => (
                      <Table.Tr key={i}>
                        <Table.Td className="tabular">{p.line ?? '—'}</Table.Td>
                        <Table.Td style={{ fontFamily: 'var(--mantine-font-family-monospace)', overflowWrap: 'anywhere' }}>{p.path ?? ''}</Table.Td>
                        <Table.Td>{p.problem ? t(`inputProblem.${p.problem}`, { limit: p.limit ?? '' }) : p.message}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
              {result.rejected > result.problems.length && <Text size="xs" c="dimmed">{t('import.moreProblems')}</Text>}
            </Stack>
          </Paper>
        )}
      </Stack>
    </ScrollArea>
  );
}
