import type { Category, Product } from '../../shared/domain/case';
import { Rng, weighted, type WeightedTable } from './random';
import type { DisputeKind, Pattern } from './text';

/**
 * What a case will be about before any text is written: its category, whether customer service
 * stalled (and how), and which building blocks the history needs. Stalling shares follow the
 * investigation's account: disputes closed for lack of a merchant answer, fees during open
 * disputes and "technical errors" dominate; clean cases are resolved but the customer disagrees.
 */

interface CategorySpec {
  weight: number;
  /** Chance that customer service stalled in at least one of the ways in `patterns`. */
  stall: number;
  patterns: readonly (readonly [Pattern, number])[];
  /** Chance of a merchant dispute (or fraud investigation) and its kind. */
  dispute: number;
  disputeKind: DisputeKind | null;
  pause: number;
  products: WeightedTable<Product>;
  foreign: boolean;
}

const INVOICE_HEAVY = weighted<Product>([['invoice', 55], ['pay_later', 25], ['part_payment', 12], ['card', 8]]);
const PAID_FIRST = weighted<Product>([['card', 45], ['invoice', 25], ['pay_later', 20], ['part_payment', 10]]);
const CREDIT = weighted<Product>([['part_payment', 80], ['card', 20]]);

const SPECS: Record<Category, CategorySpec> = {
  undelivered_goods: {
    weight: 18, stall: 0.56, dispute: 1, disputeKind: 'non_delivery', pause: 0.9, products: INVOICE_HEAVY, foreign: true,
    patterns: [['merchantNoResponse', 4], ['collectionDuringDispute', 3], ['repeatedPauses', 3], ['paidDuringDispute', 3], ['repeatedContacts', 3], ['technicalError', 2], ['refundNotMade', 1], ['lateFinalAnswer', 2]],
  },
  return_not_registered: {
    weight: 16, stall: 0.56, dispute: 1, disputeKind: 'return', pause: 0.85, products: INVOICE_HEAVY, foreign: true,
    patterns: [['merchantNoResponse', 4], ['repeatedPauses', 3], ['collectionDuringDispute', 3], ['paidDuringDispute', 2], ['repeatedContacts', 3], ['technicalError', 2], ['refundNotMade', 2], ['lateFinalAnswer', 2]],
  },
  refund_missing: {
    weight: 14, stall: 0.6, dispute: 0.3, disputeKind: 'return', pause: 0.2, products: PAID_FIRST, foreign: true,
    patterns: [['refundNotMade', 6], ['technicalError', 3], ['repeatedContacts', 3], ['lateFinalAnswer', 2]],
  },
  invoice_dispute: {
    weight: 10, stall: 0.45, dispute: 0.8, disputeKind: 'wrong_amount', pause: 0.8, products: INVOICE_HEAVY, foreign: false,
    patterns: [['collectionDuringDispute', 3], ['repeatedPauses', 3], ['merchantNoResponse', 2], ['paidDuringDispute', 2], ['repeatedContacts', 2], ['technicalError', 2], ['lateFinalAnswer', 2]],
  },
  fees_and_reminders: {
    weight: 10, stall: 0.4, dispute: 0.35, disputeKind: 'return', pause: 0.4, products: INVOICE_HEAVY, foreign: false,
    patterns: [['collectionDuringDispute', 4], ['repeatedPauses', 2], ['repeatedContacts', 2], ['technicalError', 2], ['lateFinalAnswer', 2]],
  },
  debt_collection: {
    weight: 8, stall: 0.6, dispute: 0.75, disputeKind: 'non_delivery', pause: 0.6, products: INVOICE_HEAVY, foreign: true,
    patterns: [['collectionDuringDispute', 6], ['merchantNoResponse', 2], ['paidDuringDispute', 2], ['repeatedContacts', 2], ['technicalError', 1], ['lateFinalAnswer', 2]],
  },
  purchase_protection: {
    weight: 8, stall: 0.55, dispute: 1, disputeKind: 'defect', pause: 0.7, products: INVOICE_HEAVY, foreign: true,
    patterns: [['merchantNoResponse', 5], ['paidDuringDispute', 2], ['collectionDuringDispute', 2], ['repeatedContacts', 2], ['technicalError', 2], ['lateFinalAnswer', 1]],
  },
  fraud_identity: {
    weight: 6, stall: 0.5, dispute: 1, disputeKind: 'fraud', pause: 0.9, products: INVOICE_HEAVY, foreign: false,
    patterns: [['collectionDuringDispute', 5], ['repeatedPauses', 2], ['repeatedContacts', 2], ['paidDuringDispute', 1], ['technicalError', 2], ['lateFinalAnswer', 2]],
  },
  credit_decision: {
    weight: 3, stall: 0.25, dispute: 0, disputeKind: null, pause: 0, products: CREDIT, foreign: false,
    patterns: [['repeatedContacts', 2], ['technicalError', 2], ['lateFinalAnswer', 2]],
  },
  customer_service_conduct: {
    weight: 5, stall: 0.85, dispute: 0.5, disputeKind: 'non_delivery', pause: 0.5, products: INVOICE_HEAVY, foreign: false,
    patterns: [['repeatedContacts', 5], ['technicalError', 4], ['lateFinalAnswer', 2], ['refundNotMade', 1], ['repeatedPauses', 1]],
  },
  data_protection: {
    weight: 2, stall: 0.5, dispute: 0, disputeKind: null, pause: 0, products: INVOICE_HEAVY, foreign: false,
    patterns: [['lateFinalAnswer', 4], ['repeatedContacts', 2], ['technicalError', 2]],
  },
};

