import { createHash } from 'node:crypto';
import { diffWordsWithSpace } from 'diff';
import type { CaseStatus } from '../../shared/domain/case';
import {
  panelSchema,
  mergeValues,
  validateDecision,
  type DecisionStatus,
  type DecisionView,
  type Panel,
  type ReviewStep,
  type ValidationIssue,
} from '../../shared/domain/decision';
import { citationReference, isCitable } from '../../shared/domain/citation';
import { arnDeadline, firstComplaintDay } from '../../shared/domain/legal';
import { MARKET_INFO, type Language, type Market } from '../../shared/domain/market';
import type { DocNode } from '../../shared/editor/document';
import { renderPlainText, type CitedEvent } from '../../shared/editor/text';
import { citationsOf, expandClaimBlocks, mergeFieldSequence, mergeFieldsOf } from '../../shared/editor/walk';
import type { Db } from '../db/connection';
import * as cases from '../db/repositories/case.repository';
import * as repo from '../db/repositories/decision.repository';
import { appendEvent } from '../db/repositories/history.repository';
import { firstUserWithRole } from '../db/repositories/user.repository';
import { appendAudit } from './audit.service';
import { publishChange } from './changes';
import { marketDay } from './calendar/business-days';
import { refreshDerived } from './case-work.service';
import { readCaseView, type CaseView } from './case.service';
import { now, today, type ServiceContext } from './context';
import { templateFor } from './decision-templates';
import { notFound, ServiceError } from './errors';
import { refusal } from '../../shared/domain/refusals';
import { takeReviewStep, type ReviewTarget } from './review.service';

/**
 * The final decision: drafted by a handler, reviewed by a second pair of eyes, signed and issued by
 * the ombudsman. Roles are checked here. Every save is a new version guarded by an optimistic
 * version check; issuing freezes the text, its hash, the signer and the time, and the store's
 * trigger keeps an issued row unchanged whatever calls it.
 */

type DecisionRow = NonNullable<Awaited<ReturnType<typeof repo.findDecision>>>;

function requireWriter(ctx: ServiceContext, what: string): void {
  if (ctx.user.role === 'auditor') throw new ServiceError(refusal('role.auditorReadOnly'), `An auditor may read decisions but not ${what}.`);
}

function requireOmbudsman(ctx: ServiceContext, what: string): void {
  if (ctx.user.role !== 'ombudsman') throw new ServiceError(refusal('role.ombudsmanOnly'), `Only the ombudsman may ${what}.`);
}

async function loadDecision(db: Db, id: number): Promise<DecisionRow> {
  const row = await repo.findDecision(db, id);
  if (!row) throw notFound(`Decision ${id}`);
  return row;
}

function marketDate(ctx: ServiceContext, market: Market): string {
  return today(ctx, MARKET_INFO[market].timeZone);
}

/** The signer shown while drafting: the office's ombudsman; at issue, the one who signs. */
async function previewSigner(db: Db): Promise<string | null> {
  return (await firstUserWithRole(db, 'ombudsman'))?.display_name ?? null;
}

interface Rendered {
  values: Record<string, string>;
  text: string;
  issues: ValidationIssue[];
  /** The last day to file with ARN (SE: one year from the first complaint), else null. */
  arnDeadline: string | null;
}

