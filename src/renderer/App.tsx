import { Center, Loader, Stack, Text } from '@mantine/core';
import { Activity, lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../shared/ipc/contract';
import { ErrorState } from './components/ErrorState';
import { ShortcutsModal } from './components/ShortcutsModal';
import { TopBar } from './components/TopBar';
import { InboxScreen } from './features/inbox/InboxScreen';
import { hasModifier, isTypingTarget } from './lib/keyboard';
import { SignInScreen } from './features/session/SignInScreen';
import { call } from './lib/api';
import { ApprovalsScreen } from './features/approvals/ApprovalsScreen';
import { useHashRoute } from './lib/route';
import { SessionContext, type Session } from './lib/session';
import { useCall } from './lib/useCall';

// Every screen but the inbox is its own chunk, loaded when first opened: the inbox is what each
// start waits for, and the case, decision (TipTap), statistics (recharts) and settings screens
// were three quarters of the one 4.3 MB script Chromium had to compile before the first row.
const CaseScreen = lazy(() => import('./features/case/CaseScreen').then((m) => ({ default: m.CaseScreen })));
const MattersScreen = lazy(() => import('./features/matters/MattersScreen').then((m) => ({ default: m.MattersScreen })));
const ZeroScreen = lazy(() => import('./features/zero/ZeroScreen').then((m) => ({ default: m.ZeroScreen })));
const ImportScreen = lazy(() => import('./features/import/ImportScreen').then((m) => ({ default: m.ImportScreen })));
const AuditScreen = lazy(() => import('./features/audit/AuditScreen').then((m) => ({ default: m.AuditScreen })));
const DataCareScreen = lazy(() => import('./features/settings/DataCareScreen').then((m) => ({ default: m.DataCareScreen })));
const TemplatesScreen = lazy(() => import('./features/settings/TemplatesScreen').then((m) => ({ default: m.TemplatesScreen })));
const DeadlineRulesModal = lazy(() => import('./features/settings/DeadlineRulesModal').then((m) => ({ default: m.DeadlineRulesModal })));

/** A screen while its code loads: the same quiet spinner as the start. */
function ScreenLoading() {
  return (
    <Center h="100%">
      <Loader size="sm" />
    </Center>
  );
}

/** Its own boundary per screen, so a loading screen never hides the (kept-mounted) inbox. */
function Screen({ children }: { children: ReactNode }) {
  return <Suspense fallback={<ScreenLoading />}>{children}</Suspense>;
}

/**
 * The window: top bar, and either the inbox or one case. The inbox stays mounted (hidden) while a
 * case is open, so going back returns to the same view, sort, selection and loaded rows.
 */
export function App() {
  const { t } = useTranslation();
  const sessionState = useCall('session:get', {});
  const [signedIn, setSignedIn] = useState<ChannelOutput<'session:get'> | null>(null);
  const state = signedIn ?? sessionState.data;
  const user = state?.user ?? null;
  const info = useCall('app:info', {});
  const { route, openCase, openImport, backToInbox, openMatters, openZero, openAudit, openData, openTemplates, openApprovals } = useHashRoute();
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [rulesOpen, setRulesOpen] = useState(false);
  // The rules modal is loaded when first opened and then kept, so it can animate closed.
  const [rulesLoaded, setRulesLoaded] = useState(false);
  const showDeadlineRules = useCallback(() => {
    setRulesLoaded(true);
    setRulesOpen(true);
  }, []);
  const [search, setSearch] = useState('');
  const searchRef = useRef<HTMLInputElement>(null);
  const inCase = route.name === 'case';

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      if (e.key === '?' && !hasModifier(e) && !isTypingTarget(e.target)) {
        e.preventDefault();
        setShortcutsOpen(true);
        return;
      }
      // `/` and Ctrl+F focus the search; in a case they search its history (the case handles that).
      const find = (e.key === '/' && !hasModifier(e) && !isTypingTarget(e.target)) || ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'f');
      if (find && !inCase) {
        e.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [inCase]);

  // Opening a case from the search leaves the field, so j/k/Esc belong to the case again.
  const openFromInbox = useCallback(
    (id: number, eventId?: number) => {
      searchRef.current?.blur();
      openCase(id, eventId);
    },
    [openCase],
  );

  // Typing in the top bar's search while a case is open shows the results in the inbox.
  const changeSearch = useCallback(
    (value: string) => {
      setSearch(value);
      if (route.name !== 'inbox' && value.trim() !== '') backToInbox();
    },
    [route.name, backToInbox],
  );

  const signOut = useCallback(() => {
    void call('session:signOut', {}).then((next) => {
      backToInbox();
      setSearch('');
      setSignedIn(next);
    });
  }, [backToInbox]);

  const session = useMemo<Session | null>(() => (user && info.data ? { user, info: info.data, signOut } : null), [user, info.data, signOut]);

  const goHome = useCallback(() => {
    if (route.name !== 'inbox') backToInbox();
  }, [route.name, backToInbox]);

  const startError = sessionState.error ?? info.error;
  if (startError) {
    return (
      <Center h="100%" p="xl">
        <Stack maw={560}>
          <ErrorState
            title={t('app.startError')}
            error={startError}
            onRetry={() => {
              sessionState.reload();
              info.reload();
            }}
          >
            <Text size="sm" c="dimmed">
              {t('app.startErrorHint')}
            </Text>
          </ErrorState>
        </Stack>
      </Center>
    );
  }
  if (state && !state.user) {
    return <SignInScreen needsSetup={state.needsSetup} onSignedIn={setSignedIn} />;
  }
  if (!session) {
    return (
      <Center h="100%">
        <Stack align="center" gap="xs">
          <Loader size="sm" />
          <Text size="sm" c="dimmed">
            {t('app.loading')}
          </Text>
        </Stack>
      </Center>
    );
  }

  return (
    <SessionContext.Provider value={session}>
      <div style={{ display: 'flex', flexDirection: 'column', height: '100%' }}>
        <TopBar
          onHome={goHome}
          onImport={openImport}
          onShowShortcuts={() => setShortcutsOpen(true)}
          onShowDeadlineRules={showDeadlineRules}
          onShowMatters={openMatters}
          mattersActive={route.name === 'matters'}
          onShowZero={openZero}
          zeroActive={route.name === 'zero'}
          onOpenAudit={openAudit}
          onOpenData={openData}
          onOpenTemplates={openTemplates}
          onShowApprovals={openApprovals}
          approvalsActive={route.name === 'approvals'}
          search={search}
          onSearchChange={changeSearch}
          searchRef={searchRef}
        />
        <main style={{ flex: 1, minHeight: 0 }}>
          <Activity mode={route.name === 'inbox' ? 'visible' : 'hidden'}>
            <InboxScreen onOpenCase={openFromInbox} search={search} onSearchChange={setSearch} onImport={openImport} />
          </Activity>
          {route.name === 'matters' && (
            <Screen>
              <MattersScreen onOpenCase={(id) => openCase(id)} />
            </Screen>
          )}
          {route.name === 'zero' && (
            <Screen>
              <ZeroScreen onOpenCase={(id) => openCase(id)} />
            </Screen>
          )}
          {route.name === 'import' && (
            <Screen>
              <ImportScreen onDone={backToInbox} />
            </Screen>
          )}
          {route.name === 'audit' && (
            <Screen>
              <AuditScreen onBack={backToInbox} />
            </Screen>
          )}
          {route.name === 'data' && (
            <Screen>
              <DataCareScreen onBack={backToInbox} />
            </Screen>
          )}
          {route.name === 'templates' && (
            <Screen>
              <TemplatesScreen onBack={backToInbox} />
            </Screen>
          )}
          {route.name === 'approvals' && (
            <Screen>
              <ApprovalsScreen onOpenCase={(id) => openCase(id)} />
            </Screen>
          )}
          {route.name === 'case' && (
            <Screen>
              <CaseScreen key={route.id} caseId={route.id} focusEventId={route.eventId} onBack={backToInbox} />
            </Screen>
          )}
        </main>
      </div>
      <ShortcutsModal opened={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
      {rulesLoaded && (
        <Suspense fallback={null}>
          <DeadlineRulesModal opened={rulesOpen} onClose={() => setRulesOpen(false)} />
        </Suspense>
      )}
    </SessionContext.Provider>
  );
}
