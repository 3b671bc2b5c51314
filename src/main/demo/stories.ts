import type { Category, Product } from '../../shared/domain/case';
import type { Language, Market } from '../../shared/domain/market';
import { pooledPdf, screenshotPool, uniquePdf } from './attachments';
import { longDate, money } from './format';
import type { DemoMerchant } from './merchants';
import { CS_AGENTS } from './people';
import type { Plan } from './plan';
import type { Rng } from './random';
import type { Action, AnswerOutcome, ExplainTopic, LanguagePack, MerchantReply, Pattern, Purpose, TextCtx } from './text';
import { DAY, MINUTE, Timeline, type EventBody } from './timeline';

/**
 * The customer's side of a case: purchase, problem, customer-service contacts, invoice and
 * payment events, the merchant dispute, the formal complaint and customer service's final
 * answer. Stalling patterns are woven in as the plan says, and every structured fact a red-flag
 * rule needs (promise, technicalError, outcome, amount, pauseDays, agent, orderRef) is set in
 * the event's data.
 */

export interface PurchaseState {
  ref: string;
  amount: number;
  product: Product;
  /** Relative ms of the purchase. */
  at: number;
  due: number;
  paid: number;
  refunded: number;
  credited: number;
  fees: number;
  collected: boolean;
  paused: boolean;
  cancelled: boolean;
}

type Channel = 'chat' | 'call' | 'email';
type Step = 'followup' | 'tech' | 'extend' | 'reminder' | 'collection' | 'payment';

const REMINDER_FEE: Record<Market, number> = { SE: 6_000, DK: 10_000 };
const COLLECTION_FEE: Record<Market, number> = { SE: 18_000, DK: 41_000 };
const PAUSE_DAYS = [14, 14, 21, 30] as const;

const EXPLAIN_TOPIC: Record<Category, ExplainTopic | null> = {
  undelivered_goods: 'delivery', return_not_registered: 'return', refund_missing: null, invoice_dispute: 'amount',
  fees_and_reminders: 'fees', debt_collection: 'delivery', purchase_protection: 'delivery', fraud_identity: 'delivery',
  credit_decision: 'credit', customer_service_conduct: null, data_protection: 'data',
};

export interface StoryContext {
  rng: Rng;
  plan: Plan;
  P: LanguagePack;
  c: TextCtx;
  lang: Language;
  market: Market;
  currency: string;
  merchant: DemoMerchant;
  customerName: string;
  purchases: PurchaseState[];
  /** Set once the story is pinned to the calendar; converts relative ms to absolute ms. */
  shift: number;
}

export class CustomerStory {
  readonly timeline: Timeline;
  readonly main: PurchaseState;
  /** Customer-service contacts about the main purchase. */
  contacts = 0;
  private techCount = 0;
  private disputeOpen = false;
  refundPromisedAt: number | null = null;
  /** What the customer paid while the dispute was open (for the escalation text). */
  paidDuringDispute = 0;
  complaintAt = 0;
  finalAnswerAt = 0;
  answer: AnswerOutcome = 'rejected';
  feesWaived = false;

  constructor(readonly s: StoryContext) {
    this.timeline = new Timeline(s.rng);
    this.main = s.purchases[0]!;
  }

  private get rng(): Rng {
    return this.s.rng;
  }

  private has(p: Pattern): boolean {
    return this.s.plan.patterns.has(p);
  }

  /**
   * What the customer first complains about. Fee and collection complaints that grow out of a
   * dispute start as the dispute (a return, a missing parcel); the fees come later in the story.
   */
  reportCategory(): Category {
    const { category, dispute } = this.s.plan;
    if (dispute && category === 'fees_and_reminders') return 'return_not_registered';
    if (dispute && category === 'debt_collection') return 'undelivered_goods';
    return category;
  }

  m(minor: number): string {
    return money(minor, this.s.currency, this.s.lang);
  }

  date(rel: number): string {
    return longDate(rel + this.s.shift, this.s.lang);
  }

  private amount(minor: number): { minor: number; currency: string } {
    return { minor, currency: this.s.currency };
  }

  private outstanding(p: PurchaseState): number {
    return Math.max(0, p.amount + p.fees - p.paid - p.credited);
  }

  private agent(): string {
    return this.rng.pick(CS_AGENTS[this.s.lang]);
  }

  // ---- building blocks -------------------------------------------------------------------

  private invoiceIssued(p: PurchaseState, t: number): void {
    const { P, c } = this.s;
    // Pauses move the due date later; the invoice shows the one it was issued with.
    const due = p.due;
    this.timeline.add(t, () => {
      c.order = p.ref;
      c.amount = this.m(p.amount);
      c.date = this.date(due);
      return {
        kind: 'invoice_issued', source: 'invoice', direction: 'outbound', actor: P.actor.billing, orderRef: p.ref,
        summary: P.invoiceIssued.summary(c), body: P.invoiceIssued.body[p.product](c),
        data: { orderRef: p.ref, amount: this.amount(p.amount), dueDate: new Date(due + this.s.shift).toISOString().slice(0, 10) },
      };
    });
  }

