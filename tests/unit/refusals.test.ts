import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { notFound, ServiceError } from '../../src/main/services/errors';
import da from '../../src/renderer/i18n/da.json';
import en from '../../src/renderer/i18n/en.json';
import sv from '../../src/renderer/i18n/sv.json';
import { REFUSALS, refusal } from '../../src/shared/domain/refusals';

const bundles = { sv, da, en } as const;

function lookup(bundle: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), bundle);
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name: string) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('coded refusals', () => {
  it('has a wording for every reason in Swedish, Danish and English, using exactly its params', () => {
    const problems: string[] = [];
    for (const [reason, spec] of Object.entries(REFUSALS)) {
      for (const [language, bundle] of Object.entries(bundles)) {
        const text = lookup(bundle, `refusal.${reason}`);
        if (typeof text !== 'string' || text.trim() === '') problems.push(`${language}: refusal.${reason} is missing`);
        else if (placeholders(text).join() !== [...spec.params].sort().join()) {
          problems.push(`${language}: refusal.${reason} uses {${placeholders(text).join(', ')}}, the reason has {${[...spec.params].sort().join(', ')}}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('has no wording for a reason that no longer exists', () => {
    for (const bundle of Object.values(bundles)) {
      const worded = Object.entries(bundle.refusal).flatMap(([group, keys]) => Object.keys(keys).map((k) => `${group}.${k}`));
      expect(worded.filter((k) => !(k in REFUSALS))).toEqual([]);
    }
  });

  it('is how every service refuses: no ServiceError is built from a bare code', () => {
    const bare = sourceFiles('src/main').flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return [...text.matchAll(/new ServiceError\((?!\s*(?:refusal\(|inputRefusal\(|reopen \? refusal|draft \? refusal|code, message, \{ mail: reason))[^\n]{0,60}/g)].map((m) => `${file}: ${m[0]}`);
    });
    expect(bare).toEqual([]);
  });

  it('carries the code from the table, the reason and the params to the transport', () => {
    const error = new ServiceError(refusal('decision.caseClosed', { caseNumber: 'KO-2025-000003' }), 'Case KO-2025-000003 is closed.');
    expect([error.code, error.reason, error.params]).toEqual(['conflict', 'decision.caseClosed', { caseNumber: 'KO-2025-000003' }]);
    expect(notFound('Case 9').reason).toBe('record.notFound');
  });
});

describe('audit actions', () => {
  it('lists every action src/main writes and words each in Swedish, Danish and English', async () => {
    const { AUDIT_ACTIONS, auditActionKey } = await import('../../src/shared/domain/audit-actions');
    const written = new Set(
      sourceFiles('src/main').flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/action: '([a-z_]+(?:\.[a-z_]+)+)'/g)].map((m) => m[1]!)),
    );
    expect([...written].filter((a) => !(AUDIT_ACTIONS as readonly string[]).includes(a))).toEqual([]);
    for (const [language, bundle] of Object.entries(bundles)) {
      const missing = AUDIT_ACTIONS.filter((a) => typeof (bundle.auditAction as Record<string, string | undefined>)[auditActionKey(a)] !== 'string');
      expect(missing, language).toEqual([]);
    }
  });
});
