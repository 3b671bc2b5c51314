import { z } from 'zod';
import { docSchema, type DocNode } from '../editor/document';
import { renderPlainText } from '../editor/text';
import { citationsOf, expandClaimBlocks, mergeFieldSequence, mergeFieldsOf } from '../editor/walk';
import { isoDateSchema, instantSchema, type CaseHeader } from './case';
import { languageSchema, marketSchema, type Language, type Market } from './market';
import { moneySchema, type Money } from './money';
import { quote } from './citation';
import { APPEAL_RULES, arnDeadline } from './legal';

export { APPEAL_RULES } from './legal';

/** How the ombudsman decides one claim. */
export const OUTCOMES = ['upheld', 'partly_upheld', 'not_upheld'] as const;
export const outcomeSchema = z.enum(OUTCOMES);
export type Outcome = z.infer<typeof outcomeSchema>;

/** What the company does about a claim. */
export const REMEDY_KINDS = ['refund', 'fee_or_interest_waived', 'compensation', 'credit_record_correction', 'apology'] as const;
export const remedyKindSchema = z.enum(REMEDY_KINDS);
export type RemedyKind = z.infer<typeof remedyKindSchema>;
/** Remedies that are paid out and therefore need an amount and a date. */
export const PAID_REMEDIES: readonly RemedyKind[] = ['refund', 'compensation'];

export const remedySchema = z
  .object({
    kind: remedyKindSchema,
    amount: moneySchema.nullable(),
    /** When the company will have done it, a date in the market's calendar. */
    dueDate: isoDateSchema.nullable(),
  })
  .strict();
export type Remedy = z.infer<typeof remedySchema>;

/** The structured assessment of one claim, beside the letter. Outcome and reasoning may be empty while drafting. */
export const claimAssessmentSchema = z
  .object({
    claimId: z.number().int().positive(),
    outcome: outcomeSchema.nullable(),
    remedies: z.array(remedySchema).max(10),
    reasoning: z.string().max(20_000),
  })
  .strict();
export type ClaimAssessment = z.infer<typeof claimAssessmentSchema>;

export const panelSchema = z.object({ claims: z.array(claimAssessmentSchema).max(100) }).strict();
export type Panel = z.infer<typeof panelSchema>;

/** A decision's way through four eyes: a handler drafts and submits, the ombudsman returns or approves, then issues. */
export const DECISION_STATUSES = ['draft', 'submitted', 'returned', 'approved', 'issued'] as const;
export const decisionStatusSchema = z.enum(DECISION_STATUSES);
export type DecisionStatus = z.infer<typeof decisionStatusSchema>;

export const decisionContentSchema = docSchema;

const person = z.object({ id: z.number().int(), name: z.string() });

export const reviewStepSchema = z.object({
  action: z.enum(['created', 'submitted', 'returned', 'approved', 'issued', 'restored']),
  by: person,
  at: instantSchema,
  comment: z.string(),
});
export type ReviewStep = z.infer<typeof reviewStepSchema>;

export const validationIssueSchema = z.object({
  code: z.enum([
    'empty_letter',
    'claim_missing',
    'claim_unknown',
    'outcome_missing',
    'reasoning_missing',
    'amount_missing',
    'amount_invalid',
    'due_date_missing',
    'remedy_not_in_letter',
    'outcome_not_in_letter',
    'merge_field_unresolved',
    'placeholder_left',
    'citation_unknown',
    'appeal_missing',
    'appeal_wrong_market',
    'merge_field_unknown',
    'template_field_missing',
    'citation_in_template',
    'citation_internal',
    'claim_order',
    'outcome_grants_full',
    'outcome_grants_less',
  ]),
  /** Where: `claims.0.remedies.1.amount`, `letter`, `letter.mergeField.claim.3.amount` … */
  path: z.string(),
  /** In English, for logs, the CLI and tests; the workbench words it in the user's language from `code` and `params`. */
  message: z.string(),
  /** The facts the message names (claim number, remedy kind, field, phrase id …). */
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ValidationIssue = z.infer<typeof validationIssueSchema>;

/** A decision as the workbench shows it. `version` is the optimistic-lock token for the next save. */
export const decisionViewSchema = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  status: decisionStatusSchema,
  market: marketSchema,
  language: languageSchema,
  templateId: z.number().int().nullable(),
  version: z.number().int(),
  content: docSchema,
  panel: panelSchema,
  savedAt: instantSchema,
  savedBy: person,
  createdBy: person,
  correctsDecisionId: z.number().int().nullable(),
  /** The letter as text with merge fields resolved (frozen once issued). */
  renderedText: z.string(),
  /** Merge-field values for the editor to show inside the atoms. */
  mergeValues: z.record(z.string(), z.string()),
  issues: z.array(validationIssueSchema),
  review: z.array(reviewStepSchema),
  issued: z
    .object({ by: person, at: instantSchema, sha256: z.string(), arnWindowEndsOn: isoDateSchema.nullable() })
    .nullable(),
});
export type DecisionView = z.infer<typeof decisionViewSchema>;