  private payment(p: PurchaseState, t: number, minor: number): void {
    const { P, c } = this.s;
    p.paid += minor;
    this.timeline.add(t, () => {
      c.order = p.ref;
      c.money = this.m(minor);
      return {
        kind: 'payment', source: 'invoice', direction: 'inbound', actor: this.s.customerName, orderRef: p.ref,
        summary: P.payment.summary(c), body: P.payment.body(c), data: { orderRef: p.ref, amount: this.amount(minor) },
      };
    });
  }

  private refund(p: PurchaseState, minor: number, credit: boolean): void {
    const { P, c } = this.s;
    if (credit) p.credited += minor;
    else p.refunded += minor;
    const rest = this.outstanding(p);
    const text = !credit ? P.refund : rest > 0 ? P.creditPartial : P.credit;
    this.timeline.now(() => {
      c.order = p.ref;
      c.money = this.m(minor);
      c.rest = this.m(rest);
      return {
        kind: 'refund', source: 'invoice', direction: 'outbound', actor: P.actor.billing, orderRef: p.ref,
        summary: text.summary(c), body: text.body(c), data: { orderRef: p.ref, amount: this.amount(minor), credit },
      };
    });
  }

  private pause(days: number, extension: boolean): void {
    const { P, c } = this.s;
    const p = this.main;
    p.paused = true;
    p.due = Math.max(p.due, this.timeline.clock) + days * DAY;
    const due = p.due;
    const text = extension ? P.extended : P.paused;
    this.timeline.soon(1, 6);
    this.timeline.now(() => {
      c.order = p.ref;
      c.days = days;
      c.date = this.date(due);
      return {
        kind: extension ? 'invoice_pause_extended' : 'invoice_paused', source: 'invoice', direction: 'internal',
        actor: P.actor.billing, orderRef: p.ref, summary: text.summary(c), body: text.body(c), data: { orderRef: p.ref, pauseDays: days },
      };
    });
  }

  private resume(): void {
    const { P, c } = this.s;
    const p = this.main;
    if (!p.paused) return;
    p.paused = false;
    p.due = this.timeline.clock + this.rng.int(7, 14) * DAY;
    const due = p.due;
    this.timeline.soon(5, 180);
    this.timeline.now(() => {
      c.order = p.ref;
      c.date = this.date(due);
      return {
        kind: 'invoice_resumed', source: 'invoice', direction: 'internal', actor: P.actor.billing, orderRef: p.ref,
        summary: P.resumed.summary(c), body: P.resumed.body(c), data: { orderRef: p.ref },
      };
    });
  }

  /** A reminder with its fee; the pair the red-flag rules look for during open disputes. */
  private reminder(): void {
    const { P, c, market } = this.s;
    const p = this.main;
    const fee = REMINDER_FEE[market];
    const due = this.timeline.clock + 10 * DAY;
    const owed = this.outstanding(p);
    this.timeline.now(() => {
      c.order = p.ref;
      c.money = this.m(owed + fee);
      c.date = this.date(due);
      return {
        kind: 'reminder', source: 'invoice', direction: 'outbound', actor: P.actor.billing, orderRef: p.ref,
        summary: P.reminder.summary(c), body: P.reminder.body(c), data: { orderRef: p.ref, amount: this.amount(owed + fee) },
      };
    });
    p.fees += fee;
    const late = this.rng.chance(0.2);
    this.timeline.soon(0, 2);
    this.timeline.now(() => {
      c.order = p.ref;
      c.money = this.m(fee);
      const text = late ? P.lateFee : P.reminderFee;
      return {
        kind: 'fee', source: 'invoice', direction: 'outbound', actor: P.actor.billing, orderRef: p.ref,
        summary: text.summary(c), body: text.body(c), data: { orderRef: p.ref, amount: this.amount(fee), feeType: late ? 'late' : 'reminder' },
      };
    });
  }

  private collection(): void {
    const { P, c, market } = this.s;
    const p = this.main;
    if (p.collected) return;
    p.collected = true;
    p.fees += COLLECTION_FEE[market];
    const claim = this.outstanding(p);
    const agency = this.rng.pick(P.agencies);
    this.timeline.now(() => {
      c.order = p.ref;
      c.money = this.m(claim);
      c.agency = agency;
      return {
        kind: 'debt_collection', source: 'invoice', direction: 'outbound', actor: `${P.actor.collection}: ${agency}`, orderRef: p.ref,
        summary: P.collection.summary(c), body: P.collection.body(c),
        data: { orderRef: p.ref, amount: this.amount(claim), fee: this.amount(COLLECTION_FEE[market]), agency },
      };
    });
  }

