import pdfmake from 'pdfmake';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { OUTCOME_LABEL, REMEDY_LABEL } from '../../shared/domain/decision';
import { MARKET_INFO, type Language } from '../../shared/domain/market';
import { formatMoney, type Money } from '../../shared/domain/money';
import type { RegisterReport } from '../services/register.service';
import { PDF_FONT, setUpPdfmake } from './pdf';

/**
 * The complaints register as a PDF report for management: the business-day figures per market,
 * every escalated case of the year with its claims, outcomes, remedies, deadlines and authority
 * matters, and the review notes of the year. Same fonts and pdfmake set-up as the letters.
 */

const LABELS: Record<Language, Record<string, string>> = {
  sv: {
    title: 'Klagomålsregister',
    allMarkets: 'alla marknader',
    asOf: 'Per',
    figures: 'Handläggningstider i bankdagar per marknad',
    market: 'Marknad',
    marketShort: 'Land',
    cases: 'Ärenden',
    answered: 'Besvarade',
    within15: 'Besvarade inom 15 bankdagar',
    holding: 'Förseningsbesked',
    avg: 'Snitt bankdagar till beslut',
    p90: '90:e percentil',
    register: 'Ärenden',
    number: 'Ärende',
    received: 'Inkom',
    acknowledged: 'Bekräftat',
    answeredOn: 'Besvarat',
    bd: 'Bd',
    product: 'Produkt',
    category: 'Kategori',
    claims: 'Yrkanden, utfall och gottgörelse',
    deadlines: 'Frister',
    authorities: 'Myndighet',
    notes: 'Granskningsanteckningar',
    month: 'Månad',
    cause: 'Orsak',
    notedOn: 'Datum',
    note: 'Vad som ändrades',
    author: 'Av',
    yes: 'hållna',
    no: 'missade',
    pending: 'löper',
    open: 'pågår',
    none: 'Inga ärenden inkom detta år.',
    noNotes: 'Inga granskningsanteckningar detta år.',
    page: 'Sida',
  },
  da: {
    title: 'Klageregister',
    allMarkets: 'alle markeder',
    asOf: 'Pr.',
    figures: 'Behandlingstider i bankdage pr. marked',
    market: 'Marked',
    marketShort: 'Land',
    cases: 'Sager',
    answered: 'Besvaret',
    within15: 'Besvaret inden for 15 bankdage',
    holding: 'Foreløbige svar',
    avg: 'Gns. bankdage til afgørelse',
    p90: '90. percentil',
    register: 'Sager',
    number: 'Sag',
    received: 'Modtaget',
    acknowledged: 'Kvitteret',
    answeredOn: 'Besvaret',
    bd: 'Bd',
    product: 'Produkt',
    category: 'Kategori',
    claims: 'Krav, udfald og godtgørelse',
    deadlines: 'Frister',
    authorities: 'Myndighed',
    notes: 'Gennemgangsnoter',
    month: 'Måned',
    cause: 'Årsag',
    notedOn: 'Dato',
    note: 'Hvad blev ændret',
    author: 'Af',
    yes: 'overholdt',
    no: 'overskredet',
    pending: 'løber',
    open: 'verserer',
    none: 'Ingen sager modtaget i året.',
    noNotes: 'Ingen gennemgangsnoter i året.',
    page: 'Side',
  },
  en: {
    title: 'Complaints register',
    allMarkets: 'all markets',
    asOf: 'As of',
    figures: 'Handling times in business days per market',
    market: 'Market',
    marketShort: 'Mkt',
    cases: 'Cases',
    answered: 'Answered',
    within15: 'Answered within 15 business days',
    holding: 'Holding replies',
    avg: 'Avg. business days to decision',
    p90: '90th percentile',
    register: 'Cases',
    number: 'Case',
    received: 'Received',
    acknowledged: 'Acknowledged',
    answeredOn: 'Answered',
    bd: 'BD',
    product: 'Product',
    category: 'Category',
    claims: 'Claims, outcomes and remedies',
    deadlines: 'Deadlines',
    authorities: 'Authority',
    notes: 'Review notes',
    month: 'Month',
    cause: 'Cause',
    notedOn: 'Date',
    note: 'What was changed',
    author: 'By',
    yes: 'met',
    no: 'missed',
    pending: 'running',
    open: 'pending',
    none: 'No cases were received this year.',
    noNotes: 'No review notes this year.',
    page: 'Page',
  },
};

/** Authorities' outcomes in the report's language (ARN's own Swedish terms). */
const MATTER_OUTCOME: Record<Language, Record<string, string>> = {
  sv: { upheld: 'bifall', partly_upheld: 'delvis bifall', rejected: 'avslag', dismissed: 'avvisning', written_off: 'avskrivning', settled: 'förlikning' },
  da: { upheld: 'medhold', partly_upheld: 'delvis medhold', rejected: 'afslag', dismissed: 'afvisning', written_off: 'henlagt', settled: 'forlig' },
  en: { upheld: 'upheld', partly_upheld: 'partly upheld', rejected: 'rejected', dismissed: 'dismissed', written_off: 'written off', settled: 'settled' },
};

const LOCALE: Record<Language, string> = { sv: 'sv-SE', da: 'da-DK', en: 'en-GB' };
const GREY = '#555555';