/** Resolves merge fields and citations against the case, renders the text and validates it. */
function render(view: CaseView, language: Language, content: DocNode, panel: Panel, decisionDate: string, signerName: string | null): Rendered {
  const market = view.header.market;
  // marketDay keeps one DateTimeFormat per market: building one per event cost a quarter of a
  // millisecond each, most of a draft save on a case with a long history.
  const dayOf = (instant: string) => marketDay(instant, market);
  const firstComplaintDate = firstComplaintDay(view.header.receivedDate, view.events, dayOf);
  const values = mergeValues({ header: view.header, language, panel, decisionDate, signerName, firstComplaintDate });
  const cited = new Set(citationsOf(content));
  const events = new Map<number, CitedEvent>(
    view.events.map((e) => {
      const date = dayOf(e.occurredAt);
      // Only cited events need their reference worded (a long history has thousands of events).
      const text = cited.has(e.id) ? citationReference({ kind: e.kind, day: date, summary: e.summary, who: typeof e.data.agent === 'string' ? e.data.agent : null }, language) : undefined;
      return [e.id, { date, summary: e.summary, ...(text ? { text } : {}) }];
    }),
  );
  const uncitable = new Map(view.events.filter((e) => cited.has(e.id) && !isCitable(e)).map((e) => [e.id, e.summary]));
  const text = renderPlainText(content, { values, events });
  const issues = validateDecision({
    header: view.header,
    language,
    panel,
    usedFields: mergeFieldsOf(content),
    usedFieldsInOrder: mergeFieldSequence(content),
    values,
    citedEventIds: citationsOf(content),
    caseEventIds: new Set(events.keys()),
    uncitable,
    text,
  });
  return { values, text, issues, arnDeadline: arnDeadline(market, firstComplaintDate) };
}

async function toView(db: Db, ctx: ServiceContext, row: DecisionRow, caseView?: CaseView): Promise<DecisionView> {
  const view = caseView ?? (await readCaseView(db, ctx, row.case_id));
  const content = JSON.parse(row.content) as DocNode;
  const panel = panelSchema.parse(JSON.parse(row.panel));
  const reviews = await repo.listReviews(db, row.id);
  const names = await repo.userNames(db, [row.created_by, row.saved_by, ...(row.issued_by ? [row.issued_by] : [])]);
  const person = (id: number) => ({ id, name: names.get(id) ?? `#${id}` });
  const issuedDate = row.issued_at ? marketDay(row.issued_at, row.market as Market) : null;
  const signer = row.issued_by ? (names.get(row.issued_by) ?? null) : await previewSigner(db);
  const rendered = render(view, row.language as Language, content, panel, issuedDate ?? marketDate(ctx, row.market as Market), signer);
  return {
    id: row.id,
    caseId: row.case_id,
    status: row.status,
    market: row.market as Market,
    language: row.language as Language,
    templateId: row.template_id,
    version: row.version,
    content,
    panel,
    savedAt: row.saved_at,
    savedBy: person(row.saved_by),
    createdBy: person(row.created_by),
    correctsDecisionId: row.corrects_decision_id,
    renderedText: row.rendered_text ?? rendered.text,
    mergeValues: rendered.values,
    issues: row.status === 'issued' ? [] : rendered.issues,
    review: reviews.map((r) => ({ action: r.action, by: { id: r.user_id, name: r.display_name }, at: r.at, comment: r.comment })),
    issued:
      row.status === 'issued' && row.issued_by && row.issued_at && row.sha256
        ? { by: person(row.issued_by), at: row.issued_at, sha256: row.sha256, arnWindowEndsOn: row.arn_window_ends_on }
        : null,
  };
}

/** Appends a history event for a decision step, with who and when. */
async function recordEvent(
  trx: Db,
  ctx: ServiceContext,
  caseId: number,
  at: string,
  kind: 'decision_review' | 'decision_issued' | 'status_change',
  summary: string,
  body: string,
  data: Record<string, unknown>,
): Promise<number> {
  return appendEvent(trx, {
    case_id: caseId,
    occurred_at: at,
    kind,
    source: 'internal',
    direction: kind === 'decision_issued' ? 'outbound' : 'internal',
    actor: ctx.user.name,
    actor_user_id: ctx.user.id,
    summary,
    body,
    data: JSON.stringify(data),
  });
}

/** Moves the case as a consequence of a decision step; `cause` names the step (worded on screen, never stored as prose). */
async function moveCase(trx: Db, ctx: ServiceContext, caseId: number, from: CaseStatus, to: CaseStatus, at: string, reason: 'decision_submitted' | 'decision_issued'): Promise<void> {
  if (from === to) return;
  await recordEvent(trx, ctx, caseId, at, 'status_change', `${from} → ${to}`, '', { fromStatus: from, toStatus: to, cause: reason });
  await cases.updateCase(trx, caseId, { status: to, updated_at: at });
}

