import type { CaseStatus } from '../../shared/domain/case';
import type { Market } from '../../shared/domain/market';
import { allowedTransitions, canRequestInfo, needsReason } from '../../shared/domain/workflow';
import type { ChannelOutput, ChannelParsedInput } from '../../shared/ipc/contract';
import type { Db } from '../db/connection';
import * as cases from '../db/repositories/case.repository';
import { appendEvent, listClockEvents } from '../db/repositories/history.repository';
import { findUser, listActiveUsers } from '../db/repositories/user.repository';
import { appendAudit } from './audit.service';
import { getCase, type CaseView } from './case.service';
import { now, today, type ServiceContext } from './context';
import { latestHoldingReply, policiesFor } from './deadlines';
import { derivedVersion, deriveCaseFields, type PolicyConfig } from './derived';
import { notFound, ServiceError } from './errors';
import { refusal } from '../../shared/domain/refusals';
import { loadPolicyConfig } from './policy-config';

/**
 * Work on a case: every change is an appended history event with who and when, plus an audit row;
 * nothing is edited in place. Roles are checked here, where the data is, not in the UI.
 */

function requireWriter(ctx: ServiceContext, what: string): void {
  if (ctx.user.role === 'auditor') throw new ServiceError(refusal('role.auditorReadOnly'), `An auditor may read but not ${what}.`);
}

async function loadCase(db: Db, id: number) {
  const row = await cases.findCaseById(db, id);
  if (!row) throw notFound(`Case ${id}`);
  return row;
}

/** Recomputes red flags and the next deadline after the history grew, with the current deadline rules. */
export async function refreshDerived(db: Db, caseId: number, market: Market, receivedDate: string, config?: PolicyConfig): Promise<void> {
  const events = await listClockEvents(db, caseId);
  const derived = deriveCaseFields(
    market,
    receivedDate,
    events.map((e) => ({ id: e.id, occurredAt: e.occurred_at, kind: e.kind, direction: e.direction, orderRef: e.order_ref, data: JSON.parse(e.data) as Record<string, unknown> })),
    config ?? (await loadPolicyConfig(db)),
  );
  await cases.updateDerived(db, caseId, {
    flags: JSON.stringify(derived.flags),
    flagCount: derived.flags.length,
    nextDueDate: derived.nextDueDate,
    nextDueKind: derived.nextDueKind,
    version: derived.version,
  });
}

/** How many cases older rules (or older deadline settings) computed. */
export async function countStaleCases(ctx: Pick<ServiceContext, 'store'>): Promise<number> {
  return cases.countStaleCases(ctx.store.db, derivedVersion(await loadPolicyConfig(ctx.store.db)));
}

/**
 * Recomputes red flags and deadlines of every case that older rules computed, a batch per
 * transaction, yielding to the event loop between batches so the windows stay served. Stops when
 * none is left or when the rules changed meanwhile (the caller then runs it again).
 */
