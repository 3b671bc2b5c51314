/**
 * Letter rendering benchmark (issue 6): a 3-page decision letter to PDF and to DOCX, from the
 * letter model, in one warm process. Run alone with `node --import tsx bench/letter.ts`; the bench
 * suite can import `benchLetters` and report its figures. Target: PDF <= 300 ms.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import defaultLetterheads from '../resources/letterhead/letterheads.json';
import { renderLetterDocx } from '../src/main/export/docx';
import { renderLetterPdf } from '../src/main/export/pdf';
import { letterheadsSchema, type LetterDocument } from '../src/shared/letter/frame';
import type { Block } from '../src/shared/letter/model';

const para = (text: string): Block => ({ type: 'paragraph', runs: [{ type: 'text', text }] });

/** A decision letter of about three A4 pages: headings, a claims list, a timeline table, reasoning. */
export function sampleDecisionLetter(): LetterDocument {
  const reasoning = 'Av historiken framgår att fakturan pausades i 14 dagar den 2 mars 2026, att kunden därefter fick en påminnelse med avgift trots att reklamationen hos handlaren var öppen, och att ärendet gick till inkasso innan handlaren hade svarat. Bolaget borde ha förlängt pausen när handlaren inte svarade inom den utlovade tiden.';
  const body: Block[] = [
    { type: 'heading', level: 2, runs: [{ type: 'text', text: 'Ditt klagomål' }] },
    para('Du har begärt att Kundombudsmannen prövar bolagets hantering av din faktura på 1 499,00 kr för en vara som aldrig levererades från Elektronikhuset AB.'),
    { type: 'list', ordered: true, start: 1, items: [[para('Fakturan ska krediteras i sin helhet.')], [para('Påminnelseavgiften på 60,00 kr ska återbetalas.')], [para('Ärendet ska återkallas från inkasso och betalningsanmärkningen tas bort.')]] },
    { type: 'heading', level: 2, runs: [{ type: 'text', text: 'Vad som hänt' }] },
    {
      type: 'table',
      headerRows: 1,
      rows: [
        [{ header: true, colspan: 1, rowspan: 1, blocks: [para('Datum')] }, { header: true, colspan: 1, rowspan: 1, blocks: [para('Händelse')] }],
        ...Array.from({ length: 12 }, (_, i) => [
          { header: false, colspan: 1, rowspan: 1, blocks: [para(`2026-03-${String(i + 2).padStart(2, '0')}`)] },
          { header: false, colspan: 1, rowspan: 1, blocks: [para(`Kundservice, telefon: samtal ${i + 1} om fakturan och leveransen – kunden väntar på svar från handlaren`)] },
        ]),
      ],
    },
    { type: 'heading', level: 2, runs: [{ type: 'text', text: 'Kundombudsmannens bedömning' }] },
    ...Array.from({ length: 10 }, () => para(reasoning)),
    { type: 'heading', level: 2, runs: [{ type: 'text', text: 'Beslut' }] },
    para('Kundombudsmannen ger dig rätt. Fakturan krediteras, avgiften återbetalas och ärendet återkallas från inkasso.'),
    para('Om du inte är nöjd kan du vända dig till Allmänna reklamationsnämnden (ARN) inom två månader från detta beslut.'),
  ];
  return {
    language: 'sv',
    market: 'SE',
    draft: false,
    letterhead: letterheadsSchema.parse(defaultLetterheads).SE,
    date: '2026-11-23',
    caseNumber: 'KO-2026-000123',
    addressee: ['Åsa Öberg', 'Storgatan 1', '111 22 Stockholm'],
    subject: 'Beslut i ditt ärende',
    body,
    signature: { name: 'Fia Ekström', title: 'Kundombudsman' },
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/**
 * Wall time and CPU time of the process: on a shared, oversubscribed machine the CPU time is the
 * steadier figure (it leaves out time spent waiting for a core).
 */
async function timed(work: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  const c = process.cpuUsage();
  const t = performance.now();
  await work();
  const used = process.cpuUsage(c);
  return { wall: performance.now() - t, cpu: (used.user + used.system) / 1000 };
}

export async function benchLetters(runs = 10): Promise<{ pages: number; pdfMs: number; pdfCpuMs: number; docxMs: number; docxCpuMs: number; pdfColdMs: number }> {
  const letter = sampleDecisionLetter();
  const t = performance.now();
  const first = await renderLetterPdf(letter);
  const pdfColdMs = performance.now() - t;
  await renderLetterDocx(letter);
  const pdf: { wall: number; cpu: number }[] = [];
  const docx: { wall: number; cpu: number }[] = [];
  for (let i = 0; i < runs; i++) {
    pdf.push(await timed(() => renderLetterPdf(letter)));
    docx.push(await timed(() => renderLetterDocx(letter)));
  }
  const dir = mkdtempSync(join(tmpdir(), 'ombud-bench-letter-'));
  try {
    writeFileSync(join(dir, 'l.pdf'), first);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [join(dir, 'l.pdf')], { encoding: 'utf8' }))?.[1] ?? NaN);
    return { pages, pdfMs: median(pdf.map((x) => x.wall)), pdfCpuMs: median(pdf.map((x) => x.cpu)), docxMs: median(docx.map((x) => x.wall)), docxCpuMs: median(docx.map((x) => x.cpu)), pdfColdMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = await benchLetters();
  console.log(`letter: ${r.pages}-page decision letter  PDF median ${r.pdfMs.toFixed(0)} ms wall / ${r.pdfCpuMs.toFixed(0)} ms CPU (target <= 300; first call ${r.pdfColdMs.toFixed(0)} ms incl. font load)  DOCX median ${r.docxMs.toFixed(0)} ms wall / ${r.docxCpuMs.toFixed(0)} ms CPU`);
}
