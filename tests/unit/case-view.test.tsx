// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CaseHeader } from '../../src/shared/domain/case';
import type { HistoryEvent } from '../../src/shared/domain/history';
import { CaseScreen } from '../../src/renderer/features/case/CaseScreen';
import { call, RpcFailure } from '../../src/renderer/lib/api';
import { parseRoute } from '../../src/renderer/lib/route';
import { plainSpaces, renderWithProviders } from './dom-helpers';

vi.mock('../../src/renderer/lib/api', () => {
  class RpcFailure extends Error {
    constructor(
      readonly code: string,
      message: string,
    ) {
      super(message);
    }
  }
  return { RpcFailure, api: () => ({}), call: vi.fn() };
});

const HEADER: CaseHeader = {
  id: 42,
  number: 'KO-2026-000042',
  market: 'DK',
  language: 'da',
  receivedAt: '2026-02-10T13:05:00Z',
  receivedDate: '2026-02-10',
  receivedChannel: 'email',
  status: 'in_review',
  category: 'undelivered_goods',
  summary: 'Kunden har aldrig modtaget varen, men blev opkrævet rykkergebyr.',
  assignee: { id: 3, name: 'Mette Holm' },
  customer: {
    id: 5,
    name: 'Søren Østergård',
    personalNumberMasked: '120385-****',
    email: 'soren@example.dk',
    phone: '+45 12 34 56 78',
    street: 'Æblevej 4',
    postalCode: '2100',
    city: 'København Ø',
    country: 'DK',
  },
  merchant: { id: 8, name: 'Nordisk Møbel ApS', orgNumber: '12345678', country: 'DK' },
  purchases: [
    { id: 1, orderRef: 'NM-99812', purchasedOn: '2026-01-03', amount: { minor: 1_249_500, currency: 'DKK' }, product: 'part_payment', status: 'in_collection', merchantName: 'Nordisk Møbel ApS' },
  ],
  claims: [
    { id: 1, position: 1, kind: 'refund', text: 'Tilbagebetaling af købesummen', amount: { minor: 1_249_500, currency: 'DKK' } },
    { id: 2, position: 2, kind: 'fee_waiver', text: 'Rykkergebyr frafaldes', amount: { minor: 10_000, currency: 'DKK' } },
  ],
};

const EVENTS: HistoryEvent[] = [
  {
    id: 1,
    occurredAt: '2026-01-20T10:00:00Z',
    kind: 'reminder',
    source: 'invoice',
    direction: 'outbound',
    actor: 'Fakturasystem',
    summary: 'Rykker sendt',
    body: '',
    data: { amount: { minor: 10_000, currency: 'DKK' } },
    attachments: [],
  },
];

beforeEach(() => {
  vi.mocked(call).mockReset();
});

describe('<CaseScreen>', () => {
  it('shows the header band with masked personal number, purchases and claims in the market format', async () => {
    vi.mocked(call).mockResolvedValue({ header: HEADER, events: EVENTS });
    renderWithProviders(<CaseScreen caseId={42} onBack={vi.fn()} />);
    const header = await screen.findByTestId('case-header');
    expect(vi.mocked(call)).toHaveBeenCalledWith('cases:get', { id: 42 });
    expect(within(header).getByTestId('case-number').textContent).toBe('KO-2026-000042');
    expect(within(header).getByTestId('case-status').textContent).toBe('Under utredning');
    expect(within(header).getByTestId('personal-number').textContent).toBe('120385-****');
    expect(within(header).getByTestId('case-received').textContent).toBe('10.02.2026 14.05 via e-post');
    expect(within(header).getByTestId('case-assignee').textContent).toBe('Mette Holm');
    const purchase = within(header).getByTestId('case-purchase');
    expect(plainSpaces(purchase.textContent)).toContain('12.495,00 kr.');
    expect(purchase.textContent).toContain('03.01.2026');
    expect(purchase.textContent).toContain('Delbetalning');
    expect(purchase.textContent).toContain('Hos inkasso');
    const claims = within(header).getByTestId('case-claims');
    expect(within(claims).getAllByTestId('case-claim')).toHaveLength(2);
    expect(plainSpaces(claims.textContent)).toContain('Summa yrkat12.595,00 kr.');
    expect(screen.getAllByTestId('timeline-event')).toHaveLength(1);
  });

  it('goes back to the inbox on Esc', async () => {
    const user = userEvent.setup();
    vi.mocked(call).mockResolvedValue({ header: HEADER, events: EVENTS });
    const onBack = vi.fn();
    renderWithProviders(<CaseScreen caseId={42} onBack={onBack} />);
    await screen.findByTestId('case-header');
    await user.keyboard('{Escape}');
    expect(onBack).toHaveBeenCalledOnce();
    // Also after a click on the order switch, which leaves the focus on its radio input.
    await user.click(screen.getByRole('radio', { name: 'Nyast först' }));
    await user.keyboard('{Escape}');
    expect(onBack).toHaveBeenCalledTimes(2);
  });

  it('says what happened when the case cannot be fetched', async () => {
    vi.mocked(call).mockRejectedValue(new RpcFailure('not_found', 'Case 999 was not found'));
    const onBack = vi.fn();
    renderWithProviders(<CaseScreen caseId={999} onBack={onBack} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Ärendet kunde inte hämtas');
    expect(alert.textContent).toContain('Hittades inte: Case 999 was not found');
    vi.mocked(call).mockResolvedValue({ header: HEADER, events: [] });
    await userEvent.setup().click(within(alert).getByRole('button', { name: 'Försök igen' }));
    await waitFor(() => expect(screen.getByTestId('case-header')).toBeTruthy());
  });
});

describe('routes in the address bar', () => {
  it('reads a case id from #/case/<id> and falls back to the inbox', () => {
    expect(parseRoute('#/case/123')).toEqual({ name: 'case', id: 123 });
    expect(parseRoute('#/')).toEqual({ name: 'inbox' });
    expect(parseRoute('')).toEqual({ name: 'inbox' });
    expect(parseRoute('#/case/abc')).toEqual({ name: 'inbox' });
    expect(parseRoute('#token=abc')).toEqual({ name: 'inbox' });
  });
});