/** Whether an actor label such as "Kundservice (Maja Lind)" names the person, as whole words. */
export function namesPerson(actor: string, name: string): boolean {
  const n = name.trim();
  if (!n) return false;
  const escaped = n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\p{L}])${escaped}($|[^\\p{L}])`, 'iu').test(actor);
}

/* ---------- Reading ---------- */

export async function getDecision(ctx: ServiceContext, id: number): Promise<DecisionView> {
  const row = await loadDecision(ctx.store.db, id);
  return toView(ctx.store.db, ctx, row);
}

/** The decisions of a case, oldest first, and the one being worked on (or the last issued). */
export async function decisionsForCase(ctx: ServiceContext, caseId: number) {
  const db = ctx.store.db;
  if (!(await cases.findCaseById(db, caseId))) throw notFound(`Case ${caseId}`);
  const rows = await repo.listCaseDecisions(db, caseId);
  const current = rows.find((r) => r.status !== 'issued') ?? rows.at(-1) ?? null;
  return {
    decisions: rows.map((r) => ({ id: r.id, status: r.status, version: r.version, savedAt: r.saved_at, issuedAt: r.issued_at, correctsDecisionId: r.corrects_decision_id })),
    current: current ? await toView(db, ctx, current) : null,
  };
}

/* ---------- Drafting ---------- */

/**
 * Starts a decision from the template for the case's market and the chosen language, its claim
 * blocks repeated once per claim and an empty panel entry per claim. A correction starts from the
 * issued decision it corrects and is linked to it.
 */
export async function createDecision(ctx: ServiceContext, input: { caseId: number; language: Language; correctsDecisionId?: number | undefined }): Promise<DecisionView> {
  requireWriter(ctx, 'draft them');
  const at = now(ctx).toISOString();
  const id = await ctx.store.db.transaction().execute(async (trx) => {
    const view = await readCaseView(trx, ctx, input.caseId);
    if (await repo.findOpenDecision(trx, input.caseId)) throw new ServiceError(refusal('decision.draftExists', { caseNumber: view.header.number }), `Case ${view.header.number} already has a decision being drafted; open it instead.`);
    if (view.header.status === 'closed') throw new ServiceError(refusal('decision.caseClosed', { caseNumber: view.header.number }), `Case ${view.header.number} is closed; reopen it before drafting a decision.`);
    let content: DocNode;
    let panel: Panel;
    let templateId: number | null = null;
    if (input.correctsDecisionId !== undefined) {
      const old = await repo.findDecision(trx, input.correctsDecisionId);
      if (!old || old.case_id !== input.caseId) throw new ServiceError(refusal('decision.correctsOther', { decisionId: input.correctsDecisionId }), `decisions:create: correctsDecisionId: decision ${input.correctsDecisionId} is not a decision of this case`);
      if (old.status !== 'issued') throw new ServiceError(refusal('decision.correctNotIssued', { decisionId: old.id }), `Decision ${old.id} is not issued; edit it instead of correcting it.`);
      content = JSON.parse(old.content) as DocNode;
      panel = panelSchema.parse(JSON.parse(old.panel));
    } else {
      if ((await repo.listCaseDecisions(trx, input.caseId)).some((d) => d.status === 'issued')) {
        throw new ServiceError(refusal('decision.correctInstead', { caseNumber: view.header.number }), `Case ${view.header.number} already has an issued decision; a change must be a correction linked to it.`);
      }
      const template = await templateFor(trx, view.header.market, input.language);
      if (!template) throw new ServiceError(refusal('decision.noTemplate', { market: view.header.market, language: input.language }), `decisions:create: language: there is no ${input.language} template for ${view.header.market} cases`);
      templateId = template.id;
      content = expandClaimBlocks(template.content, view.header.claims.length);
      panel = { claims: view.header.claims.map((c) => ({ claimId: c.id, outcome: null, remedies: [], reasoning: '' })) };
    }
    const decisionId = await repo.insertDecision(trx, {
      case_id: input.caseId,
      status: 'draft',
      market: view.header.market,
      language: input.language,
      template_id: templateId,
      version: 1,
      content: JSON.stringify(content),
      panel: JSON.stringify(panel),
      created_by: ctx.user.id,
      created_at: at,
      saved_by: ctx.user.id,
      saved_at: at,
      corrects_decision_id: input.correctsDecisionId ?? null,
    });
    await repo.insertVersion(trx, { decision_id: decisionId, version: 1, content: JSON.stringify(content), panel: JSON.stringify(panel), saved_by: ctx.user.id, saved_at: at, reason: 'created' });
    await repo.insertReview(trx, { decision_id: decisionId, action: 'created', user_id: ctx.user.id, at, comment: '' });
    const summary = input.correctsDecisionId !== undefined ? `Correction of decision #${input.correctsDecisionId} started` : 'Decision draft started';
    await recordEvent(trx, ctx, input.caseId, at, 'decision_review', summary, '', { decisionId, action: 'created', correctsDecisionId: input.correctsDecisionId ?? null });
    await appendAudit(trx, { at, userId: ctx.user.id, action: 'decision.create', caseId: input.caseId, detail: { decisionId, language: input.language, correctsDecisionId: input.correctsDecisionId ?? null } });
    return decisionId;
  });
  publishChange(ctx.store, { kind: 'decision', caseId: input.caseId, by: ctx.user.id });
  return getDecision(ctx, id);
}

