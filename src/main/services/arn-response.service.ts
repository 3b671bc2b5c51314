import { createHash } from 'node:crypto';
import { z } from 'zod';
import arnDa from '../../../resources/templates/arn-da.json' with { type: 'json' };
import arnEn from '../../../resources/templates/arn-en.json' with { type: 'json' };
import arnSv from '../../../resources/templates/arn-sv.json' with { type: 'json' };
import {
  EXHIBIT_WORD,
  exhibitMentions,
  numberedExhibits,
  responseMergeValues,
  responsePanelSchema,
  type ArnResponseView,
  type ResponseIssue,
  type ResponsePanel,
} from '../../shared/domain/arn-response';
import type { Matter } from '../../shared/domain/authority';
import type { HistoryEvent } from '../../shared/domain/history';
import { MARKET_INFO, type Language } from '../../shared/domain/market';
import { docSchema, type DocNode } from '../../shared/editor/document';
import { CITATION, MERGE_FIELD } from '../../shared/editor/nodes';
import { renderPlainText, type CitedEvent } from '../../shared/editor/text';
import { citationsOf, expandRepeatedBlocks, mergeFieldsOf, redactedTexts, stripRedactions } from '../../shared/editor/walk';
import type { Db } from '../db/connection';
import * as repo from '../db/repositories/arn-response.repository';
import { readSetting, writeSetting } from '../db/repositories/settings.repository';
import { userNames } from '../db/repositories/decision.repository';
import { appendAudit } from './audit.service';
import { publishChange } from './changes';
import { readCaseView, type CaseView } from './case.service';
import { now, today, type ServiceContext } from './context';
import { notFound, ServiceError } from './errors';
import { refusal } from '../../shared/domain/refusals';
import { recordReviewStep, takeReviewStep, type ReviewTarget } from './review.service';
import { caseMergeFields, citationText, loadLetterheads } from './letter.service';
import { getMatter } from './matter.service';
import { dayInZone } from './calendar/business-days';
import { isCitable } from '../../shared/domain/citation';

/** What never goes to ARN: the same rule as for citing in a letter (`shared/domain/citation.ts`). */
const isInternal = (e: Parameters<typeof isCitable>[0]): boolean => !isCitable(e);

/**
 * The company's response to ARN on a registered matter. Drafted (autosaved with an optimistic
 * version check like decisions), checked (every failure named), approved by a second person when
 * the setting `arnResponses.fourEyes` asks for it (default on), and finalised: the content, the
 * rendered text and its SHA-256 are frozen, and migration 13's triggers refuse any later change.
 */

const FOUR_EYES_KEY = 'arnResponses.fourEyes';

const TEMPLATES: Record<Language, { name: string; content: DocNode }> = Object.fromEntries(
  [arnSv, arnDa, arnEn].map((t) => [t.language, { name: t.name, content: docSchema.parse(t.content) }]),
) as Record<Language, { name: string; content: DocNode }>;

function requireWriter(ctx: ServiceContext, what: string): void {
  if (ctx.user.role === 'auditor') throw new ServiceError(refusal('role.auditorReadOnly'), `An auditor may read ARN responses but not ${what}.`);
}

function requireOmbudsman(ctx: ServiceContext, what: string): void {
  if (ctx.user.role !== 'ombudsman') throw new ServiceError(refusal('role.ombudsmanOnly'), `Only the ombudsman may ${what}.`);
}

export async function fourEyesRequired(ctx: Pick<ServiceContext, 'store'>): Promise<boolean> {
  return (await readSetting(ctx.store.db, FOUR_EYES_KEY, z.boolean())) ?? true;
}

/** Ombudsman only: whether a second person must approve a response before it is finalised. */
export async function setFourEyes(ctx: ServiceContext, enabled: boolean): Promise<{ fourEyes: boolean }> {
  requireOmbudsman(ctx, 'change whether ARN responses need approval');
  await ctx.store.db.transaction().execute(async (trx) => {
    await writeSetting(trx, FOUR_EYES_KEY, enabled);
    await appendAudit(trx, { at: now(ctx).toISOString(), userId: ctx.user.id, action: 'settings.arn_four_eyes', caseId: null, detail: { enabled } });
  });
  return { fourEyes: enabled };
}

