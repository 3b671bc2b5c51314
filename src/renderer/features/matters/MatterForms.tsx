import { refusalText } from '../../lib/refusalText';
import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { COMPLIANCE, MATTER_OUTCOMES, type Matter } from '../../../shared/domain/authority';
import type { Market } from '../../../shared/domain/market';
import { call } from '../../lib/api';
import { asRpcFailure, useCall } from '../../lib/useCall';

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

/** A modal form: submit calls main, which decides; a refusal is shown as main words it. */
function FormModal({
  title,
  opened,
  onClose,
  onSubmit,
  submitLabel,
  testId,
  children,
}: {
  title: string;
  opened: boolean;
  onClose: () => void;
  onSubmit: () => Promise<void>;
  submitLabel: string;
  testId: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSubmit();
      onClose();
    } catch (failure) {
      setError(refusalText(t, asRpcFailure(failure)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal closeButtonProps={{ 'aria-label': t('app.close') }} opened={opened} onClose={onClose} title={title} size="lg" data-testid={testId}>
      <form onSubmit={(e) => void submit(e)}>
        <Stack gap="sm">
          {children}
          {error && (
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />} role="alert" data-testid={`${testId}-error`}>
              {error}
            </Alert>
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('matters.cancel')}
            </Button>
            <Button type="submit" loading={busy} data-testid={`${testId}-submit`}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function RegisterMatterModal({
  caseId,
  market,
  today,
  opened,
  onClose,
  onDone,
}: {
  caseId: number;
  market: Market;
  today: string;
  opened: boolean;
  onClose: () => void;
  onDone: (matter: Matter) => void;
}) {
  const { t } = useTranslation();
  const authorities = useCall('matters:authorities', opened ? {} : null);
  const [authority, setAuthority] = useState<string | null>(market === 'DK' ? 'DFA' : 'ARN');
  const [reference, setReference] = useState('');
  const [receivedDate, setReceivedDate] = useState(today);
  const [responseDue, setResponseDue] = useState('');
  const [claimText, setClaimText] = useState('');
  const [claimAmount, setClaimAmount] = useState('');
  const [questions, setQuestions] = useState('');
  const [documents, setDocuments] = useState('');
  return (
    <FormModal
      title={t('matters.register.title')}
      opened={opened}
      onClose={onClose}
      testId="matter-register"
      submitLabel={t('matters.register.submit')}
      onSubmit={async () => {
        const matter = await call('matters:register', {
          caseId,
          authority: authority ?? '',
          reference,
          receivedDate,
          responseDue: responseDue === '' ? null : responseDue,
          claimText,
          claimAmount: claimAmount.trim() === '' ? null : claimAmount,
          questions: lines(questions),
          documents: lines(documents),
        });
        onDone(matter);
      }}
    >
      <SimpleGrid cols={2} spacing="sm">
        <Select
          label={t('matters.authority')}
          data={(authorities.data ?? []).map((a) => ({ value: a.code, label: `${a.code} · ${a.name}` }))}
          value={authority}
          onChange={setAuthority}
          allowDeselect={false}
          required
          data-testid="matter-authority"
        />
        <TextInput label={t('matters.reference')} description={t('matters.referenceHint')} value={reference} onChange={(e) => setReference(e.currentTarget.value)} required data-testid="matter-reference" />
        <TextInput type="date" label={t('matters.receivedDate')} value={receivedDate} onChange={(e) => setReceivedDate(e.currentTarget.value)} required data-testid="matter-received" />
        <TextInput type="date" label={t('matters.responseDue')} description={t('matters.responseDueHint')} value={responseDue} onChange={(e) => setResponseDue(e.currentTarget.value)} data-testid="matter-due" />
      </SimpleGrid>
      <Textarea label={t('matters.claimText')} value={claimText} onChange={(e) => setClaimText(e.currentTarget.value)} autosize minRows={2} required data-testid="matter-claim" />
      <TextInput label={t('matters.claimAmount')} placeholder="1 499,00" value={claimAmount} onChange={(e) => setClaimAmount(e.currentTarget.value)} w={200} data-testid="matter-amount" />
      <Textarea label={t('matters.questions')} description={t('matters.onePerLine')} value={questions} onChange={(e) => setQuestions(e.currentTarget.value)} autosize minRows={2} data-testid="matter-questions" />
      <Textarea label={t('matters.documents')} description={t('matters.onePerLine')} value={documents} onChange={(e) => setDocuments(e.currentTarget.value)} autosize minRows={2} data-testid="matter-documents" />
    </FormModal>
  );
}

export function ResponseSentModal({ matter, today, opened, onClose, onDone }: { matter: Matter; today: string; opened: boolean; onClose: () => void; onDone: (m: Matter) => void }) {
  const { t } = useTranslation();
  const [sentOn, setSentOn] = useState(today);
  return (
    <FormModal
      title={t('matters.responseSent.title', { reference: `${matter.authority} ${matter.reference}` })}
      opened={opened}
      onClose={onClose}
      testId="matter-response-sent"
      submitLabel={t('matters.responseSent.submit')}
      onSubmit={async () => onDone(await call('matters:recordResponseSent', { matterId: matter.id, sentOn }))}
    >
      <TextInput type="date" label={t('matters.responseSent.sentOn')} value={sentOn} onChange={(e) => setSentOn(e.currentTarget.value)} required w={220} data-testid="matter-sent-on" />
    </FormModal>
  );
}

export function OutcomeModal({ matter, today, opened, onClose, onDone }: { matter: Matter; today: string; opened: boolean; onClose: () => void; onDone: (m: Matter) => void }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<string | null>(null);
  const [decidedOn, setDecidedOn] = useState(today);
  const [recommendation, setRecommendation] = useState('');
  const [amount, setAmount] = useState('');
  return (
    <FormModal
      title={t('matters.outcome.title', { reference: `${matter.authority} ${matter.reference}` })}
      opened={opened}
      onClose={onClose}
      testId="matter-outcome"
      submitLabel={t('matters.outcome.submit')}
      onSubmit={async () =>
        onDone(
          await call('matters:recordOutcome', {
            matterId: matter.id,
            outcome: (outcome ?? '') as Matter['outcome'] & string,
            decidedOn,
            recommendation,
            amount: amount.trim() === '' ? null : amount,
          }),
        )
      }
    >
      <SimpleGrid cols={2} spacing="sm">
        <Select
          label={t('matters.outcome.outcome')}
          data={MATTER_OUTCOMES.map((o) => ({ value: o, label: t(`matters.outcomes.${o}`) }))}
          value={outcome}
          onChange={setOutcome}
          required
          data-testid="matter-outcome-select"
        />
        <TextInput type="date" label={t('matters.outcome.decidedOn')} value={decidedOn} onChange={(e) => setDecidedOn(e.currentTarget.value)} required data-testid="matter-decided-on" />
      </SimpleGrid>
      <Textarea label={t('matters.outcome.recommendation')} value={recommendation} onChange={(e) => setRecommendation(e.currentTarget.value)} autosize minRows={2} data-testid="matter-recommendation" />
      <TextInput label={t('matters.outcome.amount')} placeholder="750,00" value={amount} onChange={(e) => setAmount(e.currentTarget.value)} w={200} data-testid="matter-outcome-amount" />
    </FormModal>
  );
}

export function ComplianceModal({ matter, today, opened, onClose, onDone }: { matter: Matter; today: string; opened: boolean; onClose: () => void; onDone: (m: Matter) => void }) {
  const { t } = useTranslation();
  const [compliance, setCompliance] = useState<string | null>('followed');
  const [compliedOn, setCompliedOn] = useState(today);
  const [paid, setPaid] = useState('');
  const [note, setNote] = useState('');
  return (
    <FormModal
      title={t('matters.compliance.title', { reference: `${matter.authority} ${matter.reference}` })}
      opened={opened}
      onClose={onClose}
      testId="matter-compliance"
      submitLabel={t('matters.compliance.submit')}
      onSubmit={async () =>
        onDone(
          await call('matters:recordCompliance', {
            matterId: matter.id,
            compliance: (compliance ?? 'followed') as (typeof COMPLIANCE)[number],
            compliedOn: compliance === 'not_followed' || compliedOn === '' ? null : compliedOn,
            paid: paid.trim() === '' ? null : paid,
            note,
          }),
        )
      }
    >
      <SimpleGrid cols={2} spacing="sm">
        <Select
          label={t('matters.compliance.compliance')}
          data={COMPLIANCE.map((c) => ({ value: c, label: t(`matters.complianceValues.${c}`) }))}
          value={compliance}
          onChange={setCompliance}
          allowDeselect={false}
          data-testid="matter-compliance-select"
        />
        <TextInput type="date" label={t('matters.compliance.compliedOn')} value={compliedOn} onChange={(e) => setCompliedOn(e.currentTarget.value)} disabled={compliance === 'not_followed'} data-testid="matter-complied-on" />
      </SimpleGrid>
      <TextInput label={t('matters.compliance.paid')} placeholder="750,00" value={paid} onChange={(e) => setPaid(e.currentTarget.value)} w={200} data-testid="matter-paid" />
      <Textarea label={t('matters.compliance.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} data-testid="matter-compliance-note" />
    </FormModal>
  );
}