function editable(row: DecisionRow): void {
  if (row.status === 'issued') throw new ServiceError(refusal('decision.issuedFrozen', { decisionId: row.id }), `Decision ${row.id} is issued and can never change; start a correction instead.`);
  if (row.status === 'submitted' || row.status === 'approved') {
    throw new ServiceError(refusal('decision.lockedForReview', { decisionId: row.id, decisionStatus: row.status }), `Decision ${row.id} is ${row.status} and locked for review; the ombudsman must return it before it can be edited.`);
  }
}

async function conflictError(trx: Db, ctx: ServiceContext, row: DecisionRow, mine: { content: DocNode; panel: Panel }): Promise<ServiceError> {
  const view = await readCaseView(trx, ctx, row.case_id);
  const signer = await previewSigner(trx);
  const day = marketDate(ctx, row.market as Market);
  const theirsContent = JSON.parse(row.content) as DocNode;
  const theirsPanel = panelSchema.parse(JSON.parse(row.panel));
  const names = await repo.userNames(trx, [row.saved_by]);
  const savedBy = { id: row.saved_by, name: names.get(row.saved_by) ?? `#${row.saved_by}` };
  return new ServiceError(
    refusal('decision.editConflict', { name: savedBy.name, version: row.version, at: row.saved_at }),
    `${savedBy.name} saved version ${row.version} of this decision at ${row.saved_at} while you were editing an older version. Both texts are kept: choose one, or copy what you need from yours into theirs.`,
    {
      theirs: { version: row.version, savedAt: row.saved_at, savedBy, content: theirsContent, panel: theirsPanel, text: render(view, row.language as Language, theirsContent, theirsPanel, day, signer).text },
      mine: { content: mine.content, panel: mine.panel, text: render(view, row.language as Language, mine.content, mine.panel, day, signer).text },
    },
  );
}

/**
 * Autosave: writes the draft as a new version if nobody saved since `baseVersion`. A stale base
 * is refused with a `conflict` error carrying both texts, so nothing is overwritten silently.
 */
