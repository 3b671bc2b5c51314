import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from '../../src/main/services/password';

describe('password hashes', () => {
  it('verifies the password it was made from and nothing else, with a fresh salt each time', async () => {
    const a = await hashPassword('Kundombud 2026 åäö');
    const b = await hashPassword('Kundombud 2026 åäö');
    expect(a).not.toBe(b);
    expect(await verifyPassword('Kundombud 2026 åäö', a)).toBe(true);
    expect(await verifyPassword('Kundombud 2026 aao', a)).toBe(false);
    expect(await verifyPassword('', a)).toBe(false);
  });

  it('treats composed and decomposed å as the same password', async () => {
    const hash = await hashPassword('lösenord-å'.normalize('NFC'));
    expect(await verifyPassword('lösenord-å'.normalize('NFD'), hash)).toBe(true);
  });

  it('refuses hashes it cannot read instead of throwing', async () => {
    for (const bad of ['', 'plain', 'scrypt$1$1$1$$', 'scrypt$99999999$8$1$AAAA$AAAA', 'bcrypt$x$y$z$a$b']) {
      expect(await verifyPassword('x', bad)).toBe(false);
    }
  });

  it('names the rule a new password breaks', () => {
    expect(passwordProblem('short')).toBe('must be at least 10 characters');
    expect(passwordProblem('long enough!')).toBeNull();
  });
});
