import { describe, expect, it } from 'vitest';
import { addMonths, mergeValues, remedySentence, validateDecision, type Panel } from '../../src/shared/domain/decision';
import { docSchema, type DocNode } from '../../src/shared/editor/document';
import { renderPlainText } from '../../src/shared/editor/text';
import { citationsOf, expandClaimBlocks, mergeFieldsOf } from '../../src/shared/editor/walk';
import seTemplate from '../../resources/templates/SE-sv.json';
import dkTemplate from '../../resources/templates/DK-da.json';

const t = (text: string): DocNode => ({ type: 'text', text });
const field = (f: string): DocNode => ({ type: 'mergeField', attrs: { field: f } });
const p = (...content: DocNode[]): DocNode => ({ type: 'paragraph', content });
const doc = (...content: DocNode[]): DocNode => ({ type: 'doc', content });
const nb = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

const header = {
  number: 'KO-2026-000123',
  market: 'SE' as const,
  receivedDate: '2026-03-10',
  customer: { id: 1, name: 'Åsa Öberg', personalNumberMasked: '19850312-****', email: null, phone: null, street: 'Storgatan 1', postalCode: '111 22', city: 'Stockholm', country: 'SE' },
  merchant: { id: 1, name: 'Elektronikhuset AB', orgNumber: null, country: 'SE' },
  purchases: [{ id: 1, orderRef: 'ORD-1', purchasedOn: '2026-02-01', amount: { minor: 149_900, currency: 'SEK' }, product: 'invoice' as const, status: 'open' as const, merchantName: 'Elektronikhuset AB' }],
  claims: [
    { id: 11, position: 1, kind: 'refund' as const, text: 'Kreditera fakturan', amount: { minor: 149_900, currency: 'SEK' } },
    { id: 12, position: 2, kind: 'apology' as const, text: 'En ursäkt', amount: null },
  ],
};