export async function saveDraft(ctx: ServiceContext, input: { id: number; baseVersion: number; content: DocNode; panel: Panel }) {
  requireWriter(ctx, 'edit them');
  const at = now(ctx).toISOString();
  const saved = await ctx.store.db.transaction().execute(async (trx) => {
    const row = await loadDecision(trx, input.id);
    editable(row);
    if (row.version !== input.baseVersion) throw await conflictError(trx, ctx, row, input);
    const version = row.version + 1;
    const content = JSON.stringify(input.content);
    const panel = JSON.stringify(input.panel);
    if (!(await repo.saveDraftIfVersion(trx, row.id, input.baseVersion, { content, panel, saved_by: ctx.user.id, saved_at: at, version }))) {
      throw await conflictError(trx, ctx, (await loadDecision(trx, input.id)), input);
    }
    await repo.insertVersion(trx, { decision_id: row.id, version, content, panel, saved_by: ctx.user.id, saved_at: at, reason: 'autosave' });
    return { row: { ...row, content, panel, version, saved_at: at, saved_by: ctx.user.id }, version };
  });
  publishChange(ctx.store, { kind: 'decision', caseId: saved.row.case_id, by: ctx.user.id });
  const view = await readCaseView(ctx.store.db, ctx, saved.row.case_id);
  const rendered = render(view, saved.row.language as Language, input.content, input.panel, marketDate(ctx, saved.row.market as Market), await previewSigner(ctx.store.db));
  return { id: input.id, version: saved.version, savedAt: at, mergeValues: rendered.values, issues: rendered.issues, renderedText: rendered.text };
}

export async function listDecisionVersions(ctx: ServiceContext, id: number) {
  const db = ctx.store.db;
  await loadDecision(db, id);
  const rows = await repo.listVersions(db, id);
  return rows.map((r) => ({
    version: r.version,
    savedAt: r.saved_at,
    savedBy: { id: r.saved_by, name: r.saved_by_name },
    reason: r.reason,
    excerpt: excerptOf(r.content_head),
  }));
}

/** The first words of the letter from the head of its JSON (which may be cut mid-way). */
function excerptOf(head: string): string {
  const words: string[] = [];
  for (const m of head.matchAll(/"text":"((?:[^"\\]|\\.)*)"/g)) {
    words.push(m[1]!.replace(/\\(.)/g, '$1'));
    if (words.join(' ').length > 120) break;
  }
  return words.join(' ').slice(0, 120);
}

async function versionText(db: Db, ctx: ServiceContext, row: DecisionRow, version: number, view: CaseView, signer: string | null) {
  const v = await repo.findVersion(db, row.id, version);
  if (!v) throw notFound(`Version ${version} of decision ${row.id}`);
  return render(view, row.language as Language, JSON.parse(v.content) as DocNode, panelSchema.parse(JSON.parse(v.panel)), marketDate(ctx, row.market as Market), signer).text;
}

/** Two versions side by side as text, with the words added and removed between them. */
export async function compareVersions(ctx: ServiceContext, input: { id: number; from: number; to: number }) {
  const db = ctx.store.db;
  const row = await loadDecision(db, input.id);
  const view = await readCaseView(db, ctx, row.case_id);
  const signer = await previewSigner(db);
  const fromText = await versionText(db, ctx, row, input.from, view, signer);
  const toText = await versionText(db, ctx, row, input.to, view, signer);
  const changes = diffWordsWithSpace(fromText, toText).map((c) => ({ op: c.added ? ('insert' as const) : c.removed ? ('delete' as const) : ('equal' as const), text: c.value }));
  return { from: { version: input.from, text: fromText }, to: { version: input.to, text: toText }, changes };
}

/** Restoring writes the old version's content as a new version; nothing in between is lost. */
export async function restoreVersion(ctx: ServiceContext, input: { id: number; version: number; baseVersion: number }): Promise<DecisionView> {
  requireWriter(ctx, 'restore versions');
  const at = now(ctx).toISOString();
  const caseId = await ctx.store.db.transaction().execute(async (trx) => {
    const row = await loadDecision(trx, input.id);
    editable(row);
    const old = await repo.findVersion(trx, row.id, input.version);
    if (!old) throw notFound(`Version ${input.version} of decision ${row.id}`);
    if (row.version !== input.baseVersion) {
      throw await conflictError(trx, ctx, row, { content: JSON.parse(old.content) as DocNode, panel: panelSchema.parse(JSON.parse(old.panel)) });
    }
    const version = row.version + 1;
    await repo.saveDraftIfVersion(trx, row.id, input.baseVersion, { content: old.content, panel: old.panel, saved_by: ctx.user.id, saved_at: at, version });
    await repo.insertVersion(trx, { decision_id: row.id, version, content: old.content, panel: old.panel, saved_by: ctx.user.id, saved_at: at, reason: 'restore' });
    await repo.insertReview(trx, { decision_id: row.id, action: 'restored', user_id: ctx.user.id, at, comment: `Version ${input.version}` });
    await appendAudit(trx, { at, userId: ctx.user.id, action: 'decision.restore', caseId: row.case_id, detail: { decisionId: row.id, restored: input.version, version } });
    return row.case_id;
  });
  publishChange(ctx.store, { kind: 'decision', caseId, by: ctx.user.id });
  return getDecision(ctx, input.id);
}

