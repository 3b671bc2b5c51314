// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CASE_STATUSES, type CaseHeader, type CaseListRow } from '../../src/shared/domain/case';
import type { CaseListInput } from '../../src/shared/ipc/contract';
import { InboxScreen } from '../../src/renderer/features/inbox/InboxScreen';
import { call } from '../../src/renderer/lib/api';
import { SessionContext, type Session } from '../../src/renderer/lib/session';
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

const ME = 7;

type Stored = CaseListRow & { assigneeId: number | null };

function makeCases(n: number): Stored[] {
  return Array.from({ length: n }, (_, i) => {
    const market = i % 3 === 2 ? 'DK' : 'SE';
    const assigneeId = i % 4 === 0 ? ME : i % 4 === 1 ? null : 8;
    return {
      id: i + 1,
      number: `KO-2026-${String(i + 1).padStart(6, '0')}`,
      customerName: `Kund ${String.fromCharCode(65 + ((i * 7) % 26))}${i}`,
      market,
      category: 'refund_missing',
      receivedDate: new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString().slice(0, 10),
      status: CASE_STATUSES[i % CASE_STATUSES.length]!,
      assigneeId,
      assigneeName: assigneeId === ME ? 'Ombudsman' : assigneeId === null ? null : 'Handläggare',
      eventCount: 10 + i,
      claimTotal: { minor: 149_900 + i * 100, currency: market === 'DK' ? 'DKK' : 'SEK' },
    } satisfies Stored;
  });
}

function header(row: Stored): CaseHeader {
  return {
    id: row.id,
    number: row.number,
    market: row.market,
    language: 'sv',
    receivedAt: `${row.receivedDate}T09:00:00Z`,
    receivedDate: row.receivedDate,
    receivedChannel: 'email',
    status: row.status,
    category: row.category,
    summary: 'Kunden begär återbetalning.',
    assignee: null,
    customer: { id: 1, name: row.customerName, personalNumberMasked: '19850312-****', email: null, phone: null, street: null, postalCode: null, city: null, country: 'SE' },
    merchant: null,
    purchases: [],
    claims: [],
  };
}

const requests: CaseListInput[] = [];

/** An in-memory stand-in for the store behind `cases:list` and `cases:get`. */
function serve(cases: Stored[]) {
  vi.mocked(call).mockImplementation((async (channel: string, input: unknown) => {
    if (channel === 'cases:list') {
      const q = input as CaseListInput;
      requests.push(q);
      let rows = cases.filter(
        (c) =>
          (!q.status || q.status.length === 0 || q.status.includes(c.status)) &&
          (q.assigneeId === undefined || c.assigneeId === q.assigneeId) &&
          (!q.market || c.market === q.market),
      );
      const key = ({ received: 'receivedDate', number: 'number', customer: 'customerName', status: 'status', market: 'market', category: 'category' } as const)[
        q.sort ?? 'received'
      ];
      rows = [...rows].sort((a, b) => (a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : a.id - b.id) * (q.dir === 'asc' ? 1 : -1));
      const offset = q.offset ?? 0;
      return { total: rows.length, rows: rows.slice(offset, offset + (q.limit ?? 50)).map(({ assigneeId: _, ...r }) => r) };
    }
    if (channel === 'cases:get') {
      const row = cases.find((c) => c.id === (input as { id: number }).id);
      return { header: header(row!), events: [] };
    }
    throw new Error(`unexpected channel ${channel}`);
  }) as typeof call);
}

const session: Session = {
  user: { id: ME, name: 'Ombudsman', role: 'ombudsman' },
  info: {
    appVersion: '0.1.0',
    schemaVersion: 2,
    storePath: '/tmp/test.sqlite',
    counts: { cases: 0, events: 0, customers: 0, merchants: 0, attachments: 0, users: 1 },
  },
};

function renderInbox(onOpenCase = vi.fn()) {
  renderWithProviders(
    <SessionContext.Provider value={session}>
      <InboxScreen onOpenCase={onOpenCase} />
    </SessionContext.Provider>,
  );
  return onOpenCase;
}

const rows = () => screen.getAllByTestId('case-row');
const selected = () => rows().find((r) => r.getAttribute('aria-selected') === 'true');

beforeEach(() => {
  requests.length = 0;
  vi.mocked(call).mockReset();
  localStorage.setItem('ombud.inbox.preview', 'false');
});

