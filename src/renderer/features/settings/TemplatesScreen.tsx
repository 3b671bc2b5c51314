import { refusalText } from '../../lib/refusalText';
import { Alert, Badge, Button, Group, List, NavLink, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconArrowLeft, IconDeviceFloppy, IconRestore, IconTemplate } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { templateFields, type ValidationIssue } from '../../../shared/domain/decision';
import type { Language, Market } from '../../../shared/domain/market';
import type { DocNode } from '../../../shared/editor/document';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { ErrorState } from '../../components/ErrorState';
import { call, type RpcFailure } from '../../lib/api';
import { formatUiDateTime } from '../../lib/format';
import { useSession } from '../../lib/session';
import { asRpcFailure, useCall } from '../../lib/useCall';
import { DecisionEditor } from '../decision/DecisionEditor';
import { issueText } from '../decision/issueText';

type Template = ChannelOutput<'decisions:templates'>['templates'][number];

const keyOf = (t: Pick<Template, 'market' | 'language'>) => `${t.market}-${t.language}`;

/** i18next reads dots as nesting: `claim.*.outcome` is labelled by `templates.fields.claim_n_outcome`. */
function fieldKey(field: string): string {
  return `templates.fields.${field.replaceAll('*', 'n').replaceAll('.', '_')}`;
}

function issuesOf(failure: RpcFailure): ValidationIssue[] {
  const details = failure.details as { issues?: ValidationIssue[] } | undefined;
  return Array.isArray(details?.issues) ? details.issues : [];
}

/**
 * The decision templates per market and language: the ombudsman edits one in the same editor as
 * the decisions (merge fields show what they stand for), saves it for new drafts, or goes back to
 * the shipped default. The service refuses a template that could not make a valid decision and
 * names every problem; others can read the templates but not change them.
 */