async function load(db: Db, id: number): Promise<repo.ArnResponseRow> {
  const row = await repo.findResponse(db, id);
  if (!row) throw notFound(`ARN response ${id}`);
  return row;
}

/* ---------- Rendering and checks ---------- */

interface Source {
  view: CaseView;
  matter: Matter;
  language: Language;
  content: DocNode;
  panel: ResponsePanel;
  /** The response date: today in the market while drafting, the finalising day afterwards. */
  date: string;
  companyName: string;
}

export interface Rendered {
  /** Merge values, with previews of the facts and exhibits for the editor. */
  values: Record<string, string>;
  /** What is sent: facts and exhibits expanded, redactions removed. */
  doc: DocNode;
  text: string;
  redaction: { fields: string[]; eventIds: number[] };
}

const NONE: Record<Language, { facts: string; exhibits: string }> = {
  sv: { facts: 'Bolaget åberopar inga ytterligare omständigheter.', exhibits: 'Inga bilagor.' },
  da: { facts: 'Virksomheden påberåber sig ikke yderligere omstændigheder.', exhibits: 'Ingen bilag.' },
  en: { facts: 'The company relies on no further facts.', exhibits: 'No exhibits.' },
};

function eventDay(e: HistoryEvent, timeZone: string): string {
  return dayInZone(e.occurredAt, timeZone);
}

/** The paragraph holding only the merge field `field`, replaced by `blocks`. */
function replacePlaceholder(doc: DocNode, field: string, blocks: DocNode[]): DocNode {
  const only = (n: DocNode) => n.type === 'paragraph' && n.content?.length === 1 && n.content[0]!.type === MERGE_FIELD && n.content[0]!.attrs?.field === field;
  return { ...doc, content: (doc.content ?? []).flatMap((b) => (only(b) ? blocks : [b])) };
}

/**
 * Expands the facts (one dated paragraph citing each picked event, with the exhibit that shows it)
 * and the numbered exhibit list into the document, then removes everything redacted.
 */
export function renderResponse(src: Source): Rendered {
  const { view, matter, language: l, panel } = src;
  const tz = MARKET_INFO[view.header.market].timeZone;
  const events = new Map(view.events.map((e) => [e.id, e]));
  const numbered = numberedExhibits(panel);
  const exhibitFor = (eventId: number) => {
    const attachmentIds = new Set(events.get(eventId)?.attachments.map((a) => a.id) ?? []);
    return numbered.filter((n) => (n.exhibit.source === 'event' ? n.exhibit.id === eventId : attachmentIds.has(n.exhibit.id))).map((n) => n.number);
  };
  const facts = panel.facts.filter((f) => !f.redacted && events.has(f.eventId));
  const factBlocks: DocNode[] = facts.map((f) => {
    const shown = exhibitFor(f.eventId);
    const tail = shown.length > 0 ? ` (${EXHIBIT_WORD[l]} ${shown.join(', ')})` : '';
    return { type: 'paragraph', content: [{ type: CITATION, attrs: { eventId: f.eventId } }, ...(tail ? [{ type: 'text', text: tail }] : [])] };
  });
  const exhibitBlocks: DocNode[] = numbered.map((n) => ({ type: 'paragraph', content: [{ type: 'text', text: `${EXHIBIT_WORD[l]} ${n.number}: ${n.exhibit.title}` }] }));
  const caseFields = Object.fromEntries(caseMergeFields(view, l));
  const own = responseMergeValues({
    language: l,
    authorityName: matter.authorityName,
    reference: matter.reference,
    receivedDate: matter.receivedDate,
    responseDue: matter.responseDue,
    claimAmount: matter.claimAmount,
    questions: matter.questions,
    panel,
    date: src.date,
    companyName: src.companyName,
    signerName: null,
  });
  const values: Record<string, string> = {
    ...caseFields,
    ...own,
    'response.facts': facts.length === 0 ? NONE[l].facts : facts.map((f) => citationText(events.get(f.eventId)!, l, tz)).join(' · '),
    'response.exhibits': numbered.length === 0 ? NONE[l].exhibits : numbered.map((n) => `${EXHIBIT_WORD[l]} ${n.number}: ${n.exhibit.title}`).join(' · '),
  };
  let doc = replacePlaceholder(src.content, 'response.facts', factBlocks.length > 0 ? factBlocks : [{ type: 'paragraph', content: [{ type: 'text', text: NONE[l].facts }] }]);
  doc = replacePlaceholder(doc, 'response.exhibits', exhibitBlocks.length > 0 ? exhibitBlocks : [{ type: 'paragraph', content: [{ type: 'text', text: NONE[l].exhibits }] }]);
  const redaction = {
    fields: [...panel.redactedFields],
    eventIds: [...panel.facts.filter((f) => f.redacted).map((f) => f.eventId), ...panel.exhibits.filter((e) => e.redacted && e.source === 'event').map((e) => e.id)],
  };
  doc = stripRedactions(doc, redaction);
  const cited = new Map<number, CitedEvent>(view.events.map((e) => [e.id, { date: eventDay(e, tz), summary: e.summary }]));
  return { values, doc, text: renderPlainText(doc, { values, events: cited }), redaction };
}

