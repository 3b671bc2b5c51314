import { Alert, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { Market } from '../../../shared/domain/market';
import { formatClock, formatDateTime } from '../../lib/format';

/** Where autosave of a letter stands; shared by the decision and the ARN response. */
export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: Date } | { kind: 'error'; message: string } | { kind: 'conflict'; message: string };

/** "Sparar …", "Sparat 14:02", "Kunde inte spara: …", or when it was last saved. */
export function saveStatusText(t: TFunction, save: SaveState, savedAt: string, market: Market, language: string): string {
  switch (save.kind) {
    case 'saving':
      return t('decision.saving');
    case 'saved':
      return t('decision.savedAt', { time: formatClock(save.at, language) });
    case 'error':
      return t('decision.saveFailed', { message: save.message });
    case 'conflict':
      return t('decision.conflictShort');
    default:
      return t('decision.savedAt', { time: formatDateTime(savedAt, market) });
  }
}

/** The review steps that carry a comment (returned with what to change, approved with a note). */
export function ReviewComments<A extends string>({ steps, market, label }: { steps: readonly { action: A; by: { name: string }; at: string; comment: string }[]; market: Market; label: (action: A) => string }) {
  return (
    <>
      {steps
        .filter((r) => r.comment && r.action !== 'restored')
        .map((r, i) => (
          <Alert key={i} color={r.action === 'returned' ? 'orange' : 'gray'} p="xs" data-testid="review-comment">
            <Text size="xs" fw={600}>
              {label(r.action)} · {r.by.name} · {formatDateTime(r.at, market)}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {r.comment}
            </Text>
          </Alert>
        ))}
    </>
  );
}
