import { ActionIcon, Button, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Claim } from '../../../shared/domain/case';
import { OUTCOMES, REMEDY_KINDS, type ClaimAssessment, type Panel, type Remedy, type ValidationIssue } from '../../../shared/domain/decision';
import { MARKET_INFO, type Market } from '../../../shared/domain/market';
import { parseDecimal, toDecimal } from '../../../shared/domain/money';
import { formatMarketMoney } from '../../lib/format';
import { issueText } from './issueText';

/** "1 499,00" or "1499.00" as the user types it, to minor units; null when it is not an amount. */
export function parseAmountInput(text: string, currency: string): { minor: number; currency: string } | null {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, '').replace(/kr\.?$|sek$|dkk$/i, '');
  const normalised = /,\d{1,2}$/.test(cleaned) ? cleaned.replace(/\./g, '').replace(',', '.') : cleaned.replace(/,/g, '');
  try {
    return parseDecimal(normalised, currency);
  } catch {
    return null;
  }
}

/** The amount as the market writes it, without the currency (shown beside the field): "1 499,00". */
function amountText(r: Remedy, market: Market): string {
  if (!r.amount) return '';
  return new Intl.NumberFormat(MARKET_INFO[market].locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Number(toDecimal(r.amount)));
}

/**
 * The per-claim assessment beside the letter: outcome, remedies with amount and due date, and the
 * reasoning. The letter shows this panel through merge fields; validation names any disagreement.
 */
export function ClaimPanel({
  claims,
  panel,
  market,
  editable,
  issues,
  onChange,
}: {
  claims: readonly Claim[];
  panel: Panel;
  market: Market;
  editable: boolean;
  issues: readonly ValidationIssue[];
  onChange: (panel: Panel) => void;
}) {
  const { t } = useTranslation();
  const update = (index: number, next: ClaimAssessment) => onChange({ claims: panel.claims.map((c, i) => (i === index ? next : c)) });
  return (
    <Stack gap="md" data-testid="claim-panel">
      {claims.map((claim, n) => {
        const index = panel.claims.findIndex((a) => a.claimId === claim.id);
        const a = panel.claims[index];
        if (!a) return null;
        const issue = (field: string) => {
          const found = issues.find((i) => i.path === `claims.${index}.${field}`);
          return found ? issueText(t, found) : undefined;
        };
        return (
          <Stack key={claim.id} gap={6} data-testid={`claim-${n + 1}`}>
            <Text size="sm" fw={600}>
              {t('decision.claim', { n: n + 1 })}: {claim.text}
              {claim.amount ? ` (${formatMarketMoney(claim.amount, market)})` : ''}
            </Text>
            <Select
              size="xs"
              label={t('decision.outcome')}
              placeholder={t('decision.chooseOutcome')}
              data={OUTCOMES.map((o) => ({ value: o, label: t(`decision.outcomes.${o}`) }))}
              value={a.outcome}
              onChange={(v) => update(index, { ...a, outcome: (v as ClaimAssessment['outcome']) ?? null })}
              disabled={!editable}
              error={issue('outcome')}
              data-testid={`claim-${n + 1}-outcome`}
              allowDeselect={false}
            />
            {a.remedies.map((r, j) => (
              <RemedyRow
                key={j}
                remedy={r}
                market={market}
                editable={editable}
                testId={`claim-${n + 1}-remedy-${j + 1}`}
                amountError={issue(`remedies.${j}.amount`)}
                dueError={issue(`remedies.${j}.dueDate`)}
                onChange={(next) => update(index, { ...a, remedies: a.remedies.map((x, k) => (k === j ? next : x)) })}
                onRemove={() => update(index, { ...a, remedies: a.remedies.filter((_, k) => k !== j) })}
              />
            ))}
            {editable && (
              <Button
                size="compact-xs"
                variant="subtle"
                leftSection={<IconPlus size={12} />}
                onClick={() => update(index, { ...a, remedies: [...a.remedies, { kind: 'refund', amount: null, dueDate: null }] })}
                data-testid={`claim-${n + 1}-add-remedy`}
                style={{ alignSelf: 'flex-start' }}
              >
                {t('decision.addRemedy')}
              </Button>
            )}
            <Textarea
              size="xs"
              label={t('decision.reasoning')}
              autosize
              minRows={2}
              maxRows={8}
              value={a.reasoning}
              onChange={(e) => update(index, { ...a, reasoning: e.currentTarget.value })}
              readOnly={!editable}
              error={issue('reasoning')}
              spellCheck
              data-testid={`claim-${n + 1}-reasoning`}
            />
          </Stack>
        );
      })}
    </Stack>
  );
}

function RemedyRow({
  remedy,
  market,
  editable,
  testId,
  amountError,
  dueError,
  onChange,
  onRemove,
}: {
  remedy: Remedy;
  market: Market;
  editable: boolean;
  testId: string;
  amountError?: string | undefined;
  dueError?: string | undefined;
  onChange: (r: Remedy) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const currency = MARKET_INFO[market].currency;
  const [text, setText] = useState(() => amountText(remedy, market));
  const [bad, setBad] = useState(false);
  return (
    <Stack gap={4} data-testid={testId} pl={6} style={{ borderLeft: '2px solid var(--mantine-color-default-border)' }}>
      <Group gap={6} wrap="nowrap">
        <Select
          size="xs"
          style={{ flex: 1 }}
          aria-label={t('decision.remedy')}
          data={REMEDY_KINDS.map((k) => ({ value: k, label: t(`decision.remedies.${k}`) }))}
          value={remedy.kind}
          onChange={(v) => v && onChange({ ...remedy, kind: v as Remedy['kind'] })}
          disabled={!editable}
          allowDeselect={false}
          data-testid={`${testId}-kind`}
        />
        {editable && (
          <ActionIcon variant="subtle" color="gray" onClick={onRemove} aria-label={t('decision.removeRemedy')}>
            <IconTrash size={14} />
          </ActionIcon>
        )}
      </Group>
      <Group gap={6} wrap="nowrap" align="flex-start">
        <TextInput
          size="xs"
          style={{ flex: 1 }}
          aria-label={t('decision.amount')}
          placeholder={t('decision.amountPlaceholder')}
          value={text}
          rightSection={
            <Text size="xs" c="dimmed">
              {currency}
            </Text>
          }
          rightSectionWidth={38}
          onChange={(e) => {
            const value = e.currentTarget.value;
            setText(value);
            const parsed = value.trim() === '' ? null : parseAmountInput(value, currency);
            setBad(value.trim() !== '' && parsed === null);
            onChange({ ...remedy, amount: parsed });
          }}
          readOnly={!editable}
          error={bad ? t('decision.amountInvalid') : amountError}
          className="tabular"
          data-testid={`${testId}-amount`}
        />
        <TextInput
          size="xs"
          w={140}
          type="date"
          aria-label={t('decision.dueDate')}
          leftSection={
            <Text size="xs" c="dimmed">
              {t('decision.dueDate')}
            </Text>
          }
          leftSectionWidth={48}
          value={remedy.dueDate ?? ''}
          onChange={(e) => onChange({ ...remedy, dueDate: e.currentTarget.value || null })}
          readOnly={!editable}
          error={dueError}
          data-testid={`${testId}-due`}
        />
      </Group>
    </Stack>
  );
}
