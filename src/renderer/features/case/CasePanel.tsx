import { useTranslation } from 'react-i18next';
import { formatCount } from '../../lib/format';
import { Badge } from '@mantine/core';
import { CaseActions, type CaseView } from './CaseActions';
import { DeadlineList } from './DeadlineList';
import { DocumentList } from './DocumentList';
import { PanelSection } from './PanelSection';
import { RedFlagList } from './RedFlagList';
import { MatterSection } from '../matters/MatterSection';
import { call } from '../../lib/api';
import { caseDocuments } from './attachments';

/**
 * The case's right panel: what to do (actions), what is due (deadlines), what looks wrong (red
 * flags) and what was sent in (documents), beside the history so nothing needs a tab or a dialog.
 */
export function CasePanel({
  view,
  onUpdated,
  activeFlag,
  onSelectFlag,
  onJump,
  wide,
  onWideChange,
  onOpenResponse,
}: {
  view: CaseView;
  onUpdated: (view: CaseView) => void;
  activeFlag: number | null;
  onSelectFlag: (index: number) => void;
  onJump: (eventId: number, flagIndex?: number) => void;
  wide: boolean;
  onWideChange: (wide: boolean) => void;
  onOpenResponse: (matterId: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const { header, events, flags, deadlines } = view;
  const documentCount = caseDocuments(events).length;
  const count = (n: number, color: string, testId: string) => (
    <Badge size="sm" variant={n > 0 ? 'light' : 'default'} color={n > 0 ? color : 'gray'} className="tabular" data-testid={testId}>
      {formatCount(n, i18n.language)}
    </Badge>
  );
  return (
    <>
      <CaseActions view={view} onUpdated={onUpdated} />
      <PanelSection title={t('deadline.title')} testId="case-deadlines">
        <DeadlineList deadlines={deadlines} windows={view.customerWindows} market={header.market} />
      </PanelSection>
      <PanelSection title={t('flags.title')} testId="case-red-flags" aside={count(flags.length, 'red', 'red-flag-count')}>
        <RedFlagList
          flags={flags}
          events={events}
          market={header.market}
          active={activeFlag}
          onSelect={onSelectFlag}
          onJump={(index, eventId) => onJump(eventId, index)}
        />
      </PanelSection>
      <MatterSection caseId={header.id} market={header.market} onOpenResponse={onOpenResponse} onChanged={() => void call('cases:get', { id: header.id }).then(onUpdated, () => undefined)} />
      <PanelSection title={t('documents.title')} testId="case-documents" aside={count(documentCount, 'gray', 'document-count')}>
        <DocumentList events={events} market={header.market} onJump={(id) => onJump(id)} wide={wide} onWideChange={onWideChange} />
      </PanelSection>
    </>
  );
}
