import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { issueText } from '../../src/renderer/features/decision/issueText';
import da from '../../src/renderer/i18n/da.json';
import en from '../../src/renderer/i18n/en.json';
import sv from '../../src/renderer/i18n/sv.json';
import { APPEAL_RULES, validateDecision, validateTemplate, type ValidationIssue } from '../../src/shared/domain/decision';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({ lng: 'sv', resources: { sv: { translation: sv }, da: { translation: da }, en: { translation: en } }, interpolation: { escapeValue: false } });
});

const header = {
  market: 'SE' as const,
  claims: [{ id: 11, position: 1, kind: 'refund' as const, text: 'Återbetala avgiften', amount: { minor: 149_900, currency: 'SEK' } }],
};

function issuesFor(panelRemedyAmount: number | null): ValidationIssue[] {
  return validateDecision({
    header,
    language: 'sv',
    panel: { claims: [{ claimId: 11, outcome: 'upheld', reasoning: '', remedies: [{ kind: 'refund', amount: panelRemedyAmount === null ? null : { minor: panelRemedyAmount, currency: 'SEK' }, dueDate: null }] }] },
    usedFields: ['customer.shoeSize'],
    values: {},
    citedEventIds: [],
    caseEventIds: new Set(),
    text: 'Bifalls. Det Finansielle Ankenævn',
  });
}

describe('validation issues in the user language', () => {
  it('words every decision issue in Swedish and Danish from its code and facts, translating the remedy kind', () => {
    const issues = issuesFor(149_900);
    const sv = issues.map((i) => issueText(i18n.getFixedT('sv'), i));
    expect(sv).toContain('Yrkande 1: skriv motiveringen.');
    expect(sv).toContain('Yrkande 1: ange senaste dag för återbetalning.');
    expect(sv).toContain('Yrkande 1: panelens återbetalning på 1\u00a0499,00\u00a0kr står inte i brevet; infoga fältet claim.1.remedies.');
    expect(sv).toContain('Fältet ”customer.shoeSize” har inget värde i det här ärendet.');
    expect(sv).toContain('Avsnittet om kundens fortsatta möjligheter måste nämna Allmänna reklamationsnämnden (ARN).');
    expect(sv).toContain('Brevet nämner Det Finansielle Ankenævn (ett danskt organ), som inte gäller kunder i Sverige.');
    const da = issues.map((i) => issueText(i18n.getFixedT('da'), i));
    expect(da).toContain('Krav 1: skriv begrundelsen.');
    // No issue falls back to the service's English.
    for (const [lang, texts] of [['sv', sv], ['da', da]] as const) {
      for (const [n, text] of texts.entries()) expect(text, `${lang}: ${issues[n]!.code}`).not.toBe(issues[n]!.message);
    }
  });

  it('names an amount of zero as invalid, and template problems, in the user language', () => {
    expect(issuesFor(0).map((i) => issueText(i18n.getFixedT('en'), i))).toContain('Claim 1: the refund amount must be more than zero in SEK.');
    const content = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Du kan gå til ARN senest ' }, { type: 'mergeField', attrs: { field: 'arn.deadline' } }] }] };
    const template = validateTemplate({ market: 'DK', language: 'da', content });
    const texts = template.map((i) => issueText(i18n.getFixedT('sv'), i));
    expect(texts).toContain('Fältet ”arn.deadline” kan inte fyllas i för ärenden i Danmark.');
    expect(texts).toContain('Avsnittet om kundens fortsatta möjligheter måste nämna Det Finansielle Ankenævn.');
  });

  it('has a wording for every appeal phrase the rules can name', () => {
    const ids = Object.values(APPEAL_RULES).flatMap((r) => [...Object.values(r.required).flat(), ...r.forbidden].map((p) => p!.id));
    for (const id of new Set(ids)) for (const bundle of [sv, da, en]) expect(bundle.decisionIssue.phrase, id).toHaveProperty(id);
  });

  it('shows the service message for an issue that carries no facts', () => {
    expect(issueText(i18n.getFixedT('sv'), { code: 'empty_letter', path: 'letter', message: 'The letter is empty.' })).toBe('The letter is empty.');
  });
});
