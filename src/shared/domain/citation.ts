import type { EventKind, HistoryEvent } from './history';
import type { Language } from './market';

/**
 * The one rule for what a letter may cite and what may be shown to a customer or to ARN. The event
 * picker offers only these events, the decision checklist and issuing refuse any other citation,
 * the export uses the same test, and the ARN response checks and exhibit picker read it too: what
 * can be issued can always be exported.
 *
 * "Internal" here means the office's own working records, not `direction: 'internal'`: an invoice
 * pause or a dispute closed by the investigation team are internal to the company but are facts the
 * customer lived through, and a decision relies on them.
 */
const OFFICE_RECORDS: ReadonlySet<EventKind> = new Set<EventKind>(['note', 'status_change', 'assignment', 'decision_review', 'letter_exported']);
/** The office's own events that do reach the customer. */
const SENT_BY_THE_OFFICE: ReadonlySet<EventKind> = new Set<EventKind>(['info_request', 'decision_issued', 'letter_sent']);

export type CitationRefusal = 'office_record' | 'internal_source';

/** Why an event may not be cited or shown to a customer, or null when it may. */
export function citationRefusal(e: Pick<HistoryEvent, 'kind' | 'source'>): CitationRefusal | null {
  if (OFFICE_RECORDS.has(e.kind)) return 'office_record';
  if (e.source === 'internal' && !SENT_BY_THE_OFFICE.has(e.kind)) return 'internal_source';
  return null;
}

export function isCitable(e: Pick<HistoryEvent, 'kind' | 'source'>): boolean {
  return citationRefusal(e) === null;
}

/* ---------- How a citation reads in a letter ---------- */

const MONTHS: Record<Language, string[]> = {
  sv: ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'],
  da: ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** "22 juli 2026" (sv), "22. juli 2026" (da), "22 July 2026" (en). */
export function dateInWords(isoDate: string, language: Language): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new Error(`"${isoDate}" is not a YYYY-MM-DD date`);
  const month = MONTHS[language][Number(m[2]) - 1];
  if (!month) throw new Error(`"${isoDate}" is not a date`);
  return `${Number(m[3])}${language === 'da' ? '.' : ''} ${month} ${m[1]}`;
}

/** Quotation marks as each language sets them: ”…” (sv), »…« (da), “…” (en). */
export function quote(text: string, language: Language): string {
  const t = text.trim();
  if (language === 'sv') return `”${t}”`;
  if (language === 'da') return `»${t}«`;
  return `“${t}”`;
}

/** What the event was, as a noun phrase: "samtalet med kundservice", "the reminder" … */
const WHAT: Record<Language, Record<EventKind, string>> = {
  sv: {
    cs_call: 'samtalet med kundservice', cs_chat: 'chatten med kundservice', cs_email: 'e-postmeddelandet', cs_final_answer: 'kundservice slutliga svar',
    invoice_issued: 'fakturan', invoice_paused: 'pausen av fakturan', invoice_pause_extended: 'förlängningen av fakturapausen', invoice_resumed: 'återaktiveringen av fakturan',
    reminder: 'påminnelsen', fee: 'avgiften', debt_collection: 'inkassokravet', payment: 'betalningen', refund: 'återbetalningen',
    merchant_contact: 'kontakten med handlaren', dispute_opened: 'reklamationen', dispute_closed: 'avslutet av reklamationen', purchase_protection_claim: 'anmälan om köpskydd',
    document: 'dokumentet', customer_escalation: 'din begäran om prövning hos oss',
    note: 'anteckningen', info_request: 'vår begäran om uppgifter', status_change: 'statusändringen', assignment: 'tilldelningen', decision_review: 'granskningen',
    decision_issued: 'vårt beslut', letter_exported: 'brevet', letter_sent: 'brevet', authority_correspondence: 'skrivelsen från myndigheten',
  },
  da: {
    cs_call: 'samtalen med kundeservice', cs_chat: 'chatten med kundeservice', cs_email: 'e-mailen', cs_final_answer: 'kundeservices endelige svar',
    invoice_issued: 'fakturaen', invoice_paused: 'pausen af fakturaen', invoice_pause_extended: 'forlængelsen af fakturapausen', invoice_resumed: 'genaktiveringen af fakturaen',
    reminder: 'rykkeren', fee: 'gebyret', debt_collection: 'inkassokravet', payment: 'betalingen', refund: 'tilbagebetalingen',
    merchant_contact: 'kontakten med forhandleren', dispute_opened: 'reklamationen', dispute_closed: 'afslutningen af reklamationen', purchase_protection_claim: 'anmeldelsen om købsbeskyttelse',
    document: 'dokumentet', customer_escalation: 'din anmodning om vurdering hos os',
    note: 'notatet', info_request: 'vores anmodning om oplysninger', status_change: 'statusændringen', assignment: 'tildelingen', decision_review: 'gennemgangen',
    decision_issued: 'vores afgørelse', letter_exported: 'brevet', letter_sent: 'brevet', authority_correspondence: 'skrivelsen fra myndigheden',
  },
  en: {
    cs_call: 'the call with customer service', cs_chat: 'the chat with customer service', cs_email: 'the e-mail', cs_final_answer: "customer service's final answer",
    invoice_issued: 'the invoice', invoice_paused: 'the pause of the invoice', invoice_pause_extended: 'the extension of the invoice pause', invoice_resumed: 'the resumption of the invoice',
    reminder: 'the reminder', fee: 'the fee', debt_collection: 'the debt-collection demand', payment: 'the payment', refund: 'the refund',
    merchant_contact: 'the contact with the merchant', dispute_opened: 'the dispute', dispute_closed: 'the closing of the dispute', purchase_protection_claim: 'the purchase-protection claim',
    document: 'the document', customer_escalation: 'your request for our review',
    note: 'the note', info_request: 'our request for information', status_change: 'the status change', assignment: 'the assignment', decision_review: 'the review',
    decision_issued: 'our decision', letter_exported: 'the letter', letter_sent: 'the letter', authority_correspondence: 'the letter from the authority',
  },
};

const OF: Record<Language, string> = { sv: 'den', da: 'den', en: 'of' };
const SEE: Record<Language, string> = { sv: 'se', da: 'se', en: 'see' };

/** What a citation in a letter is built from; the exact event stays in the letter's record. */
export interface CitedFact {
  kind: EventKind;
  /** The day in the market's time zone, YYYY-MM-DD. */
  day: string;
  summary: string;
  /** Who acted (an agent, the merchant), when the event names them and it is not the customer. */
  who?: string | null;
}

/**
 * A citation as a reader understands it, in the letter's language, in parentheses so it never runs
 * into the sentence: "(se chatten med kundservice den 22 juli 2026: ”Återbetalning utlovad”)".
 */
export function citationReference(fact: CitedFact, language: Language): string {
  const who = fact.who?.trim() ? ` (${fact.who.trim()})` : '';
  const what = fact.summary.trim() ? `: ${quote(fact.summary, language)}` : '';
  return `(${SEE[language]} ${WHAT[language][fact.kind]}${who} ${OF[language]} ${dateInWords(fact.day, language)}${what})`;
}
