// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { RedFlagView } from '../../src/shared/domain/review';
import { RED_FLAG_CODES } from '../../src/shared/domain/review';
import da from '../../src/renderer/i18n/da.json';
import en from '../../src/renderer/i18n/en.json';
import { initI18n } from '../../src/renderer/i18n';
import sv from '../../src/renderer/i18n/sv.json';
import { fold, highlightParts, matchesAllWords, queryWords } from '../../src/renderer/lib/fold';
import { dueTone, flagExplanation, flagLabel, formatDaysLeft } from '../../src/renderer/lib/review';
import './dom-helpers';

const i18n = initI18n('sv', { sv, en, da });
const t = i18n.t.bind(i18n);

describe('days left', () => {
  it('falls on the colour scale: calm above five, soon 1–5, today 0, overdue below', () => {
    expect([12, 6, 5, 1, 0, -1, -30].map(dueTone)).toEqual(['calm', 'calm', 'soon', 'soon', 'today', 'overdue', 'overdue']);
  });

  it('writes overdue days with a real minus sign and grouped digits', () => {
    expect(formatDaysLeft(-3, 'sv')).toBe('\u22123');
    expect(formatDaysLeft(0, 'sv')).toBe('0');
    expect(formatDaysLeft(4, 'en')).toBe('4');
    expect(formatDaysLeft(-1250, 'sv').replace(/\s/g, ' ')).toBe('\u22121 250');
  });
});

describe('red-flag explanations', () => {
  const flag = (code: RedFlagView['code'], facts: RedFlagView['facts'], eventIds = [1, 2]): RedFlagView => ({ code, eventIds, facts });

  it('are built from the facts in the user language', () => {
    expect(flagExplanation(t, flag('collection_during_dispute', { count: 2 }), 'SE')).toBe('Påminnelse, avgift eller inkasso medan tvisten var öppen (2 gånger)');
    expect(flagExplanation(t, flag('collection_during_dispute', { count: 1 }), 'SE')).toBe('Påminnelse, avgift eller inkasso medan tvisten var öppen (1 gång)');
    expect(flagExplanation(t, flag('repeated_contacts', { count: 4, orderRef: 'ORD-1' }), 'SE')).toBe(
      '4 kontakter med kundservice om order ORD-1 utan lösning',
    );
    expect(flagExplanation(t, flag('repeated_contacts', { count: 3, orderRef: '' }), 'SE')).toBe('3 kontakter med kundservice om samma köp utan lösning');
    expect(flagExplanation(t, flag('repeated_pauses', { count: 3, orderRef: 'ORD-2' }), 'SE')).toBe(
      'Fakturan för order ORD-2 pausades eller förlängdes 3 gånger utan beslut',
    );
    expect(flagExplanation(t, flag('repeated_technical_error', { count: 5 }), 'SE')).toBe('Kundservice hänvisade till tekniskt fel 5 gånger');
    expect(flagExplanation(t, flag('dispute_closed_no_merchant_response', { count: 1 }), 'SE')).toBe('Tvisten avslutades för att handlaren inte svarade');
  });

  it('write dates the interface language’s way for either market', () => {
    const late = flag('late_final_answer', { due: '2026-02-06', answered: '2026-02-18', days: 15 });
    expect(flagExplanation(t, late, 'SE')).toBe('Kundservice slutliga svar kom 2026-02-18, efter fristen 2026-02-06 (15 bankdagar)');
    expect(flagExplanation(t, late, 'DK')).toBe('Kundservice slutliga svar kom 2026-02-18, efter fristen 2026-02-06 (15 bankdagar)');
  });

  it('fall back to the number of events when a count is missing', () => {
    expect(flagExplanation(t, flag('paid_during_dispute', {}, [4, 5, 6]), 'SE')).toBe('Kunden betalade medan tvisten var öppen (3 gånger)');
  });

  it('exist for every code in every language', async () => {
    for (const lng of ['sv', 'en', 'da']) {
      await i18n.changeLanguage(lng);
      for (const code of RED_FLAG_CODES) {
        const label = flagLabel(t, { code });
        const text = flagExplanation(t, flag(code, { count: 2, orderRef: 'O-1', due: '2026-01-01', answered: '2026-01-09', days: 15 }), 'SE');
        expect(label, `${lng} ${code}`).not.toContain('flags.');
        expect(text, `${lng} ${code}`).not.toContain('flags.');
        expect(text, `${lng} ${code}`).not.toContain('{{');
      }
    }
    await i18n.changeLanguage('en');
    expect(flagExplanation(t, flag('collection_during_dispute', { count: 2 }), 'SE')).toBe('Reminder, fee or debt collection while the dispute was open (2 times)');
    await i18n.changeLanguage('sv');
  });
});

describe('in-case search folding', () => {
  it('ignores case and diacritics, Nordic letters included', () => {
    expect(fold('Öberg Søren Ærø Åsa')).toBe('oberg soren aero asa');
    expect(queryWords('  Öberg   KVITTO ')).toEqual(['oberg', 'kvitto']);
    expect(matchesAllWords(['Signe Öberg', 'kvittot bifogas'], ['oberg', 'kvitto'])).toBe(true);
    expect(matchesAllWords(['Signe Öberg'], ['oberg', 'kvitto'])).toBe(false);
  });

  it('highlights matches in the original text, also where folding changes the length', () => {
    expect(highlightParts('Hej Öberg, ring Öberg', ['oberg'])).toEqual([
      { text: 'Hej ', match: false },
      { text: 'Öberg', match: true },
      { text: ', ring ', match: false },
      { text: 'Öberg', match: true },
    ]);
    expect(highlightParts('Æblevej 4', ['aeble'])).toEqual([
      { text: 'Æble', match: true },
      { text: 'vej 4', match: false },
    ]);
    expect(highlightParts('ingenting', ['xyz'])).toEqual([{ text: 'ingenting', match: false }]);
  });
});
