import { createHash } from 'node:crypto';
import pdfmake from 'pdfmake';
import type { Content } from 'pdfmake/interfaces';
import { PDFDocument, PageSizes } from 'pdf-lib';
import type { Language } from '../../shared/domain/market';
import { PDF_FONT, setUpPdfmake } from './pdf';

/** ARN's portal takes at most 10 MB per file. */
export const ARN_FILE_LIMIT = 10 * 1024 * 1024;

export interface Exhibit {
  title: string;
  fileName: string;
  mediaType: string;
  bytes: Uint8Array;
}

export interface PackageResult {
  pdf: Uint8Array;
  pages: number;
  /** One line per exhibit over the portal limit, naming it. */
  warnings: string[];
}

const LABELS: Record<Language, { exhibit: (n: number, title: string) => string; index: string; file: string; notEmbedded: string; tooLarge: (n: number, name: string, mb: string) => string }> = {
  sv: {
    exhibit: (n, t) => `Bilaga ${n}: ${t}`,
    index: 'Bilageförteckning',
    file: 'Fil',
    notEmbedded: 'Filen kan inte återges i PDF och lämnas in som separat fil.',
    tooLarge: (n, name, mb) => `Bilaga ${n} (${name}) är ${mb} MB; ARN:s portal tar emot högst 10 MB per fil.`,
  },
  da: {
    exhibit: (n, t) => `Bilag ${n}: ${t}`,
    index: 'Bilagsoversigt',
    file: 'Fil',
    notEmbedded: 'Filen kan ikke gengives i PDF og indsendes som separat fil.',
    tooLarge: (n, name, mb) => `Bilag ${n} (${name}) er ${mb} MB; portalen modtager højst 10 MB pr. fil.`,
  },
  en: {
    exhibit: (n, t) => `Exhibit ${n}: ${t}`,
    index: 'List of exhibits',
    file: 'File',
    notEmbedded: 'This file cannot be shown in a PDF and is submitted as a separate file.',
    tooLarge: (n, name, mb) => `Exhibit ${n} (${name}) is ${mb} MB; ARN's portal takes at most 10 MB per file.`,
  },
};

type ExhibitKind = 'pdf' | 'png' | 'jpeg' | 'other';
function kindOf(e: Exhibit): ExhibitKind {
  const type = e.mediaType.toLowerCase();
  if (type === 'application/pdf') return 'pdf';
  if (type === 'image/png') return 'png';
  if (type === 'image/jpeg' || type === 'image/jpg') return 'jpeg';
  return 'other';
}

/** Exhibits over the portal limit, named, for a warning before the export starts. */
export function oversizeWarnings(exhibits: readonly Exhibit[], language: Language): string[] {
  return exhibits.flatMap((e, i) => (e.bytes.length > ARN_FILE_LIMIT ? [LABELS[language].tooLarge(i + 1, e.fileName, (e.bytes.length / 1024 / 1024).toFixed(1))] : []));
}

/**
 * One PDF for ARN: the response, an exhibit index, then for each exhibit in number order a separator
 * page "Bilaga N: title" followed by the exhibit (PDF pages merged, PNG/JPEG placed on a page,
 * anything else listed by name and SHA-256 on its separator). The index and separators are set
 * with the letters' font, so file names in any script print correctly.
 */
