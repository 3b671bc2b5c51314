import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, safeStorage, session, shell, type MenuItemConstructorOptions } from 'electron';
import { defaultKeyFile, fileAnchorKey, setAnchorKeyProvider } from './audit/anchor-key';
import { safeStorageAnchorKey } from './shell/anchor-key-electron';
import { CHANNELS } from '../shared/ipc/channels';
import { openStore, useNativeBinding, type Store } from './db/connection';
import { createDemoStore } from './demo/generate';
import { registerLocalFile } from './import/uploads';
import { StoreError } from './db/errors';
import { dispatch } from './ipc/dispatch';
import { dispatchRecovery, type Recovery } from './ipc/recovery';
import { startBackupSchedule } from './services/backup.service';
import { startAnchorCheckpoints } from './services/anchor.service';
import { useBuiltWorkers } from './workers/spawn';
import { configureExportShell } from './services/export-job.service';
import type { SessionContext } from './services/context';
import { startDerivedRefresh } from './services/derived-refresh.service';
import { startRetentionSchedule } from './services/retention.service';
import { allowPermission, externalLinkTarget, isAllowedNavigation, secureWebPreferences } from './shell/security';
import { spellingMenu } from './shell/spelling';

// App lifecycle and windows only: everything else is in services shared with the CLI and harness.

const here = dirname(fileURLToPath(import.meta.url));
const rendererIndex = join(here, '../renderer/index.html');
const rendererUrl = pathToFileURL(rendererIndex).href;

function argValue(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

/** better-sqlite3 built for Electron's ABI (scripts/electron-native.mjs), never the Node build. */
function selectNativeBinding(): void {
  const candidates = [
    argValue('sqlite-binding'),
    join(process.resourcesPath ?? '', 'better_sqlite3.node'),
    join(app.getAppPath(), '.electron-native', process.versions.electron ?? '', 'better_sqlite3.node'),
  ];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (found) useNativeBinding(found);
}

/** Letters are written in Swedish, Danish and English: check all three where the OS or Electron has them. */
function spellCheckLanguages(): void {
  const wanted = ['sv-SE', 'da-DK', 'en-GB'];
  // On macOS the OS checker picks the language itself and the list is empty.
  const available = session.defaultSession.availableSpellCheckerLanguages;
  const languages = wanted.filter((l) => available.includes(l));
  if (languages.length > 0) session.defaultSession.setSpellCheckerLanguages(languages);
}

function harden(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) => callback(allowPermission(permission)));
  session.defaultSession.setPermissionCheckHandler((_wc, permission) => allowPermission(permission));
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAllowedNavigation(url, rendererUrl)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAllowedNavigation(url, rendererUrl)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

function appStorePath(): string {
  return argValue('db') ?? process.env.OMBUD_DB ?? join(app.getPath('userData'), 'ombud.sqlite');
}

async function openAppStore(): Promise<Store> {
  const path = appStorePath();
  mkdirSync(dirname(path), { recursive: true });
  // quick_check on every start: a damaged store gets the recovery screen, not a crash later.
  const store = await openStore(path, { check: 'auto' });
  if (store.integrity) console.log(`Store check: ${store.integrity.checked ? 'quick_check passed' : 'skipped'} (${store.integrity.reason}).`);
  const demo = Number(argValue('demo') ?? 0);
  const hasCases = store.sqlite.prepare('SELECT 1 FROM cases LIMIT 1').get() !== undefined;
  if (demo > 0 && !hasCases) {
    await createDemoStore(store, { cases: demo, seed: 1, asOf: new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date()) });
  }
  return store;
}