export const decisionSummarySchema = z.object({
  id: z.number().int(),
  status: decisionStatusSchema,
  version: z.number().int(),
  savedAt: instantSchema,
  issuedAt: instantSchema.nullable(),
  correctsDecisionId: z.number().int().nullable(),
});

export const versionSummarySchema = z.object({
  version: z.number().int(),
  savedAt: instantSchema,
  savedBy: person,
  reason: z.enum(['created', 'autosave', 'restore']),
  /** The first words of the letter at that version, to tell versions apart. */
  excerpt: z.string(),
});

/* ---------- Words in the letter ---------- */

export const LETTER_LOCALE: Record<Language, string> = { sv: 'sv-SE', da: 'da-DK', en: 'en-GB' };

export const OUTCOME_LABEL: Record<Language, Record<Outcome, string>> = {
  sv: { upheld: 'Bifalls', partly_upheld: 'Bifalls delvis', not_upheld: 'Avslås' },
  da: { upheld: 'Imødekommes', partly_upheld: 'Imødekommes delvist', not_upheld: 'Afvises' },
  en: { upheld: 'Upheld', partly_upheld: 'Partly upheld', not_upheld: 'Not upheld' },
};

export const REMEDY_LABEL: Record<Language, Record<RemedyKind, string>> = {
  sv: {
    refund: 'Återbetalning',
    fee_or_interest_waived: 'Avgifter eller ränta efterges',
    compensation: 'Ersättning',
    credit_record_correction: 'Rättelse av betalningsanmärkning',
    apology: 'Ursäkt',
  },
  da: {
    refund: 'Tilbagebetaling',
    fee_or_interest_waived: 'Gebyrer eller renter frafaldes',
    compensation: 'Kompensation',
    credit_record_correction: 'Rettelse af registrering hos kreditoplysningsbureau',
    apology: 'Undskyldning',
  },
  en: {
    refund: 'Refund',
    fee_or_interest_waived: 'Fees or interest waived',
    compensation: 'Compensation',
    credit_record_correction: 'Correction of the credit record',
    apology: 'Apology',
  },
};

const BY: Record<Language, string> = { sv: 'senast', da: 'senest', en: 'by' };
const NO_REMEDY: Record<Language, string> = { sv: 'Ingen gottgörelse.', da: 'Ingen godtgørelse.', en: 'No remedy.' };

// Building an Intl formatter costs far more than using one; letters reuse one per language (and currency).
const dateFormats = new Map<Language, Intl.DateTimeFormat>();
const moneyFormats = new Map<string, Intl.NumberFormat>();

export function formatLetterDate(date: string, language: Language): string {
  let f = dateFormats.get(language);
  if (!f) dateFormats.set(language, (f = new Intl.DateTimeFormat(LETTER_LOCALE[language], { dateStyle: 'long', timeZone: 'UTC' })));
  return f.format(new Date(`${date}T00:00:00Z`));
}

/** Money as the letter's language writes it (same output as formatMoney with the letter locale). */
export function formatLetterMoney(money: Money, language: Language): string {
  const key = `${language}:${money.currency}`;
  let f = moneyFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LETTER_LOCALE[language], { style: 'currency', currency: money.currency, minimumFractionDigits: 2, maximumFractionDigits: 2 });
    moneyFormats.set(key, f);
  }
  return f.format(money.minor / 100);
}

/** The date two calendar months after `date` (end of month clamps: 31 Dec -> 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

/** One sentence per remedy: "Återbetalning 1 499,00 kr senast 1 december 2026." */
export function remedySentence(remedies: readonly Remedy[], language: Language): string {
  if (remedies.length === 0) return NO_REMEDY[language];
  return remedies
    .map((r) => {
      let s = REMEDY_LABEL[language][r.kind];
      if (r.amount) s += ` ${formatLetterMoney(r.amount, language)}`;
      if (r.dueDate) s += ` ${BY[language]} ${formatLetterDate(r.dueDate, language)}`;
      return `${s}.`;
    })
    .join(' ');
}

