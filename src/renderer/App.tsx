import { Center, Loader, Stack, Text } from '@mantine/core';
import { Activity, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../shared/ipc/contract';
import { ErrorState } from './components/ErrorState';
import { ShortcutsModal } from './components/ShortcutsModal';
import { TopBar } from './components/TopBar';
import { AuditScreen } from './features/audit/AuditScreen';
import { CaseScreen } from './features/case/CaseScreen';
import { ImportScreen } from './features/import/ImportScreen';
import { InboxScreen } from './features/inbox/InboxScreen';
import { hasModifier, isTypingTarget } from './lib/keyboard';
import { MattersScreen } from './features/matters/MattersScreen';
import { SignInScreen } from './features/session/SignInScreen';
import { TemplatesScreen } from './features/settings/TemplatesScreen';
import { ZeroScreen } from './features/zero/ZeroScreen';
import { DataCareScreen } from './features/settings/DataCareScreen';
import { DeadlineRulesModal } from './features/settings/DeadlineRulesModal';
import { call } from './lib/api';
import { useHashRoute } from './lib/route';
import { SessionContext, type Session } from './lib/session';
import { useCall } from './lib/useCall';

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
  const { route, openCase, openImport, backToInbox, openMatters, openZero, openAudit, openData, openTemplates } = useHashRoute();
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [rulesOpen, setRulesOpen] = useState(false);
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
          onShowDeadlineRules={() => setRulesOpen(true)}
          onShowMatters={openMatters}
          mattersActive={route.name === 'matters'}
          onShowZero={openZero}
          zeroActive={route.name === 'zero'}
          onOpenAudit={openAudit}
          onOpenData={openData}
          onOpenTemplates={openTemplates}
          search={search}
          onSearchChange={changeSearch}
          searchRef={searchRef}
        />
        <main style={{ flex: 1, minHeight: 0 }}>
          <Activity mode={route.name === 'inbox' ? 'visible' : 'hidden'}>
            <InboxScreen onOpenCase={openFromInbox} search={search} onSearchChange={setSearch} onImport={openImport} />
          </Activity>
          {route.name === 'matters' && <MattersScreen onOpenCase={(id) => openCase(id)} />}
          {route.name === 'zero' && <ZeroScreen onOpenCase={(id) => openCase(id)} />}
          {route.name === 'import' && <ImportScreen onDone={backToInbox} />}
          {route.name === 'audit' && <AuditScreen onBack={backToInbox} />}
          {route.name === 'data' && <DataCareScreen onBack={backToInbox} />}
          {route.name === 'templates' && <TemplatesScreen onBack={backToInbox} />}
          {route.name === 'case' && <CaseScreen key={route.id} caseId={route.id} focusEventId={route.eventId} onBack={backToInbox} />}
        </main>
      </div>
      <ShortcutsModal opened={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
      <DeadlineRulesModal opened={rulesOpen} onClose={() => setRulesOpen(false)} />
    </SessionContext.Provider>
  );
}