describe('the plain-text renderer', () => {
  it('renders headings, lists, tables, breaks, merge fields and citations', () => {
    const d = doc(
      { type: 'heading', attrs: { level: 1 }, content: [t('Beslut '), field('case.number')] },
      p(t('Rad ett'), { type: 'hardBreak' }, t('Rad två '), { type: 'citation', attrs: { eventId: 7 } }),
      { type: 'bulletList', content: [{ type: 'listItem', content: [p(t('a'))] }, { type: 'listItem', content: [p(t('b'))] }] },
      { type: 'orderedList', content: [{ type: 'listItem', content: [p(t('först'))] }, { type: 'listItem', content: [p(field('nope'))] }] },
      { type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableHeader', content: [p(t('Belopp'))] }, { type: 'tableCell', content: [p(t('1 499,00 kr'))] }] }] },
    );
    expect(docSchema.safeParse(d).success).toBe(true);
    expect(renderPlainText(d, { values: { 'case.number': 'KO-2026-000123' }, events: new Map([[7, { date: '2026-03-02', summary: 'Samtal med kundservice' }]]) })).toBe(
      'Beslut KO-2026-000123\n\nRad ett\nRad två [2026-03-02: Samtal med kundservice]\n\n- a\n- b\n\n1. först\n2. {{nope}}\n\nBelopp\t1 499,00 kr',
    );
  });

  it('refuses HTML-ish or unknown nodes and a merge field without a name', () => {
    expect(docSchema.safeParse({ type: 'doc', content: [{ type: 'script' }] }).success).toBe(false);
    expect(docSchema.safeParse(doc(p({ type: 'mergeField', attrs: {} }))).success).toBe(false);
    expect(docSchema.safeParse(doc(p({ type: 'citation', attrs: { eventId: 'x' } }))).success).toBe(false);
    expect(docSchema.safeParse(p(t('not a doc'))).success).toBe(false);
  });
});

describe('walkers', () => {
  it('repeat claim blocks once per claim and list fields and citations once each', () => {
    const template = doc(p(t('Intro '), field('customer.name')), p(t('Yrkande '), field('claim.*.number'), t(': '), field('claim.*.outcome')), p(field('signer.name')));
    const expanded = expandClaimBlocks(template, 2);
    expect(mergeFieldsOf(expanded)).toEqual(['customer.name', 'claim.1.number', 'claim.1.outcome', 'claim.2.number', 'claim.2.outcome', 'signer.name']);
    expect(citationsOf(doc(p({ type: 'citation', attrs: { eventId: 3 } }, { type: 'citation', attrs: { eventId: 3 } })))).toEqual([3]);
  });
});

describe('merge values', () => {
  it('fill the case, the panel and the ARN date in the letter language', () => {
    const panel: Panel = { claims: [{ claimId: 11, outcome: 'partly_upheld', reasoning: 'Delvis rätt.', remedies: [{ kind: 'refund', amount: { minor: 149_900, currency: 'SEK' }, dueDate: '2026-12-01' }] }] };
    const v = mergeValues({ header, language: 'sv', panel, decisionDate: '2026-11-16', signerName: 'Fia Engström' });
    expect(nb(v['claim.1.remedies']!)).toBe('Återbetalning 1 499,00 kr senast 1 december 2026.');
    expect(v['claim.1.outcome']).toBe('Bifalls delvis');
    expect(v['claim.2.outcome']).toBeUndefined();
    // No history here: the first complaint is at the latest the day the case was received.
    expect(v['arn.deadline']).toBe('10 mars 2027');
    expect(mergeValues({ header, language: 'sv', panel, decisionDate: '2026-11-16', signerName: null, firstComplaintDate: '2026-02-20' })['arn.deadline']).toBe('20 februari 2027');
    expect(v['claim.1.summary']).toBe('”Kreditera fakturan” (1\u00a0499,00\u00a0kr)');
    expect(v['customer.address']).toBe('Storgatan 1, 111 22 Stockholm');
    expect(nb(remedySentence([{ kind: 'compensation', amount: { minor: 50_000, currency: 'DKK' }, dueDate: '2026-12-01' }], 'da'))).toBe('Kompensation 500,00 kr. senest 1. december 2026.');
  });

  it('add two calendar months, clamping to the month end', () => {
    expect(addMonths('2026-11-16', 2)).toBe('2027-01-16');
    expect(addMonths('2026-12-31', 2)).toBe('2027-02-28');
  });
});

describe('validation before submit', () => {
  function check(content: DocNode, panel: Panel, market: 'SE' | 'DK' = 'SE', language: 'sv' | 'da' | 'en' = 'sv') {
    const h = market === 'SE' ? header : { ...header, market };
    const values = mergeValues({ header: h, language, panel, decisionDate: '2026-11-16', signerName: 'Fia' });
    const text = renderPlainText(content, { values, events: new Map([[1, { date: '2026-03-02', summary: 'x' }]]) });
    return validateDecision({ header: h, language, panel, usedFields: mergeFieldsOf(content), values, citedEventIds: citationsOf(content), caseEventIds: new Set([1]), text });
  }
  const filledPanel: Panel = {
    claims: [
      { claimId: 11, outcome: 'upheld', reasoning: 'R1', remedies: [{ kind: 'refund', amount: { minor: 149_900, currency: 'SEK' }, dueDate: '2026-12-01' }] },
      { claimId: 12, outcome: 'not_upheld', reasoning: 'R2', remedies: [] },
    ],
  };

  it('accepts the filled Swedish template and the Danish one for a Danish case', () => {
    const se = expandClaimBlocks(docSchema.parse(seTemplate.content), 2);
    const fill = (d: DocNode): DocNode => JSON.parse(JSON.stringify(d).replace(/\[[^\]"]+\]/g, 'Fakta.'));
    expect(check(fill(se), filledPanel)).toEqual([]);
    const dk = expandClaimBlocks(docSchema.parse(dkTemplate.content), 2);
    const dkPanel: Panel = { claims: [{ ...filledPanel.claims[0]!, remedies: [{ kind: 'refund', amount: { minor: 149_900, currency: 'DKK' }, dueDate: '2026-12-01' }] }, filledPanel.claims[1]!] };
    expect(check(fill(dk), dkPanel, 'DK', 'da')).toEqual([]);
    // The Swedish letter for a Danish customer names the wrong bodies and lacks the right ones.
    const codes = check(fill(se), dkPanel, 'DK', 'sv').map((i) => i.code);
    expect(codes).toContain('appeal_missing');
    expect(codes).toContain('appeal_wrong_market');
  });

  it('names each failure with where it is', () => {
    const se = expandClaimBlocks(docSchema.parse(seTemplate.content), 2);
    const panel: Panel = {
      claims: [
        { claimId: 11, outcome: null, reasoning: ' ', remedies: [{ kind: 'refund', amount: { minor: 0, currency: 'EUR' }, dueDate: null }] },
        { claimId: 99, outcome: 'upheld', reasoning: 'x', remedies: [] },
      ],
    };
    const withExtras = { ...se, content: [...se.content!, p(field('claim.3.amount'), { type: 'citation', attrs: { eventId: 42 } })] };
    const issues = check(withExtras, panel).map((i) => `${i.code} ${i.path}`);
    expect(issues).toEqual(
      expect.arrayContaining([
        'outcome_missing claims.0.outcome',
        'reasoning_missing claims.0.reasoning',
        'amount_invalid claims.0.remedies.0.amount',
        'due_date_missing claims.0.remedies.0.dueDate',
        'claim_missing claims',
        'claim_unknown claims.1.claimId',
        'merge_field_unresolved letter.mergeField.claim.3.amount',
        'citation_unknown letter.citation.42',
        'placeholder_left letter',
      ]),
    );
  });

  it('catches a letter that drops the remedy field or contradicts the outcome', () => {
    const d = doc(p(t('Allmänna reklamationsnämnden inom ett år 2 000 kr allmän domstol Konsumenternas Bank- och Finansbyrå konsumentvägledare')), p(t('Avslås. Avslås.')));
    const issues = check(d, filledPanel);
    expect(issues.map((i) => i.code)).toEqual(['outcome_not_in_letter', 'remedy_not_in_letter']);
    expect(nb(issues[1]!.message)).toContain('refund of 1 499,00 kr is not in the letter');
  });
});
