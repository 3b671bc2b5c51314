import { refusalText } from '../../lib/refusalText';
import { Alert, Button, Group, Menu, SimpleGrid, Stack, Text, Textarea, TextInput, Tooltip } from '@mantine/core';
import {
  IconAlertTriangle,
  IconArrowsExchange,
  IconCheck,
  IconChevronDown,
  IconMailForward,
  IconMessageQuestion,
  IconNote,
  IconUserCheck,
  IconUserOff,
} from '@tabler/icons-react';
import { useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseStatus } from '../../../shared/domain/case';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { StatusBadge } from '../../components/StatusBadge';
import { call, type RpcFailure } from '../../lib/api';
import { formatCalendarDate, formatClock, todayIn } from '../../lib/format';
import { useSession } from '../../lib/session';
import { asRpcFailure, useCall } from '../../lib/useCall';
import { useStoredState } from '../../lib/useStoredState';
import classes from './CasePanel.module.css';
import { PanelSection } from './PanelSection';
import { CaseConflictDialog, isCaseConflict, type CaseConflict } from '../../shared/conflict/CaseConflictDialog';
import { allowedTransitions, canRequestInfo, needsReason } from '../../../shared/domain/workflow';

export type CaseView = ChannelOutput<'cases:get'>;

type Action = 'status' | 'assign' | 'note' | 'request_info' | 'holding_reply';
type Form = { kind: 'note' } | { kind: 'request_info' } | { kind: 'holding_reply' } | { kind: 'status'; to: CaseStatus; revision: number };

const parseText = (raw: unknown): string | undefined => (typeof raw === 'string' ? raw : undefined);

/**
 * Work on the case, each in place in the panel: change status along the workflow, assign, write a
 * note, ask the customer for information, send a PSD2 holding reply. Every action appends to the
 * history; the view updates from the case the service returns. Drafts are kept on this computer
 * until they are saved, so nothing typed is lost.
 */
