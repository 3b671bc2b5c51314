import { refusalText } from '../../lib/refusalText';
import { isCitable } from '../../../shared/domain/citation';
import { ActionIcon, Alert, Badge, Button, Checkbox, Group, List, Loader, MultiSelect, Select, Stack, Text, Textarea, TextInput, Title, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconArrowDown, IconArrowUp, IconDownload, IconEye, IconEyeOff, IconLock, IconTrash } from '@tabler/icons-react';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CLAIM_POSITIONS, EXHIBIT_WORD, numberedExhibits, type ArnResponseView, type ResponseIssue, type ResponsePanel } from '../../../shared/domain/arn-response';
import type { Matter } from '../../../shared/domain/authority';
import { LANGUAGES, type Language } from '../../../shared/domain/market';
import { ErrorState } from '../../components/ErrorState';
import { MoneyText } from '../../components/MoneyText';
import { call } from '../../lib/api';
import { saveBase64File } from '../../lib/save-file';
import { dayKey, formatCalendarDate, formatDateTime, marketTimeZone } from '../../lib/format';
import { useSession } from '../../lib/session';
import { asRpcFailure, useCall } from '../../lib/useCall';
import type { CaseView } from '../case/CaseActions';
import { ReviewActions } from '../../shared/review/ReviewActions';
import { refreshApprovalQueue } from '../../shared/review/queue';
import { PanelSection } from '../case/PanelSection';
import classes from '../decision/Decision.module.css';
import { DecisionEditor } from '../decision/DecisionEditor';
import { ReviewComments, saveStatusText, type SaveState } from '../decision/ReviewState';
import { useDraftAutosave } from '../decision/useDraftAutosave';

/**
 * The response to an authority matter: the letter in the decision editor (with redaction), and
 * beside it the matter's deadline, the company's position per claim point, the answers to the
 * authority's questions, the facts and exhibits picked from the case, redacted fields, the
 * settlement offer, the checks, and the four-eyes and export buttons the role allows.
 */
export function ArnResponseWorkspace({ view, matterId, onOpenEvent, onCaseChanged }: { view: CaseView; matterId: number; onOpenEvent: (eventId: number) => void; onCaseChanged: () => void }) {
  const { t } = useTranslation();
  const loaded = useCall('arnResponses:forMatter', { matterId });
  const matters = useCall('matters:forCase', { caseId: view.header.id });
  const matter = matters.data?.rows.find((m) => m.id === matterId) ?? null;
  const [response, setResponse] = useState<ArnResponseView | null>(null);
  const [seen, setSeen] = useState<unknown>(null);
  if (loaded.data !== seen) {
    setSeen(loaded.data);
    if (loaded.data) setResponse(loaded.data.response);
  }
  if (loaded.error) return <ErrorState title={t('arnResponse.loadError')} error={loaded.error} onRetry={loaded.reload} />;
  if ((loaded.loading && !response) || !matter) return <Loader size="sm" m="md" />;
  if (!response) return <StartResponse view={view} matter={matter} onStarted={setResponse} />;
  return <ResponseArea key={response.id} view={view} matter={matter} initial={response} onOpenEvent={onOpenEvent} onCaseChanged={onCaseChanged} />;
}

