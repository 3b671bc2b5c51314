import { describe, expect, it } from 'vitest';
import { computeDeadlines, nextDeadline, type ClockEvent } from '../../src/main/services/deadlines';

let id = 1;
const at = (day: string, kind: string, data: ClockEvent['data'] = {}): ClockEvent => ({ id: id++, occurredAt: `${day}T09:00:00.000Z`, kind, data });
const status = (day: string, toStatus: string) => at(day, 'status_change', { toStatus });

describe('deadlines, Sweden', () => {
  it('PSD2: 15 business days from receipt, counted over Easter', () => {
    const [psd2] = computeDeadlines({ market: 'SE', receivedDate: '2026-03-23', events: [], today: '2026-04-08' });
    expect(psd2).toMatchObject({ kind: 'psd2_final', dueDate: '2026-04-15', daysLeft: 5, extended: false, metOn: null });
  });

  it('PSD2: a holding reply before day 15 extends the answer to 35 business days; a late one does not', () => {
    const early = computeDeadlines({ market: 'SE', receivedDate: '2026-03-23', events: [at('2026-04-14', 'letter_sent', { letter: 'holding_reply' })], today: '2026-04-16' });
    expect(early[0]).toMatchObject({ dueDate: '2026-05-15', extended: true });
    const late = computeDeadlines({ market: 'SE', receivedDate: '2026-03-23', events: [at('2026-04-16', 'letter_sent', { letter: 'holding_reply' })], today: '2026-04-17' });
    expect(late[0]).toMatchObject({ dueDate: '2026-04-15', extended: false, daysLeft: -2 });
  });

  it('the internal target pauses while waiting for the customer; PSD2 never pauses', () => {
    const events = [status('2026-11-02', 'in_review'), status('2026-11-04', 'waiting_for_customer'), status('2026-11-11', 'in_review')];
    const [psd2, internal] = computeDeadlines({ market: 'SE', receivedDate: '2026-11-02', events, today: '2026-11-12' });
    expect(psd2).toMatchObject({ dueDate: '2026-11-23', paused: false, pausedDays: 0 });
    // 10 business days from 2 Nov is 16 Nov; paused 4 Nov -> 11 Nov = 5 business days -> 23 Nov.
    expect(internal).toMatchObject({ kind: 'internal_target', dueDate: '2026-11-23', pausedDays: 5, paused: false });
  });

  it('a running pause has no due date for the internal target and counts the days so far', () => {
    const events = [status('2026-11-04', 'waiting_for_customer')];
    const [, internal] = computeDeadlines({ market: 'SE', receivedDate: '2026-11-02', events, today: '2026-11-06' });
    expect(internal).toMatchObject({ dueDate: null, daysLeft: null, paused: true, pausedDays: 2 });
  });

  it('an issued decision meets the deadlines, late or on time', () => {
    const events = [at('2026-11-25', 'decision_issued')];
    const [psd2, internal] = computeDeadlines({ market: 'SE', receivedDate: '2026-11-02', events, today: '2026-12-01' });
    expect(psd2).toMatchObject({ metOn: '2026-11-25', metLate: true, daysLeft: null });
    expect(internal).toMatchObject({ metOn: '2026-11-25', metLate: true });
    expect(nextDeadline([psd2!, internal!])).toBeNull();
  });

  it('closing a case without a decision stops every clock', () => {
    const deadlines = computeDeadlines({ market: 'SE', receivedDate: '2026-11-02', events: [status('2026-11-05', 'closed')], today: '2026-12-20' });
    expect(deadlines.map((d) => [d.kind, d.metOn, d.daysLeft])).toEqual([
      ['psd2_final', '2026-11-05', null],
      ['internal_target', '2026-11-05', null],
    ]);
    expect(nextDeadline(deadlines)).toBeNull();
  });
});

describe('deadlines, Denmark', () => {
  it('acknowledgement within 1 working day and a decision within 10, over Christmas', () => {
    const deadlines = computeDeadlines({ market: 'DK', receivedDate: '2026-12-23', events: [status('2026-12-28', 'acknowledged')], today: '2026-12-29' });
    const byKind = Object.fromEntries(deadlines.map((d) => [d.kind, d]));
    // 24, 25, 26 (Sat), 27 (Sun) closed: the first working day is the 28th.
    expect(byKind.dk_acknowledge).toMatchObject({ dueDate: '2026-12-28', metOn: '2026-12-28', metLate: false });
    // 28, 29, 30, (31 Dec and 1 Jan closed), 4-8, 11, 12: the 10th is 12 January
    expect(byKind.dk_decision).toMatchObject({ dueDate: '2027-01-12', daysLeft: 8 });
    expect(nextDeadline(deadlines)?.kind).toBe('dk_decision');
  });
});