/** Candidate full names in a text: runs of two or three capitalised words. */
function nameCandidates(text: string): string[] {
  const words = [...text.matchAll(/\p{Lu}[\p{Ll}'’-]+/gu)];
  const out = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    for (const len of [2, 3]) {
      const run = words.slice(i, i + len);
      if (run.length < len) continue;
      // Only words separated by a single space belong to one name.
      let ok = true;
      for (let k = 1; k < run.length; k++) if (text.slice(run[k - 1]!.index! + run[k - 1]![0].length, run[k]!.index!) !== ' ') ok = false;
      if (ok) out.add(run.map((w) => w[0]).join(' '));
    }
  }
  return [...out].slice(0, 2000);
}

/** Personal-number-like runs of digits, in the forms the store keeps (with the dash). */
function numberCandidates(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/(?<!\d)(\d{6}|\d{8})[-+ ]?(\d{4})(?!\d)/g)) {
    out.add(`${m[1]}-${m[2]}`);
    out.add(`${m[1]}${m[2]}`);
  }
  return [...out].slice(0, 500);
}

/** Every reason the response cannot be finalised yet, each named with where it is. */
export async function checkResponse(db: Db, src: Source, rendered: Rendered, day: string): Promise<ResponseIssue[]> {
  const { view, matter, panel, content, language: l } = src;
  const issues: ResponseIssue[] = [];
  const add = (code: ResponseIssue['code'], path: string, message: string) => issues.push({ code, path, message });
  const events = new Map(view.events.map((e) => [e.id, e]));
  const used = new Set(mergeFieldsOf(content));
  const text = rendered.text;

  if (text.replace(/\s/g, '').length < 40) add('empty_response', 'letter', 'The response has no text.');

  panel.points.forEach((p, i) => {
    const n = i + 1;
    if (p.position === null) add('position_missing', `points.${i}.position`, `Claim point ${n} has no position: admits, contests or partly admits.`);
    if (p.amount && p.amountReasonable === null) add('amount_not_assessed', `points.${i}.amountReasonable`, `Claim point ${n}: say whether the amount claimed is reasonable.`);
    if (!used.has(`point.${n}.position`)) add('point_not_in_text', `letter.mergeField.point.${n}.position`, `Claim point ${n} is not answered in the text (the field point.${n}.position is missing).`);
  });
  matter.questions.forEach((q, i) => {
    const n = i + 1;
    if (!(panel.answers[i] ?? '').trim()) add('question_unanswered', `answers.${i}`, `The authority's question ${n} ("${q.slice(0, 80)}") has no answer.`);
    else if (!used.has(`question.${n}.answer`)) add('question_unanswered', `letter.mergeField.question.${n}.answer`, `The answer to question ${n} is not in the text.`);
  });

  const attachmentsOfCase = new Map(view.events.flatMap((e) => e.attachments.map((a) => [a.id, e] as const)));
  const numbered = numberedExhibits(panel);
  for (const { number, exhibit, index } of numbered) {
    if (exhibit.source === 'attachment') {
      const owner = attachmentsOfCase.get(exhibit.id);
      if (!owner) add('exhibit_missing', `exhibits.${index}`, `${EXHIBIT_WORD[l]} ${number} (${exhibit.title}): attachment ${exhibit.id} is not a document of this case.`);
      else if (isInternal(owner)) add('internal_note', `exhibits.${index}`, `${EXHIBIT_WORD[l]} ${number} (${exhibit.title}) is attached to an internal note; redact it or choose another document.`);
    } else {
      const e = events.get(exhibit.id);
      if (!e) add('exhibit_missing', `exhibits.${index}`, `${EXHIBIT_WORD[l]} ${number} (${exhibit.title}): event ${exhibit.id} is not in this case's history.`);
      else if (isInternal(e)) add('internal_note', `exhibits.${index}`, `${EXHIBIT_WORD[l]} ${number} (${exhibit.title}) is an internal note; internal notes never go to ARN.`);
    }
  }
  const mentions = exhibitMentions(text);
  for (const k of new Set(mentions)) {
    if (k < 1 || k > numbered.length) add('exhibit_reference_unknown', 'letter', `The text refers to ${EXHIBIT_WORD[l]} ${k}, but the response has ${numbered.length} exhibit${numbered.length === 1 ? '' : 's'}.`);
  }
  const firstSeen = [...new Set(mentions)].filter((k) => k >= 1 && k <= numbered.length);
  if (firstSeen.some((k, i) => i > 0 && k < firstSeen[i - 1]!)) {
    add('exhibit_order', 'exhibits', `The exhibits are first referred to in the order ${firstSeen.join(', ')}; renumber them so that the text refers to them as 1, 2, 3 …`);
  }

  panel.facts.forEach((f, i) => {
    const e = events.get(f.eventId);
    if (!e) add('fact_unknown', `facts.${i}`, `Fact ${i + 1}: event ${f.eventId} is not in this case's history.`);
    else if (!f.redacted && isInternal(e)) add('internal_note', `facts.${i}`, `Fact ${i + 1} ("${e.summary}") is an internal note; internal notes never go to ARN.`);
  });
  for (const id of citationsOf(rendered.doc)) {
    const e = events.get(id);
    if (!e) add('fact_unknown', 'letter', `The text cites event ${id}, which is not in this case's history.`);
    else if (isInternal(e) && !panel.facts.some((f) => f.eventId === id)) add('internal_note', 'letter', `The text cites the internal note "${e.summary}"; internal notes never go to ARN.`);
  }
  for (const e of view.events) {
    const body = e.body.trim();
    if (isInternal(e) && body.length >= 20 && text.includes(body)) add('internal_note', 'letter', `The text quotes the internal note of ${eventDay(e, MARKET_INFO[view.header.market].timeZone)} ("${body.slice(0, 60)}…").`);
  }

  if (matter.responseDue && day > matter.responseDue && !panel.lateAcknowledged) {
    add('deadline_passed', 'lateAcknowledged', `The authority's deadline ${matter.responseDue} has passed; acknowledge that the response is late to finalise it.`);
  }

  const customerId = await repo.caseCustomerId(db, view.header.id);
  if (customerId !== undefined) {
    const names = nameCandidates(text);
    const numbers = numberCandidates(text);
    const lowered = new Set(names.map((n) => n.toLowerCase()));
    for (const other of await repo.otherCustomersMatching(db, customerId, names, numbers)) {
      // People are compared by identity, never by name alone: a name the case's own customer shares
      // with another customer refers to the case's own customer.
      const ownName = other.name.toLowerCase() === view.header.customer.name.toLowerCase();
      if (lowered.has(other.name.toLowerCase()) && !ownName) add('other_customer', 'letter', `The text names ${other.name}, a customer of another case; redact the name.`);
      if (numbers.includes(other.personal_number)) add('other_customer', 'letter', `The text holds the personal number of another customer (${other.personal_number.slice(0, -4)}****); redact it.`);
    }
  }

  for (const secret of redactedTexts(content)) {
    if (secret.length >= 3 && text.includes(secret)) add('redaction_leak', 'letter', `The redacted text "${secret.slice(0, 40)}" still appears elsewhere in the response.`);
  }
  for (const field of rendered.redaction.fields) {
    const value = rendered.values[field];
    if (value && value.length >= 4 && text.includes(value)) add('redaction_leak', `redactedFields`, `The redacted field ${field} ("${value.slice(0, 40)}") still appears in the text.`);
  }
  // A position, an amount assessment or an answer still missing is named by its own check above.
  const ownCheck = /^(point\.\d+\.(position|amountAssessment)|question\.\d+\.answer)$/;
  for (const field of mergeFieldsOf(rendered.doc)) {
    if (rendered.values[field] === undefined && !ownCheck.test(field)) add('merge_field_unresolved', `letter.mergeField.${field}`, `The merge field ${field} has no value for this case.`);
  }
  return issues;
}