/** The facts a letter's merge fields are filled from. */
export interface MergeSource {
  header: Pick<CaseHeader, 'number' | 'market' | 'receivedDate' | 'customer' | 'merchant' | 'purchases' | 'claims'>;
  language: Language;
  panel: Panel;
  /** The decision date: today while drafting, the issue date once issued. */
  decisionDate: string;
  signerName: string | null;
  /** The day of the consumer's first complaint (`firstComplaintDay`); the received date when not given. */
  firstComplaintDate?: string;
}

/** Every merge field a letter may use, with its value for this case. Fields not listed are unresolved. */
export function mergeValues(src: MergeSource): Record<string, string> {
  const { header, language } = src;
  const v: Record<string, string> = {
    'case.number': header.number,
    'case.receivedDate': formatLetterDate(header.receivedDate, language),
    'customer.name': header.customer.name,
    'decision.date': formatLetterDate(src.decisionDate, language),
  };
  const address = [header.customer.street, [header.customer.postalCode, header.customer.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  if (address) v['customer.address'] = address;
  if (header.merchant) v['merchant.name'] = header.merchant.name;
  if (src.signerName) v['signer.name'] = src.signerName;
  const arn = arnDeadline(header.market, src.firstComplaintDate ?? header.receivedDate);
  if (arn) v['arn.deadline'] = formatLetterDate(arn, language);
  header.purchases.forEach((p, i) => {
    const n = i + 1;
    v[`purchase.${n}.orderRef`] = p.orderRef;
    v[`purchase.${n}.date`] = formatLetterDate(p.purchasedOn, language);
    v[`purchase.${n}.amount`] = formatLetterMoney(p.amount, language);
    if (p.merchantName) v[`purchase.${n}.merchant`] = p.merchantName;
  });
  header.claims.forEach((c, i) => {
    const n = i + 1;
    v[`claim.${n}.number`] = String(n);
    v[`claim.${n}.text`] = c.text;
    // The customer's own words, quoted as a quote; the amount is ours.
    v[`claim.${n}.summary`] = c.amount ? `${quote(c.text, language)} (${formatLetterMoney(c.amount, language)})` : quote(c.text, language);
    if (c.amount) v[`claim.${n}.amount`] = formatLetterMoney(c.amount, language);
    const a = src.panel.claims.find((x) => x.claimId === c.id);
    if (!a) return;
    if (a.outcome) v[`claim.${n}.outcome`] = OUTCOME_LABEL[language][a.outcome];
    if (a.reasoning.trim()) v[`claim.${n}.reasoning`] = a.reasoning.trim();
    if (a.outcome) v[`claim.${n}.remedies`] = remedySentence(a.remedies, language);
    a.remedies.forEach((r, j) => {
      const m = `claim.${n}.remedy.${j + 1}`;
      v[`${m}.kind`] = REMEDY_LABEL[language][r.kind];
      if (r.amount) v[`${m}.amount`] = formatLetterMoney(r.amount, language);
      if (r.dueDate) v[`${m}.dueDate`] = formatLetterDate(r.dueDate, language);
    });
  });
  return v;
}

/** The merge fields a user can insert, for the editor's palette. */
export function insertableFields(values: Readonly<Record<string, string>>): string[] {
  return Object.keys(values).sort();
}

/* ---------- The customer's further options ---------- */

/** Folds case and every kind of space, so "2 000 kr" with a no-break space still matches. */
export function foldForMatch(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+/g, ' ').toLowerCase();
}

/* ---------- Validation before submit ---------- */

export interface ValidationInput {
  header: Pick<CaseHeader, 'market' | 'claims'>;
  language: Language;
  panel: Panel;
  /** Merge fields used in the letter. */
  usedFields: readonly string[];
  /** Every merge field in document order, repeats included (`mergeFieldSequence`), for the order of each claim's parts. */
  usedFieldsInOrder?: readonly string[];
  values: Readonly<Record<string, string>>;
  /** Event ids cited in the letter and the case's event ids. */
  citedEventIds: readonly number[];
  caseEventIds: ReadonlySet<number>;
  /** Cited events that may not be shown to a customer (`isCitable`), by id with their summary. */
  uncitable?: ReadonlyMap<number, string>;
  /** The letter as plain text with merge fields resolved. */
  text: string;
}

/**
 * Everything that must hold before a draft is submitted, each failure named with where it is.
 * The letter and the panel must agree: every outcome in the panel appears in the letter's text, and
 * every remedy amount through a merge field (`claim.N.remedies` or `claim.N.remedy.M.amount`), so
 * an amount typed by hand can never differ from the panel unnoticed.
 */
export function validateDecision(input: ValidationInput): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const { header, language, panel } = input;
  const text = foldForMatch(input.text);
  const currency = header.market === 'SE' ? 'SEK' : 'DKK';
  const used = new Set(input.usedFields);

  if (input.text.trim().length === 0) issues.push({ code: 'empty_letter', path: 'letter', message: 'The letter is empty.', params: {} });

  header.claims.forEach((claim, i) => {
    const n = i + 1;
    const index = panel.claims.findIndex((a) => a.claimId === claim.id);
    if (index < 0) {
      issues.push({ code: 'claim_missing', path: `claims`, message: `Claim ${n} ("${claim.text}") has no assessment in the panel.`, params: { n, text: claim.text } });
      return;
    }
    const a = panel.claims[index]!;
    const at = `claims.${index}`;
    if (!a.outcome) issues.push({ code: 'outcome_missing', path: `${at}.outcome`, message: `Claim ${n}: choose an outcome.`, params: { n } });
    if (!a.reasoning.trim()) issues.push({ code: 'reasoning_missing', path: `${at}.reasoning`, message: `Claim ${n}: write the reasoning.`, params: { n } });
    if (a.outcome && !text.includes(foldForMatch(OUTCOME_LABEL[language][a.outcome]))) {
      issues.push({
        code: 'outcome_not_in_letter',
        path: `${at}.outcome`,
        message: `Claim ${n}: the panel says "${OUTCOME_LABEL[language][a.outcome]}" but the letter does not; insert the field claim.${n}.outcome.`,
        params: { n, outcome: a.outcome },
      });
    }
    a.remedies.forEach((r, j) => {
      const rp = `${at}.remedies.${j}`;
      if (PAID_REMEDIES.includes(r.kind) && !r.amount) {
        issues.push({ code: 'amount_missing', path: `${rp}.amount`, message: `Claim ${n}: the ${r.kind} needs an amount.`, params: { n, kind: r.kind } });
      }
      if (r.amount && (r.amount.minor <= 0 || r.amount.currency !== currency)) {
        issues.push({
          code: 'amount_invalid',
          path: `${rp}.amount`,
          message: `Claim ${n}: the ${r.kind} amount must be more than zero in ${currency}.`,
          params: { n, kind: r.kind, currency },
        });
      }
      if (PAID_REMEDIES.includes(r.kind) && !r.dueDate) {
        issues.push({ code: 'due_date_missing', path: `${rp}.dueDate`, message: `Claim ${n}: say by when the ${r.kind} will be paid.`, params: { n, kind: r.kind } });
      }
      const shown = used.has(`claim.${n}.remedies`) || used.has(`claim.${n}.remedy.${j + 1}.amount`);
      if (r.amount && r.amount.minor > 0 && !shown) {
        issues.push({
          code: 'remedy_not_in_letter',
          path: `${rp}.amount`,
          message: `Claim ${n}: the panel's ${r.kind} of ${formatLetterMoney(r.amount, language)} is not in the letter; insert the field claim.${n}.remedies.`,
          params: { n, kind: r.kind, amount: formatLetterMoney(r.amount, language) },
        });
      }
    });
  });
  panel.claims.forEach((a, index) => {
    if (!header.claims.some((c) => c.id === a.claimId)) {
      issues.push({ code: 'claim_unknown', path: `claims.${index}.claimId`, message: `The panel assesses claim id ${a.claimId}, which is not a claim of this case.`, params: { claimId: a.claimId } });
    }
  });

  for (const field of input.usedFields) {
    // A claim's own outcome, reasoning and remedies come from the panel, whose issues say what is missing.
    const fromPanel = /^claim\.(\d+)\.(outcome|reasoning|remedies)$/.exec(field);
    if (fromPanel && Number(fromPanel[1]) <= header.claims.length) continue;
    if (input.values[field] === undefined) {
      issues.push({ code: 'merge_field_unresolved', path: `letter.mergeField.${field}`, message: `The merge field "${field}" has no value for this case.`, params: { field } });
    }
  }
  // Template instructions are written in square brackets; citations render as "[YYYY-MM-DD: summary]".
  const placeholder = /\[[^\]\n]{3,}\]/.exec(input.text.replace(/\[\d{4}-\d{2}-\d{2}: [^\]\n]*\]|\[event #\d+\]/g, ''));
  if (placeholder) {
    issues.push({ code: 'placeholder_left', path: 'letter', message: `The template's instruction ${placeholder[0].slice(0, 80)} is still in the letter.`, params: { text: placeholder[0].slice(0, 80) } });
  }
  for (const id of input.citedEventIds) {
    if (!input.caseEventIds.has(id)) issues.push({ code: 'citation_unknown', path: `letter.citation.${id}`, message: `The letter cites event #${id}, which is not in this case's history.`, params: { id } });
    const summary = input.uncitable?.get(id);
    if (summary !== undefined) {
      issues.push({ code: 'citation_internal', path: `letter.citation.${id}`, message: `The letter cites "${summary}", one of the office's internal records; a letter may cite only what the customer may see.`, params: { id, summary } });
    }
  }
  issues.push(...claimOrderIssues(input.usedFieldsInOrder ?? []));

  issues.push(...appealIssues(header.market, language, text));
  return issues;
}

/**
 * A letter states, per claim, its outcome, then its reasoning, then its remedy, with nothing of
 * another claim in between (domain.md: each claim's assessment stands right under its outcome).
 * `fields` is every merge field in document order; only the claim parts are read.
 */
export function claimOrderIssues(fields: readonly string[]): ValidationIssue[] {
  const parts = fields
    .map((f) => /^claim\.(\d+)\.(outcome|reasoning|remedies|remedy\.\d+\.amount)$/.exec(f))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ n: Number(m[1]), part: m[2]!.startsWith('remed') ? 'remedy' : m[2]! }));
  const issues: ValidationIssue[] = [];
  const seen = new Set<number>();
  parts.forEach((p, i) => {
    if (p.part !== 'reasoning' || seen.has(p.n)) return;
    seen.add(p.n);
    const before = parts[i - 1];
    const after = parts[i + 1];
    const remedyUsed = parts.some((x) => x.n === p.n && x.part === 'remedy');
    const outcomeFirst = before?.n === p.n && before.part === 'outcome';
    const remedyNext = !remedyUsed || (after?.n === p.n && after.part === 'remedy');
    if (!outcomeFirst || !remedyNext) {
      issues.push({
        code: 'claim_order',
        path: `letter.mergeField.claim.${p.n}.reasoning`,
        message: `Claim ${p.n}: its reasoning must stand right after its outcome${remedyUsed ? ' and before its remedy' : ''}, with no other claim in between.`,
        params: { n: p.n },
      });
    }
  });
  return issues;
}

