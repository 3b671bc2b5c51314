import { Button, Center, Divider, Group, Kbd, Loader, SegmentedControl, Skeleton, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconArrowLeft, IconUser } from '@tabler/icons-react';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseHeader } from '../../../shared/domain/case';
import type { DeadlineView, RedFlagView } from '../../../shared/domain/review';
import { DueDays, daysLeftWords } from '../../components/DueDays';
import { ErrorState } from '../../components/ErrorState';
import { MarketBadge } from '../../components/MarketBadge';
import { StatusBadge } from '../../components/StatusBadge';
import { formatCalendarDate, formatDateTime } from '../../lib/format';
import { hasModifier, isDialogOpen, isTypingTarget } from '../../lib/keyboard';
import { useCall } from '../../lib/useCall';
import classes from './Case.module.css';
import type { CaseView } from './CaseActions';
import { CaseHeaderBand } from './CaseHeaderBand';
import { CasePanel } from './CasePanel';
import { Timeline, type TimelineJump } from './Timeline';

// The editors (TipTap, ProseMirror) load when a decision or a response is opened, not with every case.
const DecisionWorkspace = lazy(() => import('../decision/DecisionWorkspace').then((m) => ({ default: m.DecisionWorkspace })));
const ArnResponseWorkspace = lazy(() => import('../matters/ArnResponseWorkspace').then((m) => ({ default: m.ArnResponseWorkspace })));

/** The history and panel, the decision letter, or the response to an authority. */
type CaseMode = 'history' | 'decision' | 'response';

const NO_IDS: ReadonlySet<number> = new Set();

/**
 * One case: the title strip, the header band with everything asked, the full history below it,
 * and the right panel with actions, deadlines, red flags and documents. Esc goes back; `/` or
 * Ctrl+F searches the history. `focusEventId` (a search hit) opens the case at that event.
 */