/* ---------- Views ---------- */

async function sourceOf(ctx: ServiceContext, db: Db, row: repo.ArnResponseRow, content?: DocNode, panel?: ResponsePanel): Promise<Source> {
  // Inside a transaction every read must go through it: the store has one connection.
  const bound: ServiceContext = { ...ctx, store: { ...ctx.store, db } };
  const view = await readCaseView(db, ctx, row.case_id);
  const matter = await getMatter(bound, row.matter_id);
  const market = view.header.market;
  const date = row.finalised_at ? dayInZone(row.finalised_at, MARKET_INFO[market].timeZone) : today(ctx, MARKET_INFO[market].timeZone);
  return {
    view,
    matter,
    language: row.language as Language,
    content: content ?? (JSON.parse(row.content) as DocNode),
    panel: panel ?? responsePanelSchema.parse(JSON.parse(row.panel)),
    date,
    companyName: (await loadLetterheads(bound))[market].companyName,
  };
}

async function analyse(ctx: ServiceContext, db: Db, row: repo.ArnResponseRow, content?: DocNode, panel?: ResponsePanel) {
  const src = await sourceOf(ctx, db, row, content, panel);
  const rendered = renderResponse(src);
  const issues = await checkResponse(db, src, rendered, today(ctx, MARKET_INFO[src.view.header.market].timeZone));
  return { src, rendered, issues };
}