/**
 * Whether the customer's further options fit the market and language: every required body is
 * named and no other market's body is. `foldedText` is the letter's text through `foldForMatch`.
 */
export function appealIssues(market: Market, language: Language, foldedText: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const rules = APPEAL_RULES[market];
  const required = rules.required[language];
  if (!required) {
    issues.push({ code: 'appeal_missing', path: 'letter.appeal', message: `There is no appeal wording for ${market} letters in "${language}"; write the letter in ${Object.keys(rules.required).join(' or ')}.`, params: { market, language, languages: Object.keys(rules.required).join(',') } });
  } else {
    for (const phrase of required) {
      if (!phrase.anyOf.some((p) => foldedText.includes(foldForMatch(p)))) {
        issues.push({ code: 'appeal_missing', path: 'letter.appeal', message: `The customer's further options must mention ${phrase.what} (${market}, ${language}).`, params: { phrase: phrase.id, market, language } });
      }
    }
  }
  for (const phrase of rules.forbidden) {
    if (phrase.anyOf.some((p) => foldedText.includes(foldForMatch(p)))) {
      issues.push({ code: 'appeal_wrong_market', path: 'letter.appeal', message: `The letter mentions ${phrase.what}, which does not apply to ${market} customers.`, params: { phrase: phrase.id, market } });
    }
  }
  return issues;
}

