import type { CaseHeader } from '../../shared/domain/case';
import type { HistoryEvent } from '../../shared/domain/history';
import type { Market } from '../../shared/domain/market';
import type { CustomerWindow, DeadlineView, RedFlagView } from '../../shared/domain/review';
import type { ChannelOutput, ChannelParsedInput } from '../../shared/ipc/contract';
import type { Db } from '../db/connection';
import * as cases from '../db/repositories/case.repository';
import { listCaseEvents } from '../db/repositories/history.repository';
import { addCalendarDays, businessDaysBetween, calendarDaysBetween, marketDay } from './calendar/business-days';
import { now, today, type ServiceContext } from './context';
import { computeDeadlines, latestHoldingReply, policiesFor } from './deadlines';
import { derivedRefreshStatus } from './derived-refresh.service';
import { POLICY_KEY, policyConfigFromText } from './policy-config';
import { notFound } from './errors';
import { maskPersonalNumber } from './personal-number';

type CaseListItem = ChannelOutput<'cases:list'>['rows'][number];
export type CaseView = ChannelOutput<'cases:get'>;

/** The due-date window of a deadline view: overdue is before today; this week runs to Sunday. */
function dueWindow(due: 'overdue' | 'this_week' | undefined, day: string): { dueFrom?: string; dueTo?: string } {
  if (due === 'overdue') return { dueTo: addCalendarDays(day, -1) };
  if (due === 'this_week') {
    const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
    return { dueFrom: day, dueTo: addCalendarDays(day, weekday === 0 ? 0 : 7 - weekday) };
  }
  return {};
}

/** One inbox page and the total for the same filter. Any role may read the inbox. */
export async function listCases(
  ctx: ServiceContext,
  input: ChannelParsedInput<'cases:list'>,
): Promise<ChannelOutput<'cases:list'>> {
  const { sort, dir, offset, limit, due, ...rest } = input;
  const day = today(ctx);
  const filter = { ...rest, ...dueWindow(due, day) };
  // The counts come first: they choose how the page is read (see listCasePage).
  const sizes = await cases.countCases(ctx.store.db, filter, limit > 0);
  const total = sizes.matching;
  const rows = limit === 0 ? [] : await cases.listCasePage(ctx.store.db, filter, sort, dir, offset, limit, sizes);
  const refresh = derivedRefreshStatus(ctx.store);
  return {
    total,
    today: day,
    ...(refresh.running ? { recompute: refresh } : {}),
    rows: rows.map((r) => ({
      id: r.id,
      number: r.number,
      customerName: r.customer_name,
      market: r.market as CaseListItem['market'],
      category: r.category as CaseListItem['category'],
      receivedDate: r.received_date,
      status: r.status as CaseListItem['status'],
      assigneeName: r.assignee_name,
      eventCount: r.event_count,
      claimTotal: r.claim_total_minor === null || r.claim_currency === null ? null : { minor: r.claim_total_minor, currency: r.claim_currency },
      flagCount: r.flag_count,
      nextDue:
        r.next_due_date === null || r.next_due_kind === null
          ? null
          : {
              date: r.next_due_date,
              kind: r.next_due_kind as NonNullable<CaseListItem['nextDue']>['kind'],
              daysLeft: businessDaysBetween(r.market as Market, day, r.next_due_date),
            },
    })),
  };
}

/**
 * The number of cases each filter holds (the saved views' counts), from the kept counts where
 * they answer (see countCases), in the order asked. Any role may read the inbox.
 */
export async function countCaseLists(ctx: ServiceContext, input: ChannelParsedInput<'cases:counts'>): Promise<ChannelOutput<'cases:counts'>> {
  const day = today(ctx);
  const totals: number[] = [];
  for (const { due, ...rest } of input.filters) totals.push((await cases.countCases(ctx.store.db, { ...rest, ...dueWindow(due, day) })).matching);
  return { totals };
}

/** Everything the case view shows. The personal number leaves the service masked. */
export async function getCase(ctx: ServiceContext, id: number): Promise<CaseView> {
  return readCaseView(ctx.store.db, ctx, id);
}

