import { deflateSync } from 'node:zlib';
import type { NewAttachment } from '../db/repositories/case-writer.repository';

/**
 * Small but valid documents for the demo history: one-page PDFs with a few text lines, and PNG
 * "screenshots". Generic documents come from a fixed pool so the store deduplicates them by hash;
 * only documents that name an order or a case are unique.
 */

/** PDF string literal in WinAnsi (Latin-1) bytes; characters outside Latin-1 become '?'. */
function pdfText(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '(' || ch === ')' || ch === '\\') out += `\\${ch}`;
    else if (code < 32 || code > 255) out += '?';
    else out += ch;
  }
  return out;
}

/** A one-page A4 PDF 1.4 with Helvetica text lines and a correct cross-reference table. */
export function minimalPdf(lines: readonly string[], title: string): Buffer {
  let content = 'BT /F1 16 Tf 56 780 Td';
  lines.forEach((line, k) => {
    if (k === 1) content += ' /F1 11 Tf 0 -28 Td';
    else if (k > 1) content += ' 0 -16 Td';
    content += ` (${pdfText(line)}) Tj`;
  });
  content += ' ET';
  const contentBytes = Buffer.byteLength(content, 'latin1');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${contentBytes} >>\nstream\n${content}\nendstream`,
    `<< /Title (${pdfText(title)}) /Producer (Ombud demo) >>`,
  ];
  let pdf = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, k) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${k + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) pdf += `${String(off).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (let k = 0; k < bytes.length; k++) c = CRC_TABLE[(c ^ bytes[k]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * An RGB PNG that looks like a phone screenshot of an app: a coloured title bar, grey text rows
 * and an error banner. Not meant to be read, only to be a real image in the viewer.
 */
export function screenshotPng(accent: readonly [number, number, number], rows: number): Buffer {
  const width = 180;
  const height = 320;
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      let rgb: readonly [number, number, number] = [250, 250, 250];
      if (y < 36) rgb = accent;
      else if (y >= 60 && y < 60 + rows * 22 && (y - 60) % 22 < 10 && x > 14 && x < 150 - ((y * 7) % 40)) rgb = [200, 200, 205];
      else if (y >= 250 && y < 282 && x > 10 && x < 170) rgb = [230, 60, 60];
      const p = row + 1 + x * 3;
      raw[p] = rgb[0];
      raw[p + 1] = rgb[1];
      raw[p + 2] = rgb[2];
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type RGB
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

let screenshots: NewAttachment[] | null = null;

/** The pooled screenshots, built once on first use. */
export function screenshotPool(): readonly NewAttachment[] {
  if (!screenshots) {
    const accents: readonly (readonly [number, number, number])[] = [[255, 168, 205], [30, 30, 40], [70, 110, 200]];
    screenshots = accents.map((accent, k) => ({
      fileName: `screenshot-${k + 1}.png`,
      mediaType: 'image/png',
      content: screenshotPng(accent, 4 + k * 2),
    }));
  }
  return screenshots;
}

const pooledPdfs = new Map<string, Buffer>();

/** A generic PDF (terms, instructions) shared by every case that attaches it. */
export function pooledPdf(fileName: string, lines: readonly string[]): NewAttachment {
  let content = pooledPdfs.get(fileName);
  if (!content) {
    content = minimalPdf(lines, lines[0] ?? fileName);
    pooledPdfs.set(fileName, content);
  }
  return { fileName, mediaType: 'application/pdf', content };
}

/** A PDF specific to one case (receipt with its order reference, a decision letter). */
export function uniquePdf(fileName: string, lines: readonly string[]): NewAttachment {
  return { fileName, mediaType: 'application/pdf', content: minimalPdf(lines, lines[0] ?? fileName) };
}
