import type { Block, Run, TableCell } from '../../shared/letter/model';
import type { SubjectReport } from '../services/subject.service';
import { FONT, TaggedPdf } from './tagged-pdf';

/**
 * A body longer than this is shortened in the PDF, with a note; the JSON beside it has it whole.
 * It bounds the PDF's layout work and memory whatever a case holds (a case of 50 events of
 * 1,000,000 characters each once took 4.4 GB and aborted).
 */
export const PDF_BODY_LIMIT = 5_000;

/** What the PDF shows of one event's body: at most PDF_BODY_LIMIT characters, never a split surrogate pair. */
export function pdfBody(body: string): { body: string; bodyLength: number } {
  if (body.length <= PDF_BODY_LIMIT) return { body, bodyLength: body.length };
  let cut = PDF_BODY_LIMIT;
  if (/[\uD800-\uDBFF]/.test(body[cut - 1] ?? '')) cut--;
  return { body: `${body.slice(0, cut)} …`, bodyLength: body.length };
}

/** The report as the PDF takes it: each event's body already shortened (pdfBody). */
export type SubjectPdfReport = Omit<SubjectReport, 'cases'> & {
  cases: (Omit<SubjectReport['cases'][number], 'events'> & { events: (SubjectReport['cases'][number]['events'][number] & { bodyLength: number })[] })[];
};


type Lang = 'sv' | 'da' | 'en';

const T = {
  sv: {
    title: 'Registerutdrag',
    intro: 'Det här är alla uppgifter som kundombudets arbetsbänk har om dig, per ärende. Uppgifterna finns också i en JSON-fil bredvid det här dokumentet.',
    generated: 'Framtaget',
    person: 'Personuppgifter',
    name: 'Namn', personalNumber: 'Personnummer', email: 'E-post', phone: 'Telefon', address: 'Adress',
    cases: 'Ärenden', case: 'Ärende', received: 'Mottaget', status: 'Status', category: 'Kategori', merchant: 'Handlare', summary: 'Sammanfattning',
    purchases: 'Köp', claims: 'Yrkanden', history: 'Historik', attachments: 'Bilagor', anonymised: 'Anonymiserat', none: 'Inga ärenden.', matters: 'Ärenden hos myndigheter (ARN m.fl.)',
    truncated: 'Förkortat här: texten har {n} tecken. Hela texten finns i JSON-filen.',
  },
  da: {
    title: 'Indsigtsudtræk',
    intro: 'Dette er alle de oplysninger, kunderepræsentantens arbejdsbord har om dig, sag for sag. Oplysningerne findes også i en JSON-fil ved siden af dette dokument.',
    generated: 'Udarbejdet',
    person: 'Personoplysninger',
    name: 'Navn', personalNumber: 'CPR-nummer', email: 'E-mail', phone: 'Telefon', address: 'Adresse',
    cases: 'Sager', case: 'Sag', received: 'Modtaget', status: 'Status', category: 'Kategori', merchant: 'Forhandler', summary: 'Resumé',
    purchases: 'Køb', claims: 'Krav', history: 'Historik', attachments: 'Bilag', anonymised: 'Anonymiseret', none: 'Ingen sager.', matters: 'Sager hos myndigheder (Ankenævnet m.fl.)',
    truncated: 'Forkortet her: teksten har {n} tegn. Hele teksten findes i JSON-filen.',
  },
  en: {
    title: 'Subject access report',
    intro: 'This is everything the customer ombudsman’s workbench holds about you, case by case. The same data is in a JSON file beside this document.',
    generated: 'Generated',
    person: 'Personal data',
    name: 'Name', personalNumber: 'Personal number', email: 'E-mail', phone: 'Phone', address: 'Address',
    cases: 'Cases', case: 'Case', received: 'Received', status: 'Status', category: 'Category', merchant: 'Merchant', summary: 'Summary',
    purchases: 'Purchases', claims: 'Claims', history: 'History', attachments: 'Attachments', anonymised: 'Anonymised', none: 'No cases.', matters: 'Matters with authorities (ARN etc.)',
    truncated: 'Shortened here: the text has {n} characters. The full text is in the JSON file.',
  },
} satisfies Record<Lang, Record<string, string>>;

function money(minor: number | null, currency: string | null, lang: Lang): string {
  if (minor === null || currency === null) return '';
  const locale = lang === 'da' ? 'da-DK' : lang === 'en' ? 'en-GB' : 'sv-SE';
  // Integer minor units; divided only for display.
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(minor / 100);
}

function when(instant: string, lang: Lang): string {
  const locale = lang === 'da' ? 'da-DK' : lang === 'en' ? 'en-GB' : 'sv-SE';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: lang === 'da' ? 'Europe/Copenhagen' : 'Europe/Stockholm' }).format(new Date(instant));
}

