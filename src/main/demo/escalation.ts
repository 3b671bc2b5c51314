import { moneyShort } from './format';
import type { CustomerStory } from './stories';
import type { ClaimText } from './text';
import { DAY } from './timeline';

/**
 * What the customer asks the ombudsman for, and the e-mail that asks: both read the finished
 * story (what was paid, refunded, credited, charged) so claims and amounts agree with the history.
 */

export interface Claim {
  kind: string;
  text: string;
  amountMinor: number | null;
  currency: string | null;
}

/** The customer's claims, derived from what actually happened to the money. */
export function customerClaims(story: CustomerStory): Claim[] {
  const { P, c, rng, plan, currency, market } = story.s;
  const p = story.main;
  const out: Claim[] = [];
  const add = (kind: string, key: ClaimText, minor: number | null): void => {
    c.money = minor === null ? '' : story.m(minor);
    out.push({ kind, text: P.claim[key](c), amountMinor: minor, currency: minor === null ? null : currency });
  };
  c.order = p.ref;
  c.amountShort = moneyShort(p.amount, currency, story.s.lang);
  const fees = story.feesWaived ? 0 : p.fees;
  const compensation = () => (market === 'SE' ? rng.int(5, 30) : rng.int(3, 20)) * 10_000;
  switch (plan.category) {
    case 'credit_decision':
      add('credit_record_correction', 'creditDecision', null);
      if (rng.chance(0.5)) add('apology', 'apology', null);
      break;
    case 'data_protection':
      add('other', 'data', null);
      if (rng.chance(0.4)) add('compensation', 'compensation', compensation());
      break;
    case 'customer_service_conduct':
      add('apology', 'apology', null);
      add('compensation', 'compensation', compensation());
      if (fees > 0) add('fee_waiver', 'fees', fees);
      break;
    case 'fees_and_reminders':
      if (fees > 0) add('fee_waiver', 'fees', fees);
      if (p.collected) add('credit_record_correction', 'credit', null);
      if (out.length === 0 || rng.chance(0.3)) add('compensation', 'compensation', compensation());
      break;
    case 'debt_collection':
      if (p.collected) add('credit_record_correction', 'credit', null);
      if (fees > 0) add('fee_waiver', 'fees', fees);
      if (p.refunded + p.credited < p.amount && p.paid < p.amount) add('refund', 'refundUnpaid', p.amount - p.refunded - p.credited);
      else if (out.length < 3 && rng.chance(0.4)) add('compensation', 'compensation', compensation());
      break;
    case 'invoice_dispute':
      if (p.refunded + p.credited < p.amount) add('refund', 'overcharge', Math.round(p.amount / 200) * 100);
      if (fees > 0) add('fee_waiver', 'fees', fees);
      if (out.length === 0 || rng.chance(0.2)) add('compensation', 'compensation', compensation());
      break;
    default: {
      // Money paid and not returned, and invoice still owed and not credited.
      const paidBack = Math.max(0, p.paid - p.refunded);
      const owed = Math.max(0, p.amount - p.paid - p.credited);
      if (paidBack > 0 && owed > 0) add('refund', 'reverse', paidBack + owed);
      else if (paidBack > 0) add('refund', 'refundPaid', paidBack);
      else if (owed > 0) add('refund', owed === p.amount ? 'refundUnpaid' : 'refundRest', owed);
      if (fees > 0) add('fee_waiver', 'fees', fees);
      if (p.collected && out.length < 3) add('credit_record_correction', 'credit', null);
      if (p.product === 'part_payment' && out.length < 3 && rng.chance(0.5)) add('interest_waiver', 'interest', Math.round((p.amount * 0.035) / 100) * 100);
      if (out.length < 3 && (out.length === 0 || rng.chance(0.2))) add('compensation', 'compensation', compensation());
    }
  }
  // Nobody escalates without asking for something; when the money is settled, they want redress.
  if (out.length === 0) add('compensation', 'compensation', compensation());
  return out.slice(0, 3);
}

/** The customer's e-mail to the ombudsman, quoting the history the way customers do. */
export function escalationBody(story: CustomerStory, claims: readonly Claim[]): string {
  const { P, c, rng, plan } = story.s;
  c.order = story.main.ref;
  const background = plan.category === 'fraud_identity' ? 'fraud' : plan.category === 'credit_decision' ? 'credit' : 'purchase';
  let body = `${rng.pick(P.escalationIntro)(c)}\n\n${P.escalationBackground[background](c)} ${rng.pick(P.problem[story.reportCategory()])(c)}`;
  for (const pattern of plan.patterns) {
    c.count = pattern === 'lateFinalAnswer' ? Math.floor((story.finalAnswerAt - story.complaintAt) / (7 * DAY)) : story.contacts;
    c.money = story.m(story.paidDuringDispute || story.main.paid);
    c.date = story.refundPromisedAt === null ? '' : story.date(story.refundPromisedAt);
    body += ` ${P.escalationFlag[pattern](c)}`;
  }
  c.date = story.date(story.finalAnswerAt);
  body += ` ${P.escalationAnswer(c)}\n\n${P.escalationClaims}\n`;
  claims.forEach((claim, k) => {
    body += `${k + 1}. ${claim.text}\n`;
  });
  return `${body}\n${P.escalationClosing(c)}`;
}
