import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { electronMailShell } from '../../src/main/shell/mail-shell';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function folder(): string {
  const d = mkdtempSync(join(tmpdir(), 'mail-shell-'));
  dirs.push(d);
  return d;
}
/** A stand-in keychain: reversible, and never the plain text on disk. */
const keychain = (available: boolean) => ({
  isEncryptionAvailable: () => available,
  encryptString: (text: string) => Buffer.from([...Buffer.from(text, 'utf8')].map((b) => b ^ 0x5a)),
  decryptString: (bytes: Buffer) => Buffer.from([...bytes].map((b) => b ^ 0x5a)).toString('utf8'),
});

describe('the desktop mail shell', () => {
  it('keeps the SMTP password encrypted by the keychain in userData, and removes it', () => {
    const userData = folder();
    const shell = electronMailShell({ openPath: async () => '', safeStorage: keychain(true), userData });
    expect(shell.readPassword!()).toBeNull();
    shell.savePassword!('hemligt lösen');
    expect(readFileSync(join(userData, 'smtp-password.bin')).toString('utf8')).not.toContain('hemligt');
    expect(shell.readPassword!()).toBe('hemligt lösen');
    shell.savePassword!(null);
    expect(existsSync(join(userData, 'smtp-password.bin'))).toBe(false);
    expect(shell.readPassword!()).toBeNull();
  });

  it('offers no password store without an OS keychain, and reports a mail program that cannot open the draft', async () => {
    const shell = electronMailShell({ openPath: async () => 'No application is associated with .eml', safeStorage: keychain(false), userData: folder() });
    expect(shell.savePassword).toBeUndefined();
    expect(shell.readPassword).toBeUndefined();
    await expect(shell.openDraft!('/tmp/x.eml')).rejects.toThrow('No application is associated with .eml');
  });
});