export async function refreshStaleCases(
  ctx: Pick<ServiceContext, 'store'>,
  onProgress?: (done: number) => void,
  options: { batchSize?: number } = {},
): Promise<number> {
  const config = await loadPolicyConfig(ctx.store.db);
  const version = derivedVersion(config);
  let done = 0;
  for (;;) {
    const batch = await cases.staleCaseIds(ctx.store.db, version, options.batchSize ?? 100);
    if (batch.length === 0) return done;
    const changed = await ctx.store.db.transaction().execute(async (trx) => {
      if ((await loadPolicyConfig(trx)).revision !== config.revision) return true;
      for (const c of batch) await refreshDerived(trx, c.id, c.market as Market, c.received_date, config);
      return false;
    });
    if (changed) return done;
    done += batch.length;
    onProgress?.(done);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

interface Change {
  kind: 'status_change' | 'assignment' | 'note' | 'info_request' | 'letter_sent';
  source: 'internal' | 'mail';
  direction: 'inbound' | 'outbound' | 'internal';
  summary: string;
  body: string;
  data: Record<string, unknown>;
  status?: CaseStatus;
  assigneeId?: number | null;
}

/**
 * Appends the changes as events in one transaction, updates the case, audits, and returns the case
 * anew. Everything inside uses `trx`: the store has one connection, so touching `ctx.store.db`
 * while the transaction holds it would wait forever.
 */
async function record(ctx: ServiceContext, id: number, action: string, build: (row: Awaited<ReturnType<typeof loadCase>>, trx: Db) => Change[] | Promise<Change[]>): Promise<CaseView> {
  await ctx.store.db.transaction().execute(async (trx) => {
    const row = await loadCase(trx, id);
    const changes = await build(row, trx);
    const at = now(ctx).toISOString();
    for (const change of changes) {
      await appendEvent(trx, {
        case_id: id,
        occurred_at: at,
        kind: change.kind,
        source: change.source,
        direction: change.direction,
        actor: ctx.user.name,
        actor_user_id: ctx.user.id,
        summary: change.summary,
        body: change.body,
        data: JSON.stringify(change.data),
      });
      if (change.status !== undefined) await cases.updateCase(trx, id, { status: change.status, updated_at: at });
      if (change.assigneeId !== undefined) await cases.updateCase(trx, id, { assignee_id: change.assigneeId, updated_at: at });
    }
    await refreshDerived(trx, id, row.market as Market, row.received_date);
    await appendAudit(trx, { at, userId: ctx.user.id, action, caseId: id, detail: { kinds: changes.map((c) => c.kind) } });
  });
  return getCase(ctx, id);
}

function statusChange(from: CaseStatus, to: CaseStatus, reason: string | undefined): Change {
  return {
    kind: 'status_change',
    source: 'internal',
    direction: 'internal',
    summary: `${from} → ${to}`,
    body: reason ?? '',
    data: { fromStatus: from, toStatus: to },
    status: to,
  };
}

export async function setStatus(ctx: ServiceContext, input: ChannelParsedInput<'cases:setStatus'>): Promise<CaseView> {
  requireWriter(ctx, 'change a case');
  return record(ctx, input.id, 'case.status', (row) => {
    const from = row.status as CaseStatus;
    if (from === input.status) throw new ServiceError(refusal('case.sameStatus', { status: from }), `The case is already "${from}".`);
    if (!allowedTransitions(from, ctx.user.role).includes(input.status)) {
      const reopen = from === 'closed' && input.status === 'in_review';
      throw new ServiceError(
        reopen ? refusal('case.reopenOmbudsmanOnly') : refusal('case.transition', { from, to: input.status }),
        reopen ? 'Only the ombudsman may reopen a closed case.' : `A case cannot go from "${from}" to "${input.status}".`,
      );
    }
    if (needsReason(from, input.status) && !input.reason) {
      throw new ServiceError(refusal('case.reasonNeeded'), 'cases:setStatus: reason: closing or reopening a case needs a reason');
    }
    return [statusChange(from, input.status, input.reason)];
  });
}

export async function assign(ctx: ServiceContext, input: ChannelParsedInput<'cases:assign'>): Promise<CaseView> {
  requireWriter(ctx, 'assign cases');
  return record(ctx, input.id, 'case.assign', async (row, trx) => {
    if (row.assignee_id === input.assigneeId) throw new ServiceError(refusal('case.sameAssignee'), 'The case already has that assignee.');
    let name: string | null = null;
    if (input.assigneeId !== null) {
      const user = await findUser(trx, input.assigneeId);
      if (!user || !user.active) throw new ServiceError(refusal('case.assigneeUnknown'), `cases:assign: assigneeId: user ${input.assigneeId} does not exist or is inactive`);
      if (user.role === 'auditor') throw new ServiceError(refusal('case.assigneeAuditor'), 'cases:assign: assigneeId: an auditor cannot be assigned cases');
      name = user.display_name;
    }
    return [
      {
        kind: 'assignment',
        source: 'internal',
        direction: 'internal',
        summary: name ?? '—',
        body: '',
        data: { fromUserId: row.assignee_id, toUserId: input.assigneeId, toName: name },
        assigneeId: input.assigneeId,
      },
    ];
  });
}

export async function addNote(ctx: ServiceContext, input: ChannelParsedInput<'cases:addNote'>): Promise<CaseView> {
  requireWriter(ctx, 'write notes');
  return record(ctx, input.id, 'case.note', () => [
    { kind: 'note', source: 'internal', direction: 'internal', summary: input.text.split('\n')[0]!.slice(0, 120), body: input.text, data: {} },
  ]);
}

export async function requestInfo(ctx: ServiceContext, input: ChannelParsedInput<'cases:requestInfo'>): Promise<CaseView> {
  requireWriter(ctx, 'request information');
  return record(ctx, input.id, 'case.request_info', (row) => {
    const from = row.status as CaseStatus;
    const changes: Change[] = [
      { kind: 'info_request', source: 'mail', direction: 'outbound', summary: input.text.split('\n')[0]!.slice(0, 120), body: input.text, data: {} },
    ];
    if (from !== 'waiting_for_customer') {
      if (!canRequestInfo(from)) {
        throw new ServiceError(refusal('case.cannotWait', { status: from }), `A case that is "${from}" cannot wait for the customer.`);
      }
      changes.push(statusChange(from, 'waiting_for_customer', input.text.split('\n')[0]));
    }
    return changes;
  });
}

/**
 * PSD2 allows a holding reply in exceptional situations: it must give a date within the extended
 * deadline (35 business days, or less where the market's rules promise less), `latestHoldingReply`.
 */
export async function sendHoldingReply(ctx: ServiceContext, input: ChannelParsedInput<'cases:sendHoldingReply'>): Promise<CaseView> {
  requireWriter(ctx, 'send letters');
  return record(ctx, input.id, 'case.holding_reply', async (row, trx) => {
    const market = row.market as Market;
    const limit = latestHoldingReply(market, row.received_date, policiesFor(market, (await loadPolicyConfig(trx)).policies));
    if (limit === null) throw new ServiceError(refusal('holding.noDeadline', { market }), `A case in ${market} has no deadline a holding reply can extend.`);
    if (input.answerBy > limit.date) {
      throw new ServiceError(refusal('holding.tooLate', { date: limit.date, businessDays: limit.businessDays }), `cases:sendHoldingReply: answerBy: must be at most ${limit.businessDays} business days after receipt (${limit.date})`);
    }
    if (input.answerBy < today(ctx)) throw new ServiceError(refusal('holding.past'), 'cases:sendHoldingReply: answerBy: lies in the past');
    const events = await listClockEvents(trx, row.id);
    if (events.some((e) => e.kind === 'decision_issued')) throw new ServiceError(refusal('holding.decisionIssued'), 'The decision is already issued.');
    return [
      {
        kind: 'letter_sent',
        source: 'mail',
        direction: 'outbound',
        summary: input.text.split('\n')[0]!.slice(0, 120),
        body: input.text,
        data: { letter: 'holding_reply', answerBy: input.answerBy },
      },
    ];
  });
}

/** The full personal number, for the person who needs it now; the audit log records who and when. */
export async function revealPersonalNumber(ctx: ServiceContext, id: number): Promise<{ personalNumber: string }> {
  return ctx.store.db.transaction().execute(async (trx) => {
    const row = await cases.findPersonalNumber(trx, id);
    if (!row) throw notFound(`Case ${id}`);
    await appendAudit(trx, {
      at: now(ctx).toISOString(),
      userId: ctx.user.id,
      action: 'customer.reveal_personal_number',
      caseId: id,
      detail: { customerId: row.customer_id },
    });
    return { personalNumber: row.personal_number };
  });
}

export async function listUsers(ctx: ServiceContext): Promise<ChannelOutput<'users:list'>> {
  const users = await listActiveUsers(ctx.store.db);
  return users.map((u) => ({ id: u.id, name: u.display_name, role: u.role, title: u.title }));
}
