import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { refusalText } from '../../src/renderer/lib/refusalText';
import da from '../../src/renderer/i18n/da.json';
import en from '../../src/renderer/i18n/en.json';
import sv from '../../src/renderer/i18n/sv.json';
import { inputRefusal, refusal, type Reason } from '../../src/shared/domain/refusals';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({ lng: 'sv', resources: { sv: { translation: sv }, da: { translation: da }, en: { translation: en } }, interpolation: { escapeValue: false } });
});

describe('refusals in the user language', () => {
  it('words a refusal in the reader’s language, translating codes and writing dates their way', () => {
    const error = refusal('case.transition', { from: 'closed', to: 'waiting_for_customer' });
    expect(error.code).toBe('conflict');
    expect(refusalText(i18n.getFixedT('sv'), error)).toBe('Ett ärende kan inte gå från ”Avslutat” till ”Väntar på kund”.');
    expect(refusalText(i18n.getFixedT('da'), error)).toMatch(/^En sag kan ikke gå fra »/);
    const late = refusal('holding.tooLate', { date: '2026-03-14', businessDays: 35 });
    expect(refusalText(i18n.getFixedT('sv'), late)).toContain('högst 35 arbetsdagar efter mottagandet, alltså senast 2026-03-14.');
    expect(refusalText(i18n.getFixedT('da'), late)).toContain('senest 14.03.2026.');
    const locked = refusal('decision.lockedForReview', { decisionId: 7, decisionStatus: 'submitted' });
    expect(refusalText(i18n.getFixedT('sv'), locked)).toContain('”Inskickat för godkännande”');
  });

  it('words zod’s input problems as field and problem, never zod’s English', () => {
    const schema = z.object({ policies: z.object({ SE: z.array(z.object({ businessDays: z.number().int().min(1) })) }) }).strict();
    const parsed = schema.safeParse({ policies: { SE: [{ businessDays: 0 }] } });
    expect(parsed.success).toBe(false);
    const text = refusalText(i18n.getFixedT('sv'), inputRefusal(parsed.error!));
    expect(text).toBe('Antal arbetsdagar: måste vara minst 1.');
    const missing = schema.safeParse({});
    expect(refusalText(i18n.getFixedT('da'), inputRefusal(missing.error!))).toBe('Et felt: mangler.');
    const extra = schema.safeParse({ policies: { SE: [] }, x: 1 });
    expect(refusalText(i18n.getFixedT('sv'), inputRefusal(extra.error!))).toBe('Uppgifterna: innehåller en okänd uppgift.');
  });

  it('falls back to the code’s wording, never the English message, for a refusal without a reason', () => {
    expect(refusalText(i18n.getFixedT('sv'), { code: 'forbidden' })).toBe(sv.errors.forbidden);
    expect(refusalText(i18n.getFixedT('sv'), { code: 'weird', reason: 'no.such' as Reason })).toBe(sv.errors.unknown);
  });
});