function StartResponse({ view, matter, onStarted }: { view: CaseView; matter: Matter; onStarted: (r: ArnResponseView) => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [language, setLanguage] = useState<Language>(view.header.language);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (user.role === 'auditor') {
    return (
      <Text size="sm" c="dimmed" p="md" data-testid="no-response">
        {t('arnResponse.none')}
      </Text>
    );
  }
  return (
    <Stack p="md" gap="sm" maw={520} data-testid="start-response">
      <Title order={3} size="h4">
        {t('arnResponse.start', { authority: matter.authority, reference: matter.reference })}
      </Title>
      <Select
        label={t('arnResponse.language')}
        data={LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
        value={language}
        onChange={(v) => v && setLanguage(v as Language)}
        allowDeselect={false}
        data-testid="response-language"
      />
      {error && (
        <Alert color="red" icon={<IconAlertTriangle size={16} />}>
          {error}
        </Alert>
      )}
      <Button
        loading={busy}
        style={{ alignSelf: 'flex-start' }}
        data-testid="start-response-draft"
        onClick={async () => {
          setBusy(true);
          setError(null);
          try {
            onStarted(await call('arnResponses:create', { matterId: matter.id, language }));
          } catch (e) {
            setError(refusalText(t, asRpcFailure(e)));
          } finally {
            setBusy(false);
          }
        }}
      >
        {t('arnResponse.startDraft')}
      </Button>
    </Stack>
  );
}

interface RowChange {
  move?: number;
  redacted?: boolean;
  remove?: boolean;
}

/** Move up/down, redact and remove for one picked fact or exhibit. */
function RowTools({ testId, index, count, redacted, onChange }: { testId: string; index: number; count: number; redacted: boolean; onChange: (change: RowChange) => void }) {
  const { t } = useTranslation();
  return (
    <Group gap={2} wrap="nowrap" style={{ flex: 'none' }}>
      <ActionIcon size="sm" variant="subtle" color="gray" disabled={index === 0} onClick={() => onChange({ move: -1 })} aria-label={t('arnResponse.up')} data-testid={`${testId}-up-${index}`}>
        <IconArrowUp size={14} />
      </ActionIcon>
      <ActionIcon size="sm" variant="subtle" color="gray" disabled={index === count - 1} onClick={() => onChange({ move: 1 })} aria-label={t('arnResponse.down')} data-testid={`${testId}-down-${index}`}>
        <IconArrowDown size={14} />
      </ActionIcon>
      <Tooltip label={redacted ? t('arnResponse.unredact') : t('arnResponse.redact')} openDelay={300}>
        <ActionIcon size="sm" variant={redacted ? 'filled' : 'subtle'} color={redacted ? 'red' : 'gray'} onClick={() => onChange({ redacted: !redacted })} aria-pressed={redacted} aria-label={t('arnResponse.redact')} data-testid={`${testId}-redact-${index}`}>
          {redacted ? <IconEyeOff size={14} /> : <IconEye size={14} />}
        </ActionIcon>
      </Tooltip>
      <ActionIcon size="sm" variant="subtle" color="gray" onClick={() => onChange({ remove: true })} aria-label={t('arnResponse.remove')} data-testid={`${testId}-remove-${index}`}>
        <IconTrash size={14} />
      </ActionIcon>
    </Group>
  );
}

/** A list after one row's change: moved, removed, or its redaction switched. */
function changed<T extends { redacted: boolean }>(list: readonly T[], i: number, c: RowChange): T[] {
  if (c.remove) return list.filter((_, j) => j !== i);
  if (c.move) {
    const next = [...list];
    const [item] = next.splice(i, 1);
    next.splice(i + c.move, 0, item!);
    return next;
  }
  return list.map((x, j) => (j === i ? { ...x, redacted: !!c.redacted } : x));
}

function ResponseArea({ view, matter, initial, onOpenEvent, onCaseChanged }: { view: CaseView; matter: Matter; initial: ArnResponseView; onOpenEvent: (eventId: number) => void; onCaseChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const market = view.header.market;
  const tz = marketTimeZone(market);
  const [response, setResponse] = useState(initial);
  const [values, setValues] = useState(initial.mergeValues);
  const [issues, setIssues] = useState<ResponseIssue[]>(initial.issues);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [busy, setBusy] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const [exported, setExported] = useState<{ fileName: string; sha256: string; warnings: string[] } | null>(null);
  const editable = user.role !== 'auditor' && (response.status === 'draft' || response.status === 'returned');
  const word = EXHIBIT_WORD[response.language];

  const draft = useDraftAutosave<ResponsePanel>(initial, {
    onSaving: () => setSave({ kind: 'saving' }),
    save: async (value, baseVersion) => {
      const saved = await call('arnResponses:save', { id: initial.id, baseVersion, content: value.content, panel: value.panel });
      setValues(saved.mergeValues);
      setIssues(saved.issues);
      setResponse((r) => ({ ...r, version: saved.version, savedAt: saved.savedAt, renderedText: saved.renderedText }));
      return saved.version;
    },
    onSaved: (at) => setSave({ kind: 'saved', at }),
    onError: (error) => setSave({ kind: 'error', message: refusalText(t, asRpcFailure(error)) }),
  });
  const { content, panel, docKey, onText } = draft;
  const changePanel = draft.onPanel;

  const adopt = (r: ArnResponseView) => {
    setResponse(r);
    setValues(r.mergeValues);
    setIssues(r.issues);
    draft.adopt(r);
  };

  const act = async (name: string, run: () => Promise<ArnResponseView>) => {
    setBusy(name);
    setActionError(null);
    try {
      await draft.flush();
      adopt(await run());
      setComment('');
      onCaseChanged();
      void refreshApprovalQueue();
    } catch (e) {
      setActionError(refusalText(t, asRpcFailure(e)));
    } finally {
      setBusy(null);
    }
  };

  const exportAs = async (format: 'package' | 'docx') => {
    setBusy(format);
    setActionError(null);
    try {
      const file = await call('arnResponses:export', { id: response.id, format });
      saveBase64File(file.fileName, file.base64, file.mediaType);
      // The export is in the history now; the case view picks it up when the history is shown again.
      setExported({ fileName: file.fileName, sha256: file.sha256, warnings: file.warnings });
    } catch (e) {
      setActionError(refusalText(t, asRpcFailure(e)));
    } finally {
      setBusy(null);
    }
  };

  const events = useMemo(() => [...view.events].sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt)), [view.events]);
  const eventById = useMemo(() => new Map(events.map((e) => [e.id, e])), [events]);
  const eventLabel = (id: number) => {
    const e = eventById.get(id);
    return e ? `${formatCalendarDate(dayKey(e.occurredAt, tz), market)} · ${e.summary}` : `#${id}`;
  };
  const attachments = useMemo(() => events.flatMap((e) => e.attachments.map((a) => ({ attachment: a, event: e }))), [events]);
  const attachmentName = (id: number) => attachments.find((a) => a.attachment.id === id)?.attachment.fileName ?? `#${id}`;
  const isInternal = (id: number) => {
    const e = eventById.get(id);
    return !!e && !isCitable(e);
  };

  const exhibitNumbers = useMemo(() => Object.fromEntries(numberedExhibits(panel).map((n) => [n.index, n.number])) as Record<number, number>, [panel]);

  const statusText = saveStatusText(t, save, response.savedAt, market, i18n.language);

  const banner = (
    <div className={classes.banner}>
      <Stack gap={6}>
        <Group gap="xs" justify="space-between">
          <Group gap="xs">
            <Badge variant="light" color={response.status === 'finalised' ? 'teal' : response.status === 'returned' ? 'orange' : 'blue'} data-testid="response-status">
              {t(`arnResponse.status.${response.status}`)}
            </Badge>
            <Text size="xs" c="dimmed">
              {matter.authority} {matter.reference}
            </Text>
          </Group>
          <Text size="xs" c={save.kind === 'error' ? 'red' : 'dimmed'} data-testid="response-save-status" aria-live="polite">
            {response.status === 'finalised' ? '' : statusText}
          </Text>
        </Group>
        <ReviewComments steps={response.review} market={market} label={(a) => t(`arnResponse.reviewAction.${a}`)} />
        {response.finalised && (
          <Alert color="teal" icon={<IconLock size={16} />} p="xs" data-testid="response-finalised">
            <Text size="sm">{t('arnResponse.finalisedBy', { name: response.finalised.by.name, at: formatDateTime(response.finalised.at, market) })}</Text>
            <Text size="xs" c="dimmed" ff="monospace">
              SHA-256 {response.finalised.sha256}
            </Text>
          </Alert>
        )}
      </Stack>
    </div>
  );

  const canWrite = user.role !== 'auditor';
  const ready = issues.length === 0;
  const overdue = matter.responseDue !== null && matter.daysLeft !== null && matter.daysLeft < 0;
  const section = (title: string, testId: string, children: ReactNode, aside?: ReactNode) => (
    <PanelSection title={title} testId={testId} aside={aside}>
      {children}
    </PanelSection>
  );

  return (
    <div className={classes.layout} data-testid="response-workspace" data-response-id={response.id}>
      <div className={classes.main}>
        <DecisionEditor docKey={docKey} content={content} editable={editable} values={values} events={view.events} market={market} onChange={onText} onOpenEvent={onOpenEvent} banner={banner} redactable />
      </div>
      <aside className={classes.side} aria-label={t('arnResponse.panel')}>
        {section(
          t('decision.actions'),
          'response-actions',
          <Stack gap="xs">
            {actionError && (
              <Alert color="red" p="xs" icon={<IconAlertTriangle size={16} />} data-testid="response-action-error">
                <Text size="sm">{actionError}</Text>
              </Alert>
            )}
            <ReviewActions
              subject="arn_response"
              id={response.id}
              status={response.status}
              review={response.review}
              canSubmit={canWrite && editable && response.fourEyes}
              submitReady={ready}
              busy={busy}
              comment={comment}
              onComment={setComment}
              onSubmit={() => void act('submit', () => call('arnResponses:submit', { id: response.id, baseVersion: draft.baseVersion(response.version) }))}
              onReturn={() => void act('return', () => call('arnResponses:return', { id: response.id, comment }))}
              onApprove={() => void act('approve', () => call('arnResponses:approve', { id: response.id, comment }))}
              testIds={{ submit: 'response-submit', comment: 'response-comment', return: 'response-return', approve: 'response-approve' }}
            />
            {canWrite && (response.status === 'approved' || (!response.fourEyes && editable)) && (
              <Button size="xs" color="teal" leftSection={<IconLock size={14} />} disabled={!ready} loading={busy === 'finalise'} onClick={() => void act('finalise', () => call('arnResponses:finalise', { id: response.id, baseVersion: draft.baseVersion(response.version) }))} data-testid="response-finalise">
                {t('arnResponse.finalise')}
              </Button>
            )}
            {canWrite && response.status === 'finalised' && (
              <Group gap="xs">
                <Button size="xs" leftSection={<IconDownload size={14} />} loading={busy === 'package'} onClick={() => void exportAs('package')} data-testid="response-export-package">
                  {t('arnResponse.exportPackage')}
                </Button>
                <Button size="xs" variant="default" leftSection={<IconDownload size={14} />} loading={busy === 'docx'} onClick={() => void exportAs('docx')} data-testid="response-export-docx">
                  DOCX
                </Button>
              </Group>
            )}
            {exported && (
              <Text size="xs" c="dimmed" data-testid="response-exported">
                {t('arnResponse.exported', { file: exported.fileName })}
              </Text>
            )}
            {exported?.warnings.map((w) => (
              <Alert key={w} color="orange" p="xs">
                <Text size="xs">{w}</Text>
              </Alert>
            ))}
            {!editable && response.status !== 'finalised' && (
              <Text size="xs" c="dimmed">
                {t('decision.lockedForReview')}
              </Text>
            )}
          </Stack>,
        )}
        {response.status !== 'finalised' &&
          section(
            t('arnResponse.checks'),
            'response-checks',
            ready ? (
              <Text size="xs" c="teal" data-testid="response-ready">
                {t('arnResponse.ready')}
              </Text>
            ) : (
              <List size="xs" spacing={2}>
                {issues.map((i, n) => (
                  <List.Item key={n} data-code={i.code}>
                    {i.message}
                  </List.Item>
                ))}
              </List>
            ),
            !ready && (
              <Badge size="sm" color="orange" variant="light">
                {issues.length}
              </Badge>
            ),
          )}
        {section(
          t('arnResponse.matter'),
          'response-matter',
          <Stack gap={4}>
            <Text size="sm">
              {matter.authorityName} · {matter.reference}
            </Text>
            {matter.responseDue && (
              <Text size="xs" c={overdue ? 'red' : 'dimmed'} fw={overdue ? 700 : 400} className="tabular" data-testid="response-deadline">
                {t('matters.dueOn', { date: formatCalendarDate(matter.responseDue, market) })}
                {matter.daysLeft !== null && ` · ${overdue ? t('arnResponse.overdue', { count: -matter.daysLeft }) : t('arnResponse.daysLeft', { count: matter.daysLeft })}`}
              </Text>
            )}
            {(overdue || panel.lateAcknowledged) && (
              <Checkbox
                size="xs"
                label={t('arnResponse.lateAcknowledged')}
                checked={panel.lateAcknowledged}
                disabled={!editable}
                onChange={(e) => changePanel({ ...panel, lateAcknowledged: e.currentTarget.checked })}
                data-testid="response-late"
              />
            )}
          </Stack>,
        )}
        {section(
          t('arnResponse.points'),
          'response-points',
          <Stack gap="sm">
            {panel.points.map((p, i) => (
              <Stack key={i} gap={4} data-testid={`response-point-${i}`}>
                <Text size="sm">
                  {i + 1}. {p.text}
                  {p.amount && (
                    <>
                      {' · '}
                      <MoneyText money={p.amount} market={market} size="sm" />
                    </>
                  )}
                </Text>
                <Select
                  size="xs"
                  placeholder={t('arnResponse.position')}
                  data={CLAIM_POSITIONS.map((c) => ({ value: c, label: t(`arnResponse.positions.${c}`) }))}
                  value={p.position}
                  disabled={!editable}
                  onChange={(v) => changePanel({ ...panel, points: panel.points.map((x, j) => (j === i ? { ...x, position: (v as (typeof CLAIM_POSITIONS)[number] | null) ?? null } : x)) })}
                  data-testid={`point-position-${i}`}
                  comboboxProps={{ withinPortal: true }}
                />
                {p.amount && (
                  <Select
                    size="xs"
                    placeholder={t('arnResponse.amountReasonable')}
                    data={[
                      { value: 'yes', label: t('arnResponse.amountYes') },
                      { value: 'no', label: t('arnResponse.amountNo') },
                    ]}
                    value={p.amountReasonable === null ? null : p.amountReasonable ? 'yes' : 'no'}
                    disabled={!editable}
                    onChange={(v) => changePanel({ ...panel, points: panel.points.map((x, j) => (j === i ? { ...x, amountReasonable: v === null ? null : v === 'yes' } : x)) })}
                    data-testid={`point-amount-${i}`}
                  />
                )}
              </Stack>
            ))}
          </Stack>,
        )}
        {matter.questions.length > 0 &&
          section(
            t('arnResponse.questions'),
            'response-questions',
            <Stack gap="sm">
              {matter.questions.map((q, i) => (
                <Textarea
                  key={i}
                  size="xs"
                  label={`${i + 1}. ${q}`}
                  value={panel.answers[i] ?? ''}
                  disabled={!editable}
                  autosize
                  minRows={2}
                  onChange={(e) => changePanel({ ...panel, answers: panel.answers.map((a, j) => (j === i ? e.currentTarget.value : a)) })}
                  data-testid={`answer-${i}`}
                />
              ))}
            </Stack>,
          )}
        {section(
          t('arnResponse.facts'),
          'response-facts',
          <Stack gap={6}>
            {panel.facts.length === 0 && (
              <Text size="xs" c="dimmed">
                {t('arnResponse.noFacts')}
              </Text>
            )}
            {panel.facts.map((f, i) => (
              <Group key={`${f.eventId}-${i}`} gap={6} wrap="nowrap" justify="space-between" data-testid="response-fact" data-redacted={f.redacted || undefined}>
                <Text size="xs" td={f.redacted ? 'line-through' : undefined} c={f.redacted ? 'dimmed' : isInternal(f.eventId) ? 'red' : undefined} lineClamp={2}>
                  {eventLabel(f.eventId)}
                </Text>
                {editable && <RowTools testId="fact" index={i} count={panel.facts.length} redacted={f.redacted} onChange={(c) => changePanel({ ...panel, facts: changed(panel.facts, i, c) })} />}
              </Group>
            ))}
            {editable && (
              <Select
                size="xs"
                searchable
                placeholder={t('arnResponse.addFact')}
                data={events.filter((e) => !panel.facts.some((f) => f.eventId === e.id)).map((e) => ({ value: String(e.id), label: eventLabel(e.id) }))}
                value={null}
                onChange={(v) => v && changePanel({ ...panel, facts: [...panel.facts, { eventId: Number(v), redacted: false }].sort((a, b) => Date.parse(eventById.get(a.eventId)?.occurredAt ?? '') - Date.parse(eventById.get(b.eventId)?.occurredAt ?? '')) })}
                data-testid="fact-picker"
                nothingFoundMessage={t('arnResponse.nothingFound')}
              />
            )}
          </Stack>,
        )}
        {section(
          t('arnResponse.exhibits'),
          'response-exhibits',
          <Stack gap={6}>
            {panel.exhibits.length === 0 && (
              <Text size="xs" c="dimmed">
                {t('arnResponse.noExhibits')}
              </Text>
            )}
            {panel.exhibits.map((x, i) => {
                const number = exhibitNumbers[i] ?? null;
                return (
                  <Stack key={`${x.source}-${x.id}-${i}`} gap={2} data-testid="response-exhibit" data-redacted={x.redacted || undefined}>
                    <Group gap={6} wrap="nowrap" justify="space-between">
                      <Text size="xs" fw={600} className="tabular" style={{ flex: 'none' }}>
                        {number === null ? '—' : `${word} ${number}`}
                      </Text>
                      <Text size="xs" c="dimmed" truncate style={{ flex: 1 }}>
                        {x.source === 'attachment' ? attachmentName(x.id) : eventLabel(x.id)}
                      </Text>
                      {editable && <RowTools testId="exhibit" index={i} count={panel.exhibits.length} redacted={x.redacted} onChange={(c) => changePanel({ ...panel, exhibits: changed(panel.exhibits, i, c) })} />}
                    </Group>
                    <TextInput
                      size="xs"
                      value={x.title}
                      disabled={!editable}
                      aria-label={t('arnResponse.exhibitTitle')}
                      onChange={(e) => changePanel({ ...panel, exhibits: panel.exhibits.map((y, j) => (j === i ? { ...y, title: e.currentTarget.value } : y)) })}
                      data-testid={`exhibit-title-${i}`}
                    />
                  </Stack>
                );
              })}
            {editable && (
              <Select
                size="xs"
                searchable
                placeholder={t('arnResponse.addExhibit')}
                data={[
                  {
                    group: t('arnResponse.fromAttachments'),
                    items: attachments
                      .filter((a) => !panel.exhibits.some((x) => x.source === 'attachment' && x.id === a.attachment.id))
                      .map((a) => ({ value: `attachment:${a.attachment.id}`, label: a.attachment.fileName })),
                  },
                  {
                    group: t('arnResponse.fromEvents'),
                    items: events.filter((e) => !isInternal(e.id) && !panel.exhibits.some((x) => x.source === 'event' && x.id === e.id)).map((e) => ({ value: `event:${e.id}`, label: eventLabel(e.id) })),
                  },
                ]}
                value={null}
                onChange={(v) => {
                  if (!v) return;
                  const [source, raw] = v.split(':') as ['attachment' | 'event', string];
                  const id = Number(raw);
                  const title = source === 'attachment' ? attachmentName(id).replace(/\.[^.]+$/, '') : (eventById.get(id)?.summary ?? `#${id}`);
                  changePanel({ ...panel, exhibits: [...panel.exhibits, { source, id, title: title.slice(0, 200) || `#${id}`, redacted: false }] });
                }}
                data-testid="exhibit-picker"
                nothingFoundMessage={t('arnResponse.nothingFound')}
              />
            )}
          </Stack>,
        )}
        {section(
          t('arnResponse.redactedFields'),
          'response-redaction',
          <MultiSelect
            size="xs"
            placeholder={panel.redactedFields.length === 0 ? t('arnResponse.noRedactedFields') : undefined}
            data={Object.keys(values)
              .filter((k) => /^(customer|merchant|purchase|claim)\./.test(k))
              .sort()
              .map((k) => ({ value: k, label: `${k}: ${values[k]}` }))}
            value={panel.redactedFields}
            disabled={!editable}
            onChange={(v) => changePanel({ ...panel, redactedFields: v })}
            data-testid="redacted-fields"
            searchable
          />,
        )}
        {section(
          t('arnResponse.settlement'),
          'response-settlement',
          <Textarea size="xs" value={panel.settlementOffer} disabled={!editable} autosize minRows={2} placeholder={t('arnResponse.noSettlement')} onChange={(e) => changePanel({ ...panel, settlementOffer: e.currentTarget.value })} data-testid="settlement-offer" />,
        )}
      </aside>
    </div>
  );
}
