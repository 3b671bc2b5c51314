import { z } from 'zod';
import { docSchema, mergeFieldNameSchema } from '../editor/document';
import { isoDateSchema, instantSchema } from './case';
import { formatLetterDate, formatLetterMoney, reviewStepSchema } from './decision';
import { languageSchema, type Language } from './market';
import { moneySchema, type Money } from './money';

/**
 * The company's written response to ARN (or another authority) on a registered matter: drafted in
 * the decision editor from a template with ARN's structure (heading with ARN's number, the claim,
 * the company's position per claim point, grounds, facts picked from the history, numbered
 * exhibits, any settlement offer, signature), checked, approved by a second person where the
 * setting asks for it, and finalised: frozen with its rendered text and SHA-256.
 */

/** The company's position on one point of the consumer's claim: medger / bestrider / medger delvis. */
export const CLAIM_POSITIONS = ['admits', 'contests', 'partly_admits'] as const;
export const claimPositionSchema = z.enum(CLAIM_POSITIONS);
export type ClaimPosition = z.infer<typeof claimPositionSchema>;

export const ARN_RESPONSE_STATUSES = ['draft', 'submitted', 'returned', 'approved', 'finalised'] as const;
export const arnResponseStatusSchema = z.enum(ARN_RESPONSE_STATUSES);
export type ArnResponseStatus = z.infer<typeof arnResponseStatusSchema>;

const id = z.number().int().positive();

/** One point of the consumer's claim as the authority states it, and the company's answer to it. */
export const claimPointSchema = z
  .object({
    text: z.string().trim().max(5000),
    amount: moneySchema.nullable(),
    position: claimPositionSchema.nullable(),
    /** Whether the amount claimed is reasonable in itself (ARN asks this even when the claim is contested). */
    amountReasonable: z.boolean().nullable(),
  })
  .strict();
export type ClaimPoint = z.infer<typeof claimPointSchema>;

/** A history event relied on; it becomes a dated paragraph citing the event under Omständigheter. */
export const factSchema = z.object({ eventId: id, redacted: z.boolean() }).strict();

/** A numbered exhibit: an attachment of the case or a history event (printed on its own page). */
export const exhibitSchema = z
  .object({
    source: z.enum(['attachment', 'event']),
    id,
    title: z.string().trim().min(1, 'must not be empty').max(200),
    redacted: z.boolean(),
  })
  .strict();
export type ExhibitRef = z.infer<typeof exhibitSchema>;

export const responsePanelSchema = z
  .object({
    points: z.array(claimPointSchema).max(50),
    /** One answer per question of the authority, in the matter's order. */
    answers: z.array(z.string().max(10_000)).max(50),
    facts: z.array(factSchema).max(500),
    exhibits: z.array(exhibitSchema).max(200),
    /** Merge fields left out of the output (e.g. `customer.street`). */
    redactedFields: z.array(mergeFieldNameSchema).max(100),
    /** The user confirmed that the response goes out after the authority's deadline. */
    lateAcknowledged: z.boolean(),
    settlementOffer: z.string().max(5000),
  })
  .strict();
export type ResponsePanel = z.infer<typeof responsePanelSchema>;

export const RESPONSE_ISSUE_CODES = [
  'empty_response',
  'position_missing',
  'amount_not_assessed',
  'point_not_in_text',
  'question_unanswered',
  'exhibit_missing',
  'exhibit_reference_unknown',
  'exhibit_order',
  'fact_unknown',
  'deadline_passed',
  'internal_note',
  'other_customer',
  'redaction_leak',
  'merge_field_unresolved',
] as const;

export const responseIssueSchema = z.object({
  code: z.enum(RESPONSE_ISSUE_CODES),
  /** Where: `points.0.position`, `exhibits.2`, `facts.1`, `letter` … */
  path: z.string(),
  message: z.string(),
});
export type ResponseIssue = z.infer<typeof responseIssueSchema>;

const person = z.object({ id: z.number().int(), name: z.string() });

export const arnResponseViewSchema = z.object({
  id: z.number().int(),
  matterId: z.number().int(),
  caseId: z.number().int(),
  status: arnResponseStatusSchema,
  language: languageSchema,
  version: z.number().int(),
  content: docSchema,
  panel: responsePanelSchema,
  savedAt: instantSchema,
  savedBy: person,
  /** Merge-field values for the editor; `response.facts` and `response.exhibits` show a preview. */
  mergeValues: z.record(z.string(), z.string()),
  issues: z.array(responseIssueSchema),
  /** The text as it will be sent: redactions removed, facts and exhibits expanded. */
  renderedText: z.string(),
  review: z.array(reviewStepSchema.extend({ action: z.enum(['created', 'submitted', 'returned', 'approved', 'finalised']) })),
  fourEyes: z.boolean(),
  finalised: z.object({ by: person, at: instantSchema, sha256: z.string() }).nullable(),
  responseDue: isoDateSchema.nullable(),
});
export type ArnResponseView = z.infer<typeof arnResponseViewSchema>;

export const saveResponseInputSchema = z.object({ id, baseVersion: z.number().int().min(1), content: docSchema, panel: responsePanelSchema }).strict();