const PATTERN_TABLES = Object.fromEntries(
  (Object.keys(SPECS) as Category[]).map((c) => [c, weighted(SPECS[c].patterns)]),
) as Record<Category, WeightedTable<Pattern>>;
const CATEGORY_TABLE = weighted((Object.keys(SPECS) as Category[]).map((c) => [c, SPECS[c].weight] as const));
const PATTERN_COUNT = weighted([[1, 55], [2, 30], [3, 15]] as const);
const UNPAID_CATEGORIES: ReadonlySet<Category> = new Set(['credit_decision', 'fees_and_reminders', 'debt_collection', 'data_protection']);
const NEEDS_DISPUTE: ReadonlySet<Pattern> = new Set(['collectionDuringDispute', 'paidDuringDispute', 'merchantNoResponse']);

export type Resolution = 'customer' | 'merchant' | 'partial' | 'no_response';

export interface Plan {
  category: Category;
  patterns: ReadonlySet<Pattern>;
  dispute: DisputeKind | null;
  pause: boolean;
  product: Product;
  preferForeign: boolean;
  /** The customer paid before complaining (card purchases, prepaid orders). */
  paidUpfront: boolean;
  /** How the dispute ends; `no_response` exactly when the merchant-no-response pattern applies. */
  resolution: Resolution;
}

/** Draws a case's plan: category first, then whether and how customer service stalled. */
export function makePlan(rng: Rng): Plan {
  const category = rng.choose(CATEGORY_TABLE);
  const spec = SPECS[category];
  const patterns = new Set<Pattern>();
  if (rng.chance(spec.stall)) {
    const table = PATTERN_TABLES[category];
    const n = Math.min(rng.choose(PATTERN_COUNT), spec.patterns.length);
    for (let tries = 0; patterns.size < n && tries < 12; tries++) patterns.add(rng.choose(table));
  }
  let dispute = rng.chance(spec.dispute) ? spec.disputeKind : null;
  if (!dispute && [...patterns].some((p) => NEEDS_DISPUTE.has(p))) dispute = spec.disputeKind ?? 'non_delivery';
  const product = rng.choose(spec.products);
  // Card purchases are paid through the card account before anything goes wrong; categories that
  // are about an unpaid invoice (fees, collection) or about no purchase at all stay unpaid.
  const paidUpfront =
    category === 'refund_missing' ||
    (patterns.has('refundNotMade') && !patterns.has('paidDuringDispute')) ||
    (product === 'card' && !UNPAID_CATEGORIES.has(category) && !patterns.has('collectionDuringDispute') && !patterns.has('paidDuringDispute'));
  // A paid invoice has nothing to pause.
  if (paidUpfront) patterns.delete('repeatedPauses');
  const pause = dispute !== null && !paidUpfront && (patterns.has('repeatedPauses') || rng.chance(spec.pause));
  let resolution: Resolution;
  if (patterns.has('merchantNoResponse')) resolution = 'no_response';
  else if (patterns.has('refundNotMade')) resolution = 'customer';
  else if (category === 'fees_and_reminders' || category === 'debt_collection') resolution = rng.choose(FEES_RESOLUTION);
  else if (patterns.size > 0) resolution = rng.choose(STALLED_RESOLUTION);
  else resolution = rng.choose(CLEAN_RESOLUTION);
  // A purchase is either the customer's or not: fraud investigations are not settled halfway.
  if (category === 'fraud_identity' && resolution === 'partial') resolution = 'merchant';
  return { category, patterns, dispute, pause, product, preferForeign: spec.foreign, paidUpfront, resolution };
}

const STALLED_RESOLUTION = weighted<Resolution>([['merchant', 50], ['partial', 25], ['customer', 25]]);
const CLEAN_RESOLUTION = weighted<Resolution>([['merchant', 55], ['customer', 25], ['partial', 20]]);
/** A fee or collection complaint only exists if the invoice stayed (at least partly) due. */
const FEES_RESOLUTION = weighted<Resolution>([['merchant', 75], ['partial', 25]]);
