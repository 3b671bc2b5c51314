import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, safeStorage, session, shell, type MenuItemConstructorOptions } from 'electron';
import { defaultKeyFile, fileAnchorKey, setAnchorKeyProvider } from './audit/anchor-key';
import { safeStorageAnchorKey } from './shell/anchor-key-electron';
import { CHANNELS } from '../shared/ipc/channels';
import { useNativeBinding } from './db/connection';
import { registerLocalFile } from './import/uploads';
import { bootStore, type Booted } from './boot';
import { createTransport } from './transport/adapter';
import { subscribeChanges } from './services/changes';
import { LOCAL_IDLE_MS, SessionTable } from './transport/session';
import { useBuiltWorkers } from './workers/spawn';
import { configureExportShell } from './services/export-job.service';
import { configureMailShell } from './services/mail.service';
import { electronMailShell } from './shell/mail-shell';
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
  // A mail draft opens in the system's mail program; the SMTP password lives in the OS keychain.
  configureMailShell(electronMailShell({ openPath: (path) => shell.openPath(path), safeStorage, userData: app.getPath('userData') }));
  const log = (line: string) => console.log(line);
  let booted: Booted;
  try {
    // quick_check when due, migrations, schedules: the same start as `ombud serve` and `ombud server`.
    booted = await bootStore({ path: appStorePath(), demo: Number(argValue('demo') ?? 0) || undefined, log });
  } catch (error) {
    dialog.showErrorBox('Ombud', (error as Error).message);
    app.quit();
    return;
  }
  const transport = createTransport({
    kind: 'ipc',
    context: booted.context,
    recovery: booted.recovery,
    sessions: new SessionTable({ idleMs: LOCAL_IDLE_MS }),
    log: (line) => console.error(line),
  });
  /** Each window is its own session: its sign-in is kept here, by the window's web contents. */
  const windowSessions = new Map<number, string>();
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, input: unknown) => {
      // Only our own page may call; anything else loaded by mistake gets nothing.
      if (event.senderFrame?.url.split('#')[0] !== rendererUrl) {
        return { ok: false, error: { code: 'forbidden', message: 'Calls are accepted from the workbench only.' } };
      }
      const { result, session } = await transport.call(windowSessions.get(event.sender.id), channel, input);
      if (session === null) windowSessions.delete(event.sender.id);
      else if (session !== undefined) windowSessions.set(event.sender.id, session);
      // The window needs no token: main keeps it.
      if (result.ok && session) return { ok: true, data: { ...(result.data as object), token: undefined } };
      return result;
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
  const windowId = window.webContents.id;
  // Change notices of the store, to a signed-in window only (the same feed as GET /events).
  const openStore = transport.store();
  const stopNotices = openStore
    ? subscribeChanges(openStore, (notice) => {
        if (windowSessions.has(windowId) && !window.webContents.isDestroyed()) window.webContents.send('changes:notice', notice);
      })
    : () => undefined;
  // A closed window's session ends with it.
  window.webContents.once('destroyed', () => {
    stopNotices();
    transport.sessions.end(windowSessions.get(windowId));
    windowSessions.delete(windowId);
  });
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
    void booted.stop().finally(() => app.quit());
  });
  // Links in letters or help open in the system browser, never inside the workbench.
  window.webContents.setWindowOpenHandler(({ url }) => {
    const target = externalLinkTarget(url);
    if (target) void shell.openExternal(target);
    return { action: 'deny' };
  });
}

void start();
