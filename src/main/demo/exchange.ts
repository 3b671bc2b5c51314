import { isExternalEventKind } from '../../shared/domain/history';
import { toDecimal } from '../../shared/domain/money';
import { EXCHANGE_FORMAT, type ExchangeCase } from '../../shared/exchange/case-exchange';
import type { NewCaseBundle } from '../db/repositories/case-writer.repository';
import { demoCases, type DemoCaseOptions } from './generate';

function isStoredMoney(v: unknown): v is { minor: number; currency: string } {
  return typeof v === 'object' && v !== null && 'minor' in v && 'currency' in v;
}

/**
 * A demo case as the customer-service system would export it in the case exchange format:
 * source ids, RFC 3339 instants, decimal money, attachments inline. The office's own events
 * (notes, decisions, letters) are left out, as another system would not have them; the case
 * number is left out too, so the importing store gives its own.
 */
export function bundleToExchange(b: NewCaseBundle, options: { includeOfficeEvents?: boolean } = {}): ExchangeCase {
  const events = b.events.filter((e) => options.includeOfficeEvents || isExternalEventKind(e.kind));
  return {
    format: EXCHANGE_FORMAT,
    sourceId: b.sourceId ?? b.number,
    market: b.market as ExchangeCase['market'],
    language: b.language as ExchangeCase['language'],
    receivedAt: b.receivedAt,
    receivedChannel: b.receivedChannel as ExchangeCase['receivedChannel'],
    category: b.category as ExchangeCase['category'],
    summary: b.summary,
    customer: {
      ...(b.customer.sourceId ? { sourceId: b.customer.sourceId } : {}),
      name: b.customer.name,
      personalNumber: b.customer.personalNumber,
      email: b.customer.email,
      phone: b.customer.phone,
      address: { street: b.customer.street, postalCode: b.customer.postalCode, city: b.customer.city, country: b.customer.country },
    },
    merchant: b.merchant
      ? { ...(b.merchant.sourceId ? { sourceId: b.merchant.sourceId } : {}), name: b.merchant.name, orgNumber: b.merchant.orgNumber, country: b.merchant.country }
      : null,
    purchases: b.purchases.map((p) => ({
      ...(p.sourceId ? { sourceId: p.sourceId } : {}),
      orderRef: p.orderRef,
      purchasedOn: p.purchasedOn,
      amount: { value: toDecimal({ minor: p.amountMinor, currency: p.currency }), currency: p.currency },
      product: p.product as 'invoice',
      status: p.status as 'open',
    })),
    claims: b.claims.map((c) => ({
      kind: c.kind as 'refund',
      text: c.text,
      amount: c.amountMinor === null || c.currency === null ? null : { value: toDecimal({ minor: c.amountMinor, currency: c.currency }), currency: c.currency },
    })),
    events: events.map((e, i) => {
      const data: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(e.data)) data[k] = isStoredMoney(v) ? { value: toDecimal(v), currency: v.currency } : v;
      return {
        sourceId: e.sourceId ?? `event-${i + 1}`,
        occurredAt: e.occurredAt,
        kind: e.kind as 'cs_call',
        source: e.source as 'phone',
        direction: e.direction,
        actor: e.actor,
        ...(e.orderRef ? { orderRef: e.orderRef } : {}),
        summary: e.summary,
        body: e.body,
        data: data as never,
        ...(e.attachments && e.attachments.length > 0
          ? { attachments: e.attachments.map((a) => ({ fileName: a.fileName, mediaType: a.mediaType, base64: a.content.toString('base64') })) }
          : {}),
      };
    }),
  };
}

/** `count` demo cases as exchange records, one JSON line each (for tests, benchmarks and samples). */
export function* demoExchangeLines(options: Omit<DemoCaseOptions, 'assigneeIds'> & { includeOfficeEvents?: boolean }): Generator<string> {
  for (const bundle of demoCases({ ...options, assigneeIds: [] })) {
    yield `${JSON.stringify(bundleToExchange(bundle, options))}\n`;
  }
}