describe('<InboxScreen>', () => {
  it('lists the newest cases first with market-formatted amounts and Swedish labels', async () => {
    serve(makeCases(250));
    renderInbox();
    await waitFor(() => expect(rows().length).toBeGreaterThan(10));
    expect(screen.getByTestId('case-count').textContent).toBe('250 ärenden');
    const first = rows()[0]!;
    expect(first.dataset.caseNumber).toBe('KO-2026-000250');
    // Case 250 (index 249) is Swedish: 149 900 + 24 900 öre.
    expect(plainSpaces(first.textContent)).toContain('1 748,00 kr');
    expect(first.textContent).toContain('Utebliven återbetalning');
    expect(first.textContent).toContain('2026-09-07');
    const dk = rows().find((r) => r.dataset.caseNumber === 'KO-2026-000249')!;
    expect(plainSpaces(dk.textContent)).toContain('1.747,00 kr.');
    expect(dk.textContent).toContain('06.09.2026');
  });

  it('fetches only the pages in view, not the whole store', async () => {
    serve(makeCases(2_000));
    renderInbox();
    await waitFor(() => expect(rows().length).toBeGreaterThan(10));
    // 600 px of 32 px rows plus overscan fits in the first page of 100.
    expect(rows().length).toBeLessThan(60);
    expect(requests.filter((r) => r.limit !== 1).map((r) => r.offset)).toEqual([0]);
  });

  it('shows saved views with their counts and switches between them', async () => {
    const user = userEvent.setup();
    serve(makeCases(250));
    renderInbox();
    await waitFor(() => expect(screen.getByTestId('view-count-all').textContent).toBe('250'));
    // Every fourth case is mine; one in seven is waiting for the customer; two in seven are decided or closed.
    await waitFor(() => expect(screen.getByTestId('view-count-mine').textContent).toBe('63'));
    expect(screen.getByTestId('view-count-waiting').textContent).toBe('36');
    expect(screen.getByTestId('view-count-open').textContent).toBe('180');

    await user.click(screen.getByTestId('view-waiting'));
    await waitFor(() => expect(screen.getByTestId('case-count').textContent).toBe('36 ärenden'));
    expect(rows().every((r) => within(r).queryByText('Väntar på kund'))).toBe(true);
    expect(requests.at(-1)).toMatchObject({ status: ['waiting_for_customer'], offset: 0 });

    await user.click(screen.getByTestId('view-mine'));
    await waitFor(() => expect(screen.getByTestId('case-count').textContent).toBe('63 ärenden'));
    expect(requests.at(-1)).toMatchObject({ assigneeId: ME });
  });

  it('moves the selection with j/k and arrows and opens with Enter', async () => {
    const user = userEvent.setup();
    serve(makeCases(250));
    const onOpen = renderInbox();
    await waitFor(() => expect(rows().length).toBeGreaterThan(10));
    expect(selected()?.dataset.caseNumber).toBe('KO-2026-000250');
    await user.keyboard('j');
    expect(selected()?.dataset.caseNumber).toBe('KO-2026-000249');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(selected()?.dataset.caseNumber).toBe('KO-2026-000247');
    await user.keyboard('k');
    expect(selected()?.dataset.caseNumber).toBe('KO-2026-000248');
    await user.keyboard('{Enter}');
    expect(onOpen).toHaveBeenCalledWith(248);
    await user.dblClick(rows()[0]!);
    expect(onOpen).toHaveBeenLastCalledWith(250);
  });

  it('sorts by a column when its header is clicked, and reverses on a second click', async () => {
    const user = userEvent.setup();
    serve(makeCases(250));
    renderInbox();
    await waitFor(() => expect(rows().length).toBeGreaterThan(10));
    await user.click(screen.getByRole('button', { name: 'Ärende' }));
    await waitFor(() => expect(rows()[0]?.dataset.caseNumber).toBe('KO-2026-000001'));
    expect(requests.at(-1)).toMatchObject({ sort: 'number', dir: 'asc' });
    expect(screen.getByRole('columnheader', { name: /Ärende/ }).getAttribute('aria-sort')).toBe('ascending');
    await user.click(screen.getByRole('button', { name: 'Ärende' }));
    await waitFor(() => expect(rows()[0]?.dataset.caseNumber).toBe('KO-2026-000250'));
    expect(requests.at(-1)).toMatchObject({ sort: 'number', dir: 'desc' });
  });

  it('previews the selected case', async () => {
    localStorage.setItem('ombud.inbox.preview', 'true');
    serve(makeCases(20));
    renderInbox();
    const preview = await screen.findByTestId('case-preview', {}, { timeout: 3000 });
    expect(preview.textContent).toContain('KO-2026-000020');
    expect(preview.textContent).toContain('19850312-****');
  });

  it('tells how to create the demo store when the store has no cases', async () => {
    serve([]);
    renderInbox();
    const empty = await screen.findByTestId('inbox-empty-store');
    expect(empty.textContent).toContain('npx ombud demo');
    expect(empty.textContent).toContain('/tmp/test.sqlite');
  });

  it('says what failed when the list cannot be fetched', async () => {
    const { RpcFailure } = await import('../../src/renderer/lib/api');
    vi.mocked(call).mockRejectedValue(new RpcFailure('unavailable', 'connection refused'));
    renderInbox();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Ärendelistan kunde inte hämtas');
    expect(alert.textContent).toContain('Tjänsten svarar inte: connection refused');
    serve(makeCases(5));
    await userEvent.setup().click(within(alert).getByRole('button', { name: 'Försök igen' }));
    await waitFor(() => expect(rows()).toHaveLength(5));
  });
});
