import { Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Market } from '../../../shared/domain/market';
import { formatDateTime } from '../../lib/format';
import { useCall } from '../../lib/useCall';
import classes from './Decision.module.css';

/** Every saved version, newest first: tick two to compare them, or restore one as a new version. */
export function VersionList({ decisionId, refreshKey, market, canRestore, onRestore }: { decisionId: number; refreshKey: number; market: Market; canRestore: boolean; onRestore: (version: number) => Promise<void> }) {
  const { t } = useTranslation();
  const versions = useCall('decisions:versions', { id: decisionId });
  const { reload } = versions;
  // Autosave bumps the key every second while typing; the list follows when typing pauses.
  useEffect(() => {
    if (refreshKey === 0) return;
    const timer = setTimeout(reload, 1200);
    return () => clearTimeout(timer);
  }, [refreshKey, reload]);
  const [picked, setPicked] = useState<number[]>([]);
  const [from, to] = [...picked].sort((a, b) => a - b);
  const diff = useCall('decisions:compare', from !== undefined && to !== undefined ? { id: decisionId, from, to } : null);
  const list = versions.data?.versions ?? [];
  return (
    <Stack gap={4}>
      {list.slice(0, 30).map((v) => (
        <Group key={v.version} gap={6} wrap="nowrap" align="flex-start" data-testid={`version-${v.version}`}>
          <Checkbox
            size="xs"
            mt={2}
            checked={picked.includes(v.version)}
            onChange={(e) => {
              const on = e.currentTarget.checked;
              setPicked((p) => (on ? [...p.filter((x) => x !== v.version), v.version].slice(-2) : p.filter((x) => x !== v.version)));
            }}
            aria-label={t('decision.compareVersion', { version: v.version })}
          />
          <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
            <Text size="xs">
              {t('decision.version', { version: v.version })} · {formatDateTime(v.savedAt, market)} · {v.savedBy.name} · {t(`decision.versionReason.${v.reason}`)}
            </Text>
            <Text size="xs" c="dimmed" lineClamp={1}>
              {v.excerpt}
            </Text>
          </Stack>
          {canRestore && v.version !== list[0]?.version && (
            <Button size="compact-xs" variant="subtle" onClick={() => void onRestore(v.version)} data-testid={`restore-${v.version}`}>
              {t('decision.restore')}
            </Button>
          )}
        </Group>
      ))}
      {diff.data && (
        <div className={classes.diff} data-testid="version-diff">
          {diff.data.changes.map((c, i) => (c.op === 'insert' ? <ins key={i}>{c.text}</ins> : c.op === 'delete' ? <del key={i}>{c.text}</del> : <span key={i}>{c.text}</span>))}
        </div>
      )}
    </Stack>
  );
}
