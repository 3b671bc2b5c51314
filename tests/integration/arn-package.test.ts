import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARN_FILE_LIMIT, buildArnPackage, type Exhibit } from '../../src/main/export/package';
import { renderLetterPdf } from '../../src/main/export/pdf';
import { renderInWorker, stopRenderWorker } from '../../src/main/export/render-in-worker';
import { pdfWithPages, png } from '../fixtures/files';
import { tempDir } from '../fixtures/temp-store';

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

const pageText = (path: string, page: number) => execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', path, '-'], { encoding: 'utf8' });

async function response(): Promise<Uint8Array> {
  return renderLetterPdf({
    language: 'sv',
    market: 'SE',
    draft: false,
    letterhead: { companyName: 'Nordkredit AB', department: 'Kundombudsmannen', addressLines: ['Box 7125'], orgNumber: '556789-1234', contactLines: [] },
    date: '2026-11-23',
    caseNumber: 'KO-2026-000001',
    addressee: ['Allmänna reklamationsnämnden'],
    subject: 'Yttrande i ärende 2026-01234',
    body: [{ type: 'paragraph', runs: [{ type: 'text', text: 'Bolaget bestrider kravet.' }] }],
    signature: { name: 'Fia Ekström', title: 'Kundombudsman' },
  });
}

describe('the ARN response package', () => {
  it('puts the response, an index, then each exhibit in order behind its separator page', async () => {
    const note = Buffer.from('Kundens sms-logg, ett exempel på en fil som inte kan återges', 'utf8');
    const exhibits: Exhibit[] = [
      { title: 'Faktura från handlaren', fileName: 'faktura.pdf', mediaType: 'application/pdf', bytes: await pdfWithPages('Invoice page one', 'Invoice page two') },
      { title: 'Skärmbild av köpet', fileName: 'köp.png', mediaType: 'image/png', bytes: png() },
      { title: 'SMS-logg', fileName: 'sms-logg.txt', mediaType: 'text/plain', bytes: note },
      { title: 'Handlarens svar', fileName: 'svar.pdf', mediaType: 'application/pdf', bytes: await pdfWithPages('Merchant reply') },
    ];
    const result = await buildArnPackage({ response: await response(), exhibits, language: 'sv' });
    const out = join(dir, 'arn.pdf');
    writeFileSync(out, result.pdf);
    // The fixtures' PDFs use pdf-lib's standard Helvetica, not embedded: each is named in a warning.
    expect(result.warnings.every((w) => /inte är inbäddade \(Helvetica\)/.test(w))).toBe(true);
    // 1 response + 1 index + (1+2) + (1+1) + 1 + (1+1)
    expect(result.pages).toBe(10);
    expect(Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [out], { encoding: 'utf8' }))![1])).toBe(10);
    const pages = Array.from({ length: 10 }, (_, i) => pageText(out, i + 1));
    expect(pages[0]).toContain('Bolaget bestrider kravet.');
    expect(pages[1]).toMatch(/Bilageförteckning[\s\S]*Bilaga 1: Faktura från handlaren[\s\S]*Bilaga 2: Skärmbild av köpet[\s\S]*Bilaga 3: SMS-logg[\s\S]*Bilaga 4: Handlarens svar/);
    expect(pages[2]).toContain('Bilaga 1: Faktura från handlaren');
    expect(pages[3]).toContain('Invoice page one');
    expect(pages[4]).toContain('Invoice page two');
    expect(pages[5]).toContain('Bilaga 2: Skärmbild av köpet');
    expect(pages[5]).toContain('köp.png');
    expect(execFileSync('pdfimages', ['-f', '7', '-l', '7', '-list', out], { encoding: 'utf8' })).toMatch(/\s40\s+20\s/);
    expect(pages[7]).toContain('Bilaga 3: SMS-logg');
    expect(pages[7]).toContain('sms-logg.txt');
    expect(pages[7]).toContain(createHash('sha256').update(note).digest('hex'));
    expect(pages[7]).toContain('lämnas in som separat fil');
    expect(pages[8]).toContain('Bilaga 4: Handlarens svar');
    expect(pages[9]).toContain('Merchant reply');
  });

  it('names every exhibit over 10 MB, and refuses a broken PDF exhibit by name', async () => {
    const big = Buffer.alloc(ARN_FILE_LIMIT + 1, 1);
    const result = await buildArnPackage({
      response: await response(),
      exhibits: [
        { title: 'Liten', fileName: 'liten.txt', mediaType: 'text/plain', bytes: Buffer.from('x') },
        { title: 'Inspelning', fileName: 'samtal.wav', mediaType: 'audio/wav', bytes: big },
      ],
      language: 'da',
    });
    expect(result.warnings).toEqual(['Bilag 2 (samtal.wav) er 10.0 MB; portalen modtager højst 10 MB pr. fil.']);
    await expect(
      buildArnPackage({ response: await response(), exhibits: [{ title: 'Trasig', fileName: 'trasig.pdf', mediaType: 'application/pdf', bytes: Buffer.from('not a pdf') }], language: 'en' }),
    ).rejects.toThrow('Exhibit 1: Trasig (trasig.pdf) is not a readable PDF');
  });
});

describe('the package in the render worker', () => {
  afterAll(() => stopRenderWorker());

  it('builds a 50-exhibit package off the main thread, reporting progress once per exhibit in order', async () => {
    const exhibits: Exhibit[] = await Promise.all(
      Array.from({ length: 50 }, async (_, i) => ({ title: `Underlag ${i + 1}`, fileName: `underlag-${i + 1}.pdf`, mediaType: 'application/pdf', bytes: await pdfWithPages(`Exhibit body ${i + 1}`) })),
    );
    const seen: string[] = [];
    const output = await renderInWorker({ kind: 'arn_package', response: await response(), exhibits, language: 'sv' }, (p) => seen.push(`${p.done}/${p.total} ${p.step}`));
    expect(seen).toEqual(Array.from({ length: 50 }, (_, i) => `${i + 1}/50 exhibit ${i + 1}/50`));
    if (output.kind !== 'arn_package') throw new Error(`unexpected ${output.kind}`);
    const out = join(dir, 'arn-50.pdf');
    writeFileSync(out, output.result.pdf);
    // 1 response + index pages + 50 × (separator + 1 page)
    expect(output.result.pages).toBeGreaterThanOrEqual(102);
    const last = pageText(out, output.result.pages);
    expect(last).toContain('Exhibit body 50');
    expect(pageText(out, output.result.pages - 1)).toContain('Bilaga 50: Underlag 50');
  });
});

