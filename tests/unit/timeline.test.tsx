// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { HistoryEvent } from '../../src/shared/domain/history';
import { groupByDay } from '../../src/renderer/features/case/timeline';
import { Timeline } from '../../src/renderer/features/case/Timeline';
import { plainSpaces, renderWithProviders } from './dom-helpers';

function event(id: number, occurredAt: string, patch: Partial<HistoryEvent> = {}): HistoryEvent {
  return {
    id,
    occurredAt,
    kind: 'cs_call',
    source: 'phone',
    direction: 'inbound',
    actor: 'Kundservice',
    summary: `Händelse ${id}`,
    body: '',
    data: {},
    attachments: [],
    ...patch,
  };
}

const transcript = [
  'Kund: Jag har fortfarande inte fått tillbaka pengarna.',
  'Agent: Jag ser att returen är registrerad hos handlaren.',
  'Kund: Det sa ni förra veckan också.',
  'Agent: Jag skickar ärendet till utredning.',
  'Kund: Hur lång tid tar det?',
].join('\n');

// Stockholm is UTC+1 in March: 23:30Z on the 2nd is already the 3rd locally.
const EVENTS: HistoryEvent[] = [
  event(3, '2026-03-02T23:30:00Z', { kind: 'cs_chat', source: 'chat', summary: 'Chatt efter midnatt' }),
  event(1, '2026-03-02T08:15:00Z', { kind: 'invoice_issued', source: 'invoice', direction: 'outbound', actor: 'Fakturasystemet', data: { amount: { minor: 149_900, currency: 'SEK' } } }),
  event(2, '2026-03-02T09:00:00Z', {
    summary: 'Kunden ringde om returen',
    body: transcript,
    attachments: [{ id: 9, fileName: 'kvitto.pdf', mediaType: 'application/pdf', size: 123_456, sha256: 'x' }],
  }),
  event(4, '2026-03-05T10:00:00Z', { kind: 'note', source: 'internal', direction: 'internal', actor: 'Ombudsman', summary: 'Intern anteckning' }),
];

describe('groupByDay', () => {
  it('groups by the local day in the market time zone, oldest first', () => {
    const groups = groupByDay(EVENTS, 'Europe/Stockholm');
    expect(groups.map((g) => g.day)).toEqual(['2026-03-02', '2026-03-03', '2026-03-05']);
    expect(groups[0]?.events.map((e) => e.id)).toEqual([1, 2]);
  });

  it('reverses days and events for newest first, and filters by source', () => {
    const groups = groupByDay(EVENTS, 'Europe/Stockholm', 'newest', new Set(['phone', 'invoice'] as const));
    expect(groups.map((g) => g.day)).toEqual(['2026-03-02']);
    expect(groups[0]?.events.map((e) => e.id)).toEqual([2, 1]);
  });
});

