/**
 * The Electron security settings as plain data and pure functions, so tests can check them
 * without an Electron binary. src/main/index.ts applies exactly these.
 */

/** webPreferences of every window: isolated, sandboxed, no Node, web security on, no webviews. */
export function secureWebPreferences(preload: string) {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    spellcheck: true,
  } as const;
}

/** The window may only ever show the workbench's own page; every other navigation is refused. */
export function isAllowedNavigation(url: string, rendererUrl: string): boolean {
  return url.split('#')[0] === rendererUrl;
}

/** Camera, microphone, notifications, geolocation …: the workbench needs none, so all are denied. */
export function allowPermission(_permission: string): boolean {
  return false;
}

/** New windows are never opened inside the app; only https links go to the system browser. */
export function externalLinkTarget(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** Parses a Content-Security-Policy into directive -> sources. */
export function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}
