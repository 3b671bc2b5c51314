import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the CLI and the browser harness keep the store when no --db or OMBUD_DB is given: the
 * platform's per-user data folder. The desktop app uses Electron's userData folder instead.
 */
export function defaultDataDir(): string {
  const home = homedir();
  switch (process.platform) {
    case 'win32':
      return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Ombud');
    case 'darwin':
      return join(home, 'Library', 'Application Support', 'Ombud');
    default:
      return join(process.env.XDG_DATA_HOME || join(home, '.local', 'share'), 'ombud');
  }
}

export function resolveStorePath(explicit?: string): string {
  return explicit || process.env.OMBUD_DB || join(defaultDataDir(), 'ombud.sqlite');
}