/* ---------- Templates ---------- */

const CASE_FIELDS = ['case.number', 'case.receivedDate', 'customer.name', 'customer.address', 'merchant.name', 'decision.date', 'signer.name'] as const;
const PURCHASE_PARTS = ['orderRef', 'date', 'amount', 'merchant'] as const;
const CLAIM_PARTS = ['number', 'text', 'summary', 'amount', 'outcome', 'reasoning', 'remedies'] as const;
const REMEDY_PARTS = ['kind', 'amount', 'dueDate'] as const;

/**
 * The merge fields a template may hold for a market. `claim.*.x` repeats its block once per claim
 * when a draft is created (`expandClaimBlocks`); `purchase.1.x` is the case's first purchase.
 */
export function templateFields(market: Market): string[] {
  return [
    ...CASE_FIELDS,
    ...(market === 'SE' ? ['arn.deadline'] : []),
    ...PURCHASE_PARTS.map((p) => `purchase.1.${p}`),
    ...CLAIM_PARTS.map((p) => `claim.*.${p}`),
    ...REMEDY_PARTS.map((p) => `claim.*.remedy.1.${p}`),
  ];
}

function isTemplateField(field: string, market: Market): boolean {
  if ((CASE_FIELDS as readonly string[]).includes(field)) return true;
  if (field === 'arn.deadline') return market === 'SE';
  const purchase = /^purchase\.(\d{1,2})\.(\w+)$/.exec(field);
  if (purchase) return Number(purchase[1]) >= 1 && (PURCHASE_PARTS as readonly string[]).includes(purchase[2]!);
  const remedy = /^claim\.(\*|\d{1,2})\.remedy\.(\d{1,2})\.(\w+)$/.exec(field);
  if (remedy) return Number(remedy[2]) >= 1 && (REMEDY_PARTS as readonly string[]).includes(remedy[3]!);
  const claim = /^claim\.(\*|\d{1,2})\.(\w+)$/.exec(field);
  if (claim) return (CLAIM_PARTS as readonly string[]).includes(claim[2]!);
  return false;
}

