import { describe, expect, it } from 'vitest';
import { formatLetterDate } from '../../src/shared/letter/frame';
import { buildLetterBody, plainText, type TipTapNode } from '../../src/shared/letter/model';

const text = (t: string, marks?: TipTapNode['marks']): TipTapNode => ({ type: 'text', text: t, ...(marks ? { marks } : {}) });
const p = (...content: TipTapNode[]): TipTapNode => ({ type: 'paragraph', content });
const doc = (...content: TipTapNode[]): TipTapNode => ({ type: 'doc', content });
const fields: Record<string, string> = { 'customer.name': 'Åsa Öberg', 'claim.1.amount': '1 499,00 kr' };
const opts = {
  resolveField: (f: string) => fields[f],
  resolveCitation: (id: number) => (id === 7 ? '2026-03-02, Kundservice, telefon: samtal om fakturan' : undefined),
};

describe('the letter model', () => {
  it('keeps headings, runs with their marks, breaks, nested lists and tables', () => {
    const blocks = buildLetterBody(
      doc(
        { type: 'heading', attrs: { level: 2 }, content: [text('Bakgrund')] },
        p(text('Hej '), { type: 'mergeField', attrs: { field: 'customer.name' } }, text('!', [{ type: 'bold' }]), { type: 'hardBreak' }, text('länk', [{ type: 'link', attrs: { href: 'https://arn.se' } }, { type: 'underline' }])),
        {
          type: 'orderedList',
          attrs: { start: 3 },
          content: [{ type: 'listItem', content: [p(text('tre')), { type: 'bulletList', content: [{ type: 'listItem', content: [p(text('inne'))] }] }] }],
        },
        {
          type: 'table',
          content: [
            { type: 'tableRow', content: [{ type: 'tableHeader', content: [p(text('Datum'))] }, { type: 'tableHeader', content: [p(text('Vad'))] }] },
            { type: 'tableRow', content: [{ type: 'tableCell', attrs: { colspan: 2 }, content: [p({ type: 'citation', attrs: { eventId: 7 } })] }] },
          ],
        },
      ),
      opts,
    );
    expect(blocks[0]).toEqual({ type: 'heading', level: 2, runs: [{ type: 'text', text: 'Bakgrund' }] });
    expect(blocks[1]).toEqual({
      type: 'paragraph',
      runs: [
        { type: 'text', text: 'Hej ' },
        { type: 'text', text: 'Åsa Öberg' },
        { type: 'text', text: '!', bold: true },
        { type: 'break' },
        { type: 'text', text: 'länk', link: 'https://arn.se', underline: true },
      ],
    });
    expect(blocks[2]).toMatchObject({ type: 'list', ordered: true, start: 3, items: [[{ type: 'paragraph' }, { type: 'list', ordered: false, items: [[{ type: 'paragraph' }]] }]] });
    expect(blocks[3]).toMatchObject({ type: 'table', headerRows: 1, rows: [[{ header: true }, { header: true }], [{ header: false, colspan: 2 }]] });
    expect(plainText(blocks)).toContain('2026-03-02, Kundservice, telefon: samtal om fakturan');
  });

  it('refuses an unresolved merge field, an unknown event, node or mark, naming it and where', () => {
    expect(() => buildLetterBody(doc(p(text('a')), p({ type: 'mergeField', attrs: { field: 'claim.9.amount' } })), opts)).toThrow(
      'Unknown merge field "claim.9.amount" (at doc.content[1].content[0])',
    );
    expect(() => buildLetterBody(doc(p({ type: 'citation', attrs: { eventId: 99 } })), opts)).toThrow('Citation of unknown event 99');
    expect(() => buildLetterBody(doc({ type: 'image', attrs: { src: 'x' } }), opts)).toThrow('Unknown block node "image" (at doc.content[0])');
    expect(() => buildLetterBody(doc(p(text('x', [{ type: 'highlight' }]))), opts)).toThrow('Unknown mark "highlight"');
    expect(() => buildLetterBody(doc(p({ type: 'mention', attrs: {} })), opts)).toThrow('Unknown inline node "mention"');
    expect(() => buildLetterBody({ type: 'paragraph' }, opts)).toThrow('The body must be a "doc"');
  });

  it('removes redacted text, blocks, fields and cited events before rendering', () => {
    const blocks = buildLetterBody(
      doc(
        p(text('Synligt. '), text('Hemlig rad', [{ type: 'redaction' }]), { type: 'mergeField', attrs: { field: 'customer.name' } }),
        { ...p(text('Hela stycket bort')), attrs: { redacted: true } },
        p({ type: 'citation', attrs: { eventId: 7 } }, text(' kvar')),
      ),
      { ...opts, redaction: { fields: ['customer.name'], eventIds: [7] } },
    );
    const all = plainText(blocks);
    expect(all).toBe('Synligt. \n kvar');
    expect(all).not.toMatch(/Hemlig|Hela stycket|Åsa|Kundservice/);
  });

  it('spells dates the way each language writes them', () => {
    expect(formatLetterDate('2026-11-23', 'sv')).toBe('23 november 2026');
    expect(formatLetterDate('2026-11-23', 'da')).toBe('23. november 2026');
    expect(formatLetterDate('2026-03-02', 'en')).toBe('2 March 2026');
    expect(() => formatLetterDate('2026-13-02', 'en')).toThrow('not a date');
  });
});