  /** Customer pays what is due (a part-payment customer pays the month's instalment). */
  private pay(): number {
    const p = this.main;
    const owed = this.outstanding(p);
    if (owed <= 0) return 0;
    const minor = p.product === 'part_payment' && owed > 100_000 ? Math.ceil(owed / 12 / 100) * 100 : owed;
    this.payment(p, this.timeline.clock, minor);
    if (this.disputeOpen) this.paidDuringDispute += minor;
    return minor;
  }

  private channel(): Channel {
    const r = this.rng.next();
    return r < 0.55 ? 'chat' : r < 0.88 ? 'call' : 'email';
  }

  /**
   * A customer-service contact about the main purchase: a chat or call with a short transcript,
   * or an e-mail from the customer and the agent's reply as two events.
   */
  private contact(channel: Channel, purpose: Purpose, action: Action, extra: { days?: number; money?: number } = {}): void {
    const { P, c, rng, plan } = this.s;
    const p = this.main;
    const agent = this.agent();
    this.contacts += 1;
    const count = this.contacts;
    const days = extra.days ?? 0;
    const moneyMinor = extra.money ?? 0;
    const data: Record<string, unknown> = { agent, orderRef: p.ref };
    if (action === 'tech') {
      data.technicalError = true;
      this.techCount += 1;
    }
    if (action === 'promise_refund') {
      data.promise = 'refund';
      this.refundPromisedAt = this.timeline.clock;
    } else if (action === 'callback') data.promise = 'callback';
    else if (action === 'investigate' || action === 'pause') data.promise = 'investigation';
    const noMerchant = plan.category === 'credit_decision' || plan.category === 'data_protection';
    const customerLine = (): string =>
      purpose === 'report'
        ? rng.pick(P.problem[this.reportCategory()])(c)
        : rng.pick(noMerchant && purpose === 'status' ? P.nonPurchase.status : P.purpose[purpose])(c);
    const topic = EXPLAIN_TOPIC[plan.category];
    const agentLine = (): string =>
      rng.pick(
        action === 'explain' && topic ? P.explain[topic] : noMerchant && action === 'investigate' ? P.nonPurchase.investigate : P.action[action],
      )(c);
    const what = (): string => (purpose === 'report' ? P.categoryLabel[plan.category] : P.purposeLabel[purpose]);
    const setCtx = (): void => {
      c.agent = agent;
      c.order = p.ref;
      c.days = days;
      c.count = count;
      c.money = this.m(moneyMinor);
    };

    if (channel === 'email') {
      this.timeline.now(() => {
        setCtx();
        return {
          kind: 'cs_email', source: 'mail', direction: 'inbound', actor: this.s.customerName, orderRef: p.ref,
          summary: P.contactSummary(P.channel.email, what(), ''), body: P.mailFromCustomer(c, customerLine()),
          data: { orderRef: p.ref },
        };
      });
      this.timeline.advance(0, 3, 'cs');
      this.timeline.now(() => {
        setCtx();
        return {
          kind: 'cs_email', source: 'mail', direction: 'outbound', actor: P.agentRole(c), orderRef: p.ref,
          summary: P.contactSummary(P.channel.email, what(), P.actionLabel[action](c)),
          body: P.mailFromAgent(c, agentLine()), data,
        };
      });
      return;
    }
    const minutes = rng.int(4, 26);
    this.timeline.now(() => {
      setCtx();
      const agentRole = P.agentRole(c);
      let body = '';
      if (channel === 'call') {
        c.days = minutes;
        body = P.callHeader(c);
        c.days = days;
      }
      body += `${agentRole}: ${rng.pick(P.greeting)(c)}\n${P.customerRole}: ${customerLine()}\n${agentRole}: ${agentLine()}`;
      if (rng.chance(0.7)) body += `\n${P.customerRole}: ${rng.pick(P.reaction)(c)}`;
      if (rng.chance(0.5)) body += `\n${agentRole}: ${rng.pick(P.closing)(c)}`;
      return {
        kind: channel === 'call' ? 'cs_call' : 'cs_chat', source: channel === 'call' ? 'phone' : 'chat', direction: 'inbound',
        actor: agentRole, orderRef: p.ref,
        summary: P.contactSummary(channel === 'call' ? P.channel.call : P.channel.chat, what(), P.actionLabel[action](c)),
        body, data,
      };
    });
  }

  private document(render: () => EventBody): void {
    this.timeline.now(render);
  }

  private reference(prefix: string): string {
    return `${prefix}${this.rng.int(10_000_000, 99_999_999)}`;
  }

  // ---- the story -------------------------------------------------------------------------

