import { describe, expect, it } from 'vitest';
import { detectRedFlags, type FlagEvent, type RedFlagCode } from '../../src/main/services/red-flags';

let nextId = 1;
function ev(day: string, kind: string, extra: Partial<FlagEvent> = {}): FlagEvent {
  return { id: nextId++, occurredAt: `${day}T10:00:00.000Z`, kind, direction: 'inbound', orderRef: 'ORD-1', data: {}, ...extra };
}

function codes(events: FlagEvent[]): RedFlagCode[] {
  return detectRedFlags(events, { market: 'SE' }).map((f) => f.code);
}

const clean = () => [
  ev('2026-03-01', 'invoice_issued', { direction: 'outbound' }),
  ev('2026-03-05', 'cs_call'),
  ev('2026-03-06', 'dispute_opened', { direction: 'outbound' }),
  ev('2026-03-20', 'dispute_closed', { direction: 'internal', data: { outcome: 'in_merchant_favour' } }),
  ev('2026-03-23', 'cs_final_answer', { direction: 'outbound' }),
  ev('2026-04-01', 'payment'),
];

describe('red flags', () => {
  it('raises nothing on a clean history', () => {
    expect(codes(clean())).toEqual([]);
  });

  it('repeated contacts about one purchase without resolution, naming the contacts', () => {
    const contacts = [ev('2026-03-02', 'cs_call'), ev('2026-03-09', 'cs_chat'), ev('2026-03-16', 'cs_email')];
    const [flag] = detectRedFlags(contacts, { market: 'SE' });
    expect(flag).toEqual({ code: 'repeated_contacts', eventIds: contacts.map((c) => c.id), facts: { count: 3, orderRef: 'ORD-1' } });
    // Resolved by a refund afterwards: no flag. Contacts about different purchases: no flag.
    expect(codes([...contacts, ev('2026-03-20', 'refund', { direction: 'outbound' })])).toEqual([]);
    expect(codes([ev('2026-03-02', 'cs_call'), ev('2026-03-09', 'cs_chat', { orderRef: 'ORD-2' }), ev('2026-03-16', 'cs_email', { orderRef: 'ORD-3' })])).toEqual([]);
    // Outbound replies are not the customer coming back.
    expect(codes([ev('2026-03-02', 'cs_call'), ev('2026-03-03', 'cs_email', { direction: 'outbound' }), ev('2026-03-04', 'cs_email', { direction: 'outbound' })])).toEqual([]);
  });

  it('invoice paused again and again, or resumed and paused anew', () => {
    expect(codes([ev('2026-03-02', 'invoice_paused'), ev('2026-03-16', 'invoice_pause_extended'), ev('2026-03-30', 'invoice_pause_extended')])).toEqual(['repeated_pauses']);
    expect(codes([ev('2026-03-02', 'invoice_paused'), ev('2026-03-16', 'invoice_resumed'), ev('2026-03-20', 'invoice_paused')])).toEqual(['repeated_pauses']);
    expect(codes([ev('2026-03-02', 'invoice_paused'), ev('2026-03-16', 'invoice_pause_extended')])).toEqual([]);
    expect(codes([ev('2026-03-02', 'invoice_paused'), ev('2026-03-16', 'invoice_resumed')])).toEqual([]);
  });

  it('reminders, fees or debt collection while a dispute was open, not after it closed', () => {
    const open = ev('2026-03-02', 'dispute_opened');
    const reminder = ev('2026-03-10', 'reminder', { direction: 'outbound' });
    const collection = ev('2026-03-25', 'debt_collection', { direction: 'outbound' });
    const flags = detectRedFlags([open, reminder, collection], { market: 'SE' });
    expect(flags).toEqual([{ code: 'collection_during_dispute', eventIds: [reminder.id, collection.id], facts: { count: 2 } }]);
    expect(codes([open, ev('2026-03-05', 'dispute_closed'), ev('2026-03-10', 'reminder')])).toEqual([]);
    // A dispute about another purchase does not make this purchase's reminder wrong.
    expect(codes([open, ev('2026-03-10', 'reminder', { orderRef: 'ORD-9' })])).toEqual([]);
    expect(codes([ev('2026-03-02', 'purchase_protection_claim'), ev('2026-03-10', 'fee')])).toEqual(['collection_during_dispute']);
  });

  it('the customer paid while the dispute was open', () => {
    expect(codes([ev('2026-03-02', 'dispute_opened'), ev('2026-03-10', 'payment')])).toEqual(['paid_during_dispute']);
    expect(codes([ev('2026-03-10', 'payment'), ev('2026-03-12', 'dispute_opened')])).toEqual([]);
  });

  it('a dispute closed because the merchant did not answer', () => {
    expect(codes([ev('2026-03-02', 'dispute_opened'), ev('2026-03-23', 'dispute_closed', { data: { outcome: 'merchant_no_response' } })])).toEqual(['dispute_closed_no_merchant_response']);
  });

  it('a refund promised with no refund after it', () => {
    const promise = ev('2026-03-02', 'cs_chat', { direction: 'outbound', data: { promise: 'refund' } });
    expect(codes([promise])).toEqual(['refund_promised_not_made']);
    expect(codes([promise, ev('2026-03-05', 'refund')])).toEqual([]);
    expect(codes([ev('2026-02-01', 'refund'), promise])).toEqual(['refund_promised_not_made']);
    expect(codes([promise, ev('2026-03-05', 'refund', { orderRef: 'ORD-2' })])).toEqual(['refund_promised_not_made']);
  });

  it('repeated “technical error” answers, not a single one', () => {
    expect(codes([ev('2026-03-02', 'cs_chat', { direction: 'outbound', data: { technicalError: true } })])).toEqual([]);
    expect(codes([ev('2026-03-02', 'cs_chat', { direction: 'outbound', data: { technicalError: true } }), ev('2026-03-09', 'cs_email', { direction: 'outbound', data: { technicalError: true } })])).toEqual(['repeated_technical_error']);
  });

  it('customer service’s final answer after 15 business days, counted in the market’s calendar', () => {
    // First complaint Monday 2026-03-23; 15 business days over Easter is 2026-04-15.
    const first = ev('2026-03-23', 'cs_call');
    expect(codes([first, ev('2026-04-15', 'cs_final_answer', { direction: 'outbound' })])).toEqual([]);
    const late = ev('2026-04-16', 'cs_final_answer', { direction: 'outbound' });
    expect(detectRedFlags([first, late], { market: 'SE' })).toEqual([
      { code: 'late_final_answer', eventIds: [first.id, late.id], facts: { due: '2026-04-15', answered: '2026-04-16', days: 15 } },
    ]);
  });

  it('counts the final answer from the contact marked as the formal complaint when there is one', () => {
    const early = ev('2026-03-02', 'cs_chat');
    const complaint = ev('2026-03-23', 'cs_email', { data: { complaint: true } });
    const answer = ev('2026-04-14', 'cs_final_answer', { direction: 'outbound' });
    expect(codes([early, complaint, answer])).toEqual([]);
    expect(codes([early, answer])).toEqual(['late_final_answer']);
  });

  it('reads the history in time order whatever order it arrives in', () => {
    const events = [ev('2026-03-10', 'payment'), ev('2026-03-02', 'dispute_opened')];
    expect(codes(events)).toEqual(['paid_during_dispute']);
  });
});