export async function buildArnPackage(input: {
  response: Uint8Array;
  exhibits: readonly Exhibit[];
  language: Language;
  /** Called after each exhibit is placed (`done` of `total`), for the app's progress bar. */
  onProgress?: (done: number, total: number) => void;
}): Promise<PackageResult> {
  const L = LABELS[input.language];
  const kinds = input.exhibits.map(kindOf);
  const hashes = input.exhibits.map((e) => createHash('sha256').update(e.bytes).digest('hex'));

  // Open every PDF exhibit first: a broken one is refused before anything is assembled.
  const sources = await Promise.all(
    input.exhibits.map(async (e, i) => {
      if (kinds[i] !== 'pdf') return null;
      try {
        return await PDFDocument.load(e.bytes, { updateMetadata: false });
      } catch (error) {
        throw new Error(`${L.exhibit(i + 1, e.title)} (${e.fileName}) is not a readable PDF: ${error instanceof Error ? error.message : String(error)}`);
      }
    }),
  );

  const furniture = await renderFurniture(input.exhibits, kinds, hashes, L);
  const out = await PDFDocument.create();
  const response = await PDFDocument.load(input.response);
  for (const p of await out.copyPages(response, response.getPageIndices())) out.addPage(p);
  const furnitureDoc = await PDFDocument.load(furniture);
  const indexPages = furnitureDoc.getPageCount() - input.exhibits.length;
  for (const p of await out.copyPages(furnitureDoc, Array.from({ length: indexPages }, (_, i) => i))) out.addPage(p);

  for (let i = 0; i < input.exhibits.length; i++) {
    const [separator] = await out.copyPages(furnitureDoc, [indexPages + i]);
    out.addPage(separator!);
    const kind = kinds[i]!;
    if (kind === 'pdf') {
      const src = sources[i]!;
      for (const p of await out.copyPages(src, src.getPageIndices())) out.addPage(p);
    } else if (kind === 'png' || kind === 'jpeg') {
      const e = input.exhibits[i]!;
      let image;
      try {
        image = kind === 'png' ? await out.embedPng(e.bytes) : await out.embedJpg(e.bytes);
      } catch (error) {
        throw new Error(`${L.exhibit(i + 1, e.title)} (${e.fileName}) is not a readable ${kind.toUpperCase()} image: ${error instanceof Error ? error.message : String(error)}`);
      }
      const [w, h] = PageSizes.A4;
      const page = out.addPage([w, h]);
      const margin = 48;
      const scale = Math.min((w - 2 * margin) / image.width, (h - 2 * margin) / image.height, 1);
      const dw = image.width * scale;
      const dh = image.height * scale;
      page.drawImage(image, { x: (w - dw) / 2, y: h - margin - dh, width: dw, height: dh });
    }
    input.onProgress?.(i + 1, input.exhibits.length);
  }
  out.setTitle(LABELS[input.language].index);
  out.setCreator('Ombud');
  const pdf = await out.save();
  return { pdf, pages: out.getPageCount(), warnings: oversizeWarnings(input.exhibits, input.language) };
}

/** The index page(s) and one separator page per exhibit, in one pdfmake document. */
async function renderFurniture(exhibits: readonly Exhibit[], kinds: ExhibitKind[], hashes: string[], L: (typeof LABELS)[Language]): Promise<Buffer> {
  setUpPdfmake();
  const size = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} kB`);
  const content: Content[] = [
    { text: L.index, bold: true, fontSize: 15, margin: [0, 0, 0, 14] },
    exhibits.length === 0
      ? { text: '—' }
      : {
          table: {
            headerRows: 0,
            widths: ['*', 'auto'],
            body: exhibits.map((e, i) => [{ text: L.exhibit(i + 1, e.title) }, { text: `${e.fileName} · ${size(e.bytes.length)}`, color: '#555555', fontSize: 8.5 }]),
          },
          layout: { hLineWidth: (i: number) => (i === 0 ? 0 : 0.5), vLineWidth: () => 0, hLineColor: () => '#aaaaaa', paddingTop: () => 4, paddingBottom: () => 4 },
        },
    ...exhibits.map(
      (e, i): Content => ({
        pageBreak: 'before',
        stack: [
          { text: L.exhibit(i + 1, e.title), bold: true, fontSize: 20, margin: [0, 220, 0, 16], alignment: 'center' },
          { text: `${L.file}: ${e.fileName} (${size(e.bytes.length)})`, alignment: 'center', color: '#555555' },
          { text: `SHA-256: ${hashes[i]}`, alignment: 'center', color: '#555555', fontSize: 7.5, margin: [0, 4, 0, 0] },
          ...(kinds[i] === 'other' ? [{ text: L.notEmbedded, alignment: 'center', margin: [0, 16, 0, 0] } as Content] : []),
        ],
      }),
    ),
  ];
  return (await pdfmake.createPdf({ pageSize: 'A4', pageMargins: [72, 72, 72, 72], defaultStyle: { font: PDF_FONT, fontSize: 10 }, content }).getBuffer()) as Buffer;
}

/** A history event relied on as an exhibit, printed on its own page: date, source, who, summary and text. */
export async function renderEventExhibit(event: { date: string; source: string; actor: string; summary: string; body: string }): Promise<Uint8Array> {
  setUpPdfmake();
  const content: Content[] = [
    { text: event.summary, bold: true, fontSize: 13, margin: [0, 0, 0, 6] },
    { text: `${event.date} · ${event.source} · ${event.actor}`, color: '#555555', fontSize: 9, margin: [0, 0, 0, 14] },
    ...event.body.split(/\n{2,}/).map((para): Content => ({ text: para, margin: [0, 0, 0, 8] })),
  ];
  return (await pdfmake.createPdf({ pageSize: 'A4', pageMargins: [72, 72, 72, 72], defaultStyle: { font: PDF_FONT, fontSize: 10 }, content }).getBuffer()) as Buffer;
}