  /** Schedules everything up to and including customer service's final answer. */
  tell(): void {
    const { plan, rng } = this.s;
    const t = this.timeline;
    const p = this.main;
    const { category } = plan;

    // When the problem surfaces, in days after the purchase.
    const start: Record<typeof category, readonly [number, number]> = {
      undelivered_goods: [8, 20], return_not_registered: [6, 18], refund_missing: [6, 20], invoice_dispute: [2, 8],
      fees_and_reminders: [16, 34], debt_collection: [8, 20], purchase_protection: [5, 15], fraud_identity: [2, 12],
      credit_decision: [0, 3], customer_service_conduct: [5, 15], data_protection: [30, 90],
    };
    const [from, to] = start[category];
    const problemDay = Math.floor(p.at / DAY) + rng.int(from, to);

    // Purchases. Secondary purchases from the same merchant are earlier background: paid or still
    // open. Every payment that is not part of the story lands before the problem, so that no
    // payment falls inside a dispute window unless the plan says so.
    t.clock = p.at;
    for (const [k, q] of this.s.purchases.entries()) {
      if (category === 'credit_decision' && k === 0) continue;
      this.invoiceIssued(q, Math.floor(q.at / DAY) * DAY + DAY + rng.int(90, 270) * MINUTE);
      if (k > 0 && rng.chance(0.7)) this.payment(q, q.at + rng.int(2, 5) * DAY + rng.int(300, 1200) * MINUTE, q.amount);
    }
    if (category === 'credit_decision') {
      t.soon(1, 3);
      this.creditDenied();
      p.cancelled = true;
    }
    const beforeProblem = (problemDay - 1) * DAY;
    if (plan.paidUpfront && category !== 'credit_decision') {
      this.payment(p, Math.min(p.at + DAY + rng.int(0, 4) * DAY, beforeProblem) + rng.int(300, 1200) * MINUTE, p.amount);
    }
    if (category === 'data_protection' && !plan.paidUpfront) this.payment(p, Math.min(p.due - rng.int(1, 5) * DAY, beforeProblem) + rng.int(300, 1200) * MINUTE, p.amount);

    if ((category === 'fees_and_reminders' || category === 'debt_collection') && !plan.dispute) {
      // The classic fee complaint: the invoice went unnoticed, then a reminder with a fee, and
      // for collection complaints the debt collector's letter before the customer reacts.
      t.advanceTo(p.due + rng.int(1, 4) * DAY, 'system');
      this.reminder();
      if (category === 'debt_collection') {
        t.advanceTo(p.due + rng.int(24, 32) * DAY, 'system');
        this.collection();
      }
    }
    t.advanceTo(Math.max(problemDay * DAY, t.clock), 'customer');

    if (category === 'refund_missing') {
      this.document(() => {
        const { P, c } = this.s;
        c.order = p.ref;
        return {
          kind: 'document', source: 'mail', direction: 'inbound', actor: this.s.customerName, orderRef: p.ref,
          summary: P.merchantConfirmation.summary(c), body: P.merchantConfirmation.body(c), data: { orderRef: p.ref, documentType: 'merchant_confirmation' },
        };
      });
      t.soon(10, 300);
    }

    let firstAction: Action = 'investigate';
    const pauseDays = rng.pick(PAUSE_DAYS);
    if (plan.pause) firstAction = 'pause';
    else if (category === 'credit_decision' || (category === 'fees_and_reminders' && !plan.dispute)) firstAction = this.has('technicalError') ? 'tech' : 'explain';
    else if (category === 'refund_missing') firstAction = rng.chance(0.5) ? 'form' : 'investigate';
    this.contact(category === 'data_protection' ? 'email' : this.channel(), 'report', firstAction, { days: pauseDays });
    if (firstAction === 'pause') this.pause(pauseDays, false);
    if (rng.chance(0.08)) this.orderConfirmation();
    if (this.has('technicalError') ? rng.chance(0.25) : rng.chance(0.03)) this.screenshot();

    if (plan.dispute) this.disputeStory();
    else this.plainStory();

    if (this.has('refundNotMade') && this.refundPromisedAt === null) {
      t.advance(2, 6, 'cs');
      this.contact(this.channel(), 'status', 'promise_refund', { money: Math.max(p.paid, p.amount), days: rng.pick([5, 7, 10]) });
    }
    if (this.has('refundNotMade')) {
      t.advance(7, 16, 'customer');
      this.contact(this.channel(), 'refund', this.has('technicalError') || rng.chance(0.5) ? 'tech' : 'form', { money: Math.max(p.paid, p.amount) });
    }
    if (this.has('technicalError')) {
      while (this.techCount < 2) {
        t.advance(2, 8, 'customer');
        this.contact(this.channel(), 'status', 'tech');
      }
    }
    this.complaintAndAnswer();
  }

