import type { NewCaseBundle, NewEvent } from '../db/repositories/case-writer.repository';
import type { Product, ReceivedChannel } from '../../shared/domain/case';
import { MARKET_INFO, type Language } from '../../shared/domain/market';
import { customerClaims, escalationBody } from './escalation';
import { longDate, money, moneyShort, zonedDate } from './format';
import { ITEMS, pickMerchant, price } from './merchants';
import { officeEvents, statusForAge, type Staff } from './office';
import { makeCustomer } from './people';
import { makePlan } from './plan';
import { Rng, STREAM, mix32, rngFor, weighted } from './random';
import { CustomerStory, type PurchaseState, type StoryContext } from './stories';
import type { LanguagePack, TextCtx } from './text';
import { da } from './text-da';
import { en } from './text-en';
import { sv } from './text-sv';
import { DAY, MINUTE } from './timeline';

/**
 * Assembles one demo case from (seed, index): customer, merchant, purchases, the customer's
 * story pinned so that the escalation arrives exactly at receipt, the office's events after it,
 * claims and summary. Nothing here depends on other cases, so cases stream in constant memory.
 */

const PACKS: Record<Language, LanguagePack> = { sv, da, en };
const CHANNELS = weighted<ReceivedChannel>([['email', 78], ['web_form', 12], ['letter', 4], ['customer_service', 6]]);
const PURCHASE_COUNT = weighted([[1, 85], [2, 12], [3, 3]] as const);
const SECONDARY_PRODUCTS = weighted<Product>([['invoice', 70], ['pay_later', 30]]);

export interface CaseInput {
  seed: number;
  index: number;
  count: number;
  /** Latest instant any event may have (absolute ms). */
  limit: number;
  /** How far back receipts reach before `limit` (ms). */
  span: number;
  assignees: readonly Staff[];
  ombudsman: Staff;
}

/** ORD- plus seven base-36 characters; a bijection of (index, k), so references never repeat within a seed. */
function orderRef(seed: number, index: number, k: number): string {
  const n = (index * 4 + k) >>> 0;
  const scrambled = (Math.imul((n + mix32(seed)) | 0, 0x2c1b3c6d) ^ 0x5bd1e995) >>> 0;
  return `ORD-${scrambled.toString(36).toUpperCase().padStart(7, '0')}`;
}

function dueDays(rng: Rng, product: Product): number {
  if (product === 'invoice') return rng.chance(0.5) ? 14 : 30;
  if (product === 'pay_later') return 30;
  if (product === 'part_payment') return rng.int(28, 35);
  return rng.int(30, 45);
}

function purchaseStatus(p: PurchaseState): string {
  if (p.cancelled || p.credited >= p.amount) return 'cancelled';
  if (p.refunded > 0 || p.credited > 0) return p.refunded >= p.amount ? 'refunded' : 'partly_refunded';
  if (p.paid >= p.amount) return 'paid';
  if (p.collected) return 'in_collection';
  if (p.paused) return 'paused';
  return 'open';
}

/** Mostly someone who handles the case's market, sometimes anyone (holidays, workload). */
function pickAssignee(rng: Rng, assignees: readonly Staff[], market: string): Staff | null {
  if (assignees.length === 0) return null;
  const local = assignees.filter((a) => a.market === market);
  return rng.pick(local.length > 0 && rng.chance(0.85) ? local : assignees);
}

const capitalise = (s: string) => (s.length === 0 ? s : s[0]!.toUpperCase() + s.slice(1));