/* ---------- Four eyes ---------- */

function refuseInvalid(issues: readonly ValidationIssue[], what: string): void {
  if (issues.length === 0) return;
  throw new ServiceError(refusal('decision.notValid', { step: what }), `The decision cannot be ${what} yet: ${issues.map((i) => i.message).join(' ')}`, { issues });
}

/** How the review workflow reads and tells a decision's steps (`review.service.ts`). */
export const DECISION_REVIEW: ReviewTarget<DecisionRow> = {
  subject: 'decision',
  noun: 'Decision',
  load: (db, id) => repo.findDecision(db, id),
  setStatus: (db, id, status) => repo.setDecisionStatus(db, id, status as DecisionStatus),
  insertReview: (db, r) => repo.insertReview(db, { decision_id: r.id, action: r.action as ReviewStep['action'], user_id: r.user_id, at: r.at, comment: r.comment }),
  event: (row, action) => ({
    kind: 'decision_review',
    direction: 'internal',
    summary: { submitted: 'Decision draft submitted for approval', returned: 'Decision draft returned with comments', approved: 'Decision draft approved' }[action] ?? action,
    data: { decisionId: row.id, action, version: row.version },
  }),
  auditPrefix: 'decision',
  auditDetail: (row) => ({ decisionId: row.id, version: row.version }),
  wrongStatus: (row, action) =>
    refusal(({ submitted: 'decision.notSubmittable', returned: 'decision.notReturnable', approved: 'decision.notApprovable' } as const)[action], { decisionId: row.id, decisionStatus: row.status }),
};

async function validationOf(trx: Db, ctx: ServiceContext, row: DecisionRow, signerName: string | null, decisionDate: string): Promise<Rendered> {
  const view = await readCaseView(trx, ctx, row.case_id);
  return render(view, row.language as Language, JSON.parse(row.content) as DocNode, panelSchema.parse(JSON.parse(row.panel)), decisionDate, signerName);
}

/** A handler (or the ombudsman) submits a valid draft to whoever may approve it. */
export async function submitDecision(ctx: ServiceContext, input: { id: number; baseVersion: number }): Promise<DecisionView> {
  requireWriter(ctx, 'submit them');
  await takeReviewStep(ctx, DECISION_REVIEW, input.id, 'submitted', {
    comment: '',
    check: async (row, trx) => {
      if (row.version !== input.baseVersion) throw await conflictError(trx, ctx, row, { content: JSON.parse(row.content) as DocNode, panel: panelSchema.parse(JSON.parse(row.panel)) });
      refuseInvalid((await validationOf(trx, ctx, row, await previewSigner(trx), marketDate(ctx, row.market as Market))).issues, 'submitted');
    },
    after: async (row, trx, at) => {
      const c = await cases.findCaseById(trx, row.case_id);
      if (c && ['received', 'acknowledged', 'in_review', 'waiting_for_customer'].includes(c.status)) {
        await moveCase(trx, ctx, row.case_id, c.status as CaseStatus, 'decision_drafted', at, 'decision_submitted');
        await refreshDerived(trx, row.case_id, c.market as Market, c.received_date);
      }
    },
  });
  return getDecision(ctx, input.id);
}