/** What every decision made from a template must show, as merge fields: the assessment per claim, its remedy, the signer. */
const REQUIRED_TEMPLATE_FIELDS: { id: string; field: RegExp; name: string; what: string }[] = [
  { id: 'outcome', field: /^claim\.(\*|\d+)\.outcome$/, name: 'claim.*.outcome', what: 'the outcome of each claim' },
  { id: 'reasoning', field: /^claim\.(\*|\d+)\.reasoning$/, name: 'claim.*.reasoning', what: 'the reasoning for each claim' },
  { id: 'remedy', field: /^claim\.(\*|\d+)\.remed(ies|y\.\d+\.amount)$/, name: 'claim.*.remedies', what: 'the remedy of each claim' },
  { id: 'signer', field: /^signer\.name$/, name: 'signer.name', what: "the signer's name" },
];

/**
 * What the ombudsman's edited template must hold before it replaces the default: only merge
 * fields a case can fill (and `arn.deadline` only in Sweden), no citations (a template has no case),
 * the fields that carry the assessment, remedy and signature, and the market's appeal wording.
 */
export function validateTemplate(input: { market: Market; language: Language; content: DocNode }): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const fields = mergeFieldsOf(input.content);
  for (const field of new Set(fields)) {
    if (!isTemplateField(field, input.market)) {
      issues.push({ code: 'merge_field_unknown', path: `template.mergeField.${field}`, message: `The merge field "${field}" is not one a ${input.market} case can fill.`, params: { field, market: input.market } });
    }
  }
  for (const required of REQUIRED_TEMPLATE_FIELDS) {
    if (!fields.some((f) => required.field.test(f))) {
      issues.push({ code: 'template_field_missing', path: `template.mergeField.${required.name}`, message: `The template must show ${required.what}: insert the field ${required.name}.`, params: { field: required.name, what: required.id } });
    }
  }
  // Expanded for two claims, each claim's outcome, reasoning and remedy must stand together in order.
  for (const issue of claimOrderIssues(mergeFieldSequence(expandClaimBlocks(input.content, 2)))) {
    issues.push({ ...issue, path: 'template.mergeField.claim.*.reasoning', message: 'Each claim must read outcome, then its reasoning, then its remedy, in consecutive blocks repeated per claim; move claim.*.outcome, claim.*.reasoning and claim.*.remedies together.', params: {} });
    break;
  }
  if (citationsOf(input.content).length > 0) {
    issues.push({ code: 'citation_in_template', path: 'template.citation', message: 'A template cannot cite history events; cite them in the decision.', params: {} });
  }
  const text = renderPlainText(input.content, { values: {} });
  if (text.trim().length === 0) issues.push({ code: 'empty_letter', path: 'template', message: 'The template is empty.', params: {} });
  issues.push(...appealIssues(input.market, input.language, foldForMatch(text)));
  return issues;
}