/** Case `index` of a demo run, as a bundle ready for the case writer. */
export function buildCase(input: CaseInput): NewCaseBundle {
  const { seed, index } = input;
  const rng = rngFor(seed, index, STREAM.case);

  // Receipts are monotone in the index (case numbers follow receipt order) and grow denser
  // towards the as-of date, as escalations did in the investigation's figures.
  const u = (index + rng.next()) / input.count;
  const receivedAt = Math.min(input.limit - MINUTE, Math.round(input.limit - input.span + Math.pow(u, 0.6) * input.span));

  // A few customers come back with a second complaint; they keep their identity and market.
  const customerKey = index > 0 && rng.chance(0.04) ? Math.max(0, index - rng.int(1, 2000)) : index;
  const customer = makeCustomer(seed, customerKey);
  const { market, language: lang } = customer;
  const info = MARKET_INFO[market];
  const currency = info.currency;
  const P = PACKS[lang];
  const plan = makePlan(rng);
  const merchant = pickMerchant(rng, market, plan.preferForeign);
  const items = ITEMS[merchant.kind];
  const mainItem = rng.pick(items);

  const purchases: PurchaseState[] = [];
  const n = plan.category === 'credit_decision' ? 1 : rng.choose(PURCHASE_COUNT);
  for (let k = 0; k < n; k++) {
    const product = k === 0 ? plan.product : rng.choose(SECONDARY_PRODUCTS);
    const at = (k === 0 ? 0 : -rng.int(5, 30) * DAY) + rng.int(7 * 60, 21 * 60) * MINUTE;
    purchases.push({
      ref: orderRef(seed, index, k),
      amount: price(rng, k === 0 ? mainItem : rng.pick(items), market),
      product,
      at,
      due: at + dueDays(rng, product) * DAY,
      paid: 0,
      refunded: 0,
      credited: 0,
      fees: 0,
      collected: false,
      paused: false,
      cancelled: false,
    });
  }
  const main = purchases[0]!;
  const receivedDate = zonedDate(receivedAt, info.timeZone);
  const number = `KO-${receivedDate.slice(0, 4)}-${String(index + 1).padStart(6, '0')}`;
  const noun = mainItem.names[lang];
  const c: TextCtx = {
    first: customer.first,
    name: customer.bundle.name,
    email: customer.bundle.email ?? '',
    merchant: merchant.name,
    item: noun.indef,
    itemDef: noun.def,
    itemDefCap: capitalise(noun.def),
    order: main.ref,
    amount: money(main.amount, currency, lang),
    amountShort: moneyShort(main.amount, currency, lang),
    purchased: '',
    agent: '',
    days: 0,
    money: '',
    rest: '',
    date: '',
    count: 0,
    ref: '',
    caseNo: number,
    person: '',
    agency: '',
  };
  const ctx: StoryContext = { rng, plan, P, c, lang, market, currency, merchant, customerName: customer.bundle.name, purchases, shift: 0 };
  const story = new CustomerStory(ctx);
  story.tell();

  // Pin the story to the calendar by whole days (times of day stay plausible) so that the
  // escalation e-mail, some days after the final answer, arrives just before receipt.
  const drafts = story.timeline.drafts;
  let lastRel = -Infinity;
  for (const d of drafts) if (d.t > lastRel) lastRel = d.t;
  const escalationAt = receivedAt - rng.int(2, 180) * MINUTE;
  const midnight = Math.floor(receivedAt / DAY) * DAY;
  let escalationDay = Math.floor(story.finalAnswerAt / DAY) + rng.int(1, 40);
  let shift = midnight - escalationDay * DAY;
  while (escalationAt - shift <= lastRel) {
    escalationDay += 1;
    shift = midnight - escalationDay * DAY;
  }
  ctx.shift = shift;
  c.purchased = longDate(main.at + shift, lang);

  const claims = customerClaims(story);
  drafts.sort((a, b) => a.t - b.t);
  const events: NewEvent[] = [];
  for (const d of drafts) {
    events.push(Object.assign(d.render(), { occurredAt: new Date(d.t + shift).toISOString(), sourceId: `e${events.length + 1}` }));
  }
  const channel = rng.choose(CHANNELS);
  c.order = main.ref;
  events.push({
    sourceId: `e${events.length + 1}`,
    occurredAt: new Date(escalationAt).toISOString(),
    kind: 'customer_escalation',
    source: channel === 'letter' ? 'document' : 'mail',
    direction: 'inbound',
    actor: customer.bundle.name,
    orderRef: main.ref,
    summary: rng.pick(P.escalationSummary)(c),
    body: escalationBody(story, claims),
    data: { orderRef: main.ref, channel },
  });

  const status = statusForAge(rng, (input.limit - receivedAt) / DAY);
  const assignee = rng.chance(status === 'received' ? 0.12 : 0.88) ? pickAssignee(rng, input.assignees, market) : null;
  const claimed = claims.reduce((sum, cl) => sum + (cl.amountMinor ?? 0), 0) || main.amount;
  const office = officeEvents({
    rng, P, c, status, receivedAt, limit: input.limit, assignee, ombudsman: input.ombudsman, patterns: plan.patterns,
    contacts: story.contacts, feeComplaint: plan.category === 'fees_and_reminders', claimedMinor: claimed, feesMinor: story.feesWaived ? 0 : main.fees, currency,
    money: (minor) => money(minor, currency, lang),
    date: (abs) => longDate(abs, lang),
  });
  for (const o of office) events.push(Object.assign(o.event, { occurredAt: new Date(o.t).toISOString(), sourceId: `e${events.length + 1}` }));

  let summary = P.caseSummary[plan.category](c);
  const first = plan.patterns.values().next();
  if (!first.done) summary += `; ${P.flagClause[first.value]}`;

  return {
    number,
    sourceId: `cs-${seed}-${index}`,
    market,
    language: lang,
    receivedAt: new Date(receivedAt).toISOString(),
    receivedDate,
    receivedChannel: channel,
    status,
    category: plan.category,
    summary,
    assigneeId: assignee?.id ?? null,
    customer: customer.bundle,
    merchant: { sourceId: `demo-merchant-${merchant.key}`, name: merchant.name, orgNumber: merchant.orgNumber, country: merchant.country },
    purchases: purchases.map((p) => ({
      sourceId: p.ref,
      orderRef: p.ref,
      purchasedOn: zonedDate(p.at + shift, info.timeZone),
      amountMinor: p.amount,
      currency,
      product: p.product,
      status: purchaseStatus(p),
    })),
    claims,
    events,
  };
}
