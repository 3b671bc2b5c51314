import { refusalText } from '../../lib/refusalText';
import { Alert, Badge, Button, Group, List, Loader, Select, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconLock, IconSignature } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DecisionView, Panel, ValidationIssue } from '../../../shared/domain/decision';
import { LANGUAGES, type Language } from '../../../shared/domain/market';
import type { DocNode } from '../../../shared/editor/document';
import { renderPlainText, type CitedEvent } from '../../../shared/editor/text';
import { ErrorState } from '../../components/ErrorState';
import { call, RpcFailure } from '../../lib/api';
import { dayKey, formatCalendarDate, formatDateTime, marketTimeZone } from '../../lib/format';
import { useSession } from '../../lib/session';
import { asRpcFailure, useCall } from '../../lib/useCall';
import type { CaseView } from '../case/CaseActions';
import { ReviewActions } from '../../shared/review/ReviewActions';
import { refreshApprovalQueue } from '../../shared/review/queue';
import { PanelSection } from '../case/PanelSection';
import { ClaimPanel } from './ClaimPanel';
import classes from './Decision.module.css';
import { issueText } from './issueText';
import { DecisionEditor } from './DecisionEditor';
import { ExportPanel } from './ExportPanel';
import { MailPanel } from '../send/MailPanel';
import { PrecedentList } from './PrecedentList';
import { VersionList } from './VersionList';
import { ReviewComments, saveStatusText, type SaveState as BaseSaveState } from './ReviewState';
import { useDraftAutosave } from './useDraftAutosave';

interface ConflictDetails {
  theirs: { version: number; savedAt: string; savedBy: { name: string }; content: DocNode; panel: Panel; text: string };
  mine: { content: DocNode; panel: Panel; text: string };
}

type SaveState = Exclude<BaseSaveState, { kind: 'conflict' }> | { kind: 'conflict'; message: string; details: ConflictDetails };

/**
 * The decision area of a case: template choice, the letter beside the per-claim panel, autosave
 * with its state always shown, versions, precedents, and the four-eyes buttons the caller's role
 * allows (the services refuse the rest anyway). An issued letter is read-only.
 */
export function DecisionWorkspace({ view, onOpenEvent, onCaseChanged }: { view: CaseView; onOpenEvent: (eventId: number) => void; onCaseChanged: () => void }) {
  const { t } = useTranslation();
  const caseId = view.header.id;
  const loaded = useCall('decisions:forCase', { caseId });
  const [decision, setDecision] = useState<DecisionView | null>(null);
  const [seen, setSeen] = useState<unknown>(null);
  if (loaded.data !== seen) {
    setSeen(loaded.data);
    if (loaded.data) setDecision(loaded.data.current);
  }
  if (loaded.error) return <ErrorState title={t('decision.loadError')} error={loaded.error} onRetry={loaded.reload} />;
  if (loaded.loading && !decision) return <Loader size="sm" m="md" />;
  if (!decision) return <StartDecision view={view} onStarted={setDecision} />;
  return <DecisionArea key={decision.id} view={view} initial={decision} onOpenEvent={onOpenEvent} onCaseChanged={onCaseChanged} onReplaced={setDecision} />;
}

