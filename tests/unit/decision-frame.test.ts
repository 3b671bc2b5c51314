import { describe, expect, it } from 'vitest';
import type { DocNode } from '../../src/shared/editor/document';
import { fitDecisionToFrame } from '../../src/shared/letter/decision-frame';

const text = (t: string): DocNode => ({ type: 'text', text: t });
const field = (f: string): DocNode => ({ type: 'mergeField', attrs: { field: f } });
const br: DocNode = { type: 'hardBreak' };
const p = (...content: DocNode[]): DocNode => ({ type: 'paragraph', content });
const h = (level: number, t: string): DocNode => ({ type: 'heading', attrs: { level }, content: [text(t)] });
const doc = (...content: DocNode[]): DocNode => ({ type: 'doc', content });

describe('fitting a decision body into the letter frame', () => {
  it('takes the opening title as the subject and drops the block that repeats case, date and addressee', () => {
    const fitted = fitDecisionToFrame(
      doc(h(1, 'Kundombudsmannens beslut'), p(text('Ärende: '), field('case.number'), br, text('Datum: '), field('decision.date'), br, text('Till: '), field('customer.name')), h(2, 'Bakgrund'), p(text('Med vänliga hälsningar'), br, field('signer.name'))),
    );
    expect(fitted.title).toBe('Kundombudsmannens beslut');
    expect(fitted.signsItself).toBe(true);
    expect(fitted.content.content!.map((n) => n.type)).toEqual(['heading', 'paragraph']);
    expect(fitted.content.content![0]!.content![0]!.text).toBe('Bakgrund');
  });

  it('keeps everything the drafter wrote beyond labels and frame fields', () => {
    const body = doc(h(1, 'Beslut'), p(text('Ärende: '), field('case.number'), text(' gäller din faktura från '), field('merchant.name')), p(text('Hej')));
    const fitted = fitDecisionToFrame(body);
    expect(fitted.content.content).toHaveLength(2);
    expect(fitted.signsItself).toBe(false);
    const noTitle = fitDecisionToFrame(doc(h(2, 'Bakgrund'), p(text('Datum: '), field('decision.date'))));
    expect(noTitle.title).toBeNull();
    expect(noTitle.content.content).toHaveLength(2);
  });
});
