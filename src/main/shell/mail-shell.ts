import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../services/export.service';
import type { MailShell } from '../services/mail.service';

/** The parts of Electron the mail shell uses, passed in so this stays testable without Electron. */
export interface ElectronMailParts {
  openPath: (path: string) => Promise<string>;
  safeStorage: { isEncryptionAvailable(): boolean; encryptString(text: string): Buffer; decryptString(bytes: Buffer): string };
  userData: string;
}

/**
 * The desktop app's side of sending: a draft opens in the system's mail program (`shell.openPath`
 * hands the .eml to whatever the OS associates with it), and the SMTP password is kept encrypted
 * by the OS keychain (`safeStorage`: Keychain, DPAPI, libsecret) in a file beside the store, never
 * in the store or a setting. Without an OS keychain there is no password store: the app says so.
 */
export function electronMailShell(parts: ElectronMailParts): MailShell {
  const file = join(parts.userData, 'smtp-password.bin');
  return {
    openDraft: async (path) => {
      const problem = await parts.openPath(path);
      if (problem) throw new Error(`The mail program could not open ${path}: ${problem}`);
    },
    ...(parts.safeStorage.isEncryptionAvailable()
      ? {
          readPassword: () => (existsSync(file) ? parts.safeStorage.decryptString(readFileSync(file)) : null),
          savePassword: (password: string | null) => {
            if (password === null) rmSync(file, { force: true });
            else writeFileAtomic(file, parts.safeStorage.encryptString(password));
          },
        }
      : {}),
  };
}
