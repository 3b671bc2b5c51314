import { z } from 'zod';
import defaultLetterheads from '../../../resources/letterhead/letterheads.json' with { type: 'json' };
import type { HistoryEvent } from '../../shared/domain/history';
import { MARKET_INFO, type Language } from '../../shared/domain/market';
import { citationReference, citationRefusal, dateInWords, type CitationRefusal } from '../../shared/domain/citation';
import { formatMoney } from '../../shared/domain/money';
import { formatLetterDate, letterheadsSchema, type LetterDocument, type Letterheads } from '../../shared/letter/frame';
import { buildLetterBody, LetterModelError, type Redaction } from '../../shared/letter/model';
import { findCaseIdByNumber } from '../db/repositories/case.repository';
import { readSetting } from '../db/repositories/settings.repository';
import { findUser } from '../db/repositories/user.repository';
import { getCase, type CaseView } from './case.service';
import { today, type ServiceContext } from './context';
import { notFound, ServiceError } from './errors';
import { refusal } from '../../shared/domain/refusals';
import { dayInZone } from './calendar/business-days';
import { calendarDateSchema } from '../../shared/domain/dates';

const REFUSAL_WORDS: Record<CitationRefusal, string> = { office_record: "one of the office's own working records", internal_source: 'an internal note' };

export const LETTERHEAD_SETTING = 'letters.letterhead';

/** The store's letterheads, or the defaults shipped in resources/letterhead/. */
export async function loadLetterheads(ctx: Pick<ServiceContext, 'store'>): Promise<Letterheads> {
  return (await readSetting(ctx.store.db, LETTERHEAD_SETTING, letterheadsSchema)) ?? letterheadsSchema.parse(defaultLetterheads);
}

const SOURCE_LABELS: Record<Language, Record<HistoryEvent['source'], string>> = {
  sv: { phone: 'Kundservice, telefon', chat: 'Kundservice, chatt', mail: 'E-post', invoice: 'Faktura', merchant: 'Handlaren', document: 'Dokument', internal: 'Internt', authority: 'Myndighet' },
  da: { phone: 'Kundeservice, telefon', chat: 'Kundeservice, chat', mail: 'E-mail', invoice: 'Faktura', merchant: 'Forhandleren', document: 'Dokument', internal: 'Internt', authority: 'Myndighed' },
  en: { phone: 'Customer service, phone', chat: 'Customer service, chat', mail: 'E-mail', invoice: 'Invoice', merchant: 'The merchant', document: 'Document', internal: 'Internal', authority: 'Authority' },
};


/**
 * The merge fields a letter may use, resolved against one case. A field whose value the case does
 * not have (no street, no third claim) is absent, so the walk refuses it by name.
 */
export function caseMergeFields(view: CaseView, language: Language, extra: Record<string, string> = {}): Map<string, string> {
  const c = view.header;
  const locale = language === 'sv' ? 'sv-SE' : language === 'da' ? 'da-DK' : 'en-GB';
  const fields = new Map<string, string>();
  const put = (key: string, value: string | null | undefined) => {
    if (value !== null && value !== undefined && value !== '') fields.set(key, value);
  };
  put('customer.name', c.customer.name);
  put('customer.street', c.customer.street);
  put('customer.postalCode', c.customer.postalCode);
  put('customer.city', c.customer.city);
  put('customer.email', c.customer.email);
  put('case.number', c.number);
  put('case.receivedDate', formatLetterDate(c.receivedDate, language));
  put('case.summary', c.summary);
  put('merchant.name', c.merchant?.name);
  for (const claim of c.claims) {
    put(`claim.${claim.position}.text`, claim.text);
    if (claim.amount) put(`claim.${claim.position}.amount`, formatMoney(claim.amount, locale));
  }
  c.purchases.forEach((p, i) => {
    put(`purchase.${i + 1}.orderRef`, p.orderRef);
    put(`purchase.${i + 1}.amount`, formatMoney(p.amount, locale));
    put(`purchase.${i + 1}.date`, formatLetterDate(p.purchasedOn, language));
    put(`purchase.${i + 1}.merchant`, p.merchantName);
  });
  for (const [k, v] of Object.entries(extra)) put(k, v);
  return fields;
}

/** How a letter names where an event came from: "Kundservice, chatt", "Handlaren" … */
export function sourceLabel(source: HistoryEvent['source'], language: Language): string {
  return SOURCE_LABELS[language][source];
}

/** A fact in a list of facts (an ARN response's circumstances): "22 juli 2026, Kundservice, chatt: Återbetalning utlovad". */
export function citationText(e: HistoryEvent, language: Language, timeZone: string): string {
  return `${dateInWords(dayInZone(e.occurredAt, timeZone), language)}, ${SOURCE_LABELS[language][e.source]}: ${e.summary}`;
}

/** A citation inside a sentence of a letter: "(se chatten med kundservice den 22 juli 2026: ”Återbetalning utlovad”)". */
export function letterCitation(e: HistoryEvent, language: Language, timeZone: string): string {
  const agent = typeof e.data.agent === 'string' ? e.data.agent : null;
  return citationReference({ kind: e.kind, day: dayInZone(e.occurredAt, timeZone), summary: e.summary, who: agent }, language);
}

