import { refusalText } from '../../lib/refusalText';
import { displayFileName } from '../../../shared/files/display-name';
import { ActionIcon, Alert, Anchor, Group, Loader, Stack, Text, Tooltip } from '@mantine/core';
import { IconArrowsMaximize, IconArrowsMinimize, IconDownload, IconEye, IconEyeOff, IconFile, IconFileTypePdf, IconPhoto } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryEvent } from '../../../shared/domain/history';
import type { Market } from '../../../shared/domain/market';
import { formatFileSize, formatShortDate } from '../../lib/format';
import { asRpcFailure } from '../../lib/useCall';
import type { RpcFailure } from '../../lib/api';
import { caseDocuments, loadAttachment, previewKind, saveBlobUrl, type CaseDocument, type LoadedAttachment } from './attachments';
import classes from './CasePanel.module.css';

interface Loaded {
  state: 'loading' | 'ready' | 'error';
  file?: LoadedAttachment;
  error?: RpcFailure;
}

/**
 * Every attachment of the case, with a preview for images and PDFs (from a blob URL, nothing leaves
 * the machine) and save-as. Blob URLs are revoked when the case closes.
 */
export function DocumentList({
  events,
  market,
  onJump,
  wide,
  onWideChange,
}: {
  events: readonly HistoryEvent[];
  market: Market;
  onJump: (eventId: number) => void;
  wide: boolean;
  onWideChange: (wide: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const docs = useMemo(() => caseDocuments(events), [events]);
  const [open, setOpen] = useState<string | null>(null);
  const [loaded, setLoaded] = useState<ReadonlyMap<number, Loaded>>(() => new Map());
  const urls = useRef<string[]>([]);
  // Where the page's security policy forbids framing blob URLs (an old harness), say so instead
  // of showing an empty frame.
  const [framesBlocked, setFramesBlocked] = useState(false);

  useEffect(() => {
    const list = urls.current;
    const onViolation = (e: SecurityPolicyViolationEvent) => {
      if (e.blockedURI.startsWith('blob') && (e.effectiveDirective === 'frame-src' || e.effectiveDirective === 'child-src')) setFramesBlocked(true);
    };
    document.addEventListener('securitypolicyviolation', onViolation);
    return () => {
      document.removeEventListener('securitypolicyviolation', onViolation);
      for (const url of list) URL.revokeObjectURL(url);
    };
  }, []);

  const load = useCallback(async (id: number): Promise<LoadedAttachment | undefined> => {
    setLoaded((m) => new Map(m).set(id, { state: 'loading' }));
    try {
      const file = await loadAttachment(id);
      urls.current.push(file.url);
      setLoaded((m) => new Map(m).set(id, { state: 'ready', file }));
      return file;
    } catch (err) {
      setLoaded((m) => new Map(m).set(id, { state: 'error', error: asRpcFailure(err) }));
      return undefined;
    }
  }, []);

  const togglePreview = (doc: CaseDocument, key: string) => {
    if (open === key) {
      setOpen(null);
      onWideChange(false);
      return;
    }
    setOpen(key);
    if (!loaded.has(doc.attachment.id) || loaded.get(doc.attachment.id)?.state === 'error') void load(doc.attachment.id);
  };

  const save = async (doc: CaseDocument) => {
    const ready = loaded.get(doc.attachment.id)?.file ?? (await load(doc.attachment.id));
    if (ready) saveBlobUrl(ready.url, displayFileName(doc.attachment.fileName));
  };

  if (docs.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('documents.none')}
      </Text>
    );
  }

  return (
    <Stack gap={2}>
      {docs.map((doc) => {
        const { attachment, event } = doc;
        const key = `${attachment.id}|${attachment.fileName}`;
        const kind = previewKind(attachment.mediaType);
        const Icon = kind === 'pdf' ? IconFileTypePdf : kind === 'image' ? IconPhoto : IconFile;
        const state = loaded.get(attachment.id);
        const isOpen = open === key;
        return (
          <div key={key} className={classes.document} data-testid="document" data-attachment-id={attachment.id} data-open={isOpen || undefined}>
            <Group gap={6} wrap="nowrap" align="center">
              <Icon size={16} stroke={1.6} className={classes.documentIcon} aria-hidden />
              <div style={{ flex: 1, minWidth: 0 }}>
                {kind ? (
                  <Anchor component="button" type="button" size="sm" fw={500} className={classes.documentName} onClick={() => togglePreview(doc, key)} title={displayFileName(attachment.fileName)}>
                    {displayFileName(attachment.fileName)}
                  </Anchor>
                ) : (
                  <Text size="sm" fw={500} truncate title={displayFileName(attachment.fileName)}>
                    {displayFileName(attachment.fileName)}
                  </Text>
                )}
                <Text size="xs" c="dimmed" className="tabular">
                  {formatFileSize(attachment.size, i18n.language)} ·{' '}
                  <Anchor component="button" type="button" size="xs" c="dimmed" className="ombud-target" onClick={() => onJump(event.id)} data-testid="document-event-link" title={t('documents.showEvent')}>
                    {formatShortDate(event.occurredAt, market)} · {t(`eventKind.${event.kind}`)}
                  </Anchor>
                </Text>
              </div>
              {kind && (
                <Tooltip label={isOpen ? t('documents.hidePreview') : t('documents.preview')}>
                  <ActionIcon onClick={() => togglePreview(doc, key)} aria-label={isOpen ? t('documents.hidePreview') : t('documents.preview')} aria-pressed={isOpen} data-testid="attachment-preview-toggle">
                    {isOpen ? <IconEyeOff size={15} /> : <IconEye size={15} />}
                  </ActionIcon>
                </Tooltip>
              )}
              <Tooltip label={t('documents.save')}>
                <ActionIcon onClick={() => void save(doc)} aria-label={t('documents.saveNamed', { name: displayFileName(attachment.fileName) })} loading={state?.state === 'loading' && !isOpen} data-testid="attachment-save">
                  <IconDownload size={15} />
                </ActionIcon>
              </Tooltip>
            </Group>
            {isOpen && (
              <div className={classes.preview} data-testid="attachment-preview" data-kind={kind ?? undefined}>
                {state?.state === 'error' && state.error ? (
                  <Alert color="red" variant="light" p="xs">
                    <Text size="sm">{t('documents.loadError', { message: refusalText(t, state.error) })}</Text>
                  </Alert>
                ) : state?.state === 'ready' && state.file ? (
                  <>
                    {kind === 'image' ? (
                      <img src={state.file.url} alt={displayFileName(attachment.fileName)} className={classes.previewImage} />
                    ) : framesBlocked ? (
                      <Alert color="gray" variant="light" p="xs" data-testid="attachment-preview-blocked">
                        <Text size="sm">{t('documents.previewBlocked')}</Text>
                      </Alert>
                    ) : (
                      <iframe src={state.file.url} title={displayFileName(attachment.fileName)} className={classes.previewFrame} data-wide={wide || undefined} />
                    )}
                    <Group gap="xs" mt={4} justify="space-between">
                      <Anchor href={state.file.url} download={displayFileName(attachment.fileName)} size="xs" data-testid="attachment-download">
                        <Group gap={4} wrap="nowrap" component="span">
                          <IconDownload size={13} />
                          {t('documents.saveAs')}
                        </Group>
                      </Anchor>
                      {(kind === 'image' || !framesBlocked) && (
                        <Anchor component="button" type="button" size="xs" className="ombud-target" onClick={() => onWideChange(!wide)} data-testid="attachment-widen">
                          <Group gap={4} wrap="nowrap" component="span">
                            {wide ? <IconArrowsMinimize size={13} /> : <IconArrowsMaximize size={13} />}
                            {wide ? t('documents.narrow') : t('documents.widen')}
                          </Group>
                        </Anchor>
                      )}
                    </Group>
                  </>
                ) : (
                  <Group justify="center" p="md">
                    <Loader size="sm" />
                  </Group>
                )}
              </div>
            )}
          </div>
        );
      })}
    </Stack>
  );
}