const text = (t: string, style: Omit<Extract<Run, { type: 'text' }>, 'type' | 'text'> = {}): Run => ({ type: 'text', text: t, ...style });
const para = (...runs: Run[]): Block => ({ type: 'paragraph', runs });
const heading = (level: 1 | 2 | 3 | 4, t: string): Block => ({ type: 'heading', level, runs: [text(t)] });
const cell = (t: string, header = false): TableCell => ({ header, colspan: 1, rowspan: 1, blocks: [para(text(t))] });
/** A two-column table of labelled facts; the label is the row's header cell. */
const facts = (rows: [string, string][]): Block => ({ type: 'table', headerRows: 0, rows: rows.map(([k, v]) => [cell(k, true), cell(v)]) });
const list = (ordered: boolean, items: string[]): Block => ({ type: 'list', ordered, start: 1, items: items.map((i) => [para(text(i))]) });

/** The report as a readable, tagged PDF in the subject's language (same writer and fonts as the letters). */
export async function subjectReportPdf(report: SubjectPdfReport, lang: Lang): Promise<Buffer> {
  const t = T[lang];
  const blocks: Block[] = [heading(1, t.title), para(text(`${t.generated}: ${when(report.generatedAt, lang)}`, { italic: true })), para(text(t.intro)), heading(2, t.person)];
  for (const c of report.customers) {
    blocks.push(
      facts([
        [t.name, c.name],
        [t.personalNumber, c.personalNumber],
        [t.email, c.email ?? ''],
        [t.phone, c.phone ?? ''],
        [t.address, [c.street, [c.postalCode, c.city].filter(Boolean).join(' '), c.country].filter(Boolean).join(', ')],
      ]),
    );
  }
  blocks.push(heading(2, t.cases));
  if (report.cases.length === 0) blocks.push(para(text(t.none)));
  for (const c of report.cases) {
    blocks.push(heading(3, `${t.case} ${c.number}${c.anonymisedAt ? ` (${t.anonymised})` : ''}`));
    blocks.push(
      facts([
        [t.received, `${when(c.receivedAt, lang)} (${c.receivedChannel})`],
        [t.status, c.status],
        [t.category, c.category],
        [t.merchant, c.merchant ?? ''],
        [t.summary, c.summary],
      ]),
    );
    if (c.purchases.length > 0) blocks.push(heading(4, t.purchases), list(false, c.purchases.map((p) => `${p.orderRef} · ${p.purchasedOn} · ${money(p.amountMinor, p.currency, lang)} · ${p.product} · ${p.status}`)));
    if (c.claims.length > 0) blocks.push(heading(4, t.claims), list(true, c.claims.map((cl) => `${cl.text}${cl.amountMinor !== null ? ` (${money(cl.amountMinor, cl.currency, lang)})` : ''}`)));
    blocks.push(heading(4, t.history));
    for (const e of c.events) {
      blocks.push(para(text(`${when(e.occurredAt, lang)}  `, { bold: true }), text(`${e.actor} · ${e.summary}`)));
      if (e.body) blocks.push({ type: 'quote', blocks: e.body.split(/\n{2,}/).map((b) => para(text(b))) });
      if (e.bodyLength > e.body.length) blocks.push(para(text(t.truncated.replace('{n}', new Intl.NumberFormat(lang === 'da' ? 'da-DK' : lang === 'en' ? 'en-GB' : 'sv-SE').format(e.bodyLength)), { italic: true })));
    }
    if (c.matters.length > 0) {
      blocks.push(
        heading(4, t.matters),
        list(false, c.matters.map((m) => `${m.authority} ${m.reference} · ${m.receivedDate} · ${m.claim}${m.outcome ? ` · ${m.outcome} ${m.decidedOn ?? ''}` : ''}${m.recommendation ? ` · ${m.recommendation}` : ''}`)),
      );
    }
    if (c.attachments.length > 0) blocks.push(heading(4, t.attachments), list(false, c.attachments.map((a) => `${a.fileName} (${a.mediaType}, ${a.size} B) → ${a.file}`)));
  }
  const pdf = new TaggedPdf({ title: t.title, lang: lang === 'da' ? 'da-DK' : lang === 'en' ? 'en-GB' : 'sv-SE', author: 'Ombud', margins: { top: 56, bottom: 56, left: 48, right: 48 } });
  pdf.blocks(pdf.root, blocks);
  return pdf.finish((page, pages) => {
    pdf.doc.font(FONT.regular).fontSize(8).fillColor('#888888').text(`${page} / ${pages}`, 48, pdf.doc.page.height - 36, { width: pdf.width, align: 'center', lineBreak: false });
  });
}