/** The case view read through `db`, which may be an open transaction. */
export async function readCaseView(db: Db, ctx: Pick<ServiceContext, 'now'>, id: number): Promise<CaseView> {
  // The case row, its ARN window and the deadline rules in one statement.
  const row = await cases.findCaseViewRow(db, id, POLICY_KEY);
  if (!row) throw notFound(`Case ${id}`);
  const [purchases, claims, history] = await Promise.all([cases.listPurchases(db, id), cases.listClaims(db, id), listCaseEvents(db, id)]);
  const attachmentsByEvent = new Map<number, HistoryEvent['attachments']>();
  for (const a of history.attachments) {
    const list = attachmentsByEvent.get(a.event_id) ?? [];
    list.push({ id: a.id, fileName: a.file_name, mediaType: a.media_type, size: a.size, sha256: a.sha256 });
    attachmentsByEvent.set(a.event_id, list);
  }
  const header: CaseHeader = {
    id: row.id,
    number: row.number,
    market: row.market as CaseHeader['market'],
    language: row.language as CaseHeader['language'],
    receivedAt: row.received_at,
    receivedDate: row.received_date,
    receivedChannel: row.received_channel as CaseHeader['receivedChannel'],
    status: row.status as CaseHeader['status'],
    category: row.category as CaseHeader['category'],
    summary: row.summary,
    assignee: row.assignee_id === null || row.assignee_name === null ? null : { id: row.assignee_id, name: row.assignee_name },
    customer: {
      id: row.customer_id,
      name: row.c_name,
      personalNumberMasked: maskPersonalNumber(row.c_personal_number),
      email: row.c_email,
      phone: row.c_phone,
      street: row.c_street,
      postalCode: row.c_postal_code,
      city: row.c_city,
      country: row.c_country,
    },
    merchant:
      row.merchant_id === null || row.m_name === null
        ? null
        : { id: row.merchant_id, name: row.m_name, orgNumber: row.m_org_number, country: row.m_country ?? row.market },
    purchases: purchases.map((p) => ({
      id: p.id,
      orderRef: p.order_ref,
      purchasedOn: p.purchased_on,
      amount: { minor: p.amount_minor, currency: p.currency },
      product: p.product as CaseHeader['purchases'][number]['product'],
      status: p.status as CaseHeader['purchases'][number]['status'],
      merchantName: p.merchant_name,
    })),
    claims: claims.map((c) => ({
      id: c.id,
      position: c.position,
      kind: c.kind as CaseHeader['claims'][number]['kind'],
      text: c.text,
      amount: c.amount_minor === null || c.currency === null ? null : { minor: c.amount_minor, currency: c.currency },
    })),
  };
  const events: HistoryEvent[] = history.events.map((e) => ({
    id: e.id,
    occurredAt: e.occurred_at,
    kind: e.kind as HistoryEvent['kind'],
    source: e.source as HistoryEvent['source'],
    direction: e.direction as HistoryEvent['direction'],
    actor: e.actor,
    summary: e.summary,
    body: e.body,
    data: JSON.parse(e.data) as HistoryEvent['data'],
    attachments: attachmentsByEvent.get(e.id) ?? [],
  }));
  const policies = policiesFor(header.market, policyConfigFromText(row.setting_value).policies);
  const deadlines: DeadlineView[] = computeDeadlines({ market: header.market, receivedDate: header.receivedDate, events, today: today(ctx), policies });
  const day = marketDay(now(ctx).toISOString(), header.market);
  const customerWindows: CustomerWindow[] =
    row.arn_decision_id !== null && row.arn_window_ends_on
      ? [{ kind: 'arn', decisionId: row.arn_decision_id, endsOn: row.arn_window_ends_on, daysLeft: calendarDaysBetween(day, row.arn_window_ends_on) }]
      : [];
  const holdingReplyLatest = latestHoldingReply(header.market, header.receivedDate, policies)?.date ?? null;
  return { header, events, flags: JSON.parse(row.flags) as RedFlagView[], deadlines, customerWindows, holdingReplyLatest };
}
