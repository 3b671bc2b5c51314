import type { EventKind, HistoryEvent } from './history';
import type { Language, Market } from './market';

/**
 * The legal wording of the letters, per market, in one place. Source: the project's domain brief
 * (`../shared/domain.md`, "The escalation path", "ARN matters", "Impartial final decision"), which
 * distils the company's Swedish and Danish complaint pages. Corrections carried here:
 * - the EU ODR platform stopped taking complaints on 20 March 2025 and closed on 20 July 2025
 *   (Regulation (EU) 2024/3228): no letter may mention it; a consumer in another EU country is
 *   pointed to the European Consumer Centre (Konsument Europa in SE, Forbruger Europa in DK);
 * - ARN's time limit is one year from the consumer's first complaint to the company (ARN may
 *   refuse a later complaint). The "two months from the decision" once built in has no source.
 */

/** How the office is named, one way per market, in the app and on every letter (domain.md). */
export const OFFICE_NAME: Record<Market, Partial<Record<Language, string>> & { en: string }> = {
  SE: { sv: 'Kundombudet', en: 'Customer Ombudsman' },
  DK: { da: 'Den uafhængige kunderepræsentant', en: 'Independent Customer Representative' },
};

/** The kinds of event with which a customer complains to the company, when inbound. */
export const COMPLAINT_KINDS: readonly EventKind[] = ['cs_call', 'cs_chat', 'cs_email', 'customer_escalation'];
const COMPLAINT_KIND_SET: ReadonlySet<EventKind> = new Set(COMPLAINT_KINDS);

/**
 * The day of the consumer's first complaint to the company: the earliest inbound customer-service
 * contact or escalation in the case's history, and at the latest the day the ombudsman received
 * the case (an escalation is itself a complaint). `dayOf` turns an instant into the market's day.
 */
export function firstComplaintDay(
  receivedDate: string,
  events: readonly Pick<HistoryEvent, 'kind' | 'direction' | 'occurredAt'>[],
  dayOf: (instant: string) => string,
): string {
  let first = receivedDate;
  for (const e of events) {
    if (!COMPLAINT_KIND_SET.has(e.kind) || e.direction !== 'inbound') continue;
    const day = dayOf(e.occurredAt);
    if (day < first) first = day;
  }
  return first;
}

/** The same calendar day `years` later; 29 February becomes 28 February. */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y + years, m - 1, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

/**
 * The last day a Swedish consumer can file with ARN: one year from the first complaint (domain.md,
 * "ARN matters"). Denmark has no such date in the letter (Det Finansielle Ankenævn sets none there).
 */
export function arnDeadline(market: Market, firstComplaint: string): string | null {
  return market === 'SE' ? addYears(firstComplaint, 1) : null;
}

/* ---------- What the customer's further options must say ---------- */

export interface Phrase {
  /** Names the phrase for the workbench's own wording (`decisionIssue.phrase.<id>`). */
  id: string;
  /** What must be said, named in the error. */
  what: string;
  /** Any of these (case-insensitive, spaces folded) satisfies it. */
  anyOf: string[];
}

/** Never printed in any market: the closed EU ODR platform, and the two-month ARN window no source confirms. */
const NEVER: Phrase[] = [
  { id: 'odr', what: 'the EU ODR platform (closed on 20 July 2025)', anyOf: ['ODR-platform', 'ODR platform', '(ODR)', 'ec.europa.eu/odr', 'ec.europa.eu/consumers/odr', 'online dispute resolution', 'online klageportal'] },
  { id: 'two_months', what: 'a two-month ARN window (no source confirms it; the limit is one year from the first complaint)', anyOf: ['två månader', 'two months'] },
];

/**
 * What the appeal section must say for a market, in the letter's language: in Sweden ARN with its
 * one-year limit from the first complaint and the SEK 2,000 threshold for the bank area, the general
 * court, Konsumenternas Bank- och Finansbyrå and the municipal consumer adviser; in Denmark Det
 * Finansielle Ankenævn. `forbidden` names another market's body and what is never printed.
 */
export const APPEAL_RULES: Record<Market, { required: Partial<Record<Language, Phrase[]>>; forbidden: Phrase[] }> = {
  SE: {
    required: {
      sv: [
        { id: 'arn', what: 'Allmänna reklamationsnämnden (ARN)', anyOf: ['Allmänna reklamationsnämnden'] },
        { id: 'one_year', what: 'the one-year limit from the first complaint', anyOf: ['inom ett år'] },
        { id: 'threshold', what: 'the SEK 2,000 threshold', anyOf: ['2 000 kr', '2000 kr'] },
        { id: 'court', what: 'the general court', anyOf: ['allmän domstol'] },
        { id: 'kbf', what: 'Konsumenternas Bank- och Finansbyrå', anyOf: ['Konsumenternas Bank- och Finansbyrå'] },
        { id: 'adviser', what: 'the municipal consumer adviser', anyOf: ['konsumentvägledare'] },
      ],
      en: [
        { id: 'arn', what: 'the National Board for Consumer Disputes (ARN)', anyOf: ['National Board for Consumer Disputes', 'Allmänna reklamationsnämnden'] },
        { id: 'one_year', what: 'the one-year limit from the first complaint', anyOf: ['within one year'] },
        { id: 'threshold', what: 'the SEK 2,000 threshold', anyOf: ['SEK 2,000', '2,000 kronor', 'SEK 2 000'] },
        { id: 'court', what: 'the general court', anyOf: ['general court', 'district court'] },
        { id: 'kbf', what: 'Konsumenternas Bank- och Finansbyrå', anyOf: ['Konsumenternas Bank- och Finansbyrå'] },
        { id: 'adviser', what: 'the municipal consumer adviser', anyOf: ['consumer adviser', 'consumer advisor'] },
      ],
    },
    forbidden: [{ id: 'dfa_body', what: 'Det Finansielle Ankenævn (a Danish body)', anyOf: ['Ankenævn'] }, ...NEVER],
  },
  DK: {
    required: {
      da: [{ id: 'dfa', what: 'Det Finansielle Ankenævn', anyOf: ['Det Finansielle Ankenævn'] }],
      en: [{ id: 'dfa', what: 'the Danish Financial Complaint Board (Det Finansielle Ankenævn)', anyOf: ['Det Finansielle Ankenævn'] }],
    },
    forbidden: [
      { id: 'arn_body', what: 'Allmänna reklamationsnämnden (a Swedish body)', anyOf: ['reklamationsnämnden', 'ARN '] },
      { id: 'kbf_body', what: 'Konsumenternas Bank- och Finansbyrå (a Swedish body)', anyOf: ['Finansbyrå'] },
      ...NEVER,
    ],
  },
};