/** Light rules and narrow cell padding: a register row should fit a claim's text beside its facts. */
const DENSE = {
  hLineWidth: (i: number, node: { table: { body: unknown[]; headerRows?: number } }) => (i === 0 || i === node.table.body.length ? 0 : i === node.table.headerRows ? 1 : 0.5),
  vLineWidth: () => 0,
  hLineColor: (i: number) => (i === 1 ? '#000000' : '#aaaaaa'),
  paddingLeft: () => 3,
  paddingRight: () => 3,
};

function head(cells: string[]): TableCell[] {
  return cells.map((text) => ({ text, bold: true, fillColor: '#eeeeee' }));
}

export async function renderRegisterPdf(report: RegisterReport, language: Language): Promise<Buffer> {
  setUpPdfmake();
  const l = LABELS[language];
  const locale = LOCALE[language];
  const pct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const dec = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const amount = (m: Money | null) => (m === null ? '' : formatMoney(m, MARKET_INFO[m.currency === 'DKK' ? 'DK' : 'SE'].locale));
  const words = (code: string) => code.replaceAll('_', ' ');

  const figures: Content = {
    table: {
      headerRows: 1,
      widths: ['auto', 'auto', 'auto', 'auto', 'auto', 'auto', 'auto'],
      body: [
        head([l.market!, l.cases!, l.answered!, l.within15!, l.holding!, l.avg!, l.p90!]),
        ...report.figures.map((f) => [
          f.market,
          String(f.cases),
          String(f.answered),
          f.answeredWithin15Share === null ? '—' : `${pct.format(f.answeredWithin15Share)} (${f.answeredWithin15})`,
          String(f.holdingReplies),
          f.averageDaysToDecision === null ? '—' : dec.format(f.averageDaysToDecision),
          f.p90DaysToDecision === null ? '—' : String(f.p90DaysToDecision),
        ]),
      ],
    },
    layout: 'lightHorizontalLines',
    margin: [0, 4, 0, 12],
  };

  const caseRows: TableCell[][] = report.rows.map((r) => [
    { text: r.number, noWrap: true },
    r.market,
    { text: r.receivedDate, noWrap: true },
    { text: r.acknowledgedOn ?? '—', noWrap: true },
    { text: r.answeredOn ?? '—', noWrap: true },
    r.businessDaysToAnswer === null ? '—' : String(r.businessDaysToAnswer),
    r.products.map(words).join(', '),
    words(r.category),
    {
      stack: r.claims.map((c) => ({
        text: [
          `${c.position}. ${c.text}${c.amount ? ` (${amount(c.amount)})` : ''} — `,
          { text: c.outcome ? OUTCOME_LABEL[language][c.outcome] : l.open!, bold: true },
          c.remedies.length > 0 ? `; ${c.remedies.map((x) => `${REMEDY_LABEL[language][x.kind]}${x.amount ? ` ${amount(x.amount)}` : ''}`).join(', ')}` : '',
        ],
      })),
    },
    { text: l[r.deadlinesMet]!, color: r.deadlinesMet === 'no' ? '#b00020' : undefined },
    { stack: r.matters.map((m) => ({ text: [`${m.authority} ${m.reference}: `, { text: m.outcome ? (MATTER_OUTCOME[language][m.outcome] ?? words(m.outcome)) : l.open!, noWrap: true }] })) },
  ]);

  const notes: Content =
    report.notes.length === 0
      ? { text: l.noNotes!, color: GREY }
      : {
          table: {
            headerRows: 1,
            widths: ['auto', 'auto', 'auto', '*', 'auto'],
            body: [
              head([l.month!, l.cause!, l.notedOn!, l.note!, l.author!]),
              ...report.notes.map((n) => [n.month, words(n.cause.replace(':', ': ')), { text: n.notedOn, noWrap: true }, n.text, n.author]),
            ],
          },
          layout: 'lightHorizontalLines',
        };

  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [32, 40, 32, 36],
    defaultStyle: { font: PDF_FONT, fontSize: 7.5, lineHeight: 1.15 },
    info: { title: `${l.title} ${report.year}`, producer: 'Ombud' },
    footer: (page, pages) => ({ text: `${l.title} ${report.year} — ${l.page} ${page} / ${pages}`, alignment: 'center', fontSize: 7, color: GREY, margin: [0, 10, 0, 0] }),
    content: [
      { text: `${l.title} ${report.year} — ${report.market ?? l.allMarkets}`, fontSize: 15, bold: true },
      { text: `${l.asOf} ${report.asOf}`, color: GREY, margin: [0, 2, 0, 10] },
      { text: l.figures!, fontSize: 10.5, bold: true },
      figures,
      { text: `${l.register} (${report.rows.length})`, fontSize: 10.5, bold: true, margin: [0, 0, 0, 4] },
      report.rows.length === 0
        ? { text: l.none!, color: GREY, margin: [0, 0, 0, 12] }
        : {
            table: {
              headerRows: 1,
              dontBreakRows: true,
              widths: [62, 24, 42, 42, 42, 14, 40, 52, '*', 34, 80],
              body: [head([l.number!, l.marketShort!, l.received!, l.acknowledged!, l.answeredOn!, l.bd!, l.product!, l.category!, l.claims!, l.deadlines!, l.authorities!]), ...caseRows],
            },
            layout: DENSE,
            margin: [0, 0, 0, 12],
          },
      { text: l.notes!, fontSize: 10.5, bold: true, margin: [0, 0, 0, 4] },
      notes,
    ],
  };
  return pdfmake.createPdf(doc).getBuffer();
}