export function CaseScreen({ caseId, focusEventId, onBack }: { caseId: number; focusEventId?: number; onBack: () => void }) {
  const { t } = useTranslation();
  const { data, error, loading, reload } = useCall('cases:get', { id: caseId });
  // Every action returns the case as it now is; it replaces what was fetched until the next fetch.
  const [updated, setUpdated] = useState<{ base: CaseView; view: CaseView } | null>(null);
  const view = updated && data && updated.base === data ? updated.view : data;
  const onUpdated = useCallback(
    (next: CaseView) => {
      if (data) setUpdated({ base: data, view: next });
    },
    [data],
  );

  const [activeFlag, setActiveFlag] = useState<number | null>(null);
  const [jump, setJump] = useState<TimelineJump | null>(() => (focusEventId === undefined ? null : { id: focusEventId, seq: 1 }));
  const [seenFocus, setSeenFocus] = useState(focusEventId);
  if (focusEventId !== seenFocus) {
    setSeenFocus(focusEventId);
    if (focusEventId !== undefined) setJump({ id: focusEventId, seq: (jump?.seq ?? 0) + 1 });
  }
  const [wide, setWide] = useState(false);
  /** The history and panel, or the decision letter; a citation clicked in the letter opens its event in the history. */
  const [mode, setMode] = useState<CaseMode>('history');
  /** The authority matter whose response is open in the 'response' mode. */
  const [responseMatter, setResponseMatter] = useState<number | null>(null);
  const openResponse = useCallback((matterId: number) => {
    setResponseMatter(matterId);
    setMode('response');
  }, []);
  const searchRef = useRef<HTMLInputElement>(null);

  const flags = view?.flags;
  const active = activeFlag !== null && flags && activeFlag < flags.length ? activeFlag : null;
  const flaggedEvents = useMemo(() => flagsByEvent(flags ?? []), [flags]);
  const activeFlagView = active === null ? undefined : flags?.[active];
  const highlighted = useMemo(() => {
    const ids = new Set<number>(activeFlagView?.eventIds ?? []);
    if (focusEventId !== undefined) ids.add(focusEventId);
    return ids.size === 0 ? NO_IDS : ids;
  }, [activeFlagView, focusEventId]);

  const jumpTo = useCallback((eventId: number, flagIndex?: number) => {
    if (flagIndex !== undefined) setActiveFlag(flagIndex);
    setJump((j) => ({ id: eventId, seq: (j?.seq ?? 0) + 1 }));
  }, []);
  const openCitedEvent = useCallback(
    (eventId: number) => {
      setMode('history');
      jumpTo(eventId);
    },
    [jumpTo],
  );
  const selectFlag = useCallback(
    (index: number) => {
      if (active === index) {
        setActiveFlag(null);
        return;
      }
      setActiveFlag(index);
      const first = flags?.[index]?.eventIds[0];
      if (first !== undefined) setJump((j) => ({ id: first, seq: (j?.seq ?? 0) + 1 }));
    },
    [active, flags],
  );

  const number = data?.header.number;
  useEffect(() => {
    if (!number) return;
    document.title = `${number} · Ombud`;
    return () => {
      document.title = 'Ombud';
    };
  }, [number]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const find = (e.key === '/' && !hasModifier(e) && !isTypingTarget(e.target)) || ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'f');
      if (find && searchRef.current) {
        e.preventDefault();
        searchRef.current.focus();
        searchRef.current.select();
        return;
      }
      if (e.key !== 'Escape' || hasModifier(e)) return;
      // Esc in a field or menu closes that first; only a bare Esc leaves the case.
      if (isTypingTarget(e.target) || isDialogOpen()) return;
      e.preventDefault();
      onBack();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onBack]);

  const back = (
    <Tooltip label={<Group gap={6}>{t('nav.backToInbox')}<Kbd>Esc</Kbd></Group>}>
      <Button variant="subtle" color="gray" leftSection={<IconArrowLeft size={14} />} onClick={onBack} data-testid="back-to-inbox" px={8}>
        {t('nav.inbox')}
      </Button>
    </Tooltip>
  );

  return (
    <div className={classes.root} data-testid="case-view" data-case-id={caseId}>
      {error ? (
        <>
          <div className={classes.strip}>
            <Group px="md" py={8}>
              {back}
            </Group>
          </div>
          <div className={classes.center}>
            <ErrorState title={t('case.loadError')} error={error} onRetry={reload}>
              <Button variant="default" onClick={onBack}>
                {t('nav.backToInbox')}
              </Button>
            </ErrorState>
          </div>
        </>
      ) : loading || !view ? (
        <>
          <div className={classes.strip}>
            <Group px="md" py={8} gap="md">
              {back}
              <Text size="sm" c="dimmed">
                {t('case.loading')}
              </Text>
            </Group>
          </div>
          <Stack p="md" gap="sm" aria-busy>
            <Skeleton height={20} width={260} />
            <Skeleton height={12} width="50%" />
            <Group grow align="flex-start" gap="xl" mt="sm">
              <Skeleton height={90} />
              <Skeleton height={90} />
              <Skeleton height={90} />
            </Group>
            <Skeleton height={80} mt="md" />
          </Stack>
        </>
      ) : (
        mode === 'decision' || (mode === 'response' && responseMatter !== null) ? (
          <>
            <div className={classes.strip} style={{ height: 'var(--case-strip-height, 3.25rem)' }}>
              <CaseTitleStrip header={view.header} deadlines={view.deadlines} back={back} mode={mode} onMode={setMode} canRespond={responseMatter !== null} />
            </div>
            <div className={classes.decision}>
              <Suspense
                fallback={
                  <Center h="100%">
                    <Loader size="sm" />
                  </Center>
                }
              >
                {mode === 'decision' ? (
                  <DecisionWorkspace view={view} onOpenEvent={openCitedEvent} onCaseChanged={reload} />
                ) : (
                  <ArnResponseWorkspace key={responseMatter} view={view} matterId={responseMatter!} onOpenEvent={openCitedEvent} onCaseChanged={reload} />
                )}
              </Suspense>
            </div>
          </>
        ) : (
        <div className={classes.scroll} data-wide={wide || undefined}>
          {/* display: contents, so the title strip can stay pinned while the details scroll away. */}
          <header data-testid="case-header" className={classes.header}>
            <div className={`${classes.strip} ${classes.sticky}`}>
              <CaseTitleStrip header={view.header} deadlines={view.deadlines} back={back} mode={mode} onMode={setMode} canRespond={responseMatter !== null} />
            </div>
            <div className={classes.band}>
              <CaseHeaderBand header={view.header} />
            </div>
          </header>
          <div className={classes.history}>
            <Timeline
              events={view.events}
              market={view.header.market}
              flaggedEvents={flaggedEvents}
              highlighted={highlighted}
              jumpTo={jump}
              searchRef={searchRef}
            />
          </div>
          <aside className={classes.panel} data-testid="case-panel" aria-label={t('case.panel')}>
            <CasePanel
              view={view}
              onUpdated={onUpdated}
              activeFlag={active}
              onSelectFlag={selectFlag}
              onJump={jumpTo}
              wide={wide}
              onWideChange={setWide}
              onOpenResponse={openResponse}
            />
          </aside>
        </div>
        )
      )}
    </div>
  );
}

