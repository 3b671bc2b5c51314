import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { historyText } from '../../src/renderer/lib/historyText';
import da from '../../src/renderer/i18n/da.json';
import en from '../../src/renderer/i18n/en.json';
import sv from '../../src/renderer/i18n/sv.json';
import { HISTORY_WORDINGS, historyBody } from '../../src/shared/domain/history-wording';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({ lng: 'sv', resources: { sv: { translation: sv }, da: { translation: da }, en: { translation: en } }, interpolation: { escapeValue: false } });
});
const svT = () => i18n.getFixedT('sv');
const daT = () => i18n.getFixedT('da');

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();
}

describe('history entries worded at display time', () => {
  it('has a wording for every kind in Swedish, Danish and English, using exactly its params', () => {
    const problems: string[] = [];
    for (const [key, params] of Object.entries(HISTORY_WORDINGS)) {
      for (const [language, bundle] of Object.entries({ sv, da, en })) {
        const text = (bundle.historyKind as Record<string, string | undefined>)[key];
        if (!text) problems.push(`${language}: historyKind.${key} is missing`);
        else if (placeholders(text).join() !== [...params].sort().join()) problems.push(`${language}: historyKind.${key} has {${placeholders(text).join(', ')}}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('words an old status change stored as codes, and a demo one stored in Swedish, in the reader’s language', () => {
    const old = { kind: 'status_change', summary: 'waiting_for_customer → in_review', data: {} };
    expect(historyText(svT(), old)).toBe('Väntar på kund → Under utredning');
    const demo = { kind: 'status_change', summary: 'Status ändrad: Mottaget → Under granskning', data: { fromStatus: 'received', toStatus: 'in_review' } };
    expect(historyText(svT(), demo)).toBe('Mottaget → Under utredning');
    expect(historyText(daT(), demo)).toBe('Modtaget → Under behandling');
  });

  it('words decision steps, letters and authority matters from their facts, never the stored English', () => {
    expect(historyText(svT(), { kind: 'decision_review', summary: 'Decision draft started', data: { decisionId: 4, action: 'created', correctsDecisionId: null } })).toBe('Beslutsutkast påbörjat');
    expect(historyText(svT(), { kind: 'decision_issued', summary: 'Corrected decision issued (corrects #213)', data: { decisionId: 5, correctsDecisionId: 213 } })).toBe(
      'Rättat beslut meddelat (rättar beslut 213)',
    );
    expect(historyText(svT(), { kind: 'letter_exported', summary: 'decision PDF: KO-1.pdf', data: { letter: 'decision', format: 'pdf', fileName: 'KO-1.pdf', draft: false } })).toBe(
      'Beslutsbrev exporterat som PDF: KO-1.pdf',
    );
    expect(historyText(daT(), { kind: 'letter_sent', summary: 'decision sent by email', data: { letter: 'decision', channel: 'email' } })).toBe('Afgørelsesbrev sendt via e-mail');
    // A letter as mail: the draft, and the message sent, with its subject and recipient.
    const mail = { letter: 'decision', format: 'eml', fileName: 'KO-1-beslut.eml', draft: false, subject: '[KO-1] Kundombudsmannens beslut', to: 'asa@example.se' };
    expect(historyText(svT(), { kind: 'letter_exported', summary: '[KO-1] Kundombudsmannens beslut', data: { ...mail, mail: 'draft' } })).toBe('Beslutsbrev som e-postutkast: [KO-1] Kundombudsmannens beslut');
    expect(historyText(daT(), { kind: 'letter_exported', summary: '[KO-1] Kundombudsmannens beslut', data: { ...mail, mail: 'sent' } })).toBe(
      'Afgørelsesbrev som e-mail til asa@example.se: [KO-1] Kundombudsmannens beslut',
    );
    expect(historyText(svT(), { kind: 'authority_correspondence', summary: 'ARN response draft started', data: { action: 'response_created' } })).toBe('Utkast till yttrande påbörjat');
    expect(historyText(svT(), { kind: 'authority_correspondence', summary: 'ARN 2026-77: upheld', data: { action: 'outcome', outcome: 'upheld' } })).toBe('ARN 2026-77: utgång Bifall');
  });

  it('leaves what a person wrote as written', () => {
    expect(historyText(svT(), { kind: 'note', summary: 'Ringde kunden', data: {} })).toBe('Ringde kunden');
    expect(historyText(svT(), { kind: 'cs_email', summary: 'Kunden skriver igen', data: {} })).toBe('Kunden skriver igen');
  });

  it('shows no English body on the status changes Ombud made itself, old or new', () => {
    expect(historyBody({ kind: 'status_change', summary: 'x', body: 'Decision issued', data: {} })).toBe('');
    expect(historyBody({ kind: 'status_change', summary: 'x', body: '', data: { cause: 'decision_issued' } })).toBe('');
    expect(historyBody({ kind: 'status_change', summary: 'x', body: 'Kunden har svarat', data: {} })).toBe('Kunden har svarat');
  });
});