function StartDecision({ view, onStarted }: { view: CaseView; onStarted: (d: DecisionView) => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const templates = useCall('decisions:templates', { market: view.header.market });
  const languages = (templates.data?.templates ?? []).map((tpl) => tpl.language);
  const [language, setLanguage] = useState<Language | null>(null);
  const chosen = language ?? (languages.includes(view.header.language) ? view.header.language : (languages[0] ?? null));
  const [error, setError] = useState<RpcFailure | null>(null);
  const [busy, setBusy] = useState(false);
  if (user.role === 'auditor') {
    return (
      <Text size="sm" c="dimmed" p="md" data-testid="no-decision">
        {t('decision.none')}
      </Text>
    );
  }
  return (
    <Stack p="md" gap="sm" maw={520} data-testid="start-decision">
      <Title order={3} size="h4">
        {t('decision.start')}
      </Title>
      <Select
        label={t('decision.template')}
        data={(templates.data?.templates ?? []).map((tpl) => ({ value: tpl.language, label: `${tpl.name}${tpl.source === 'store' ? ` · ${t('decision.edited')}` : ''}` }))}
        value={chosen}
        onChange={(v) => v && setLanguage(v as Language)}
        allowDeselect={false}
        data-testid="template-picker"
      />
      {error && (
        <Alert color="red" icon={<IconAlertTriangle size={16} />}>
          {refusalText(t, error)}
        </Alert>
      )}
      <Button
        disabled={!chosen}
        loading={busy}
        onClick={async () => {
          if (!chosen || !LANGUAGES.includes(chosen)) return;
          setBusy(true);
          setError(null);
          try {
            onStarted(await call('decisions:create', { caseId: view.header.id, language: chosen }));
          } catch (e) {
            setError(asRpcFailure(e));
          } finally {
            setBusy(false);
          }
        }}
        data-testid="start-draft"
        style={{ alignSelf: 'flex-start' }}
      >
        {t('decision.startDraft')}
      </Button>
    </Stack>
  );
}

function DecisionArea({
  view,
  initial,
  onOpenEvent,
  onCaseChanged,
  onReplaced,
}: {
  view: CaseView;
  initial: DecisionView;
  onOpenEvent: (eventId: number) => void;
  onCaseChanged: () => void;
  onReplaced: (d: DecisionView) => void;
}) {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const market = view.header.market;
  const [decision, setDecision] = useState(initial);
  const [values, setValues] = useState(initial.mergeValues);
  const [issues, setIssues] = useState<ValidationIssue[]>(initial.issues);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [actionError, setActionError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  // Bumped when a mail is filed: the export list below reloads with it.
  const [filed, setFiled] = useState(0);
  const [comment, setComment] = useState('');
  const [versionsKey, setVersionsKey] = useState(0);

  const editable = user.role !== 'auditor' && (decision.status === 'draft' || decision.status === 'returned');
  // For the conflict view: the letter as text with this window's values and cited events.
  const cited = useMemo(
    () => new Map<number, CitedEvent>(view.events.map((e) => [e.id, { date: dayKey(e.occurredAt, marketTimeZone(market)), summary: e.summary }])),
    [view.events, market],
  );

  const draft = useDraftAutosave<Panel>(initial, {
    onSaving: () => setSave({ kind: 'saving' }),
    save: async (value, baseVersion) => {
      const saved = await call('decisions:save', { id: initial.id, baseVersion, content: value.content, panel: value.panel });
      setValues(saved.mergeValues);
      setIssues(saved.issues);
      setDecision((d) => ({ ...d, version: saved.version, savedAt: saved.savedAt }));
      return saved.version;
    },
    onSaved: (at) => {
      setSave({ kind: 'saved', at });
      setVersionsKey((k) => k + 1);
    },
    onError: (error) => {
      if (error instanceof RpcFailure && error.code === 'conflict' && error.details) {
        // Autosave stops; typing goes on, and "mine" in the conflict view is this window's letter as it is now.
        setSave({ kind: 'conflict', message: refusalText(t, error), details: error.details as ConflictDetails });
      } else setSave({ kind: 'error', message: refusalText(t, asRpcFailure(error)) });
    },
  });
  const { content, panel, docKey, onText, onPanel } = draft;

  /** Replaces what is shown with what the service returned (after restore, submit, conflict …). */
  const adopt = (d: DecisionView) => {
    setDecision(d);
    setValues(d.mergeValues);
    setIssues(d.issues);
    draft.adopt(d);
    setVersionsKey((k) => k + 1);
  };

  const act = async (name: string, run: () => Promise<DecisionView>) => {
    setBusy(name);
    setActionError(null);
    try {
      await draft.flush();
      const d = await run();
      adopt(d);
      setComment('');
      onCaseChanged();
      void refreshApprovalQueue();
    } catch (e) {
      setActionError(refusalText(t, asRpcFailure(e)));
    } finally {
      setBusy(null);
    }
  };

  const resolveConflict = async (keep: 'theirs' | 'mine') => {
    // Mine is what this window holds at the moment of choosing: typing went on during the conflict.
    const mine = draft.latest.current;
    const fresh = await call('decisions:get', { id: decision.id });
    adopt(fresh);
    if (keep === 'mine') await draft.keepOnTop(mine, fresh);
    setSave({ kind: 'idle' });
  };

  const mineText = useMemo(() => (save.kind === 'conflict' ? renderPlainText(content, { values, events: cited }) : ''), [save.kind, content, values, cited]);

  const statusText = saveStatusText(t, save, decision.savedAt, market, i18n.language);

  const reviewBanner = (
    <div className={classes.banner}>
      <Stack gap={6}>
        <Group gap="xs" justify="space-between">
          <Group gap="xs">
            <Badge variant="light" color={decision.status === 'issued' ? 'teal' : decision.status === 'returned' ? 'orange' : 'blue'} data-testid="decision-status">
              {t(`decision.status.${decision.status}`)}
            </Badge>
            {decision.correctsDecisionId && (
              <Text size="xs" c="dimmed">
                {t('decision.corrects', { id: decision.correctsDecisionId })}
              </Text>
            )}
          </Group>
          <Text size="xs" c={save.kind === 'error' || save.kind === 'conflict' ? 'red' : 'dimmed'} data-testid="save-status" aria-live="polite">
            {decision.status === 'issued' ? '' : statusText}
          </Text>
        </Group>
        <ReviewComments steps={decision.review} market={market} label={(a) => t(`decision.reviewAction.${a}`)} />
        {decision.issued && (
          <Alert color="teal" icon={<IconLock size={16} />} p="xs" data-testid="issued-banner">
            <Text size="sm">
              {t('decision.issuedBy', { name: decision.issued.by.name, at: formatDateTime(decision.issued.at, market) })}
              {decision.issued.arnWindowEndsOn ? ` ${t('decision.arnWindow', { date: formatCalendarDate(decision.issued.arnWindowEndsOn, market) })}` : ''}
            </Text>
            <Text size="xs" c="dimmed" ff="monospace">
              SHA-256 {decision.issued.sha256}
            </Text>
          </Alert>
        )}
        {save.kind === 'conflict' && (
          <Alert color="red" icon={<IconAlertTriangle size={16} />} data-testid="conflict" title={t('decision.conflictTitle')}>
            <Text size="sm" mb="xs" data-testid="conflict-message">
              {t('decision.conflictBody', { name: save.details.theirs.savedBy.name, version: save.details.theirs.version, at: formatDateTime(save.details.theirs.savedAt, market) })}
            </Text>
            <div className={classes.twoTexts}>
              <div>
                <Text size="xs" fw={600}>
                  {t('decision.theirs', { name: save.details.theirs.savedBy.name, version: save.details.theirs.version })}
                </Text>
                <pre data-testid="conflict-theirs">{save.details.theirs.text}</pre>
              </div>
              <div>
                <Text size="xs" fw={600}>
                  {t('decision.mine')}
                </Text>
                <pre data-testid="conflict-mine">{mineText}</pre>
              </div>
            </div>
            <Group gap="xs" mt="xs">
              <Button size="xs" variant="default" onClick={() => void resolveConflict('theirs')} data-testid="conflict-keep-theirs">
                {t('decision.keepTheirs')}
              </Button>
              <Button size="xs" onClick={() => void resolveConflict('mine')} data-testid="conflict-keep-mine">
                {t('decision.keepMine')}
              </Button>
            </Group>
          </Alert>
        )}
      </Stack>
    </div>
  );

  const canSubmit = user.role !== 'auditor' && (decision.status === 'draft' || decision.status === 'returned');
  const isOmbudsman = user.role === 'ombudsman';
  const eventIssues = useMemo(() => issues.filter((i) => !i.path.startsWith('claims.')), [issues]);

  return (
    <div className={classes.layout} data-testid="decision-workspace" data-decision-id={decision.id}>
      <div className={classes.main}>
        <DecisionEditor
          docKey={docKey}
          content={content}
          editable={editable}
          values={values}
          events={view.events}
          market={market}
          onChange={onText}
          onOpenEvent={onOpenEvent}
          banner={reviewBanner}
        />
      </div>
      <aside className={classes.side} aria-label={t('decision.panel')}>
        <PanelSection title={t('decision.actions')} testId="decision-actions">
          <Stack gap="xs">
            {actionError && (
              <Alert color="red" p="xs" icon={<IconAlertTriangle size={16} />} data-testid="decision-action-error">
                <Text size="sm">{actionError}</Text>
              </Alert>
            )}
            <ReviewActions
              subject="decision"
              id={decision.id}
              status={decision.status}
              review={decision.review}
              canSubmit={canSubmit}
              submitReady={issues.length === 0}
              busy={busy}
              comment={comment}
              onComment={setComment}
              onSubmit={() => void act('submit', () => call('decisions:submit', { id: decision.id, baseVersion: draft.baseVersion(decision.version) }))}
              onReturn={() => void act('return', () => call('decisions:return', { id: decision.id, comment }))}
              onApprove={() => void act('approve', () => call('decisions:approve', { id: decision.id, comment }))}
              testIds={{ submit: 'decision-submit', comment: 'review-comment-input', return: 'decision-return', approve: 'decision-approve' }}
            />
            {isOmbudsman && decision.status === 'approved' && (
              <Button size="xs" color="teal" leftSection={<IconSignature size={14} />} loading={busy === 'issue'} onClick={() => void act('issue', () => call('decisions:issue', { id: decision.id }))} data-testid="decision-issue">
                {t('decision.issue')}
              </Button>
            )}
            {decision.status === 'issued' && user.role !== 'auditor' && (
              <Button
                size="xs"
                variant="default"
                loading={busy === 'correct'}
                onClick={async () => {
                  setBusy('correct');
                  try {
                    onReplaced(await call('decisions:create', { caseId: view.header.id, language: decision.language, correctsDecisionId: decision.id }));
                  } catch (e) {
                    setActionError(refusalText(t, asRpcFailure(e)));
                  } finally {
                    setBusy(null);
                  }
                }}
                data-testid="decision-correct"
              >
                {t('decision.correct')}
              </Button>
            )}
            {!editable && decision.status !== 'issued' && (
              <Text size="xs" c="dimmed">
                {t('decision.lockedForReview')}
              </Text>
            )}
          </Stack>
        </PanelSection>
        {decision.status === 'issued' && (
          <PanelSection title={t('send.title')} testId="decision-mail">
            <MailPanel caseId={view.header.id} email={view.header.customer.email} onFiled={() => setFiled((n) => n + 1)} />
          </PanelSection>
        )}
        <PanelSection title={t('exports.title')} testId="decision-exports">
          <ExportPanel
            key={filed}
            caseId={view.header.id}
            market={market}
            canIssued={decision.status === 'issued' || decision.correctsDecisionId !== null}
            canDraft={decision.status !== 'issued'}
          />
        </PanelSection>
        {decision.status !== 'issued' && issues.length > 0 && (
          <PanelSection title={t('decision.issues')} testId="decision-issues" aside={<Badge size="sm" color="orange" variant="light">{issues.length}</Badge>}>
            <List size="xs" spacing={2}>
              {issues.map((i, n) => (
                <List.Item key={n} data-code={i.code}>
                  {issueText(t, i)}
                </List.Item>
              ))}
            </List>
          </PanelSection>
        )}
        <PanelSection title={t('decision.claims')} testId="decision-claims">
          <ClaimPanel claims={view.header.claims} panel={panel} market={market} editable={editable} issues={issues} onChange={onPanel} />
          {eventIssues.length === 0 && issues.length === 0 && decision.status !== 'issued' && (
            <Text size="xs" c="teal" mt="xs" data-testid="decision-valid">
              {t('decision.valid')}
            </Text>
          )}
        </PanelSection>
        <PanelSection title={t('decision.versions')} testId="decision-versions">
          <VersionList
            decisionId={decision.id}
            refreshKey={versionsKey}
            market={market}
            canRestore={editable}
            onRestore={async (version) => {
              await draft.flush();
              await act('restore', () => call('decisions:restore', { id: decision.id, version, baseVersion: draft.baseVersion(decision.version) }));
            }}
          />
        </PanelSection>
        <PanelSection title={t('decision.precedents')} testId="decision-precedents">
          <PrecedentList caseId={view.header.id} market={market} />
        </PanelSection>
      </aside>
    </div>
  );
}