  private creditDenied(): void {
    const { P, c } = this.s;
    const p = this.main;
    this.timeline.now(() => {
      c.amount = this.m(p.amount);
      c.order = p.ref;
      return {
        kind: 'cs_email', source: 'mail', direction: 'outbound', actor: P.actor.credit, orderRef: p.ref,
        summary: P.creditDenied.summary(c), body: P.creditDenied.body(c), data: { orderRef: p.ref, creditDecision: 'declined' },
      };
    });
  }

  private orderConfirmation(): void {
    const { P, c } = this.s;
    const p = this.main;
    this.timeline.soon(2, 90);
    const attach = this.rng.chance(0.6);
    this.document(() => {
      c.order = p.ref;
      c.amount = this.m(p.amount);
      return {
        kind: 'document', source: 'document', direction: 'inbound', actor: this.s.customerName, orderRef: p.ref,
        summary: P.orderConfirmation.summary(c), body: P.orderConfirmation.body(c), data: { orderRef: p.ref, documentType: 'receipt' },
        attachments: attach ? [uniquePdf(`${P.fileNames.orderConfirmation}-${p.ref}.pdf`, P.orderConfirmation.pdf(c))] : undefined,
      };
    });
  }

  private screenshot(): void {
    const { P, c } = this.s;
    this.timeline.soon(2, 60);
    const pool = screenshotPool();
    const k = this.rng.int(0, pool.length - 1);
    const shot = { ...pool[k]!, fileName: `${P.fileNames.screenshot}-${k + 1}.png` };
    this.document(() => ({
      kind: 'document', source: 'document', direction: 'inbound', actor: this.s.customerName, orderRef: this.main.ref,
      summary: P.screenshot.summary(c), body: P.screenshot.body(c), data: { orderRef: this.main.ref, documentType: 'screenshot' },
      attachments: [shot],
    }));
  }

  private followUpAction(last: boolean): Action {
    const { rng, plan } = this.s;
    if (this.has('technicalError') && rng.chance(0.3)) return 'tech';
    if (last && (this.has('repeatedContacts') || plan.category === 'customer_service_conduct') && rng.chance(0.5)) return 'circle';
    if (plan.category === 'credit_decision' || plan.category === 'data_protection') return rng.pick(['investigate', 'callback'] as const);
    if (!plan.dispute) return rng.pick(plan.patterns.size === 0 ? (['investigate', 'callback', 'explain'] as const) : (['investigate', 'callback', 'form'] as const));
    if (plan.patterns.size === 0) return rng.pick(['investigate', 'merchant_wait', 'callback', 'explain'] as const);
    return rng.pick(['investigate', 'merchant_wait', 'callback', 'form', 'investigate'] as const);
  }

  private runStep(step: Step, last: boolean): void {
    const { rng } = this.s;
    const p = this.main;
    switch (step) {
      case 'followup': {
        const purpose: Purpose = p.paused && rng.chance(0.3) ? 'pause_ending' : 'status';
        this.contact(this.channel(), purpose, this.followUpAction(last));
        break;
      }
      case 'tech':
        this.contact(this.channel(), rng.chance(0.5) ? 'status' : 'pause_ending', 'tech');
        break;
      case 'extend': {
        const days = rng.pick(PAUSE_DAYS);
        if (!p.paused) {
          // Resumed and paused again: the "paused again and again" shape.
          this.contact(this.channel(), 'pause_ending', 'pause', { days });
          this.pause(days, false);
        } else {
          this.contact(this.channel(), 'pause_ending', 'extend', { days });
          this.pause(days, true);
        }
        break;
      }
      case 'reminder': {
        this.timeline.advance(0, 0, 'system');
        this.reminder();
        this.timeline.advance(0, 3, 'customer');
        const action: Action = this.has('technicalError') && rng.chance(0.4) ? 'tech' : rng.pick(['explain', 'investigate', 'pay_anyway'] as const);
        this.contact(this.channel(), 'reminder', action);
        break;
      }
      case 'collection': {
        this.timeline.advance(0, 0, 'system');
        this.collection();
        this.timeline.advance(1, 4, 'customer');
        this.contact(this.channel(), 'collection', rng.pick(['pay_anyway', 'investigate', 'merchant_wait'] as const));
        break;
      }
      case 'payment': {
        if (rng.chance(0.6)) this.contact(this.channel(), 'paid_anyway', 'pay_anyway');
        this.timeline.soon(20, 600);
        this.pay();
        break;
      }
    }
  }