/** Which red flags each event raised. */
function flagsByEvent(flags: readonly RedFlagView[]): ReadonlyMap<number, RedFlagView['code'][]> {
  const map = new Map<number, RedFlagView['code'][]>();
  for (const flag of flags) {
    for (const id of flag.eventIds) {
      const codes = map.get(id) ?? [];
      if (!codes.includes(flag.code)) codes.push(flag.code);
      map.set(id, codes);
    }
  }
  return map;
}

/** The running deadline with the fewest business days left. */
function nextRunning(deadlines: readonly DeadlineView[]): DeadlineView | undefined {
  return deadlines
    .filter((d) => d.metOn === null && d.daysLeft !== null)
    .sort((a, b) => (a.daysLeft ?? 0) - (b.daysLeft ?? 0))[0];
}

function CaseTitleStrip({
  header,
  deadlines,
  back,
  mode,
  onMode,
  canRespond,
}: {
  header: CaseHeader;
  deadlines: readonly DeadlineView[];
  back: ReactNode;
  mode: CaseMode;
  onMode: (mode: CaseMode) => void;
  canRespond: boolean;
}) {
  const { t } = useTranslation();
  const next = nextRunning(deadlines);
  return (
    <Group px="md" h="100%" gap="md" wrap="nowrap" justify="space-between">
      <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
        {back}
        <Divider orientation="vertical" />
        <Title order={2} className="tabular" data-testid="case-number" style={{ whiteSpace: 'nowrap' }}>
          {header.number}
        </Title>
        <StatusBadge status={header.status} size="md" data-testid="case-status" />
        <MarketBadge market={header.market} size="md" />
        <Text size="md" fw={500} truncate>
          {t(`category.${header.category}`)}
        </Text>
        <SegmentedControl
          size="xs"
          value={mode}
          onChange={(v) => onMode(v as CaseMode)}
          data={[
            { value: 'history', label: t('case.modeHistory') },
            { value: 'decision', label: t('case.modeDecision') },
            ...(canRespond ? [{ value: 'response', label: t('case.modeResponse') }] : []),
          ]}
          data-testid="case-mode"
        />
      </Group>
      <Group gap="lg" wrap="nowrap" style={{ flex: 'none' }}>
        {next && next.daysLeft !== null && (
          <div data-testid="case-next-deadline">
            <Text size="xs" c="dimmed">
              {t('deadline.next', { kind: t(`deadline.kind.${next.kind}`) })}
            </Text>
            <Group gap={6} wrap="nowrap">
              <DueDays daysLeft={next.daysLeft} label={daysLeftWords(t, next.daysLeft)} />
              <Text size="sm" className="tabular">
                {next.dueDate ? formatCalendarDate(next.dueDate, header.market) : ''}
              </Text>
            </Group>
          </div>
        )}
        <div>
          <Text size="xs" c="dimmed">
            {t('case.received')}
          </Text>
          <Text size="sm" className="tabular" data-testid="case-received">
            {formatDateTime(header.receivedAt, header.market)} {t('case.receivedVia', { channel: t(`channel.${header.receivedChannel}`) })}
          </Text>
        </div>
        <div>
          <Text size="xs" c="dimmed">
            {t('case.assignee')}
          </Text>
          <Group gap={4} wrap="nowrap">
            <IconUser size={14} stroke={1.75} aria-hidden />
            <Text size="sm" c={header.assignee ? undefined : 'dimmed'} data-testid="case-assignee">
              {header.assignee?.name ?? t('inbox.unassigned')}
            </Text>
          </Group>
        </div>
      </Group>
    </Group>
  );
}
