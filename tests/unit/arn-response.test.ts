import { describe, expect, it } from 'vitest';
import { exhibitMentions, numberedExhibits, responseMergeValues, type ResponsePanel } from '../../src/shared/domain/arn-response';
import type { DocNode } from '../../src/shared/editor/document';
import { renderPlainText } from '../../src/shared/editor/text';
import { redactedTexts, stripRedactions } from '../../src/shared/editor/walk';

const panel: ResponsePanel = {
  points: [
    { text: 'Återbetala köpet', amount: { minor: 149_900, currency: 'SEK' }, position: 'partly_admits', amountReasonable: false },
    { text: 'Ta bort påminnelseavgiften', amount: null, position: 'admits', amountReasonable: null },
  ],
  answers: ['Ja', ''],
  facts: [],
  exhibits: [
    { source: 'attachment', id: 4, title: 'Kvitto', redacted: false },
    { source: 'event', id: 9, title: 'Intern anteckning', redacted: true },
    { source: 'attachment', id: 5, title: 'Spårning', redacted: false },
  ],
  redactedFields: [],
  lateAcknowledged: false,
  settlementOffer: '',
};

describe('the ARN response', () => {
  it('states the position and the amount assessment per claim point in the letter language', () => {
    const v = responseMergeValues({ language: 'sv', authorityName: 'ARN', reference: '2026-1', receivedDate: '2026-11-10', responseDue: null, claimAmount: null, questions: ['Fråga ett', 'Fråga två'], panel, date: '2026-11-16', companyName: 'Nordkredit AB', signerName: null });
    expect(v['point.1.position']).toBe('Bolaget medger yrkandet delvis.');
    expect(v['point.1.amountAssessment']).toBe('Det yrkade beloppet vitsordas inte som skäligt.');
    expect(v['point.2.position']).toBe('Bolaget medger yrkandet.');
    expect(v['point.2.amountAssessment']).toBe('Yrkandet avser inget belopp.');
    expect(v['question.1.answer']).toBe('Ja');
    expect(v['question.2.answer']).toBeUndefined();
    expect(v['settlement.offer']).toBe('Bolaget lämnar inget förlikningsförslag.');
    const da = responseMergeValues({ language: 'da', authorityName: 'DFA', reference: 'x', receivedDate: '2026-11-10', responseDue: null, claimAmount: null, questions: [], panel, date: '2026-11-16', companyName: 'Nordkredit', signerName: null });
    expect(da['point.1.position']).toBe('Virksomheden anerkender kravet delvist.');
  });

  it('numbers the exhibits that go out 1..n, skipping redacted ones, and finds references in any of the three languages', () => {
    expect(numberedExhibits(panel).map((n) => [n.number, n.exhibit.title, n.index])).toEqual([
      [1, 'Kvitto', 0],
      [2, 'Spårning', 2],
    ]);
    expect(exhibitMentions('Se bilaga 2, Bilag 1 og Exhibit 3; bilagan saknas.')).toEqual([2, 1, 3]);
  });

  it('leaves redacted text, merge fields and cited events out of the text, and lists what was marked', () => {
    const doc: DocNode = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Kunden ' },
            { type: 'text', text: 'ringde fjorton gånger', marks: [{ type: 'redaction' }] },
            { type: 'text', text: ' och bor på ' },
            { type: 'mergeField', attrs: { field: 'customer.street' } },
            { type: 'text', text: ' enligt ' },
            { type: 'citation', attrs: { eventId: 7 } },
          ],
        },
        { type: 'paragraph', attrs: { redacted: true }, content: [{ type: 'text', text: 'Hela stycket' }] },
      ],
    };
    const stripped = stripRedactions(doc, { fields: ['customer.street'], eventIds: [7] });
    expect(renderPlainText(stripped, { values: { 'customer.street': 'Storgatan 1' } })).toBe('Kunden  och bor på  enligt');
    expect(redactedTexts(doc)).toEqual(['ringde fjorton gånger']);
  });
});
