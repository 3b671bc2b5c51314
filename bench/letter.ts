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
import defaultLetterheads from '../resources/letterhead/letterheads.json' with { type: 'json' };
import { renderLetterDocx } from '../src/main/export/docx';
import { renderLetterPdf } from '../src/main/export/pdf';
import { renderInWorker, stopRenderWorker } from '../src/main/export/render-in-worker';
import { letterheadsSchema, type LetterDocument } from '../src/shared/letter/frame';
import type { Block } from '../src/shared/letter/model';

const para = (text: string): Block => ({ type: 'paragraph', runs: [{ type: 'text', text }] });

/** A decision letter of about three A4 pages: headings, a claims list, a timeline table, reasoning. */
export function sampleDecisionLetter(): LetterDocument {
  const reasoning = 'Av historiken framgår att fakturan pausades i 14 dagar den 2 mars 2026, att kunden därefter fick en påminnelse med avgift trots att reklamationen hos handlaren var öppen, och att ärendet gick till inkasso innan handlaren hade svarat. Bolaget borde ha förlängt pausen när handlaren inte svarade inom den utlovade tiden.';
  const body: Block[] = [
    { type: 'heading', level: 2, runs: [{ type: 'text', text: 'Ditt klagomål' }] },
    para('Du har begärt att Kundombudet prövar bolagets hantering av din faktura på 1 499,00 kr för en vara som aldrig levererades från Elektronikhuset AB.'),
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
    { type: 'heading', level: 2, runs: [{ type: 'text', text: 'Kundombudets bedömning' }] },
    ...Array.from({ length: 10 }, () => para(reasoning)),
    { type: 'heading', level: 2, runs: [{ type: 'text', text: 'Beslut' }] },
    para('Kundombudet ger dig rätt. Fakturan krediteras, avgiften återbetalas och ärendet återkallas från inkasso.'),
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

/** The sample letter's body repeated until it runs to about 40 pages. */
function longLetter(): LetterDocument {
  const l = sampleDecisionLetter();
  return { ...l, body: Array.from({ length: 14 }, () => l.body).flat() };
}

/**
 * How long main's event loop stalls while a long letter renders: a 5 ms timer is the cheap channel
 * a window would call, and the longest gap between its ticks is how long a click would wait.
 * In process (what exports did before) against the render worker (what the app's export jobs do).
 */
export async function benchResponsiveness(): Promise<{ pages: number; inProcessStallMs: number; workerStallMs: number; workerMs: number }> {
  const letter = longLetter();
  const during = async (work: () => Promise<unknown>) => {
    let last = performance.now();
    let worst = 0;
    const timer = setInterval(() => {
      const t = performance.now();
      worst = Math.max(worst, t - last);
      last = t;
    }, 5);
    const started = performance.now();
    await work();
    const ms = performance.now() - started;
    clearInterval(timer);
    return { worst: Math.max(worst, performance.now() - last), ms };
  };
  await renderInWorker({ kind: 'letter', letter, format: 'pdf' }); // start the worker and load fonts in it
  const bytes = await renderLetterPdf(letter);
  const inProcess = await during(() => renderLetterPdf(letter));
  const worker = await during(() => renderInWorker({ kind: 'letter', letter, format: 'pdf' }));
  await stopRenderWorker();
  const dir = mkdtempSync(join(tmpdir(), 'ombud-bench-letter-'));
  try {
    writeFileSync(join(dir, 'l.pdf'), bytes);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [join(dir, 'l.pdf')], { encoding: 'utf8' }))?.[1] ?? NaN);
    return { pages, inProcessStallMs: inProcess.worst, workerStallMs: worker.worst, workerMs: worker.ms };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = await benchLetters();
  const s = await benchResponsiveness();
  console.log(`responsiveness: ${s.pages}-page letter to PDF  main's longest stall ${s.inProcessStallMs.toFixed(0)} ms rendering in process, ${s.workerStallMs.toFixed(0)} ms with the render worker (${s.workerMs.toFixed(0)} ms in the worker)`);
  console.log(`letter: ${r.pages}-page decision letter  PDF median ${r.pdfMs.toFixed(0)} ms wall / ${r.pdfCpuMs.toFixed(0)} ms CPU (target <= 300; first call ${r.pdfColdMs.toFixed(0)} ms incl. font load)  DOCX median ${r.docxMs.toFixed(0)} ms wall / ${r.docxCpuMs.toFixed(0)} ms CPU`);
}
