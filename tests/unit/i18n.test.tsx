import { describe, expect, it } from 'vitest';
import da from '../../src/renderer/i18n/da.json';
import en from '../../src/renderer/i18n/en.json';
import sv from '../../src/renderer/i18n/sv.json';
import { CASE_STATUSES, CATEGORIES, CLAIM_KINDS, PRODUCTS, PURCHASE_STATUSES, RECEIVED_CHANNELS, ROLES } from '../../src/shared/domain/case';
import { DIRECTIONS, EVENT_KINDS, EVENT_SOURCES } from '../../src/shared/domain/history';
import { MARKETS } from '../../src/shared/domain/market';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('interface translations', () => {
  it('have the same keys in Swedish, English and Danish', () => {
    const reference = keys(sv).sort();
    expect(keys(en).sort()).toEqual(reference);
    expect(keys(da).sort()).toEqual(reference);
  });

  it('have no empty strings', () => {
    for (const [name, bundle] of Object.entries({ sv, en, da })) {
      const empty = keys(bundle).filter((k) => k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], bundle) === '');
      expect(empty, name).toEqual([]);
    }
  });

  it('label every domain value the UI shows', () => {
    const domain: [string, readonly string[]][] = [
      ['status', CASE_STATUSES],
      ['category', CATEGORIES],
      ['claimKind', CLAIM_KINDS],
      ['product', PRODUCTS],
      ['purchaseStatus', PURCHASE_STATUSES],
      ['channel', RECEIVED_CHANNELS],
      ['role', ROLES],
      ['eventKind', EVENT_KINDS],
      ['source', EVENT_SOURCES],
      ['direction', DIRECTIONS],
      ['market', MARKETS],
    ];
    const all = new Set(keys(sv));
    const missing = domain.flatMap(([group, values]) => values.map((v) => `${group}.${v}`)).filter((k) => !all.has(k));
    expect(missing).toEqual([]);
  });
});