export const exportResponseInputSchema = z.object({ id, format: z.enum(['package', 'docx']) }).strict();
export const exportResponseOutputSchema = z.object({
  fileName: z.string(),
  mediaType: z.string(),
  base64: z.string(),
  sha256: z.string(),
  bytes: z.number().int(),
  pages: z.number().int().nullable(),
  /** Exhibits over ARN's 10 MB portal limit, each named. */
  warnings: z.array(z.string()),
  exportId: z.number().int(),
});

/* ---------- Words of the letter ---------- */

export const POSITION_SENTENCE: Record<Language, Record<ClaimPosition, string>> = {
  sv: { admits: 'Bolaget medger yrkandet.', contests: 'Bolaget bestrider yrkandet.', partly_admits: 'Bolaget medger yrkandet delvis.' },
  da: { admits: 'Virksomheden anerkender kravet.', contests: 'Virksomheden bestrider kravet.', partly_admits: 'Virksomheden anerkender kravet delvist.' },
  en: { admits: 'The company admits the claim.', contests: 'The company contests the claim.', partly_admits: 'The company partly admits the claim.' },
};

const AMOUNT_SENTENCE: Record<Language, { reasonable: string; unreasonable: string; none: string }> = {
  sv: { reasonable: 'Det yrkade beloppet vitsordas som skäligt i och för sig.', unreasonable: 'Det yrkade beloppet vitsordas inte som skäligt.', none: 'Yrkandet avser inget belopp.' },
  da: { reasonable: 'Det krævede beløb anerkendes som rimeligt i sig selv.', unreasonable: 'Det krævede beløb anerkendes ikke som rimeligt.', none: 'Kravet angår intet beløb.' },
  en: { reasonable: 'The amount claimed is accepted as reasonable in itself.', unreasonable: 'The amount claimed is not accepted as reasonable.', none: 'The claim is for no amount.' },
};

const NO_OFFER: Record<Language, string> = {
  sv: 'Bolaget lämnar inget förlikningsförslag.',
  da: 'Virksomheden fremsætter ikke forligsforslag.',
  en: 'The company makes no settlement offer.',
};

export const EXHIBIT_WORD: Record<Language, string> = { sv: 'Bilaga', da: 'Bilag', en: 'Exhibit' };

/** What a response's own merge fields are made from. */
export interface ResponseMergeSource {
  language: Language;
  authorityName: string;
  reference: string;
  receivedDate: string;
  responseDue: string | null;
  claimAmount: Money | null;
  questions: readonly string[];
  panel: ResponsePanel;
  /** The response date: today while drafting, the day it was finalised afterwards. */
  date: string;
  companyName: string;
  signerName: string | null;
}

/** The response's merge fields (the case's own ones come from the letter service). */
export function responseMergeValues(src: ResponseMergeSource): Record<string, string> {
  const { language: l, panel } = src;
  const v: Record<string, string> = {
    'arn.authority': src.authorityName,
    'arn.reference': src.reference,
    'arn.receivedDate': formatLetterDate(src.receivedDate, l),
    'response.date': formatLetterDate(src.date, l),
    'company.name': src.companyName,
    'settlement.offer': panel.settlementOffer.trim() || NO_OFFER[l],
  };
  if (src.responseDue) v['arn.responseDue'] = formatLetterDate(src.responseDue, l);
  if (src.claimAmount) v['arn.claimAmount'] = formatLetterMoney(src.claimAmount, l);
  if (src.signerName) v['signer.name'] = src.signerName;
  panel.points.forEach((p, i) => {
    const n = i + 1;
    v[`point.${n}.number`] = String(n);
    v[`point.${n}.text`] = p.amount ? `${p.text} (${formatLetterMoney(p.amount, l)})` : p.text;
    if (p.amount) v[`point.${n}.amount`] = formatLetterMoney(p.amount, l);
    if (p.position) v[`point.${n}.position`] = POSITION_SENTENCE[l][p.position];
    if (!p.amount) v[`point.${n}.amountAssessment`] = AMOUNT_SENTENCE[l].none;
    else if (p.amountReasonable !== null) v[`point.${n}.amountAssessment`] = AMOUNT_SENTENCE[l][p.amountReasonable ? 'reasonable' : 'unreasonable'];
  });
  src.questions.forEach((q, i) => {
    v[`question.${i + 1}.text`] = q;
    const answer = panel.answers[i]?.trim();
    if (answer) v[`question.${i + 1}.answer`] = answer;
  });
  return v;
}

/** The exhibits that go out (not redacted), numbered 1..n in the panel's order. */
export function numberedExhibits(panel: ResponsePanel): { number: number; exhibit: ExhibitRef; index: number }[] {
  let n = 0;
  return panel.exhibits.flatMap((exhibit, index) => (exhibit.redacted ? [] : [{ number: ++n, exhibit, index }]));
}

/** "Bilaga 3", "Bilag 3", "Exhibit 3" mentioned in a text, with their numbers in order of appearance. */
export function exhibitMentions(text: string): number[] {
  return [...text.matchAll(/\b(?:Bilagor|Bilaga|Bilag|Exhibits?)\s+(\d{1,3})\b/giu)].map((m) => Number(m[1]));
}