async function toView(ctx: ServiceContext, db: Db, row: repo.ArnResponseRow): Promise<ArnResponseView> {
  const { src, rendered, issues } = await analyse(ctx, db, row);
  const reviews = await repo.listReviews(db, row.id);
  const names = await userNames(db, [row.saved_by, ...(row.finalised_by ? [row.finalised_by] : [])]);
  const person = (id: number) => ({ id, name: names.get(id) ?? `#${id}` });
  return {
    id: row.id,
    matterId: row.matter_id,
    caseId: row.case_id,
    status: row.status,
    language: row.language as Language,
    version: row.version,
    content: src.content,
    panel: src.panel,
    savedAt: row.saved_at,
    savedBy: person(row.saved_by),
    mergeValues: rendered.values,
    issues: row.status === 'finalised' ? [] : issues,
    renderedText: row.rendered_text ?? rendered.text,
    review: reviews.map((r) => ({ action: r.action, by: { id: r.user_id, name: r.display_name }, at: r.at, comment: r.comment })),
    fourEyes: await fourEyesRequired(ctx),
    finalised: row.status === 'finalised' && row.finalised_by && row.finalised_at && row.sha256 ? { by: person(row.finalised_by), at: row.finalised_at, sha256: row.sha256 } : null,
    responseDue: src.matter.responseDue,
  };
}

