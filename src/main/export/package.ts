import { createHash } from 'node:crypto';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PageSizes } from 'pdf-lib';
import type { Language } from '../../shared/domain/market';
import type { Block } from '../../shared/letter/model';
import { PDF_LANG } from './pdf';
import { FONT, GREY, TaggedPdf } from './tagged-pdf';

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

const LABELS: Record<Language, { exhibit: (n: number, title: string) => string; index: string; file: string; notEmbedded: string; tooLarge: (n: number, name: string, mb: string) => string; fonts: (n: number, title: string, name: string, fonts: string) => string }> = {
  sv: {
    fonts: (n, t, name, f) => `Bilaga ${n}: ${t} (${name}) använder typsnitt som inte är inbäddade (${f}); skriv ut den till PDF igen med inbäddade typsnitt.`,
    exhibit: (n, t) => `Bilaga ${n}: ${t}`,
    index: 'Bilageförteckning',
    file: 'Fil',
    notEmbedded: 'Filen kan inte återges i PDF och lämnas in som separat fil.',
    tooLarge: (n, name, mb) => `Bilaga ${n} (${name}) är ${mb} MB; ARN:s portal tar emot högst 10 MB per fil.`,
  },
  da: {
    fonts: (n, t, name, f) => `Bilag ${n}: ${t} (${name}) bruger skrifttyper, der ikke er indlejret (${f}); udskriv den til PDF igen med indlejrede skrifttyper.`,
    exhibit: (n, t) => `Bilag ${n}: ${t}`,
    index: 'Bilagsoversigt',
    file: 'Fil',
    notEmbedded: 'Filen kan ikke gengives i PDF og indsendes som separat fil.',
    tooLarge: (n, name, mb) => `Bilag ${n} (${name}) er ${mb} MB; portalen modtager højst 10 MB pr. fil.`,
  },
  en: {
    fonts: (n, t, name, f) => `Exhibit ${n}: ${t} (${name}) uses fonts that are not embedded (${f}); print it to PDF again with the fonts embedded.`,
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

/**
 * The fonts a PDF uses without embedding them (e.g. Helvetica from a standard-14 reference): such a
 * page would print in whatever font the reader's machine substitutes, and the package is no longer
 * self-contained. Type 3 fonts are drawn by the file itself.
 */
export function unembeddedFonts(doc: PDFDocument): string[] {
  const out = new Set<string>();
  const deref = (v: unknown): unknown => (v instanceof PDFRef ? doc.context.lookup(v) : v);
  const dict = (v: unknown): PDFDict | undefined => {
    const x = deref(v);
    return x instanceof PDFDict ? x : undefined;
  };
  const embedded = (font: PDFDict): boolean => {
    const descriptor = dict(font.get(PDFName.of('FontDescriptor')));
    return !!descriptor && ['FontFile', 'FontFile2', 'FontFile3'].some((k) => descriptor.has(PDFName.of(k)));
  };
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || obj.get(PDFName.of('Type'))?.toString() !== '/Font') continue;
    const subtype = obj.get(PDFName.of('Subtype'))?.toString();
    if (subtype === '/Type3') continue;
    let target = obj;
    if (subtype === '/Type0') {
      const descendants = deref(obj.get(PDFName.of('DescendantFonts')));
      const first = descendants instanceof PDFArray ? dict(descendants.get(0)) : undefined;
      if (!first) continue;
      target = first;
    }
    if (!embedded(target)) out.add((obj.get(PDFName.of('BaseFont'))?.toString() ?? '?').replace(/^\//, ''));
  }
  return [...out];
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

  const fontWarnings: string[] = [];
  // Open every PDF exhibit first: a broken one is refused before anything is assembled.
  const sources = await Promise.all(
    input.exhibits.map(async (e, i) => {
      if (kinds[i] !== 'pdf') return null;
      let doc: PDFDocument;
      try {
        doc = await PDFDocument.load(e.bytes, { updateMetadata: false });
      } catch (error) {
        throw new Error(`${L.exhibit(i + 1, e.title)} (${e.fileName}) is not a readable PDF: ${error instanceof Error ? error.message : String(error)}`);
      }
      const missing = unembeddedFonts(doc);
      if (missing.length > 0) fontWarnings.push(L.fonts(i + 1, e.title, e.fileName, missing.join(', ')));
      return doc;
    }),
  );

  const furniture = await renderFurniture(input.exhibits, kinds, hashes, L, input.language);
  // The package is the tagged response with the rest appended: its structure tree, language, title
  // (the response's, not the index's) and PDF/UA identification stay those of the response.
  const out = await PDFDocument.load(input.response, { updateMetadata: false });
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
  const pdf = await out.save();
  return { pdf, pages: out.getPageCount(), warnings: [...fontWarnings, ...oversizeWarnings(input.exhibits, input.language)] };
}

/** The index page(s) and one separator page per exhibit, tagged, with the letters' embedded fonts. */
async function renderFurniture(exhibits: readonly Exhibit[], kinds: ExhibitKind[], hashes: string[], L: (typeof LABELS)[Language], language: Language): Promise<Buffer> {
  const size = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} kB`);
  const pdf = new TaggedPdf({ title: L.index, lang: PDF_LANG[language], margins: { top: 72, bottom: 72, left: 72, right: 72 } });
  const para = (text: string, italic = false): Block => ({ type: 'paragraph', runs: [{ type: 'text', text, italic }] });
  pdf.blocks(pdf.root, [
    { type: 'heading', level: 1, runs: [{ type: 'text', text: L.index }] },
    exhibits.length === 0
      ? para('—')
      : { type: 'table', headerRows: 0, rows: exhibits.map((e, i) => [{ header: false, colspan: 1, rowspan: 1, blocks: [para(L.exhibit(i + 1, e.title))] }, { header: false, colspan: 1, rowspan: 1, blocks: [para(`${e.fileName} · ${size(e.bytes.length)}`)] }]) },
  ]);
  exhibits.forEach((e, i) => {
    pdf.doc.addPage();
    pdf.doc.y = 300;
    const sect = pdf.group(pdf.root, 'Sect');
    pdf.element(sect, 'H2', () => pdf.runs([{ type: 'text', text: L.exhibit(i + 1, e.title) }], { size: 20, bold: true, align: 'center' }));
    pdf.doc.moveDown(0.8);
    pdf.element(sect, 'P', () => pdf.runs([{ type: 'text', text: `${L.file}: ${e.fileName} (${size(e.bytes.length)})` }], { color: GREY, align: 'center' }));
    pdf.element(sect, 'P', () => pdf.runs([{ type: 'text', text: `SHA-256: ${hashes[i]}` }], { color: GREY, size: 7.5, align: 'center' }));
    if (kinds[i] === 'other') {
      pdf.doc.moveDown(1);
      pdf.element(sect, 'P', () => pdf.runs([{ type: 'text', text: L.notEmbedded }], { align: 'center' }));
    }
    sect.end();
  });
  return pdf.finish();
}

/** A history event relied on as an exhibit, printed on its own tagged page: summary, date, source, who and text. */
export async function renderEventExhibit(event: { date: string; source: string; actor: string; summary: string; body: string }, language: Language = 'sv'): Promise<Uint8Array> {
  const pdf = new TaggedPdf({ title: event.summary, lang: PDF_LANG[language], margins: { top: 72, bottom: 72, left: 72, right: 72 } });
  pdf.blocks(pdf.root, [
    { type: 'heading', level: 1, runs: [{ type: 'text', text: event.summary }] },
    { type: 'paragraph', runs: [{ type: 'text', text: `${event.date} · ${event.source} · ${event.actor}` }] },
    ...event.body.split(/\n{2,}/).map((para): Block => ({ type: 'paragraph', runs: [{ type: 'text', text: para }] })),
  ]);
  return pdf.finish((page, pages) => {
    if (pages > 1) pdf.doc.font(FONT.regular).fontSize(8).fillColor(GREY).text(`${page} / ${pages}`, 72, pdf.doc.page.height - 48, { width: pdf.width, align: 'right', lineBreak: false });
  });
}

/** A package that cannot be assembled safely, with the reason in the package's language. */
export class PackageRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PackageRefusal';
  }
}