export function TemplatesScreen({ onBack }: { onBack: () => void }) {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const mayEdit = user.role === 'ombudsman';
  const list = useCall('decisions:templates', {});
  const [selected, setSelected] = useState<string | null>(null);
  const [draft, setDraft] = useState<{ name: string; content: DocNode } | null>(null);
  const [docKey, setDocKey] = useState(0);
  // The loaded text as the editor normalised it: an edit is a difference from this, not any update.
  const [baseline, setBaseline] = useState<string | null>(null);
  const [busy, setBusy] = useState<'save' | 'reset' | null>(null);
  const [failure, setFailure] = useState<RpcFailure | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const templates = list.data?.templates;
  const current = templates?.find((x) => keyOf(x) === selected) ?? templates?.[0];

  const values = useMemo(() => {
    const market: Market = current?.market ?? 'SE';
    return Object.fromEntries(templateFields(market).map((f) => [f, t(fieldKey(f), { defaultValue: f })]));
  }, [current?.market, t]);
  const dateTime = useMemo(() => ({ format: (d: Date) => formatUiDateTime(d.toISOString(), i18n.language) }), [i18n.language]);

  if (list.error) return <ErrorState title={t('templates.title')} error={list.error} onRetry={list.reload} />;

  const dirty = draft !== null && current !== undefined && (draft.name !== current.name || (baseline !== null && JSON.stringify(draft.content) !== baseline));
  const choose = (key: string) => {
    if (current && key === keyOf(current)) return;
    if (dirty && !window.confirm(t('templates.leaveUnsaved'))) return;
    setSelected(key);
    setDraft(null);
    setFailure(null);
    setNotice(null);
    setDocKey((n) => n + 1);
  };

  const act = async (kind: 'save' | 'reset', work: () => Promise<Template>, message: string) => {
    setBusy(kind);
    setFailure(null);
    setNotice(null);
    try {
      await work();
      setDraft(null);
      setDocKey((n) => n + 1);
      setNotice(message);
      list.reload();
    } catch (error) {
      setFailure(asRpcFailure(error));
    } finally {
      setBusy(null);
    }
  };

  const name = draft?.name ?? current?.name ?? '';
  const content = draft?.content ?? current?.content;
  const issues = failure ? issuesOf(failure) : [];

  return (
    <Stack p="md" gap="md" h="100%" style={{ overflow: 'auto' }} data-testid="templates-screen">
      <Group gap="xs">
        <Button variant="subtle" size="compact-sm" leftSection={<IconArrowLeft size={14} />} onClick={onBack}>
          {t('nav.backToInbox')}
        </Button>
        <Title order={2} size="h4">
          {t('templates.title')}
        </Title>
      </Group>
      <Text size="sm" c="dimmed" maw={820}>
        {t('templates.intro')} {!mayEdit && t('templates.readOnly')}
      </Text>
      <Group align="flex-start" gap="md" wrap="nowrap">
        <Paper withBorder p={4} w={250} style={{ flexShrink: 0 }} data-testid="template-list">
          {(templates ?? []).map((x) => (
            <NavLink
              key={keyOf(x)}
              active={current !== undefined && keyOf(x) === keyOf(current)}
              onClick={() => choose(keyOf(x))}
              label={`${t(`market.${x.market}`)} · ${t(`language.${x.language as Language}`)}`}
              description={x.source === 'store' && x.updatedAt ? t('templates.editedAt', { at: dateTime.format(new Date(x.updatedAt)) }) : x.name}
              rightSection={
                <Badge size="xs" variant="light" color={x.source === 'store' ? 'blue' : 'gray'}>
                  {t(`templates.source.${x.source}`)}
                </Badge>
              }
              leftSection={<IconTemplate size={16} />}
              data-testid={`template-${keyOf(x)}`}
            />
          ))}
        </Paper>
        {current && content && (
          <Stack gap="sm" style={{ flex: 1, minWidth: 0 }}>
            <Group gap="sm" align="flex-end" wrap="wrap">
              <TextInput
                label={t('templates.name')}
                value={name}
                readOnly={!mayEdit}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  setDraft((d) => ({ name: value, content: d?.content ?? current.content }));
                }}
                w={360}
                data-testid="template-name"
              />
              {dirty && (
                <Badge color="orange" variant="light" data-testid="template-unsaved">
                  {t('templates.unsaved')}
                </Badge>
              )}
              {mayEdit && (
                <Group gap="xs" ml="auto">
                  {dirty && (
                    <Button
                      variant="default"
                      onClick={() => {
                        setDraft(null);
                        setFailure(null);
                        setDocKey((n) => n + 1);
                      }}
                    >
                      {t('templates.discard')}
                    </Button>
                  )}
                  {current.source === 'store' && (
                    <Button
                      variant="default"
                      leftSection={<IconRestore size={14} />}
                      loading={busy === 'reset'}
                      onClick={() => void act('reset', () => call('decisions:resetTemplate', { market: current.market, language: current.language }), t('templates.resetDone'))}
                      data-testid="template-reset"
                    >
                      {t('templates.reset')}
                    </Button>
                  )}
                  <Button
                    leftSection={<IconDeviceFloppy size={14} />}
                    disabled={!dirty || name.trim() === ''}
                    loading={busy === 'save'}
                    onClick={() =>
                      void act('save', () => call('decisions:saveTemplate', { market: current.market, language: current.language, name: name.trim(), content }), t('templates.saved'))
                    }
                    data-testid="template-save"
                  >
                    {t('templates.save')}
                  </Button>
                </Group>
              )}
            </Group>
            {notice && (
              <Alert color="teal" variant="light" data-testid="template-notice">
                {notice}
              </Alert>
            )}
            {failure && (
              <Alert color="red" variant="light" title={t('templates.refused')} data-testid="template-refused">
                {issues.length > 0 ? (
                  <List size="sm" spacing={2}>
                    {issues.map((i) => (
                      <List.Item key={`${i.code}:${i.path}:${i.message}`}>{issueText(t, i)}</List.Item>
                    ))}
                  </List>
                ) : (
                  refusalText(t, failure)
                )}
              </Alert>
            )}
            <DecisionEditor
              key={`${keyOf(current)}:${docKey}`}
              docKey={`${keyOf(current)}:${docKey}`}
              content={content}
              editable={mayEdit}
              values={values}
              events={[]}
              market={current.market}
              citations={false}
              label={t('templates.letterLabel')}
              // The editor keeps its first handler until its key changes: read the name from state, not this render.
              onChange={(doc) => setDraft((d) => ({ name: d?.name ?? current.name, content: doc }))}
              onOpenEvent={() => undefined}
              onReady={(doc) => setBaseline(JSON.stringify(doc))}
            />
          </Stack>
        )}
      </Group>
    </Stack>
  );
}
