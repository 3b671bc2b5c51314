import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  type ILevelsOptions,
  type ParagraphChild,
} from 'docx';
import { LETTER_LABELS, formatLetterDate, type LetterDocument } from '../../shared/letter/frame';
import type { Block, Run } from '../../shared/letter/model';

const FONT = 'DejaVu Sans';
const GREY = '555555';
const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6] as const;

function levels(ordered: boolean, start: number): ILevelsOptions[] {
  return Array.from({ length: 9 }, (_, level) => ({
    level,
    format: ordered ? [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN][level % 3]! : LevelFormat.BULLET,
    text: ordered ? `%${level + 1}.` : ['•', '◦', '▪'][level % 3]!,
    start: level === 0 ? start : 1,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: 360 * (level + 1), hanging: 360 } } },
  }));
}

/** Renders a letter to DOCX bytes: real Word headings, numbered lists, tables, page-number fields. */
export async function renderLetterDocx(letter: LetterDocument): Promise<Buffer> {
  const L = LETTER_LABELS[letter.language];
  const head = letter.letterhead;
  const numbering = new Map<string, ILevelsOptions[]>();
  let instance = 0;

  const runs = (rs: Run[], extra: { bold?: boolean } = {}): ParagraphChild[] =>
    rs.map((r) => {
      if (r.type === 'break') return new TextRun({ break: 1 });
      const run = new TextRun({
        text: r.text,
        bold: r.bold || extra.bold,
        italics: r.italic,
        underline: r.underline ? {} : undefined,
        strike: r.strike,
        font: r.code ? 'DejaVu Sans Mono' : undefined,
        style: r.link ? 'Hyperlink' : undefined,
      });
      return r.link ? new ExternalHyperlink({ link: r.link, children: [run] }) : run;
    });

  const blocks = (bs: Block[], depth = 0, indent = 0): (Paragraph | Table)[] =>
    bs.flatMap((b): (Paragraph | Table)[] => {
      switch (b.type) {
        case 'heading':
          return [new Paragraph({ heading: HEADINGS[b.level], children: runs(b.runs) })];
        case 'paragraph':
          return [new Paragraph({ children: runs(b.runs), indent: indent ? { left: indent } : undefined })];
        case 'list': {
          const reference = b.ordered ? `ordered-${b.start}` : 'bullet';
          if (!numbering.has(reference)) numbering.set(reference, levels(b.ordered, b.start));
          const own = ++instance;
          return b.items.flatMap((item) =>
            item.flatMap((inner, i): (Paragraph | Table)[] => {
              if (inner.type === 'paragraph' && i === 0) {
                return [new Paragraph({ children: runs(inner.runs), numbering: { reference, level: depth, instance: own } })];
              }
              if (inner.type === 'list') return blocks([inner], depth + 1, indent);
              return blocks([inner], depth, 360 * (depth + 1));
            }),
          );
        }
        case 'table':
          return [table(b), new Paragraph({})];
        case 'quote':
          return blocks(b.blocks, depth, indent + 567);
        case 'rule':
          return [new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '999999', space: 1 } }, children: [] })];
      }
    });

  const table = (b: Extract<Block, { type: 'table' }>): Table =>
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: b.rows.map(
        (row, r) =>
          new TableRow({
            tableHeader: r < b.headerRows,
            children: row.map(
              (c) =>
                new TableCell({
                  columnSpan: c.colspan > 1 ? c.colspan : undefined,
                  rowSpan: c.rowspan > 1 ? c.rowspan : undefined,
                  shading: c.header ? { type: ShadingType.CLEAR, fill: 'EEEEEE', color: 'auto' } : undefined,
                  children: c.blocks.length === 0 ? [new Paragraph({})] : c.header ? c.blocks.flatMap((x) => (x.type === 'paragraph' ? [new Paragraph({ children: runs(x.runs, { bold: true }) })] : blocks([x]))) : blocks(c.blocks),
                }),
            ),
          }),
      ),
    });

  // The closing paragraph ("regards / name / title") stays on one page, as in the PDF.
  const last = letter.body.at(-1);
  const body = [...blocks(letter.body.slice(0, -1)), ...(last?.type === 'paragraph' ? [new Paragraph({ children: runs(last.runs), keepLines: true })] : last ? blocks([last]) : [])];
  const date = formatLetterDate(letter.date, letter.language);
  const grey = (text: string) => new TextRun({ text, color: GREY });

  const doc = new Document({
    creator: head.companyName,
    title: letter.subject,
    description: `${L.ourReference} ${letter.caseNumber}`,
    styles: {
      default: { document: { run: { font: FONT, size: 20 }, paragraph: { spacing: { after: 120, line: 300 } } } },
    },
    numbering: { config: [...numbering].map(([reference, lv]) => ({ reference, levels: lv })) },
    sections: [
      {
        properties: { page: { margin: { top: 1700, bottom: 1400, left: 1440, right: 1440, header: 700, footer: 600 } } },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                tabStops: [{ type: TabStopType.RIGHT, position: 9026 }],
                children: [new TextRun({ text: head.companyName, bold: true, size: 26 }), ...(letter.draft ? [new TextRun({ text: `\t${L.draft}`, bold: true, color: 'CC2222', size: 26 })] : [])],
              }),
              new Paragraph({ children: [new TextRun({ text: `${head.department} · ${L.ourReference} ${letter.caseNumber}`, size: 18, color: GREY })] }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                tabStops: [{ type: TabStopType.RIGHT, position: 9026 }],
                children: [
                  new TextRun({ text: [head.companyName, ...head.addressLines, `${L.orgNumber} ${head.orgNumber}`].join(' · '), size: 15, color: GREY }),
                  new TextRun({ children: ['\t', ...pageLabel(L.page(1, 2), PageNumber.CURRENT, PageNumber.TOTAL_PAGES)], size: 17 }),
                ],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({
            tabStops: [{ type: TabStopType.LEFT, position: 5700 }],
            children: [grey(`\t${L.date}: `), new TextRun(date), new TextRun({ break: 1 }), grey(`\t${L.ourReference}: `), new TextRun(letter.caseNumber), ...head.contactLines.flatMap((c) => [new TextRun({ break: 1 }), grey(`\t${c}`)])],
          }),
          new Paragraph({ spacing: { before: 240, after: 480 }, children: letter.addressee.flatMap((line, i) => [...(i ? [new TextRun({ break: 1 })] : []), new TextRun(line)]) }),
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun({ text: letter.subject, bold: true, size: 28 })] }),
          ...body,
          ...(letter.signature.inBody
            ? []
            : [
                new Paragraph({ spacing: { before: 480 }, keepNext: true, children: [new TextRun(letter.signature.name)] }),
                ...(letter.signature.title ? [new Paragraph({ keepNext: true, spacing: { after: 0 }, children: [grey(letter.signature.title)] })] : []),
                new Paragraph({ children: [grey(`${head.department}, ${head.companyName}`)] }),
              ]),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/**
 * Splits a sample label such as "Sida 1 av 2" into text and page-number fields, so the words come
 * from the same label table as the PDF's and only the numbers are Word fields.
 */
function pageLabel(sample: string, current: string, total: string): string[] {
  const m = /^(.*?)1(.*?)2(.*)$/.exec(sample);
  if (!m) throw new Error(`Page label "${sample}" has no page numbers`);
  return [m[1]!, current, m[2]!, total, m[3]!].filter((s) => s !== '');
}