export function CaseActions({ view, onUpdated }: { view: CaseView; onUpdated: (view: CaseView) => void }) {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const { header, deadlines } = view;
  const caseId = header.id;
  const users = useCall('users:list', user.role === 'auditor' ? null : {});
  const [form, setForm] = useState<Form | null>(null);
  const [pending, setPending] = useState<Action | null>(null);
  const [failure, setFailure] = useState<{ action: Action; error: RpcFailure } | null>(null);
  const [saved, setSaved] = useState<{ at: Date; action: Action } | null>(null);
  const [note, setNote] = useStoredState(`ombud.draft.${caseId}.note`, '', parseText);
  const [request, setRequest] = useStoredState(`ombud.draft.${caseId}.request`, '', parseText);
  const [holding, setHolding] = useStoredState(`ombud.draft.${caseId}.holding`, '', parseText);
  const [answerBy, setAnswerBy] = useState('');
  const [reason, setReason] = useState('');
  const [conflict, setConflict] = useState<{ action: Action; perform: (baseRevision: number) => Promise<CaseView>; after: (() => void) | undefined; details: CaseConflict } | null>(null);

  if (user.role === 'auditor') {
    return (
      <PanelSection title={t('actions.title')} testId="case-actions">
        <Text size="sm" c="dimmed" data-testid="actions-read-only">
          {t('actions.readOnly')}
        </Text>
      </PanelSection>
    );
  }

  /**
   * Every write is a compare-and-set on the case revision this window shows; a colleague's change
   * in between comes back as a conflict with both versions, shown in a dialog.
   */
  const run = async (action: Action, perform: (baseRevision: number) => Promise<CaseView>, after?: () => void, baseRevision = header.revision) => {
    setPending(action);
    setFailure(null);
    try {
      const next = await perform(baseRevision);
      onUpdated(next);
      setSaved({ at: new Date(), action });
      setForm(null);
      setConflict(null);
      after?.();
    } catch (err) {
      const failed = asRpcFailure(err);
      if (failed.code === 'conflict' && isCaseConflict(failed.details)) setConflict({ action, perform, after, details: failed.details });
      else {
        setConflict(null);
        setFailure({ action, error: failed });
      }
    } finally {
      setPending(null);
    }
  };
  const keepTheirs = async () => {
    setConflict(null);
    setForm(null);
    try {
      onUpdated(await call('cases:get', { id: caseId }));
    } catch (err) {
      setFailure({ action: conflict?.action ?? 'status', error: asRpcFailure(err) });
    }
  };

  const transitions = allowedTransitions(header.status, user.role);
  const chooseStatus = (to: CaseStatus) => {
    if (needsReason(header.status, to)) {
      setReason('');
      setFailure(null);
      // The decision is taken on the case as shown now: a colleague's change that arrives while the
      // reason is typed makes the save a conflict with both values, not an overwrite.
      setForm({ kind: 'status', to, revision: header.revision });
    } else {
      void run('status', (baseRevision) => call('cases:setStatus', { id: caseId, status: to, baseRevision }));
    }
  };

  const openForm = (next: Form) => {
    setFailure(null);
    setForm((current) => (current?.kind === next.kind ? null : next));
  };

  const psd2 = deadlines.find((d) => d.kind === 'psd2_final');
  const today = todayIn(header.market);
  // The service computes the latest date a holding reply may promise (business days, holidays, the market's rules).
  const latestAnswer = view.holdingReplyLatest;
  const holdingBlocked =
    header.status === 'closed' || header.status === 'decision_issued'
      ? t('actions.holding.notNow', { status: t(`status.${header.status}`) })
      : !psd2 || latestAnswer === null
        ? t('actions.holding.noPsd2')
        : psd2.metOn
          ? t('actions.holding.alreadyMet')
          : psd2.extended
            ? t('actions.holding.alreadySent')
            : psd2.daysLeft !== null && psd2.daysLeft < 0
              ? t('actions.holding.tooLate')
              : null;
  const requestBlocked = canRequestInfo(header.status) ? null : t('actions.request.notNow', { status: t(`status.${header.status}`) });
  const assignable = (users.data ?? []).filter((u) => u.role !== 'auditor');

  const errorFor = (action: Action) =>
    failure?.action === action ? (
      <Alert color="red" variant="light" p="xs" icon={<IconAlertTriangle size={16} />} data-testid="action-error" role="alert">
        <Text size="sm">{t('actions.saveFailed', { message: refusalText(t, failure.error) })}</Text>
      </Alert>
    ) : null;

  const submitOnCtrlEnter = (submit: () => void) => (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      submit();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      setForm(null);
    }
  };

  let panel: ReactNode = null;
  if (form?.kind === 'note') {
    const submit = () => {
      if (note.trim() !== '') void run('note', (baseRevision) => call('cases:addNote', { id: caseId, text: note, baseRevision }), () => setNote(''));
    };
    panel = (
      <ActionForm
        title={t('actions.note.title')}
        hint={t('actions.note.hint')}
        error={errorFor('note')}
        onCancel={() => setForm(null)}
        submit={
          <Button onClick={submit} loading={pending === 'note'} disabled={note.trim() === ''} data-testid="note-save">
            {t('actions.note.save')}
          </Button>
        }
      >
        <Textarea
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          onKeyDown={submitOnCtrlEnter(submit)}
          autosize
          minRows={4}
          maxRows={12}
          placeholder={t('actions.note.placeholder')}
          aria-label={t('actions.note.title')}
          autoFocus
          data-testid="note-text"
        />
      </ActionForm>
    );
  } else if (form?.kind === 'request_info') {
    const submit = () => {
      if (request.trim() !== '') void run('request_info', (baseRevision) => call('cases:requestInfo', { id: caseId, text: request, baseRevision }), () => setRequest(''));
    };
    panel = (
      <ActionForm
        title={t('actions.request.title')}
        hint={t('actions.request.hint')}
        error={errorFor('request_info')}
        onCancel={() => setForm(null)}
        submit={
          <Button onClick={submit} loading={pending === 'request_info'} disabled={request.trim() === ''} data-testid="request-info-save">
            {t('actions.request.save')}
          </Button>
        }
      >
        <Textarea
          value={request}
          onChange={(e) => setRequest(e.currentTarget.value)}
          onKeyDown={submitOnCtrlEnter(submit)}
          autosize
          minRows={4}
          maxRows={12}
          placeholder={t('actions.request.placeholder')}
          aria-label={t('actions.request.title')}
          autoFocus
          data-testid="request-info-text"
        />
      </ActionForm>
    );
  } else if (form?.kind === 'holding_reply' && latestAnswer !== null) {
    const valid = holding.trim() !== '' && answerBy !== '' && answerBy >= today && answerBy <= latestAnswer;
    const submit = () => {
      if (valid) void run('holding_reply', () => call('cases:sendHoldingReply', { id: caseId, text: holding, answerBy }), () => setHolding(''));
    };
    panel = (
      <ActionForm
        title={t('actions.holding.title')}
        hint={t('actions.holding.hint', { due: psd2?.dueDate ? formatCalendarDate(psd2.dueDate, header.market) : '—' })}
        error={errorFor('holding_reply')}
        onCancel={() => setForm(null)}
        submit={
          <Button onClick={submit} loading={pending === 'holding_reply'} disabled={!valid} data-testid="holding-reply-save">
            {t('actions.holding.save')}
          </Button>
        }
      >
        <Textarea
          value={holding}
          onChange={(e) => setHolding(e.currentTarget.value)}
          onKeyDown={submitOnCtrlEnter(submit)}
          autosize
          minRows={4}
          maxRows={10}
          placeholder={t('actions.holding.placeholder')}
          aria-label={t('actions.holding.text')}
          autoFocus
          data-testid="holding-reply-text"
        />
        <TextInput
          type="date"
          label={t('actions.holding.answerBy')}
          description={t('actions.holding.answerByHint', { latest: formatCalendarDate(latestAnswer, header.market) })}
          value={answerBy}
          min={today}
          max={latestAnswer}
          onChange={(e) => setAnswerBy(e.currentTarget.value)}
          error={answerBy !== '' && (answerBy < today || answerBy > latestAnswer) ? t('actions.holding.answerByRange') : undefined}
          className="tabular"
          data-testid="holding-reply-date"
        />
      </ActionForm>
    );
  } else if (form?.kind === 'status') {
    const reopen = header.status === 'closed';
    const submit = () => {
      if (reason.trim() !== '') void run('status', (baseRevision) => call('cases:setStatus', { id: caseId, status: form.to, reason: reason.trim(), baseRevision }), undefined, form.revision);
    };
    panel = (
      <ActionForm
        title={reopen ? t('actions.status.reopenTitle') : t('actions.status.closeTitle')}
        hint={reopen ? t('actions.status.reopenHint') : t('actions.status.closeHint')}
        error={errorFor('status')}
        onCancel={() => setForm(null)}
        submit={
          <Button onClick={submit} loading={pending === 'status'} disabled={reason.trim() === ''} color={reopen ? undefined : 'gray'} data-testid="status-save">
            {reopen ? t('actions.status.reopen') : t('actions.status.close')}
          </Button>
        }
      >
        <Textarea
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          onKeyDown={submitOnCtrlEnter(submit)}
          autosize
          minRows={3}
          maxRows={8}
          label={t('actions.status.reason')}
          placeholder={t('actions.status.reasonPlaceholder')}
          autoFocus
          data-testid="status-reason"
        />
      </ActionForm>
    );
  }

  const savedLabel = saved ? t('actions.savedAt', { time: formatClock(saved.at, i18n.language) }) : null;

  return (
    <PanelSection
      title={t('actions.title')}
      testId="case-actions"
      aside={
        saved && (
          <Tooltip label={t(`actions.saved.${saved.action}`)}>
            <Group gap={4} wrap="nowrap" c="teal" data-testid="action-saved" aria-live="polite">
              <IconCheck size={13} aria-hidden />
              <Text size="xs" fw={500} className="tabular">
                {savedLabel}
              </Text>
            </Group>
          </Tooltip>
        )
      }
    >
      {conflict && (
        <CaseConflictDialog
          conflict={conflict.details}
          market={header.market}
          busy={pending !== null}
          onKeepTheirs={() => void keepTheirs()}
          onApplyMine={() => void run(conflict.action, conflict.perform, conflict.after, conflict.details.theirs.revision)}
        />
      )}
      <SimpleGrid cols={2} spacing={6} verticalSpacing={6}>
        <Menu position="bottom-start" width={240} disabled={pending !== null}>
          <Menu.Target>
            <Button
              variant="default"
              leftSection={<IconArrowsExchange size={14} />}
              rightSection={<IconChevronDown size={12} />}
              justify="flex-start"
              styles={{ label: { flex: 1 } }}
              loading={pending === 'status' && form?.kind !== 'status'}
              data-testid="action-status"
              fullWidth
            >
              {t('actions.status.button')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown data-testid="status-menu">
            <Menu.Label>{t('actions.status.moveTo')}</Menu.Label>
            {transitions.length === 0 ? (
              <Text size="sm" c="dimmed" px="sm" py={6} data-testid="status-none">
                {t('actions.status.none')}
              </Text>
            ) : (
              transitions.map((to) => (
                <Menu.Item key={to} onClick={() => chooseStatus(to)} data-testid={`status-option-${to}`}>
                  <Group gap={6} wrap="nowrap" justify="space-between">
                    <StatusBadge status={to} size="sm" />
                    {needsReason(header.status, to) && (
                      <Text size="xs" c="dimmed">
                        {header.status === 'closed' ? t('actions.status.reopenShort') : t('actions.status.needsReason')}
                      </Text>
                    )}
                  </Group>
                </Menu.Item>
              ))
            )}
          </Menu.Dropdown>
        </Menu>
        <Menu position="bottom-end" width={260} disabled={pending !== null}>
          <Menu.Target>
            <Button
              variant="default"
              leftSection={<IconUserCheck size={14} />}
              rightSection={<IconChevronDown size={12} />}
              justify="flex-start"
              styles={{ label: { flex: 1 } }}
              loading={pending === 'assign'}
              data-testid="action-assign"
              fullWidth
            >
              {t('actions.assign.button')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown data-testid="assign-menu">
            <Menu.Label>{t('actions.assign.to')}</Menu.Label>
            {users.error && (
              <Text size="sm" c="red" px="sm" py={4}>
                {t('actions.assign.usersFailed', { message: refusalText(t, users.error) })}
              </Text>
            )}
            {assignable.map((u) => {
              const current = header.assignee?.id === u.id;
              return (
                <Menu.Item
                  key={u.id}
                  disabled={current}
                  leftSection={current ? <IconCheck size={14} /> : <span style={{ width: 14, display: 'inline-block' }} />}
                  rightSection={
                    <Text size="xs" c="dimmed">
                      {u.title ?? t(`role.${u.role}`)}
                    </Text>
                  }
                  onClick={() => void run('assign', (baseRevision) => call('cases:assign', { id: caseId, assigneeId: u.id, baseRevision }))}
                  data-testid={`assign-option-${u.id}`}
                >
                  {u.name}
                </Menu.Item>
              );
            })}
            <Menu.Divider />
            <Menu.Item
              disabled={header.assignee === null}
              leftSection={<IconUserOff size={14} />}
              onClick={() => void run('assign', (baseRevision) => call('cases:assign', { id: caseId, assigneeId: null, baseRevision }))}
              data-testid="assign-option-none"
            >
              {t('actions.assign.none')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
        <Button
          variant={form?.kind === 'note' ? 'light' : 'default'}
          leftSection={<IconNote size={14} />}
          justify="flex-start"
          onClick={() => openForm({ kind: 'note' })}
          aria-expanded={form?.kind === 'note'}
          data-testid="action-note"
          fullWidth
        >
          {t('actions.note.button')}
        </Button>
        <Tooltip label={requestBlocked} disabled={!requestBlocked}>
          <Button
            variant={form?.kind === 'request_info' ? 'light' : 'default'}
            leftSection={<IconMessageQuestion size={14} />}
            justify="flex-start"
            onClick={() => openForm({ kind: 'request_info' })}
            disabled={requestBlocked !== null}
            aria-expanded={form?.kind === 'request_info'}
            data-testid="action-request-info"
            fullWidth
          >
            {t('actions.request.button')}
          </Button>
        </Tooltip>
        <Tooltip label={holdingBlocked} disabled={!holdingBlocked}>
          <Button
            variant={form?.kind === 'holding_reply' ? 'light' : 'default'}
            leftSection={<IconMailForward size={14} />}
            justify="flex-start"
            onClick={() => openForm({ kind: 'holding_reply' })}
            disabled={holdingBlocked !== null}
            aria-expanded={form?.kind === 'holding_reply'}
            data-testid="action-holding-reply"
            fullWidth
          >
            {t('actions.holding.button')}
          </Button>
        </Tooltip>
      </SimpleGrid>
      {transitions.length === 0 && user.role !== 'ombudsman' && header.status === 'closed' && (
        <Text size="xs" c="dimmed" mt={6}>
          {t('actions.status.onlyOmbudsmanReopens')}
        </Text>
      )}
      {!form && failure && (failure.action === 'status' || failure.action === 'assign') && <div className={classes.formError}>{errorFor(failure.action)}</div>}
      {panel}
    </PanelSection>
  );
}

function ActionForm({
  title,
  hint,
  error,
  submit,
  onCancel,
  children,
}: {
  title: string;
  hint: string;
  error: ReactNode;
  submit: ReactNode;
  onCancel: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className={classes.form} data-testid="action-form">
      <Stack gap={6}>
        <Text size="md" fw={600}>
          {title}
        </Text>
        <Text size="sm" c="dimmed">
          {hint}
        </Text>
        {children}
        {error}
        <Group gap="xs" justify="flex-end">
          <Button variant="subtle" color="gray" onClick={onCancel} data-testid="action-cancel">
            {t('actions.cancel')}
          </Button>
          {submit}
        </Group>
        <Text size="xs" c="dimmed" ta="right">
          {t('actions.ctrlEnter')}
        </Text>
      </Stack>
    </div>
  );
}