/** The exact event behind each citation, kept in the letter's export record. */
export interface CitedRecord {
  eventId: number;
  occurredAt: string;
  kind: HistoryEvent['kind'];
  summary: string;
}

export const letterRequestSchema = z.object({
  caseId: z.number().int().positive(),
  /** The stored TipTap JSON of the body. */
  content: z.unknown(),
  subject: z.string().trim().min(1).max(300).optional(),
  language: z.enum(['sv', 'da', 'en']).optional(),
  draft: z.boolean(),
  /** Letter date; today in the market by default. */
  date: calendarDateSchema.optional(),
  redaction: z.object({ fields: z.array(z.string()).optional(), eventIds: z.array(z.number().int()).optional() }).optional(),
  /** Extra merge fields the caller knows (a decision's own values, for instance). */
  fields: z.record(z.string(), z.string()).optional(),
  /** The addressee block; by default the case's customer (an ARN response is addressed to the authority). */
  addressee: z.array(z.string().min(1)).max(8).optional(),
  /** Who signs: an issued decision is signed by its issuer; by default the caller. */
  signerUserId: z.number().int().positive().optional(),
  /** The body closes with its own signature (merge field `signer.name`); the frame adds none. */
  signsItself: z.boolean().optional(),
  /** How citations read: inside a sentence (a decision letter) or as dated facts in a list (an ARN response). */
  citations: z.enum(['inline', 'facts']).optional(),
});
export type LetterRequest = z.infer<typeof letterRequestSchema>;

const DEFAULT_SUBJECT: Record<Language, (n: string) => string> = {
  sv: (n) => `Ditt ärende ${n}`,
  da: (n) => `Din sag ${n}`,
  en: (n) => `Your case ${n}`,
};

/**
 * Builds the letter for a case: letterhead, addressee, body walked from TipTap JSON (merge fields
 * and citations resolved, redactions removed), signed by the caller. Refuses with `invalid_input`
 * naming the merge field, event or node it cannot render.
 */
export async function buildCaseLetter(ctx: ServiceContext, request: LetterRequest): Promise<LetterDocument & { cited: CitedRecord[] }> {
  const view = await getCase(ctx, request.caseId);
  const c = view.header;
  const language = request.language ?? c.language;
  const market = c.market;
  const fields = caseMergeFields(view, language, request.fields);
  const events = new Map(view.events.map((e) => [e.id, e]));
  const cited: CitedRecord[] = [];
  const cite = request.citations === 'facts' ? citationText : letterCitation;
  let body;
  try {
    body = buildLetterBody(request.content, {
      // A draft is exported while still being written: a field without a value shows as {{field}},
      // as in the editor; a final letter refuses it by name.
      resolveField: (f) => fields.get(f) ?? (request.draft ? `{{${f}}}` : undefined),
      resolveCitation: (id) => {
        const e = events.get(id);
        if (!e) return undefined;
        const refusal = citationRefusal(e);
        if (refusal) throw new LetterModelError(`Event ${id} ("${e.summary}") is ${REFUSAL_WORDS[refusal]} and cannot be cited in a letter`, `citation ${id}`);
        if (!cited.some((x) => x.eventId === id)) cited.push({ eventId: id, occurredAt: e.occurredAt, kind: e.kind, summary: e.summary });
        return cite(e, language, MARKET_INFO[market].timeZone);
      },
      redaction: request.redaction as Redaction | undefined,
    });
  } catch (error) {
    if (error instanceof LetterModelError) throw new ServiceError(refusal('letter.cannotBuild', { caseNumber: c.number }), `Letter for case ${c.number}: ${error.message}`);
    throw error;
  }
  const redactedFields = new Set(request.redaction?.fields ?? []);
  const keep = (key: string, value: string | null) => (value && !redactedFields.has(key) ? [value] : []);
  const addressee = request.addressee ?? [
    ...keep('customer.name', c.customer.name),
    ...keep('customer.street', c.customer.street),
    ...keep('customer.city', [c.customer.postalCode, c.customer.city].filter(Boolean).join(' ') || null),
  ];
  const signer = await findUser(ctx.store.db, request.signerUserId ?? ctx.user.id);
  return {
    language,
    market,
    draft: request.draft,
    letterhead: (await loadLetterheads(ctx))[market],
    date: request.date ?? today(ctx, MARKET_INFO[market].timeZone),
    caseNumber: c.number,
    addressee,
    subject: request.subject ?? DEFAULT_SUBJECT[language](c.number),
    body,
    signature: { name: signer?.display_name ?? ctx.user.name, title: signer?.title ?? null, ...(request.signsItself ? { inBody: true } : {}) },
    cited,
  };
}

export async function caseIdByNumber(ctx: Pick<ServiceContext, 'store'>, number: string): Promise<number> {
  const id = await findCaseIdByNumber(ctx.store.db, number);
  if (id === undefined) throw notFound(`Case ${number}`);
  return id;
}
