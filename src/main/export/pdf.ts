import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { LETTER_LABELS, formatLetterDate, type LetterDocument } from '../../shared/letter/frame';
import type { Block, Run } from '../../shared/letter/model';
import { letterFonts } from './fonts';

export const PDF_FONT = 'DejaVuSans';
const FONT = PDF_FONT;
const HEADING_SIZES = [0, 15, 13, 11.5, 10.5, 10, 10];
const GREY = '#555555';

let ready = false;
/** Fonts go into pdfmake's in-memory file system; it may read nothing from disk or the network. */
export function setUpPdfmake(): void {
  if (ready) return;
  const f = letterFonts();
  const vfs = (pdfmake as unknown as { virtualfs: { writeFileSync(name: string, content: Buffer): void } }).virtualfs;
  vfs.writeFileSync('DejaVuSans.ttf', f.normal);
  vfs.writeFileSync('DejaVuSans-Bold.ttf', f.bold);
  vfs.writeFileSync('DejaVuSans-Oblique.ttf', f.italics);
  vfs.writeFileSync('DejaVuSans-BoldOblique.ttf', f.bolditalics);
  pdfmake.setFonts({
    [FONT]: { normal: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf', italics: 'DejaVuSans-Oblique.ttf', bolditalics: 'DejaVuSans-BoldOblique.ttf' },
  });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  ready = true;
}

function runs(rs: Run[]): Content[] {
  return rs.map((r) =>
    r.type === 'break'
      ? { text: '\n' }
      : {
          text: r.text,
          bold: r.bold,
          italics: r.italic,
          decoration: r.underline || r.link ? 'underline' : r.strike ? 'lineThrough' : undefined,
          color: r.link ? '#1a4f8b' : undefined,
          link: r.link,
          background: r.code ? '#eeeeee' : undefined,
        },
  );
}

function blocks(bs: Block[]): Content[] {
  return bs.map((b): Content => {
    switch (b.type) {
      case 'heading':
        return { text: runs(b.runs), bold: true, fontSize: HEADING_SIZES[b.level], margin: [0, 10, 0, 4], headlineLevel: b.level } as Content;
      case 'paragraph':
        return b.runs.length === 0 ? { text: ' ', margin: [0, 0, 0, 6] } : { text: runs(b.runs), margin: [0, 0, 0, 6] };
      case 'list': {
        const items = b.items.map((item) => (item.length === 1 ? stripMargin(blocks(item)[0]!) : { stack: blocks(item) }));
        return b.ordered ? { ol: items, start: b.start, margin: [0, 0, 0, 6] } : { ul: items, margin: [0, 0, 0, 6] };
      }
      case 'table': {
        // TipTap leaves out cells covered by a row span; pdfmake wants a placeholder in each.
        const covered = new Set<string>();
        const body: Content[][] = b.rows.map((row, r) => {
          const cells: Content[] = [];
          let col = 0;
          const skipCovered = () => {
            while (covered.has(`${r}:${col}`)) {
              cells.push({ text: '' });
              col++;
            }
          };
          for (const c of row) {
            skipCovered();
            cells.push({ stack: blocks(c.blocks).map(stripMargin), colSpan: c.colspan > 1 ? c.colspan : undefined, rowSpan: c.rowspan > 1 ? c.rowspan : undefined, bold: c.header || undefined, fillColor: c.header ? '#eeeeee' : undefined } as Content);
            for (let dr = 1; dr < c.rowspan; dr++) for (let dc = 0; dc < c.colspan; dc++) covered.add(`${r + dr}:${col + dc}`);
            for (let i = 1; i < c.colspan; i++) cells.push({ text: '' });
            col += c.colspan;
          }
          skipCovered();
          return cells;
        });
        const width = Math.max(0, ...body.map((r) => r.length));
        for (const r of body) while (r.length < width) r.push({ text: '' });
        if (body.length === 0) return { text: '' };
        return { table: { headerRows: b.headerRows, dontBreakRows: true, widths: Array.from({ length: width }, () => '*'), body }, layout: 'lightHorizontalLines', margin: [0, 4, 0, 10] } as Content;
      }
      case 'quote':
        return { stack: blocks(b.blocks), margin: [18, 0, 0, 6], color: '#333333', italics: true };
      case 'rule':
        return { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 451, y2: 0, lineWidth: 0.5, lineColor: '#999999' }], margin: [0, 6, 0, 8] };
    }
  });
}

