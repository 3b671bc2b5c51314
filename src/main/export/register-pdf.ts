import { OUTCOME_LABEL, REMEDY_LABEL } from '../../shared/domain/decision';
import { MARKET_INFO, type Language } from '../../shared/domain/market';
import { formatMoney, type Money } from '../../shared/domain/money';
import type { RegisterReport } from '../services/register.service';
import type { Block, Run, TableCell } from '../../shared/letter/model';
import { FONT, GREY, TaggedPdf } from './tagged-pdf';

/**
 * The complaints register as a PDF report for management: the business-day figures per market,
 * every escalated case of the year with its claims, outcomes, remedies, deadlines and authority
 * matters, and the review notes of the year. Tagged like the letters (`tagged-pdf.ts`), same fonts.
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

type Cell = TableCell;
const para = (runs: Run[]): Block => ({ type: 'paragraph', runs });
const cell = (content: string | Run[] | Block[], header = false): Cell => ({
  header,
  colspan: 1,
  rowspan: 1,
  blocks: typeof content === 'string' ? [para([{ type: 'text', text: content }])] : content.length > 0 && 'runs' in (content[0] as Block) ? (content as Block[]) : [para(content as Run[])],
});
const headRow = (labels: string[]): Cell[] => labels.map((l) => cell(l, true));

export async function renderRegisterPdf(report: RegisterReport, language: Language): Promise<Buffer> {
  const l = LABELS[language];
  const locale = LOCALE[language];
  const pct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const dec = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const amount = (m: Money | null) => (m === null ? '' : formatMoney(m, MARKET_INFO[m.currency === 'DKK' ? 'DK' : 'SE'].locale));
  const words = (code: string) => code.replaceAll('_', ' ');
  const title = `${l.title} ${report.year}`;
  const pdf = new TaggedPdf({ title, lang: LOCALE[language], author: 'Ombud', margins: { top: 40, bottom: 44, left: 32, right: 32 }, landscape: true, size: 7.5 });
  const { root } = pdf;

  pdf.blocks(root, [
    { type: 'heading', level: 1, runs: [{ type: 'text', text: `${title} — ${report.market ?? l.allMarkets}` }] },
    para([{ type: 'text', text: `${l.asOf} ${report.asOf}` }]),
    { type: 'heading', level: 2, runs: [{ type: 'text', text: l.figures! }] },
    {
      type: 'table',
      headerRows: 1,
      rows: [
        headRow([l.market!, l.cases!, l.answered!, l.within15!, l.holding!, l.avg!, l.p90!]),
        ...report.figures.map((f) =>
          [
            f.market,
            String(f.cases),
            String(f.answered),
            f.answeredWithin15Share === null ? '—' : `${pct.format(f.answeredWithin15Share)} (${f.answeredWithin15})`,
            String(f.holdingReplies),
            f.averageDaysToDecision === null ? '—' : dec.format(f.averageDaysToDecision),
            f.p90DaysToDecision === null ? '—' : String(f.p90DaysToDecision),
          ].map((t) => cell(t)),
        ),
      ],
    },
    { type: 'heading', level: 2, runs: [{ type: 'text', text: `${l.register} (${report.rows.length})` }] },
  ]);
  if (report.rows.length === 0) pdf.blocks(root, [para([{ type: 'text', text: l.none! }])]);
  else {
    const rows: Cell[][] = report.rows.map((r) => [
      cell(r.number),
      cell(r.market),
      cell(r.receivedDate),
      cell(r.acknowledgedOn ?? '—'),
      cell(r.answeredOn ?? '—'),
      cell(r.businessDaysToAnswer === null ? '—' : String(r.businessDaysToAnswer)),
      cell(r.products.map(words).join(', ')),
      cell(words(r.category)),
      cell(
        r.claims.map((c) =>
          para([
            { type: 'text', text: `${c.position}. ${c.text}${c.amount ? ` (${amount(c.amount)})` : ''} — ` },
            { type: 'text', text: c.outcome ? OUTCOME_LABEL[language][c.outcome] : l.open!, bold: true },
            { type: 'text', text: c.remedies.length > 0 ? `; ${c.remedies.map((x) => `${REMEDY_LABEL[language][x.kind]}${x.amount ? ` ${amount(x.amount)}` : ''}`).join(', ')}` : '' },
          ]),
        ),
      ),
      cell(l[r.deadlinesMet]!),
      cell(r.matters.map((m) => para([{ type: 'text', text: `${m.authority} ${m.reference}: ${m.outcome ? (MATTER_OUTCOME[language][m.outcome] ?? words(m.outcome)) : l.open!}` }]))),
    ]);
    pdf.table(
      root,
      { type: 'table', headerRows: 1, rows: [headRow([l.number!, l.marketShort!, l.received!, l.acknowledged!, l.answeredOn!, l.bd!, l.product!, l.category!, l.claims!, l.deadlines!, l.authorities!]), ...rows] },
      0,
      [62, 24, 42, 42, 42, 16, 40, 52, 260, 36, 80],
    );
  }
  pdf.blocks(root, [{ type: 'heading', level: 2, runs: [{ type: 'text', text: l.notes! }] }]);
  if (report.notes.length === 0) pdf.blocks(root, [para([{ type: 'text', text: l.noNotes! }])]);
  else {
    pdf.table(
      root,
      {
        type: 'table',
        headerRows: 1,
        rows: [headRow([l.month!, l.cause!, l.notedOn!, l.note!, l.author!]), ...report.notes.map((n) => [n.month, words(n.cause.replace(':', ': ')), n.notedOn, n.text, n.author].map((t) => cell(t)))],
      },
      0,
      [40, 110, 50, 330, 80],
    );
  }
  return pdf.finish((page, pages) => {
    pdf.doc.font(FONT.regular).fontSize(7).fillColor(GREY).text(`${title} — ${l.page} ${page} / ${pages}`, 32, pdf.doc.page.height - 28, { width: pdf.width, align: 'center', lineBreak: false });
  });
}