/** An approver sends a submitted (or approved) draft back with what to change. */
export async function returnDecision(ctx: ServiceContext, input: { id: number; comment: string }): Promise<DecisionView> {
  await takeReviewStep(ctx, DECISION_REVIEW, input.id, 'returned', { comment: input.comment });
  return getDecision(ctx, input.id);
}

/** An approver of the submitter approves what someone else submitted: four eyes, not two. */
export async function approveDecision(ctx: ServiceContext, input: { id: number; comment: string }): Promise<DecisionView> {
  await takeReviewStep(ctx, DECISION_REVIEW, input.id, 'approved', {
    comment: input.comment,
    check: async (row, trx) => refuseInvalid((await validationOf(trx, ctx, row, await previewSigner(trx), marketDate(ctx, row.market as Market))).issues, 'approved'),
  });
  return getDecision(ctx, input.id);
}

/**
 * The ombudsman signs and issues an approved decision. Refused when the ombudsman appears as an
 * actor in the case's customer-service history (impartiality). Freezes content, rendered text,
 * SHA-256, signer and time; appends the history event; moves the case to "decision issued"; and,
 * in Sweden, records the last day to go to ARN (one year from the first complaint).
 */
export async function issueDecision(ctx: ServiceContext, input: { id: number }): Promise<DecisionView> {
  requireOmbudsman(ctx, 'sign and issue a decision');
  const at = now(ctx).toISOString();
  const caseId = await ctx.store.db.transaction().execute(async (trx) => {
    const row = await loadDecision(trx, input.id);
    if (row.status === 'issued') throw new ServiceError(refusal('decision.alreadyIssued', { decisionId: row.id }), `Decision ${row.id} is already issued.`);
    if (row.status !== 'approved') throw new ServiceError(refusal('decision.notApproved', { decisionId: row.id, decisionStatus: row.status }), `Decision ${row.id} is ${row.status}; it must be approved before it is issued.`);
    const involved = (await repo.customerServiceActors(trx, row.case_id)).find((e) => e.actor_user_id === ctx.user.id || namesPerson(e.actor, ctx.user.name));
    if (involved) {
      throw new ServiceError(
        refusal('decision.impartiality', { actor: involved.actor }),
        `You appear as "${involved.actor}" in this case's customer-service history (event #${involved.id}); another ombudsman must sign and issue the decision (impartiality).`,
      );
    }
    const market = row.market as Market;
    const day = marketDate(ctx, market);
    const rendered = await validationOf(trx, ctx, row, ctx.user.name, day);
    refuseInvalid(rendered.issues, 'issued');
    const sha256 = createHash('sha256').update(JSON.stringify({ content: JSON.parse(row.content) as unknown, text: rendered.text })).digest('hex');
    const arnWindowEndsOn = rendered.arnDeadline;
    await repo.freezeDecision(trx, row.id, { issued_by: ctx.user.id, issued_at: at, rendered_text: rendered.text, sha256, arn_window_ends_on: arnWindowEndsOn });
    await repo.insertReview(trx, { decision_id: row.id, action: 'issued', user_id: ctx.user.id, at, comment: '' });
    await recordEvent(trx, ctx, row.case_id, at, 'decision_issued', row.corrects_decision_id ? `Corrected decision issued (corrects #${row.corrects_decision_id})` : 'Decision issued', rendered.text, {
      decisionId: row.id,
      sha256,
      arnWindowEndsOn,
      correctsDecisionId: row.corrects_decision_id,
    });
    const c = await cases.findCaseById(trx, row.case_id);
    if (c && c.status !== 'closed') await moveCase(trx, ctx, row.case_id, c.status as CaseStatus, 'decision_issued', at, 'decision_issued');
    if (c) await refreshDerived(trx, row.case_id, market, c.received_date);
    await appendAudit(trx, { at, userId: ctx.user.id, action: 'decision.issue', caseId: row.case_id, detail: { decisionId: row.id, sha256, version: row.version } });
    return row.case_id;
  });
  publishChange(ctx.store, { kind: 'decision', caseId, by: ctx.user.id });
  publishChange(ctx.store, { kind: 'case', caseId, by: ctx.user.id });
  return getDecision(ctx, input.id);
}
