import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import letterheads from '../../resources/letterhead/letterheads.json';
import { citationReference, isCitable, quote } from '../../src/shared/domain/citation';
import { claimOrderIssues, validateTemplate } from '../../src/shared/domain/decision';
import { EVENT_KINDS } from '../../src/shared/domain/history';
import { addYears, APPEAL_RULES, arnDeadline, firstComplaintDay, OFFICE_NAME } from '../../src/shared/domain/legal';
import type { Language, Market } from '../../src/shared/domain/market';
import { docSchema, type DocNode } from '../../src/shared/editor/document';
import { renderPlainText } from '../../src/shared/editor/text';
import { expandClaimBlocks, mergeFieldSequence } from '../../src/shared/editor/walk';

const TEMPLATES: [Market, Language][] = [
  ['SE', 'sv'],
  ['SE', 'en'],
  ['DK', 'da'],
  ['DK', 'en'],
];
const template = (market: Market, language: Language): DocNode =>
  docSchema.parse((JSON.parse(readFileSync(`resources/templates/${market}-${language}.json`, 'utf8')) as { content: unknown }).content);

describe('the one rule for what a letter may cite', () => {
  it('walks every event kind: the office records are refused, every other kind may be cited', () => {
    const refused = EVENT_KINDS.filter((kind) => !isCitable({ kind, source: kind === 'note' ? 'internal' : 'mail' }));
    expect(refused).toEqual(['note', 'status_change', 'assignment', 'decision_review', 'letter_exported']);
    // A record from the office's own desk is internal unless it is something sent to the customer.
    expect(isCitable({ kind: 'document', source: 'internal' })).toBe(false);
    expect(isCitable({ kind: 'info_request', source: 'internal' })).toBe(true);
    // "Internal to the company" is not "internal note": a dispute the investigation team closed is a fact.
    expect(isCitable({ kind: 'dispute_closed', source: 'merchant' })).toBe(true);
  });

  it('words a citation in the letter language: what, date in words, who, and the summary as a quote', () => {
    const fact = { kind: 'cs_chat' as const, day: '2026-07-22', summary: 'Återbetalning utlovad', who: null };
    expect(citationReference(fact, 'sv')).toBe('(se chatten med kundservice den 22 juli 2026: ”Återbetalning utlovad”)');
    expect(citationReference({ ...fact, who: 'Agent 12' }, 'da')).toBe('(se chatten med kundeservice (Agent 12) den 22. juli 2026: »Återbetalning utlovad«)');
    expect(citationReference(fact, 'en')).toBe('(see the chat with customer service of 22 July 2026: “Återbetalning utlovad”)');
    expect(quote(' Jag vill ha pengarna tillbaka ', 'sv')).toBe('”Jag vill ha pengarna tillbaka”');
  });

  it('keeps a citation apart from the word before it in the frozen text', () => {
    const doc: DocNode = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Enligt' }, { type: 'citation', attrs: { eventId: 1 } }] }] };
    expect(renderPlainText(doc, { values: {}, events: new Map([[1, { date: '2026-07-22', summary: 'x', text: '(se chatten)' }]]) })).toBe('Enligt (se chatten)');
  });
});

describe('legal wording per market', () => {
  it('dates ARN one year from the first inbound complaint, at the latest the received date', () => {
    const dayOf = (instant: string) => instant.slice(0, 10);
    const events = [
      { kind: 'invoice_issued' as const, direction: 'outbound' as const, occurredAt: '2026-01-05T10:00:00Z' },
      { kind: 'cs_email' as const, direction: 'outbound' as const, occurredAt: '2026-01-20T10:00:00Z' },
      { kind: 'cs_call' as const, direction: 'inbound' as const, occurredAt: '2026-02-03T10:00:00Z' },
    ];
    expect(firstComplaintDay('2026-03-10', events, dayOf)).toBe('2026-02-03');
    expect(firstComplaintDay('2026-03-10', [], dayOf)).toBe('2026-03-10');
    expect(arnDeadline('SE', '2026-02-03')).toBe('2027-02-03');
    expect(arnDeadline('DK', '2026-02-03')).toBeNull();
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28');
  });

  it('never lets the ODR platform or a two-month ARN window into any market, and ships templates that hold', () => {
    for (const market of ['SE', 'DK'] as const) {
      const ids = APPEAL_RULES[market].forbidden.map((p) => p.id);
      expect(ids).toEqual(expect.arrayContaining(['odr', 'two_months']));
    }
    for (const [market, language] of TEMPLATES) {
      const content = template(market, language);
      expect({ market, language, issues: validateTemplate({ market, language, content }) }).toEqual({ market, language, issues: [] });
      const text = renderPlainText(content, { values: {} });
      expect(text).not.toMatch(/ODR|ec\.europa\.eu|två månader|two months/);
    }
    const withOdr = template('DK', 'da');
    withOdr.content!.push({ type: 'paragraph', content: [{ type: 'text', text: 'Du kan også klage via ODR-platformen.' }] });
    expect(validateTemplate({ market: 'DK', language: 'da', content: withOdr }).map((i) => `${i.code}:${String(i.params?.phrase)}`)).toEqual(['appeal_wrong_market:odr']);
  });

  it('names the office one way per market on the letterhead and in each template', () => {
    expect(letterheads.SE.department).toBe(OFFICE_NAME.SE.sv);
    expect(letterheads.DK.department).toBe(OFFICE_NAME.DK.da);
    for (const [market, language] of TEMPLATES) {
      const text = renderPlainText(template(market, language), { values: {} });
      const office = OFFICE_NAME[market][language]!;
      expect({ market, language, signs: text.trimEnd().endsWith(office) }).toEqual({ market, language, signs: true });
    }
  });
});

describe('per claim: outcome, reasoning, remedy', () => {
  it('repeats a claim group together and refuses a template that separates the parts', () => {
    const expanded = mergeFieldSequence(expandClaimBlocks(template('SE', 'sv'), 2)).filter((f) => /^claim\.\d\.(outcome|reasoning|remedies)$/.test(f));
    expect(expanded).toEqual(['claim.1.outcome', 'claim.1.reasoning', 'claim.1.remedies', 'claim.2.outcome', 'claim.2.reasoning', 'claim.2.remedies']);
    // The layout that shipped before: a heading between reasoning and remedy splits the group, so
    // the expansion printed all outcomes and reasonings, then all remedies.
    const split = template('SE', 'sv');
    const remedyAt = split.content!.findIndex((b) => mergeFieldSequence(b).includes('claim.*.remedies'));
    split.content!.splice(remedyAt, 0, { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Beslut och gottgörelse' }] });
    expect(validateTemplate({ market: 'SE', language: 'sv', content: split }).map((i) => i.code)).toEqual(['claim_order']);
  });

  it('names a hand-drafted letter whose reasoning is not under its outcome', () => {
    expect(claimOrderIssues(['claim.1.outcome', 'claim.1.reasoning', 'claim.1.remedies', 'claim.2.outcome', 'claim.2.reasoning'])).toEqual([]);
    expect(claimOrderIssues(['claim.1.outcome', 'claim.2.outcome', 'claim.1.reasoning', 'claim.2.reasoning']).map((i) => i.params)).toEqual([{ n: 1 }, { n: 2 }]);
    expect(claimOrderIssues(['claim.1.outcome', 'claim.1.reasoning', 'claim.2.outcome', 'claim.1.remedies']).map((i) => i.code)).toEqual(['claim_order']);
  });
});
