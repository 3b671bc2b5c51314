import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { SubjectReport } from '../services/subject.service';

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

const require = createRequire(import.meta.url);

/** Roboto as pdfmake ships it: full coverage of å ä ö æ ø é ü, embedded (subset) in every PDF. */
function robotoDir(): string {
  return join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
}

let fontsSet = false;
function useFonts(): void {
  if (fontsSet) return;
  const dir = robotoDir();
  pdfmake.setFonts({
    Roboto: {
      normal: join(dir, 'Roboto-Regular.ttf'),
      bold: join(dir, 'Roboto-Medium.ttf'),
      italics: join(dir, 'Roboto-Italic.ttf'),
      bolditalics: join(dir, 'Roboto-MediumItalic.ttf'),
    },
  });
  // Nothing from the network, and only the font files from disk.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => path.startsWith(dir));
  fontsSet = true;
}

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

/** The report as a readable PDF, in the subject's language. */
export async function subjectReportPdf(report: SubjectPdfReport, lang: Lang): Promise<Buffer> {
  useFonts();
  const t = T[lang];
  const content: Content[] = [
    { text: t.title, style: 'h1' },
    { text: `${t.generated}: ${when(report.generatedAt, lang)}`, style: 'muted' },
    { text: t.intro, margin: [0, 6, 0, 10] },
    { text: t.person, style: 'h2' },
  ];
  for (const c of report.customers) {
    content.push({
      table: {
        widths: [110, '*'],
        body: [
          [t.name, c.name],
          [t.personalNumber, c.personalNumber],
          [t.email, c.email ?? ''],
          [t.phone, c.phone ?? ''],
          [t.address, [c.street, [c.postalCode, c.city].filter(Boolean).join(' '), c.country].filter(Boolean).join(', ')],
        ],
      },
      layout: 'lightHorizontalLines',
      margin: [0, 0, 0, 8],
    });
  }
  content.push({ text: t.cases, style: 'h2' });
  if (report.cases.length === 0) content.push({ text: t.none });
  for (const c of report.cases) {
    content.push({ text: `${t.case} ${c.number}${c.anonymisedAt ? ` (${t.anonymised})` : ''}`, style: 'h3' });
    content.push({
      table: {
        widths: [110, '*'],
        body: [
          [t.received, `${when(c.receivedAt, lang)} (${c.receivedChannel})`],
          [t.status, c.status],
          [t.category, c.category],
          [t.merchant, c.merchant ?? ''],
          [t.summary, c.summary],
        ],
      },
      layout: 'lightHorizontalLines',
    });
    if (c.purchases.length > 0) {
      content.push({ text: t.purchases, style: 'h4' });
      content.push({ ul: c.purchases.map((p) => `${p.orderRef} · ${p.purchasedOn} · ${money(p.amountMinor, p.currency, lang)} · ${p.product} · ${p.status}`) });
    }
    if (c.claims.length > 0) {
      content.push({ text: t.claims, style: 'h4' });
      content.push({ ol: c.claims.map((cl) => `${cl.text}${cl.amountMinor !== null ? ` (${money(cl.amountMinor, cl.currency, lang)})` : ''}`) });
    }
    content.push({ text: t.history, style: 'h4' });
    for (const e of c.events) {
      content.push({
        stack: [
          { text: [{ text: `${when(e.occurredAt, lang)}  `, bold: true }, `${e.actor} · ${e.summary}`] },
          ...(e.body ? [{ text: e.body, margin: [10, 2, 0, 0] as [number, number, number, number], style: 'body' }] : []),
          ...(e.bodyLength > e.body.length
            ? [{ text: t.truncated.replace('{n}', new Intl.NumberFormat(lang === 'da' ? 'da-DK' : lang === 'en' ? 'en-GB' : 'sv-SE').format(e.bodyLength)), margin: [10, 2, 0, 0] as [number, number, number, number], style: 'muted' }]
            : []),
        ],
        margin: [0, 0, 0, 5],
      });
    }
    if (c.matters.length > 0) {
      content.push({ text: t.matters, style: 'h4' });
      content.push({
        ul: c.matters.map((m) => `${m.authority} ${m.reference} · ${m.receivedDate} · ${m.claim}${m.outcome ? ` · ${m.outcome} ${m.decidedOn ?? ''}` : ''}${m.recommendation ? ` · ${m.recommendation}` : ''}`),
      });
    }
    if (c.attachments.length > 0) {
      content.push({ text: t.attachments, style: 'h4' });
      content.push({ ul: c.attachments.map((a) => `${a.fileName} (${a.mediaType}, ${a.size} B) → ${a.file}`) });
    }
  }
  const doc: TDocumentDefinitions = {
    info: { title: `${t.title}`, creator: 'Ombud' },
    pageSize: 'A4',
    pageMargins: [48, 56, 48, 56],
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.2 },
    styles: {
      h1: { fontSize: 18, bold: true, margin: [0, 0, 0, 4] },
      h2: { fontSize: 14, bold: true, margin: [0, 10, 0, 4] },
      h3: { fontSize: 12, bold: true, margin: [0, 12, 0, 4] },
      h4: { fontSize: 10, bold: true, margin: [0, 8, 0, 2] },
      muted: { color: '#666666', fontSize: 9 },
      body: { color: '#333333' },
    },
    footer: (page: number, pages: number) => ({ text: `${page} / ${pages}`, alignment: 'center', fontSize: 8, color: '#888888' }),
    content,
  };
  return pdfmake.createPdf(doc).getBuffer();
}
