import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/main/db/connection';
import { startHarness, type Harness } from '../../src/main/harness/server';
import { dispatch } from '../../src/main/ipc/dispatch';
import { createCaseIntake } from '../../src/main/services/case-intake.service';
import type { ServiceContext } from '../../src/main/services/context';
import { sessionUser } from '../../src/main/services/session.service';
import { allowPermission, externalLinkTarget, isAllowedNavigation, parseCsp, secureWebPreferences } from '../../src/main/shell/security';
import { menuLanguage, spellingMenu } from '../../src/main/shell/spelling';
import { CHANNEL_ACCESS } from '../../src/shared/ipc/roles';
import { buildCase } from '../fixtures/cases';
import { tempStore } from '../fixtures/temp-store';

const run = promisify(execFile);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** What the checklist asks of a CSP: no eval, no inline script, nothing remote, no plugins. */
function expectStrictCsp(policy: string) {
  const csp = parseCsp(policy);
  expect(policy).not.toContain('unsafe-eval');
  expect(csp.get('default-src')).toEqual(["'self'"]);
  expect(csp.get('script-src')).toEqual(["'self'"]);
  expect(csp.get('object-src')).toEqual(["'none'"]);
  expect(csp.get('base-uri')).toEqual(["'none'"]);
  for (const [directive, sources] of csp) {
    for (const source of sources) expect(source, `${directive} allows ${source}`).not.toMatch(/^(https?:|wss?:|\*|http)/);
  }
}