  private middleSteps(): Step[] {
    const { rng, plan } = this.s;
    const steps: Step[] = [];
    const follow = this.has('repeatedContacts') ? rng.int(3, 4) : plan.patterns.size > 0 ? rng.int(0, 1) : rng.chance(0.4) ? 1 : 0;
    for (let k = 0; k < follow; k++) steps.push('followup');
    if (this.has('technicalError')) for (let k = rng.int(2, 3); k > 0; k--) steps.push('tech');
    if (this.has('repeatedPauses')) for (let k = rng.int(2, 3); k > 0; k--) steps.push('extend');
    for (let k = steps.length - 1; k > 0; k--) {
      const j = Math.floor(rng.next() * (k + 1));
      [steps[k], steps[j]] = [steps[j]!, steps[k]!];
    }
    // Money steps keep their causal order: reminder, then collection, then the customer gives in.
    const money: Step[] = [];
    if (this.has('collectionDuringDispute')) {
      money.push('reminder');
      if (rng.chance(0.6)) money.push('collection');
    }
    if (this.has('paidDuringDispute')) money.push('payment');
    let earliest = Math.ceil(steps.length / 3);
    for (const step of money) {
      const at = rng.int(Math.min(earliest, steps.length), steps.length);
      steps.splice(at, 0, step);
      earliest = at + 1;
    }
    return steps;
  }

  private disputeStory(): void {
    const { plan, rng, P, c } = this.s;
    const t = this.timeline;
    const p = this.main;
    const kind = plan.dispute!;
    t.advance(0, 1, 'cs');
    const opened = t.clock;
    this.disputeOpen = true;
    t.now(() => {
      c.order = p.ref;
      return {
        kind: 'dispute_opened', source: 'merchant', direction: 'internal', actor: P.actor.investigation, orderRef: p.ref,
        summary: P.disputeOpened[kind], body: P.disputeOpenedBody(c), data: { orderRef: p.ref, disputeKind: kind },
      };
    });
    t.soon(30, 1200);
    const deadline = opened + 21 * DAY;
    if (rng.chance(0.7)) t.now(() => {
      c.order = p.ref;
      c.date = this.date(deadline);
      return {
        kind: 'merchant_contact', source: 'merchant', direction: 'outbound', actor: P.actor.investigation, orderRef: p.ref,
        summary: P.merchantRequest.summary(c), body: P.merchantRequest.body(c), data: { orderRef: p.ref, replyBy: new Date(deadline + this.s.shift).toISOString().slice(0, 10) },
      };
    });
    if (kind === 'return') this.returnReceipt();
    if (kind === 'fraud') this.policeReport();
    if (kind === 'defect') this.protectionClaim();

    const steps = this.middleSteps();
    const noResponse = plan.resolution === 'no_response';
    const windowDays = noResponse ? 21 : Math.min(60, rng.int(8, 24) + steps.length * 2);
    const mustBeInside = (s: Step) => s === 'reminder' || s === 'collection' || s === 'payment';
    const inside: Step[] = [];
    const after: Step[] = [];
    for (const s of steps) (mustBeInside(s) || !noResponse || inside.length < 6 ? inside : after).push(s);
    inside.forEach((step, k) => {
      const target = opened + ((k + 1) / (inside.length + 1)) * windowDays * DAY;
      t.advanceTo(Math.max(target, t.clock), 'customer');
      this.runStep(step, k === inside.length - 1 && after.length === 0);
    });

    const closeAt = opened + windowDays * DAY;
    const reply: MerchantReply | null =
      plan.resolution === 'customer' ? 'accepts' : plan.resolution === 'partial' ? 'partial' : plan.resolution === 'merchant' ? (kind === 'return' ? 'no_return' : 'delivered') : null;
    const partial = Math.round((p.amount * rng.int(20, 50)) / 100 / 100) * 100;
    const creditMinor = plan.resolution === 'partial' ? partial : p.amount;
    if (reply) {
      t.advanceTo(Math.max(closeAt - rng.int(1, 4) * DAY, t.clock), 'cs');
      const ref = this.reference(this.s.market === 'SE' ? 'PN' : 'GLS');
      t.now(() => {
        c.order = p.ref;
        c.money = this.m(creditMinor);
        c.ref = ref;
        const text = P.merchantReply[reply];
        return {
          kind: 'merchant_contact', source: 'merchant', direction: 'inbound', actor: this.s.merchant.name, orderRef: p.ref,
          summary: text.summary(c), body: text.body(c), data: { orderRef: p.ref, merchantReply: reply },
        };
      });
    }
    t.advanceTo(Math.max(closeAt, t.clock), 'system');
    const outcome =
      plan.resolution === 'no_response' ? 'merchant_no_response' : plan.resolution === 'customer' ? 'in_customer_favour' : plan.resolution === 'partial' ? 'partial' : 'in_merchant_favour';
    t.now(() => {
      c.order = p.ref;
      c.money = this.m(creditMinor);
      const text = P.disputeClosed[outcome];
      return {
        kind: 'dispute_closed', source: 'merchant', direction: 'internal', actor: P.actor.investigation, orderRef: p.ref,
        summary: text.summary(c), body: text.body(c),
        data: { orderRef: p.ref, outcome: outcome === 'partial' ? 'in_customer_favour' : outcome, partial: outcome === 'partial' },
      };
    });
    this.disputeOpen = false;

    after.forEach((step, k) => {
      t.advance(2, 7, 'customer');
      this.runStep(step, k === after.length - 1);
    });
    this.consequences(creditMinor);
  }