function stripMargin(c: Content): Content {
  return typeof c === 'object' && c !== null && !Array.isArray(c) ? ({ ...c, margin: [0, 0, 0, 2] } as Content) : c;
}

/**
 * The body's last block: no bottom margin (pdfmake starts a new, empty page when that margin no
 * longer fits), and kept in one piece, so a closing "regards / name / title" never leaves its
 * last line alone on a page of its own.
 */
function closingBlock(cs: Content[]): Content[] {
  const last = cs.at(-1);
  if (!last || typeof last !== 'object' || Array.isArray(last) || !('margin' in last) || !Array.isArray(last.margin) || last.margin.length !== 4) return cs;
  const [l, t, r] = last.margin as [number, number, number, number];
  return [...cs.slice(0, -1), { ...last, margin: [l, t, r, 0], unbreakable: true } as Content];
}

/** The pdfmake document for a letter; exported so tests can inspect it. */
export function letterDefinition(letter: LetterDocument): TDocumentDefinitions {
  const L = LETTER_LABELS[letter.language];
  const head = letter.letterhead;
  return {
    pageSize: 'A4',
    pageMargins: [72, 100, 72, 80],
    info: { title: letter.subject, author: head.companyName, subject: `${L.ourReference} ${letter.caseNumber}`, creator: 'Ombud' },
    defaultStyle: { font: FONT, fontSize: 10, lineHeight: 1.25 },
    // A heading never ends a page: it moves to the next one with the text it introduces.
    pageBreakBefore: (node, rest) => typeof node.headlineLevel === 'number' && rest.getFollowingNodesOnPage().length === 0,
    header: (page: number) => ({
      margin: [72, 36, 72, 0],
      columns: [
        { stack: [{ text: head.companyName, bold: true, fontSize: 13 }, { text: head.department, fontSize: 9, color: GREY }] },
        {
          alignment: 'right',
          stack: [
            ...(letter.draft ? [{ text: L.draft, bold: true, color: '#c22', fontSize: 11 }] : []),
            ...(page === 1 ? [] : [{ text: `${L.ourReference} ${letter.caseNumber}`, fontSize: 8.5, color: GREY }]),
          ],
        },
      ],
    }),
    footer: (page: number, pages: number) => ({
      margin: [72, 20, 72, 0],
      columns: [
        { text: [head.companyName, ...head.addressLines, `${L.orgNumber} ${head.orgNumber}`].join(' · '), fontSize: 7.5, color: GREY, width: '*' },
        { text: L.page(page, pages), alignment: 'right', fontSize: 8.5, width: 90 },
      ],
    }),
    watermark: letter.draft ? { text: L.draft, color: '#cc2222', opacity: 0.12, bold: true, angle: -45 } : undefined,
    content: [
      {
        columns: [
          { stack: letter.addressee.map((line) => ({ text: line })), width: '*', margin: [0, 12, 0, 0] },
          {
            width: 200,
            fontSize: 9,
            table: {
              widths: [66, '*'],
              body: [
                [{ text: `${L.date}:`, color: GREY }, formatLetterDate(letter.date, letter.language)],
                [{ text: `${L.ourReference}:`, color: GREY }, letter.caseNumber],
                ...head.contactLines.map((line) => [{ text: '' }, { text: line, color: GREY }]),
              ],
            },
            layout: 'noBorders',
          },
        ],
        margin: [0, 0, 0, 36],
      },
      { text: letter.subject, bold: true, fontSize: 13, margin: [0, 0, 0, 12] },
      ...closingBlock(blocks(letter.body)),
      ...(letter.signature.inBody
        ? []
        : [
            {
              unbreakable: true,
              stack: [
                { text: letter.signature.name, margin: [0, 28, 0, 0] },
                ...(letter.signature.title ? [{ text: letter.signature.title, color: GREY }] : []),
                { text: `${head.department}, ${head.companyName}`, color: GREY },
              ],
            } as Content,
          ]),
    ],
  };
}

/** Renders a letter to PDF bytes. */
export async function renderLetterPdf(letter: LetterDocument): Promise<Buffer> {
  setUpPdfmake();
  const doc = pdfmake.createPdf(letterDefinition(letter));
  return (await doc.getBuffer()) as Buffer;
}
