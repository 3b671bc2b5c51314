import { LETTER_LABELS, formatLetterDate, type LetterDocument } from '../../shared/letter/frame';
import { FONT, GREY, TaggedPdf, textRuns } from './tagged-pdf';

/** BCP 47 tag of a letter's language, the document language screen readers read it in. */
export const PDF_LANG = { sv: 'sv-SE', da: 'da-DK', en: 'en-GB' } as const;

const MARGINS = { top: 100, bottom: 80, left: 72, right: 72 };

/**
 * Renders a letter to a tagged PDF: the frame (letterhead, addressee, date and reference, subject,
 * signature) and the body's blocks as structure elements in reading order; letterhead, page numbers
 * and the draft mark are artifacts. `archive`: PDF/A-2a, for the copy of an issued letter kept on file.
 */
export async function renderLetterPdf(letter: LetterDocument, options: { archive?: boolean } = {}): Promise<Buffer> {
  const L = LETTER_LABELS[letter.language];
  const head = letter.letterhead;
  const pdf = new TaggedPdf({
    title: letter.subject,
    lang: PDF_LANG[letter.language],
    author: `${head.department}, ${head.companyName}`,
    subject: `${L.ourReference} ${letter.caseNumber}`,
    margins: MARGINS,
    archive: options.archive ?? false,
  });
  const { doc, root } = pdf;

  // The sender: who writes, then to whom, date and reference — read in that order.
  const sender = pdf.group(root, 'Div');
  pdf.element(sender, 'P', () => {
    doc.font(FONT.bold).fontSize(13).text(head.companyName, MARGINS.left, 36, { width: pdf.width - 160 });
    doc.font(FONT.regular).fontSize(9).fillColor(GREY).text(head.department, { width: pdf.width - 160 });
    doc.fillColor('#111111').fontSize(10);
  });
  sender.end();

  const top = MARGINS.top + 12;
  const addressee = pdf.group(root, 'Div');
  pdf.element(addressee, 'P', () => {
    doc.font(FONT.regular).fontSize(10).text(letter.addressee.join('\n'), MARGINS.left, top, { width: pdf.width - 215, lineGap: 2.5 });
  });
  addressee.end();
  const afterAddressee = doc.y;

  const metaX = MARGINS.left + pdf.width - 200;
  const meta = pdf.group(root, 'Table');
  const rows: [string, string][] = [
    [`${L.date}:`, formatLetterDate(letter.date, letter.language)],
    [`${L.ourReference}:`, letter.caseNumber],
  ];
  let y = top;
  for (const [label, value] of rows) {
    const tr = pdf.group(meta, 'TR');
    pdf.element(tr, 'TH', () => doc.font(FONT.regular).fontSize(9).fillColor(GREY).text(label, metaX, y, { width: 66 }));
    pdf.element(tr, 'TD', () => doc.font(FONT.regular).fontSize(9).fillColor('#111111').text(value, metaX + 66, y, { width: 134 }));
    tr.end();
    y = doc.y + 1;
  }
  meta.end();
  if (head.contactLines.length > 0) {
    pdf.element(root, 'P', () => doc.font(FONT.regular).fontSize(9).fillColor(GREY).text(head.contactLines.join('\n'), metaX + 66, y, { width: 134 }));
    y = doc.y;
  }
  doc.fillColor('#111111');
  doc.y = Math.max(afterAddressee, y) + 36;
  doc.x = MARGINS.left;

  pdf.element(root, 'H1', () => pdf.runs(textRuns(letter.subject), { size: 14, bold: true }));
  doc.moveDown(0.6);

  const body = pdf.group(root, 'Sect');
  pdf.blocks(body, letter.body);
  body.end();

  if (!letter.signature.inBody) {
    pdf.ensureSpace(70);
    doc.moveDown(1.6);
    const lines = [letter.signature.name, ...(letter.signature.title ? [letter.signature.title] : []), `${head.department}, ${head.companyName}`];
    pdf.element(root, 'P', () => pdf.runs([{ type: 'text', text: lines[0]! }, ...lines.slice(1).flatMap((l) => [{ type: 'break' as const }, { type: 'text' as const, text: l }])]));
  }

  return pdf.finish((page, pages) => {
    const width = pdf.width;
    if (page > 1) {
      doc.font(FONT.bold).fontSize(11).fillColor('#111111').text(head.companyName, MARGINS.left, 36, { width: width - 160, lineBreak: false });
      doc.font(FONT.regular).fontSize(8.5).fillColor(GREY).text(`${L.ourReference} ${letter.caseNumber}`, MARGINS.left + width - 160, 50, { width: 160, align: 'right', lineBreak: false });
    }
    if (letter.draft) {
      doc.font(FONT.bold).fontSize(11).fillColor('#cc2222').text(L.draft, MARGINS.left + width - 160, 36, { width: 160, align: 'right', lineBreak: false });
      doc.save();
      doc.rotate(-45, { origin: [doc.page.width / 2, doc.page.height / 2] });
      doc.font(FONT.bold).fontSize(110).fillColor('#cc2222').fillOpacity(0.1).text(L.draft, 0, doc.page.height / 2 - 60, { width: doc.page.width, align: 'center', lineBreak: false });
      doc.restore();
      doc.fillOpacity(1);
    }
    const footY = doc.page.height - 56;
    doc.moveTo(MARGINS.left, footY - 6).lineTo(MARGINS.left + width, footY - 6).lineWidth(0.4).strokeColor('#bbbbbb').stroke();
    doc.font(FONT.regular).fontSize(7.5).fillColor(GREY).text([head.companyName, ...head.addressLines, `${L.orgNumber} ${head.orgNumber}`].join(' · '), MARGINS.left, footY, { width: width - 100, lineBreak: true });
    doc.font(FONT.regular).fontSize(8.5).fillColor('#111111').text(L.page(page, pages), MARGINS.left + width - 90, footY, { width: 90, align: 'right', lineBreak: false });
  });
}