export async function getResponse(ctx: ServiceContext, id: number): Promise<ArnResponseView> {
  return toView(ctx, ctx.store.db, await load(ctx.store.db, id));
}

/** A matter's response, if one was started. */
export async function responseForMatter(ctx: ServiceContext, matterId: number): Promise<{ response: ArnResponseView | null }> {
  await getMatter(ctx, matterId);
  const row = await repo.findResponseByMatter(ctx.store.db, matterId);
  return { response: row ? await toView(ctx, ctx.store.db, row) : null };
}

/* ---------- Drafting ---------- */

const SUMMARY: Record<string, string> = {
  created: 'ARN response draft started',
  submitted: 'ARN response submitted for approval',
  returned: 'ARN response returned with comments',
  approved: 'ARN response approved',
  finalised: 'ARN response finalised',
};

/** How the review workflow reads and tells an ARN response's steps (`review.service.ts`). */
export const ARN_RESPONSE_REVIEW: ReviewTarget<repo.ArnResponseRow> = {
  subject: 'arn_response',
  noun: 'ARN response',
  load: (db, id) => repo.findResponse(db, id),
  setStatus: (db, id, status) => repo.setStatus(db, id, status as repo.ArnResponseRow['status']),
  insertReview: (db, r) => repo.insertReview(db, { response_id: r.id, action: r.action as 'created', user_id: r.user_id, at: r.at, comment: r.comment }),
  event: (row, action, extra) => ({
    kind: 'authority_correspondence',
    direction: 'internal',
    summary: SUMMARY[action] ?? action,
    data: { matterId: row.matter_id, responseId: row.id, action: `response_${action}`, ...extra },
  }),
  auditPrefix: 'arn_response',
  auditDetail: (row) => ({ responseId: row.id, matterId: row.matter_id, version: row.version }),
  wrongStatus: (row, action) =>
    refusal(({ submitted: 'response.notSubmittable', returned: 'response.notReturnable', approved: 'response.notApprovable' } as const)[action], { responseStatus: row.status }),
};

async function step(trx: Db, ctx: ServiceContext, row: repo.ArnResponseRow, action: 'created' | 'finalised', comment: string, extra: Record<string, unknown> = {}) {
  await recordReviewStep(trx, ctx, ARN_RESPONSE_REVIEW, row, action, comment, extra);
}

/**
 * Starts the response to a matter from the template in `language`: one block per point of the
 * authority's claim and per question, an empty panel entry for each.
 */
export async function createResponse(ctx: ServiceContext, input: { matterId: number; language: Language }): Promise<ArnResponseView> {
  requireWriter(ctx, 'draft them');
  const matter = await getMatter(ctx, input.matterId);
  const at = now(ctx).toISOString();
  const id = await ctx.store.db.transaction().execute(async (trx) => {
    if (await repo.findResponseByMatter(trx, input.matterId)) throw new ServiceError(refusal('response.exists', { authority: matter.authority, reference: matter.reference }), `${matter.authority} ${matter.reference} already has a response; open it instead.`);
    const panel: ResponsePanel = {
      points: [{ text: matter.claimText, amount: matter.claimAmount, position: null, amountReasonable: null }],
      answers: matter.questions.map(() => ''),
      facts: [],
      exhibits: [],
      redactedFields: [],
      lateAcknowledged: false,
      settlementOffer: '',
    };
    const content = expandRepeatedBlocks(expandRepeatedBlocks(TEMPLATES[input.language].content, 'point', panel.points.length), 'question', matter.questions.length);
    const newId = await repo.insertResponse(trx, {
      matter_id: input.matterId,
      case_id: matter.caseId,
      status: 'draft',
      language: input.language,
      version: 1,
      content: JSON.stringify(content),
      panel: JSON.stringify(panel),
      created_by: ctx.user.id,
      created_at: at,
      saved_by: ctx.user.id,
      saved_at: at,
    });
    await step(trx, ctx, (await repo.findResponse(trx, newId))!, 'created', '', { language: input.language });
    return newId;
  });
  publishChange(ctx.store, { kind: 'arn_response', caseId: matter.caseId, by: ctx.user.id });
  return getResponse(ctx, id);
}