async function start(): Promise<void> {
  await app.whenReady();
  // Audit anchors are signed with a key the OS keychain protects, never kept in the store.
  setAnchorKeyProvider(safeStorageAnchorKey(safeStorage, join(app.getPath('userData'), 'audit-anchor.key.enc'), (options) => fileAnchorKey(defaultKeyFile(), options)));
  spellCheckLanguages();
  harden();
  selectNativeBinding();
  // Letters render and imports parse in bundled workers (electron.vite.config.ts builds them beside index.js).
  useBuiltWorkers(here);
  // Where exports go is main's choice, by its own dialog: the renderer never names a path.
  configureExportShell({
    defaultFolder: join(app.getPath('documents'), 'Ombud'),
    chooseSavePath: async (defaultPath, format) => {
      const focused = BrowserWindow.getFocusedWindow();
      const options = { defaultPath, filters: [{ name: format.toUpperCase(), extensions: [format] }] };
      const chosen = focused ? await dialog.showSaveDialog(focused, options) : await dialog.showSaveDialog(options);
      return chosen.canceled || !chosen.filePath ? null : chosen.filePath;
    },
    showInFolder: (path) => shell.showItemInFolder(path),
  });
  let context: SessionContext | undefined;
  let recovery: Recovery | undefined;
  let stopSchedule: (() => void) | undefined;
  const openForWork = async (): Promise<SessionContext> => {
    const store = await openAppStore();
    // Cases computed by older rules are recomputed in the background; the inbox shows the progress.
    void startDerivedRefresh(store, (line) => console.log(line));
    const stopBackups = startBackupSchedule({ store }, { log: (line) => console.log(line) });
    const stopRetention = startRetentionSchedule({ store }, { log: (line) => console.log(line) });
    const stopAnchors = startAnchorCheckpoints(store, { log: (line) => console.log(line) });
    stopSchedule = () => {
      stopBackups();
      stopRetention();
      stopAnchors();
    };
    // Nobody is signed in until the sign-in screen succeeds; each start asks again.
    return { store, user: null };
  };
  try {
    context = await openForWork();
  } catch (error) {
    if (!(error instanceof StoreError) || (error.code !== 'damaged' && error.code !== 'unreadable')) {
      dialog.showErrorBox('Ombud', (error as Error).message);
      app.quit();
      return;
    }
    recovery = { storePath: appStorePath(), problem: error.message, reopen: openForWork };
  }
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, input: unknown) => {
      // Only our own page may call; anything else loaded by mistake gets nothing.
      if (event.senderFrame?.url.split('#')[0] !== rendererUrl) {
        return { ok: false, error: { code: 'forbidden', message: 'Calls are accepted from the workbench only.' } };
      }
      if (recovery) {
        return dispatchRecovery(recovery, channel, input, (reopened) => {
          context = reopened;
          recovery = undefined;
        });
      }
      return dispatch(context!, channel, input, { onInternalError: (ch, error) => console.error(ch, error) });
    });
  }
  // A file the user chose or dropped, by its path as the preload read it from the File object.
  ipcMain.handle('files:register', (event, path: unknown) => {
    if (event.senderFrame?.url.split('#')[0] !== rendererUrl) {
      return { ok: false, error: { code: 'forbidden', message: 'Calls are accepted from the workbench only.' } };
    }
    try {
      return { ok: true, data: registerLocalFile(path) };
    } catch (error) {
      return { ok: false, error: { code: 'invalid_input', message: (error as Error).message } };
    }
  });
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    title: 'Ombud',
    show: false,
    webPreferences: secureWebPreferences(join(here, '../preload/index.cjs')),
  });
  window.once('ready-to-show', () => window.show());
  // Right-click in the editor: the spell checker's suggestions, then cut/copy/paste.
  window.webContents.on('context-menu', (_event, params) => {
    const items = spellingMenu(params, app.getLocale()).map((item): MenuItemConstructorOptions => {
      if (item.kind === 'separator') return { type: 'separator' };
      if (item.kind === 'noSuggestions') return { label: item.label, enabled: false };
      if (item.kind === 'suggestion') return { label: item.label, click: () => window.webContents.replaceMisspelling(item.word) };
      if (item.kind === 'addWord') return { label: item.label, click: () => window.webContents.session.addWordToSpellCheckerDictionary(item.word) };
      return { label: item.label, role: item.role };
    });
    if (items.length > 0) Menu.buildFromTemplate(items).popup({ window });
  });
  await window.loadFile(rendererIndex);
  app.on('window-all-closed', () => {
    stopSchedule?.();
    void (context?.store.close() ?? Promise.resolve()).finally(() => app.quit());
  });
  // Links in letters or help open in the system browser, never inside the workbench.
  window.webContents.setWindowOpenHandler(({ url }) => {
    const target = externalLinkTarget(url);
    if (target) void shell.openExternal(target);
    return { action: 'deny' };
  });
}

void start();