  /** After the dispute: credits and refunds, or the invoice back on track with reminders. */
  private consequences(creditMinor: number): void {
    const { plan, rng } = this.s;
    const t = this.timeline;
    const p = this.main;
    if (plan.resolution === 'customer' || plan.resolution === 'partial') {
      // What the customer paid comes back as a refund; what is still owed is credited on the invoice.
      const settle = Math.min(creditMinor, p.amount);
      const refundable = Math.min(settle, p.paid);
      const creditable = settle - refundable;
      if (creditable > 0) {
        t.soon(10, 600);
        this.refund(p, creditable, true);
      }
      if (refundable > 0 && this.has('refundNotMade')) {
        t.advance(1, 6, 'customer');
        this.contact(this.channel(), 'refund', 'promise_refund', { money: refundable, days: rng.pick([5, 7, 10]) });
      } else if (refundable > 0) {
        if (rng.chance(0.5)) {
          t.advance(1, 6, 'customer');
          this.contact(this.channel(), 'refund', 'promise_refund', { money: refundable, days: 7 });
        }
        t.advance(2, 8, 'system');
        this.refund(p, refundable, false);
      }
      if (plan.resolution !== 'partial' || this.outstanding(p) <= 0) {
        p.paused = false;
        return;
      }
    } else if (rng.chance(0.3)) {
      t.advance(0, 4, 'customer');
      this.contact(this.channel(), 'status', plan.resolution === 'no_response' ? 'merchant_wait' : 'explain');
    }
    // The invoice (or what is left of it) is due again: the ordinary dunning path follows.
    this.resume();
    if (this.outstanding(p) <= 0) return;
    const feesStory = plan.category === 'fees_and_reminders' || plan.category === 'debt_collection';
    if (feesStory || rng.chance(plan.resolution === 'no_response' ? 0.75 : 0.4)) {
      t.advanceTo(Math.max(p.due + rng.int(2, 6) * DAY, t.clock), 'system');
      this.reminder();
      t.advance(2, 12, 'customer');
      if (!p.collected && (plan.category === 'debt_collection' || rng.chance(0.3))) {
        t.advanceTo(Math.max(p.due + 25 * DAY, t.clock), 'system');
        this.collection();
        t.advance(1, 10, 'customer');
      }
    }
    if (rng.chance(plan.category === 'debt_collection' ? 0.35 : 0.65)) this.pay();
  }

  private plainStory(): void {
    const { plan, rng } = this.s;
    const t = this.timeline;
    const p = this.main;
    const steps = this.middleSteps();
    steps.forEach((step, k) => {
      t.advance(2, 8, 'customer');
      this.runStep(step, k === steps.length - 1);
    });
    if (plan.category === 'refund_missing' && !this.has('refundNotMade')) {
      t.advance(2, 9, 'customer');
      this.contact(this.channel(), 'refund', 'promise_refund', { money: p.paid, days: rng.pick([5, 7, 10]) });
      // The refund comes, but often later than promised, which is what the customer complains about.
      t.advance(rng.chance(0.5) ? 4 : 12, rng.chance(0.5) ? 9 : 30, 'system');
      const partial = rng.chance(0.25);
      this.refund(p, partial ? Math.round(p.paid / 200) * 100 : p.paid, false);
    } else if (plan.category === 'fees_and_reminders' || plan.category === 'customer_service_conduct') {
      if (this.outstanding(p) > 0 && rng.chance(0.7)) {
        t.advance(1, 6, 'customer');
        this.pay();
      }
    } else if (plan.category === 'credit_decision' && rng.chance(0.5)) {
      t.advance(3, 10, 'customer');
      this.contact(this.channel(), 'status', this.has('technicalError') ? 'tech' : 'explain');
    }
  }

  private returnReceipt(): void {
    const { P, c } = this.s;
    const p = this.main;
    this.timeline.advance(0, 2, 'customer');
    const kolli = this.reference(this.s.market === 'SE' ? '00373' : 'DK');
    const sentAt = this.timeline.clock - this.rng.int(10, 20) * DAY;
    const attach = this.rng.chance(0.45);
    this.document(() => {
      c.order = p.ref;
      c.ref = kolli;
      c.date = this.date(sentAt);
      return {
        kind: 'document', source: 'document', direction: 'inbound', actor: this.s.customerName, orderRef: p.ref,
        summary: P.returnReceipt.summary(c), body: P.returnReceipt.body(c), data: { orderRef: p.ref, documentType: 'return_receipt', parcelId: kolli },
        attachments: attach ? [uniquePdf(`${P.fileNames.returnReceipt}-${kolli}.pdf`, P.returnReceipt.pdf(c))] : undefined,
      };
    });
  }

