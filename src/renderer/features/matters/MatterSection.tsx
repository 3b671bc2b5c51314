import { Button, Group, Menu, Stack, Text } from '@mantine/core';
import { IconChevronDown, IconFileText, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RECOMMENDING_OUTCOMES, type Matter } from '../../../shared/domain/authority';
import type { Market } from '../../../shared/domain/market';
import { MoneyText } from '../../components/MoneyText';
import { formatCalendarDate } from '../../lib/format';
import { useSession } from '../../lib/session';
import { useCall } from '../../lib/useCall';
import { PanelSection } from '../case/PanelSection';
import { ComplianceModal, OutcomeModal, RegisterMatterModal, ResponseSentModal } from './MatterForms';
import { MatterStatus } from './MatterStatus';

type Dialog = { kind: 'register' } | { kind: 'sent' | 'outcome' | 'compliance'; matter: Matter } | null;

/**
 * The case's complaints to authorities, in the case panel: each with its reference, the
 * authority's deadline or outcome, and the next step. Every step also lands in the history.
 */
export function MatterSection({ caseId, market, onChanged, onOpenResponse }: { caseId: number; market: Market; onChanged: () => void; onOpenResponse?: (matterId: number) => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const matters = useCall('matters:forCase', { caseId });
  const [dialog, setDialog] = useState<Dialog>(null);
  const canWrite = user.role !== 'auditor';
  const rows = matters.data?.rows ?? [];
  const today = matters.data?.today ?? '';
  const done = () => {
    matters.reload();
    onChanged();
  };

  return (
    <PanelSection
      title={t('matters.title')}
      testId="case-matters"
      aside={
        canWrite && (
          <Button size="compact-xs" variant="subtle" leftSection={<IconPlus size={12} />} onClick={() => setDialog({ kind: 'register' })} data-testid="matter-register-open">
            {t('matters.register.open')}
          </Button>
        )
      }
    >
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('matters.none')}
        </Text>
      ) : (
        <Stack gap={8}>
          {rows.map((m) => (
            <div key={m.id} data-testid="case-matter" data-reference={m.reference} data-status={m.status}>
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text size="sm" fw={600} truncate title={m.authorityName}>
                  {m.authority} {m.reference}
                </Text>
                <MatterStatus matter={m} />
              </Group>
              <Text size="xs" c="dimmed" className="tabular">
                {t('matters.receivedOn', { date: formatCalendarDate(m.receivedDate, market) })}
                {m.responseDue && ` · ${t('matters.dueOn', { date: formatCalendarDate(m.responseDue, market) })}`}
                {m.responseSentOn && ` · ${t('matters.sentOn', { date: formatCalendarDate(m.responseSentOn, market) })}`}
              </Text>
              {m.claimAmount && (
                <Text size="xs">
                  {t('matters.claimed')} <MoneyText money={m.claimAmount} market={market} size="xs" />
                  {m.outcomeAmount && (
                    <>
                      {' · '}
                      {t('matters.recommended')} <MoneyText money={m.outcomeAmount} market={market} size="xs" />
                    </>
                  )}
                </Text>
              )}
              {m.compliance && (
                <Text size="xs" data-testid="matter-compliance-text">
                  {t(`matters.complianceValues.${m.compliance}`)}
                  {m.paid && (
                    <>
                      {' · '}
                      <MoneyText money={m.paid} market={market} size="xs" />
                    </>
                  )}
                </Text>
              )}
              {m.followUp && !m.compliance && (
                <Text size="xs" c="orange">
                  {t('matters.followUp', { consumer: formatCalendarDate(m.followUp.consumerReportBy, market), company: formatCalendarDate(m.followUp.companyAnswerBy, market) })}
                </Text>
              )}
              <Group gap={6} mt={4}>
              {onOpenResponse && (
                <Button size="compact-xs" variant="light" leftSection={<IconFileText size={12} />} onClick={() => onOpenResponse(m.id)} data-testid="matter-open-response">
                  {t('arnResponse.open')}
                </Button>
              )}
              {canWrite && m.status !== 'closed' && (
                <Menu position="bottom-start">
                  <Menu.Target>
                    <Button size="compact-xs" variant="default" rightSection={<IconChevronDown size={12} />} data-testid="matter-next-step">
                      {t('matters.nextStep')}
                    </Button>
                  </Menu.Target>
                  <Menu.Dropdown>
                    {m.status === 'registered' && (
                      <Menu.Item onClick={() => setDialog({ kind: 'sent', matter: m })} data-testid="matter-action-sent">
                        {t('matters.responseSent.open')}
                      </Menu.Item>
                    )}
                    {m.outcome === null && (
                      <Menu.Item onClick={() => setDialog({ kind: 'outcome', matter: m })} data-testid="matter-action-outcome">
                        {t('matters.outcome.open')}
                      </Menu.Item>
                    )}
                    {m.outcome !== null && RECOMMENDING_OUTCOMES.includes(m.outcome) && m.compliance === null && (
                      <Menu.Item onClick={() => setDialog({ kind: 'compliance', matter: m })} data-testid="matter-action-compliance">
                        {t('matters.compliance.open')}
                      </Menu.Item>
                    )}
                  </Menu.Dropdown>
                </Menu>
              )}
              </Group>
            </div>
          ))}
        </Stack>
      )}
      {dialog?.kind === 'register' && <RegisterMatterModal caseId={caseId} market={market} today={today} opened onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.kind === 'sent' && <ResponseSentModal matter={dialog.matter} today={today} opened onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.kind === 'outcome' && <OutcomeModal matter={dialog.matter} today={today} opened onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.kind === 'compliance' && <ComplianceModal matter={dialog.matter} today={today} opened onClose={() => setDialog(null)} onDone={done} />}
    </PanelSection>
  );
}
