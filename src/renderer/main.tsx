import '@fontsource/inter/400.css';
import '@fontsource/inter/500.css';
import '@fontsource/inter/600.css';
import '@fontsource/inter/700.css';
import '@mantine/core/styles.css';
import './styles.css';

import { MantineProvider } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startInboxFirstPage } from './features/inbox/InboxScreen';
import { RecoveryGate } from './features/recovery/RecoveryGate';
import { startI18n } from './i18n';
import { api } from './lib/api';
import { startCall } from './lib/useCall';
import { cssVariablesResolver, theme } from './theme';

// The interface language's strings are their own chunk: fetched first, alongside the calls below.
const strings = startI18n();
// The harness URL carries `#token=…`; api() moves it out of the address bar before the hash is
// read as a route.
api();
// The gate, the session and the app info are each asked for by a component further down the tree;
// asked here they travel together while React renders, instead of one round trip after another.
// A returning user's inbox page goes as soon as the session names the user.
void startCall('recovery:status', {});
startCall('session:get', {}).then((s) => s.user && startInboxFirstPage(s.user.id), () => undefined);
void startCall('app:info', {});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// The first render waits for the strings (a local file, back long before the inbox's first page),
// so no key ever shows untranslated.
void strings.then(() =>
  createRoot(root).render(
    <StrictMode>
      <MantineProvider theme={theme} defaultColorScheme="auto" cssVariablesResolver={cssVariablesResolver}>
        <RecoveryGate>
          <App />
        </RecoveryGate>
      </MantineProvider>
    </StrictMode>,
  ),
);