describe('the Electron shell', () => {
  it('every window is isolated, sandboxed and without Node', () => {
    expect(secureWebPreferences('/p/preload.cjs')).toMatchObject({
      preload: '/p/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    // The main process creates windows only with these preferences, and nothing loosens them.
    const main = files('src/main').filter((f) => f.endsWith('.ts'));
    const index = readFileSync('src/main/index.ts', 'utf8');
    const windows = index.split('new BrowserWindow(').slice(1);
    expect(windows.length).toBeGreaterThan(0);
    for (const w of windows) expect(w.slice(0, 400)).toContain('webPreferences: secureWebPreferences(');
    for (const file of main) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/nodeIntegration:\s*true|contextIsolation:\s*false|sandbox:\s*false|webSecurity:\s*false|allowRunningInsecureContent:\s*true/);
      expect(text, file).not.toMatch(/loadURL\(\s*['"`]https?:/);
    }
    // The preload exposes functions, never ipcRenderer itself.
    const preload = readFileSync('src/preload/index.ts', 'utf8');
    expect(preload).toContain('contextBridge.exposeInMainWorld');
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*[,)]/);
  });

  it('refuses navigation away from the workbench, new windows and every permission', () => {
    const page = 'file:///opt/ombud/out/renderer/index.html';
    expect(isAllowedNavigation(page, page)).toBe(true);
    expect(isAllowedNavigation(`${page}#/case/1`, page)).toBe(true);
    expect(isAllowedNavigation('https://evil.example/', page)).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd', page)).toBe(false);
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) expect(allowPermission(p)).toBe(false);
    expect(externalLinkTarget('https://www.arn.se/')).toBe('https://www.arn.se/');
    expect(externalLinkTarget('http://www.arn.se/')).toBeNull();
    expect(externalLinkTarget('file:///etc/passwd')).toBeNull();
    expect(externalLinkTarget('javascript:alert(1)')).toBeNull();
  });

  it('has a CSP without unsafe-eval or remote sources in the renderer HTML, source and built', () => {
    const meta = (html: string) => /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    const source = meta(readFileSync('src/renderer/index.html', 'utf8'));
    expect(source).toBeDefined();
    expectStrictCsp(source!);
    if (existsSync('out/renderer/index.html')) {
      const built = readFileSync('out/renderer/index.html', 'utf8');
      expectStrictCsp(meta(built)!);
      expect(built).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(built).not.toMatch(/(src|href)="https?:/);
    }
  });
});

describe('the harness and personal numbers', () => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let dir: string;
  let harness: Harness;
  let ctx: ServiceContext;
  const PN = '19850312-2384';
  let caseId: number;
  const logs: string[] = [];

  beforeAll(async () => {
    ({ store, cleanup, dir } = await tempStore());
    [caseId] = createCaseIntake(store).writeBatch([buildCase(), buildCase({ summary: `Kunden ${PN} klagar` })]) as [number];
    ctx = { store, user: await sessionUser(store) };
    const renderer = join(dir, 'renderer');
    mkdirSync(renderer);
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Ombud</title>');
    harness = await startHarness({ context: ctx, rendererDir: renderer, log: (line) => logs.push(line) });
  });
  afterAll(async () => {
    await harness.close();
    await cleanup();
  });

  it('sends a strict CSP header and serves only on loopback with its token', async () => {
    const page = await fetch(`${harness.origin}/`);
    expectStrictCsp(page.headers.get('content-security-policy')!);
    expect(harness.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const call = (headers: Record<string, string>) => fetch(`${harness.origin}/rpc/cases:list`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{}' });
    expect((await call({})).status).toBe(401);
    expect((await call({ 'x-ombud-token': `${harness.token}x` })).status).toBe(401);
    expect((await call({ 'x-ombud-token': harness.token, origin: 'http://evil.example' })).status).toBe(403);
    expect((await call({ 'x-ombud-token': harness.token })).status).toBe(200);
  });

  it('never shows a full personal number in any list, search, view or export; only the audited reveal does', async () => {
    const digits = PN.replace('-', '');
    const leaks = (value: unknown) => {
      const text = JSON.stringify(value);
      return text.includes(PN) || text.includes(digits) || text.includes('2384');
    };
    const inputs: Partial<Record<keyof typeof CHANNEL_ACCESS, unknown>> = {
      'app:info': {},
      'users:list': {},
      'cases:list': {},
      'cases:get': { id: caseId },
      'search:query': { query: PN },
      'audit:list': {},
      'audit:export': {},
      'retention:get': {},
      'backups:status': {},
    };
    for (const [channel, input] of Object.entries(inputs)) {
      const result = await dispatch(ctx, channel, input);
      expect(result.ok, channel).toBe(true);
      expect(leaks(result), `${channel} shows the personal number: ${JSON.stringify(result).slice(0, 300)}`).toBe(false);
    }
    // Searching by the number finds the case (the ombudsman may look a customer up) without echoing it.
    const hits = await dispatch(ctx, 'search:query', { query: '19850312' });
    expect(hits.ok && hits.data.hits.length).toBeGreaterThan(0);
    expect(leaks(hits)).toBe(false);
    const revealed = await dispatch(ctx, 'cases:revealPersonalNumber', { id: caseId });
    expect(revealed).toEqual({ ok: true, data: { personalNumber: PN } });
    expect(logs.some((l) => l.includes(PN))).toBe(false);
  });

  it('keeps personal numbers out of the CLI lists and logs', async () => {
    await store.close();
    const out = await run(process.execPath, ['bin/ombud.mjs', 'cases', '--db', store.path], { env: { ...process.env, OMBUD_DB: '' } });
    expect(out.stdout).toContain('KO-2026-');
    expect(out.stdout + out.stderr).not.toContain('2384');
    const searched = await run(process.execPath, ['bin/ombud.mjs', 'search', '--db', store.path, '19850312'], { env: { ...process.env, OMBUD_DB: '' } });
    expect(searched.stdout).toContain('KO-2026-');
    expect(searched.stdout + searched.stderr).not.toContain('2384');
    const retention = await run(process.execPath, ['bin/ombud.mjs', 'retention', 'run', '--dry-run', '--db', store.path], { env: { ...process.env, OMBUD_DB: '' } });
    expect(retention.stdout + retention.stderr).not.toContain('2384');
  });
});

describe('the editor\'s right-click menu', () => {
  it('offers the spell checker\'s suggestions and "add to dictionary" in the OS language, then cut/copy/paste', () => {
    const menu = spellingMenu({ misspelledWord: 'återbetalnig', dictionarySuggestions: ['återbetalning', 'återbetalningar', 'a', 'b', 'c', 'd'], isEditable: true, selectionText: '' }, 'sv-SE');
    expect(menu.filter((i) => i.kind === 'suggestion').map((i) => (i as { word: string }).word)).toEqual(['återbetalning', 'återbetalningar', 'a', 'b', 'c']);
    expect(menu).toContainEqual({ kind: 'addWord', label: 'Lägg till i ordlistan', word: 'återbetalnig' });
    expect(menu.filter((i) => i.kind === 'role').map((i) => (i as { label: string }).label)).toEqual(['Klipp ut', 'Kopiera', 'Klistra in', 'Markera allt']);
    expect(spellingMenu({ misspelledWord: 'afgørrelse', dictionarySuggestions: [], isEditable: true, selectionText: '' }, 'da_DK')[0]).toEqual({ kind: 'noSuggestions', label: 'Ingen forslag' });
  });

  it('offers only copy outside editable text, and nothing without a selection', () => {
    expect(spellingMenu({ misspelledWord: '', dictionarySuggestions: [], isEditable: false, selectionText: 'KO-2026-000123' }, 'en-GB')).toEqual([{ kind: 'role', role: 'copy', label: 'Copy' }]);
    expect(spellingMenu({ misspelledWord: '', dictionarySuggestions: [], isEditable: false, selectionText: '' }, 'fi-FI')).toEqual([]);
    expect([menuLanguage('sv'), menuLanguage('da-DK'), menuLanguage('fi-FI')]).toEqual(['sv', 'da', 'en']);
  });
});
