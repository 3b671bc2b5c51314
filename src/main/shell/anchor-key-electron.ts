import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { hmacKey, type AnchorKey } from '../audit/anchor-key';

/** What this adapter needs of Electron's safeStorage (passed in, so the module stays testable). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(text: string): Buffer;
  decryptString(data: Buffer): string;
}

/**
 * The desktop app's anchor key: 32 random bytes encrypted by the OS keychain (safeStorage:
 * Keychain on macOS, DPAPI on Windows, libsecret/kwallet on Linux) in `file`, outside the store.
 * Without an OS keychain it falls back to the plain key file (`fallback`), as the CLI does.
 */
export function safeStorageAnchorKey(safe: SafeStorageLike, file: string, fallback: (options: { create: boolean }) => AnchorKey | null) {
  return (options: { create: boolean }): AnchorKey | null => {
    if (!safe.isEncryptionAvailable()) return fallback(options);
    if (!existsSync(file)) {
      if (!options.create) return null;
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, safe.encryptString(randomBytes(32).toString('base64')), { mode: 0o600, flag: 'wx' });
    }
    return hmacKey(Buffer.from(safe.decryptString(readFileSync(file)), 'base64'), 'OS keychain (Electron safeStorage)');
  };
}