describe('<Timeline>', () => {
  it('shows the history grouped by day with headings in the market language', () => {
    renderWithProviders(<Timeline events={EVENTS} market="SE" />);
    const days = screen.getAllByTestId('timeline-day');
    expect(days).toHaveLength(3);
    expect(screen.getAllByTestId('timeline-day-heading').map((h) => h.textContent)).toEqual([
      'Måndag 2 mars 2026',
      'Tisdag 3 mars 2026',
      'Torsdag 5 mars 2026',
    ]);
    expect(within(days[0]!).getAllByTestId('timeline-event').map((e) => e.dataset.eventId)).toEqual(['1', '2']);
    expect(screen.getByTestId('timeline-count').textContent).toBe('4 händelser');
  });

  it('labels kinds and sources in Swedish and formats amounts and attachments', () => {
    renderWithProviders(<Timeline events={EVENTS} market="SE" />);
    const invoice = screen.getAllByTestId('timeline-event')[0]!;
    expect(invoice.textContent).toContain('Faktura utställd');
    expect(within(invoice).getByRole('img', { name: 'Faktura' })).toBeTruthy();
    expect(plainSpaces(within(invoice).getByTestId('event-amount').textContent)).toBe('1 499,00 SEK');
    expect(within(invoice).getByText('09:15')).toBeTruthy();
    const attachment = screen.getByTestId('event-attachment');
    expect(plainSpaces(attachment.textContent)).toBe('kvitto.pdf123,5 kB');
  });

  it('collapses a long transcript and expands it on request', async () => {
    const user = userEvent.setup();
    renderWithProviders(<Timeline events={EVENTS} market="SE" />);
    const call = screen.getAllByTestId('timeline-event').find((e) => e.dataset.eventId === '2')!;
    const body = within(call).getByTestId('event-body');
    expect(body.dataset.collapsed).toBe('true');
    expect(body.textContent).toBe(transcript);
    await user.click(within(call).getByRole('button', { name: 'Visa mer' }));
    expect(within(call).getByTestId('event-body').dataset.collapsed).toBeUndefined();
    expect(within(call).getByRole('button', { name: 'Visa mindre' })).toBeTruthy();
  });

  it('filters by source and switches to newest first', async () => {
    const user = userEvent.setup();
    renderWithProviders(<Timeline events={EVENTS} market="SE" />);
    await user.click(screen.getByRole('checkbox', { name: /Internt/ }));
    expect(screen.getAllByTestId('timeline-event').map((e) => e.dataset.eventId)).toEqual(['4']);
    expect(screen.getByTestId('timeline-count').textContent).toBe('1 av 4 visas');
    await user.click(screen.getByRole('button', { name: 'Alla källor' }));
    await user.click(screen.getByText('Nyast först'));
    expect(screen.getAllByTestId('timeline-event').map((e) => e.dataset.eventId)).toEqual(['4', '3', '2', '1']);
  });

  it('filters by kind group', async () => {
    const user = userEvent.setup();
    renderWithProviders(<Timeline events={EVENTS} market="SE" />);
    await user.click(within(screen.getByTestId('timeline-kind-filter-invoice')).getByRole('checkbox'));
    expect(screen.getAllByTestId('timeline-event').map((e) => e.dataset.eventId)).toEqual(['1']);
    await user.click(within(screen.getByTestId('timeline-kind-filter-ombudsman')).getByRole('checkbox'));
    expect(screen.getAllByTestId('timeline-event').map((e) => e.dataset.eventId)).toEqual(['1', '4']);
    expect(screen.getByTestId('timeline-kind-filter-ombudsman').dataset.checked).toBe('true');
    await user.click(screen.getByTestId('timeline-clear-filters'));
    expect(screen.getAllByTestId('timeline-event')).toHaveLength(4);
  });

  it('searches within the case, ignoring case and diacritics, and highlights the matches', async () => {
    const user = userEvent.setup();
    renderWithProviders(<Timeline events={EVENTS} market="SE" />);
    await user.type(screen.getByTestId('timeline-search'), 'FORRA VECKAN');
    const shown = screen.getAllByTestId('timeline-event');
    expect(shown.map((e) => e.dataset.eventId)).toEqual(['2']);
    // The match is inside the collapsed transcript, so the transcript opens.
    const body = within(shown[0]!).getByTestId('event-body');
    expect(body.dataset.collapsed).toBeUndefined();
    expect([...body.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['förra', 'veckan']);
    expect(screen.getByTestId('timeline-count').textContent).toBe('1 av 4 visas');
    await user.clear(screen.getByTestId('timeline-search'));
    await user.type(screen.getByTestId('timeline-search'), 'midnatt');
    expect(within(screen.getByTestId('timeline-event')).getByTestId('event-summary').innerHTML).toBe('Chatt efter <mark class="ombud-mark">midnatt</mark>');
    await user.type(screen.getByTestId('timeline-search'), ' saknas');
    expect(screen.getByTestId('timeline-none-for-filter').textContent).toBe('Inga händelser innehåller ”midnatt saknas”.');
    await user.keyboard('{Escape}');
    expect(screen.getAllByTestId('timeline-event')).toHaveLength(4);
  });

  it('says so when a case has no history', () => {
    renderWithProviders(<Timeline events={[]} market="DK" />);
    expect(screen.getByText('Ärendet har ingen historik ännu.')).toBeTruthy();
  });
});
