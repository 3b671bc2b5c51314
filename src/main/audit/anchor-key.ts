import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { defaultDataDir } from '../paths';

/**
 * The key that signs audit anchors. It must live outside the store (whoever can rewrite the store
 * file must not be able to re-sign its head): a key file in the per-user data folder for the CLI
 * and the servers, created 0600 on first use, or the OS keychain through Electron's safeStorage
 * in the desktop app (src/main/shell/anchor-key-electron.ts sets that provider).
 */

export interface AnchorKey {
  /** Where the key is kept, for messages ("key file /home/…/audit-anchor.key", "OS keychain"). */
  where: string;
  /** The first 16 hex digits of SHA-256 of the key: which key signed an anchor, never the key. */
  id: string;
  sign(data: string): string;
  verify(data: string, signature: string): boolean;
}

export function hmacKey(secret: Buffer, where: string): AnchorKey {
  const sign = (data: string) => createHmac('sha256', secret).update(data).digest('hex');
  return {
    where,
    id: createHash('sha256').update(secret).digest('hex').slice(0, 16),
    sign,
    verify(data, signature) {
      const expected = Buffer.from(sign(data), 'hex');
      const given = Buffer.from(/^[0-9a-f]{64}$/.test(signature) ? signature : '', 'hex');
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}

/** `$OMBUD_ANCHOR_KEY_FILE`, else `audit-anchor.key` in the per-user data folder. */
export function defaultKeyFile(): string {
  return process.env.OMBUD_ANCHOR_KEY_FILE || join(defaultDataDir(), 'audit-anchor.key');
}

/** Reads the key file, creating it (32 random bytes, base64, mode 0600) when `create` and it is missing. */
export function fileAnchorKey(path = defaultKeyFile(), options: { create?: boolean } = {}): AnchorKey | null {
  if (!existsSync(path)) {
    if (options.create === false) return null;
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    writeFileSync(path, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    chmodSync(path, 0o600);
  }
  const secret = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
  if (secret.length < 32) throw new Error(`The audit anchor key ${path} is not a key (expected 32 bytes of base64).`);
  return hmacKey(secret, `key file ${path}`);
}

type Provider = (options: { create: boolean }) => AnchorKey | null;
let provider: Provider = (options) => fileAnchorKey(defaultKeyFile(), options);

/** The desktop app replaces the key file by the OS keychain; nothing else calls this. */
export function setAnchorKeyProvider(next: Provider): void {
  provider = next;
}

/** The key anchors are signed with; null only when `create` is false and there is none yet. */
export function anchorKey(options: { create: boolean } = { create: true }): AnchorKey | null {
  return provider(options);
}