function editable(row: repo.ArnResponseRow): void {
  if (row.status === 'finalised') throw new ServiceError(refusal('response.finalisedFrozen'), `ARN response ${row.id} is finalised and can never change.`);
  if (row.status === 'submitted' || row.status === 'approved') {
    throw new ServiceError(refusal('response.lockedForReview', { responseStatus: row.status }), `ARN response ${row.id} is ${row.status} and locked for review; the ombudsman must return it before it can be edited.`);
  }
}

/**
 * A lost race on a response: someone saved a newer version. `details` holds both versions, each
 * with its rendered text (the same shape as a decision's conflict), so the workspace shows both and
 * lets the writer keep theirs or take the other.
 */
async function conflictError(ctx: ServiceContext, trx: Db, row: repo.ArnResponseRow, mine: { content: DocNode; panel: ResponsePanel }): Promise<ServiceError> {
  const names = await userNames(trx, [row.saved_by]);
  const savedBy = { id: row.saved_by, name: names.get(row.saved_by) ?? `#${row.saved_by}` };
  const theirs = await analyse(ctx, trx, row);
  const yours = await analyse(ctx, trx, row, mine.content, mine.panel);
  return new ServiceError(
    refusal('response.editConflict', { version: row.version, at: row.saved_at }),
    `${savedBy.name} saved version ${row.version} of this response at ${row.saved_at} while you were editing an older version. Both texts are kept: choose one, or copy what you need from yours into theirs.`,
    {
      theirs: { version: row.version, savedAt: row.saved_at, savedBy, content: theirs.src.content, panel: theirs.src.panel, text: theirs.rendered.text },
      mine: { content: mine.content, panel: mine.panel, text: yours.rendered.text },
    },
  );
}

/** Autosave: a new version if nobody saved since `baseVersion`; the points and questions keep their count. */
export async function saveResponse(ctx: ServiceContext, input: { id: number; baseVersion: number; content: DocNode; panel: ResponsePanel }) {
  requireWriter(ctx, 'edit them');
  const at = now(ctx).toISOString();
  const row = await ctx.store.db.transaction().execute(async (trx) => {
    const current = await load(trx, input.id);
    editable(current);
    const stored = responsePanelSchema.parse(JSON.parse(current.panel));
    if (input.panel.points.length !== stored.points.length) {
      throw new ServiceError(refusal('response.pointCount', { expected: stored.points.length, got: input.panel.points.length }), `arnResponses:save: panel.points: the authority's claim has ${stored.points.length} point(s), not ${input.panel.points.length}`);
    }
    if (input.panel.answers.length !== stored.answers.length) {
      throw new ServiceError(refusal('response.answerCount', { expected: stored.answers.length, got: input.panel.answers.length }), `arnResponses:save: panel.answers: the authority asked ${stored.answers.length} question(s), not ${input.panel.answers.length}`);
    }
    const values = { content: JSON.stringify(input.content), panel: JSON.stringify(input.panel), saved_by: ctx.user.id, saved_at: at, version: current.version + 1 };
    if (current.version !== input.baseVersion || !(await repo.saveIfVersion(trx, current.id, input.baseVersion, values))) {
      throw await conflictError(ctx, trx, (await load(trx, input.id)), { content: input.content, panel: input.panel });
    }
    return { ...current, ...values };
  });
  publishChange(ctx.store, { kind: 'arn_response', caseId: row.case_id, by: ctx.user.id });
  const { rendered, issues } = await analyse(ctx, ctx.store.db, row);
  return { id: row.id, version: row.version, savedAt: at, mergeValues: rendered.values, issues, renderedText: rendered.text };
}

/* ---------- Four eyes and finalising ---------- */