  private policeReport(): void {
    const { P, c } = this.s;
    const p = this.main;
    this.timeline.advance(1, 5, 'customer');
    const ref = `${this.rng.int(5000, 5999)}-K${this.rng.int(100000, 999999)}-${this.rng.int(20, 26)}`;
    const attach = this.rng.chance(0.5);
    this.document(() => {
      c.order = p.ref;
      c.ref = ref;
      return {
        kind: 'document', source: 'document', direction: 'inbound', actor: this.s.customerName, orderRef: p.ref,
        summary: P.policeReport.summary(c), body: P.policeReport.body(c), data: { orderRef: p.ref, documentType: 'police_report' },
        attachments: attach ? [uniquePdf(`${P.fileNames.policeReport}-${p.ref}.pdf`, P.policeReport.pdf(c))] : undefined,
      };
    });
  }

  private protectionClaim(): void {
    const { P, c } = this.s;
    const p = this.main;
    this.timeline.advance(0, 2, 'customer');
    this.timeline.now(() => {
      c.order = p.ref;
      c.amount = this.m(p.amount);
      return {
        kind: 'purchase_protection_claim', source: 'mail', direction: 'inbound', actor: this.s.customerName, orderRef: p.ref,
        summary: P.protectionClaim.summary(c), body: P.protectionClaim.body(c), data: { orderRef: p.ref, amount: this.amount(p.amount) },
      };
    });
  }

  /** The formal complaint and customer service's final answer, on time or (pattern) late. */
  private complaintAndAnswer(): void {
    const { P, c, rng, plan } = this.s;
    const t = this.timeline;
    const p = this.main;
    t.advance(1, 8, 'customer');
    this.complaintAt = t.clock;
    const contacts = this.contacts;
    t.now(() => {
      c.order = p.ref;
      c.count = contacts;
      return {
        kind: 'cs_email', source: 'mail', direction: 'inbound', actor: this.s.customerName, orderRef: p.ref,
        summary: P.complaint.summary(c), body: P.complaint.body(c), data: { orderRef: p.ref, complaint: true },
      };
    });
    let answerAt: number;
    if (this.has('lateFinalAnswer')) {
      answerAt = this.complaintAt + rng.int(32, 70) * DAY;
      if (rng.chance(0.7)) {
        t.advance(8, 12, 'cs');
        const promised = this.complaintAt + rng.int(25, 35) * DAY;
        t.now(() => {
          c.date = this.date(promised);
          return {
            kind: 'cs_email', source: 'mail', direction: 'outbound', actor: P.actor.complaints, orderRef: p.ref,
            summary: P.holdingReply.summary(c), body: P.holdingReply.body(c), data: { orderRef: p.ref, holdingReply: true },
          };
        });
      }
      if (rng.chance(0.5)) {
        t.advance(5, 12, 'customer');
        this.contact(this.channel(), 'status', this.has('technicalError') ? 'tech' : 'callback');
      }
    } else {
      answerAt = this.complaintAt + rng.int(2, 13) * DAY;
    }
    t.advanceTo(Math.max(answerAt, t.clock), 'cs');
    this.finalAnswerAt = t.clock;

    let outcome: AnswerOutcome;
    if (this.has('refundNotMade')) outcome = 'refund_pending';
    else if (plan.resolution === 'no_response' && plan.dispute) outcome = 'rejected_no_response';
    else if (p.refunded + p.credited >= p.amount) outcome = 'upheld';
    else if (p.fees > 0 && plan.category !== 'fees_and_reminders' && rng.chance(0.4)) {
      outcome = 'partly';
      this.feesWaived = true;
    } else outcome = 'rejected';
    this.answer = outcome;
    const refundMinor = Math.max(p.refunded, p.paid, p.credited);
    const { category } = plan;
    const refusal =
      outcome === 'rejected' && (category === 'credit_decision' || category === 'data_protection' || category === 'customer_service_conduct')
        ? P.finalAnswerRefusal[category]
        : null;
    const attachTerms = (plan.category === 'purchase_protection' || plan.dispute === 'defect') && rng.chance(0.3);
    t.now(() => {
      c.order = p.ref;
      c.money = this.m(refundMinor);
      const data: Record<string, unknown> = { orderRef: p.ref, answer: outcome };
      if (outcome === 'refund_pending') data.promise = 'refund';
      return {
        kind: 'cs_final_answer', source: 'mail', direction: 'outbound', actor: P.actor.complaints, orderRef: p.ref,
        summary: P.finalAnswerSummary[outcome], body: P.finalAnswer(c, rng.pick(refusal ?? P.finalAnswerText[outcome])(c)), data,
        attachments: attachTerms ? [pooledPdf(P.terms.fileName, P.terms.lines)] : undefined,
      };
    });
  }
}