function refuse(issues: readonly ResponseIssue[], what: string): void {
  if (issues.length === 0) return;
  throw new ServiceError(refusal('response.notValid', { step: what }), `The response cannot be ${what} yet: ${issues.map((i) => i.message).join(' ')}`, { issues });
}

export async function submitResponse(ctx: ServiceContext, input: { id: number; baseVersion: number }): Promise<ArnResponseView> {
  requireWriter(ctx, 'submit them');
  await takeReviewStep(ctx, ARN_RESPONSE_REVIEW, input.id, 'submitted', {
    comment: '',
    fourEyes: await fourEyesRequired(ctx),
    check: async (row, trx) => {
      if (row.version !== input.baseVersion) throw await conflictError(ctx, trx, row, { content: JSON.parse(row.content) as DocNode, panel: responsePanelSchema.parse(JSON.parse(row.panel)) });
      refuse((await analyse(ctx, trx, row)).issues, 'submitted');
    },
  });
  return getResponse(ctx, input.id);
}

export async function returnResponse(ctx: ServiceContext, input: { id: number; comment: string }): Promise<ArnResponseView> {
  await takeReviewStep(ctx, ARN_RESPONSE_REVIEW, input.id, 'returned', { comment: input.comment });
  return getResponse(ctx, input.id);
}

export async function approveResponse(ctx: ServiceContext, input: { id: number; comment: string }): Promise<ArnResponseView> {
  await takeReviewStep(ctx, ARN_RESPONSE_REVIEW, input.id, 'approved', {
    comment: input.comment,
    check: async (row, trx) => refuse((await analyse(ctx, trx, row)).issues, 'approved'),
  });
  return getResponse(ctx, input.id);
}

/**
 * Freezes the response: content, rendered text, SHA-256, who and when. With four eyes on it must be
 * approved first; without, a valid draft is finalised directly. The checks run once more today.
 */
export async function finaliseResponse(ctx: ServiceContext, input: { id: number; baseVersion: number }): Promise<ArnResponseView> {
  requireWriter(ctx, 'finalise them');
  const fourEyes = await fourEyesRequired(ctx);
  const caseId = await ctx.store.db.transaction().execute(async (trx) => {
    const row = await load(trx, input.id);
    if (row.status === 'finalised') throw new ServiceError(refusal('response.alreadyFinalised'), `ARN response ${row.id} is already finalised.`);
    if (fourEyes && row.status !== 'approved') throw new ServiceError(refusal('response.needsApproval', { responseStatus: row.status }), `ARN response ${row.id} is ${row.status}; a second person must approve it before it is finalised (four eyes).`);
    if (!fourEyes && !['draft', 'returned', 'approved'].includes(row.status)) throw new ServiceError(refusal('response.notFinalisable', { responseStatus: row.status }), `ARN response ${row.id} is ${row.status} and cannot be finalised now.`);
    if (row.version !== input.baseVersion) throw await conflictError(ctx, trx, row, { content: JSON.parse(row.content) as DocNode, panel: responsePanelSchema.parse(JSON.parse(row.panel)) });
    const { rendered, issues } = await analyse(ctx, trx, row);
    refuse(issues, 'finalised');
    const sha256 = createHash('sha256').update(JSON.stringify({ content: JSON.parse(row.content) as unknown, panel: JSON.parse(row.panel) as unknown, text: rendered.text })).digest('hex');
    await repo.freezeResponse(trx, row.id, { finalised_by: ctx.user.id, finalised_at: now(ctx).toISOString(), rendered_text: rendered.text, sha256 });
    await step(trx, ctx, row, 'finalised', '', { sha256 });
    return row.case_id;
  });
  publishChange(ctx.store, { kind: 'arn_response', caseId, by: ctx.user.id });
  return getResponse(ctx, input.id);
}

/** What the export needs from a response: the document to print, its merge values and who signs. */
export async function responseForExport(ctx: ServiceContext, id: number) {
  const row = await load(ctx.store.db, id);
  const { src, rendered } = await analyse(ctx, ctx.store.db, row);
  return { row, src, rendered };
}
