// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useRef, useState } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CASE_STATUSES, type CaseHeader } from '../../src/shared/domain/case';
import type { SearchHit } from '../../src/shared/domain/review';
import type { CaseFilter, CaseListInput, ChannelOutput } from '../../src/shared/ipc/contract';
import { SearchField } from '../../src/renderer/components/SearchField';
import { InboxScreen } from '../../src/renderer/features/inbox/InboxScreen';
import { composeQuery } from '../../src/renderer/features/inbox/views';
import { snippetParts } from '../../src/renderer/features/search/snippet';
import { call } from '../../src/renderer/lib/api';
import { SessionContext, type Session } from '../../src/renderer/lib/session';
import { plainSpaces, renderWithProviders } from './dom-helpers';

// The real RpcFailure, so error states are tested with what the client really throws; only the transport is faked.
vi.mock('../../src/renderer/lib/api', async (importActual) => ({
  ...(await importActual<typeof import('../../src/renderer/lib/api')>()),
  api: () => ({}),
  call: vi.fn(),
}));

const ME = 7;

type Stored = ChannelOutput<'cases:list'>['rows'][number] & { assigneeId: number | null };

/** Days left by case index: none, overdue, due today, due soon, calm. */
const DAYS_LEFT = [null, -3, 0, 4, 12] as const;

function makeCases(n: number): Stored[] {
  return Array.from({ length: n }, (_, i) => {
    const market = i % 3 === 2 ? 'DK' : 'SE';
    const assigneeId = i % 4 === 0 ? ME : i % 4 === 1 ? null : 8;
    const daysLeft = DAYS_LEFT[i % 5]!;
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
      flagCount: i % 3,
      nextDue: daysLeft === null ? null : { date: `2026-11-${String(20 + daysLeft).padStart(2, '0')}`, kind: i % 2 ? 'psd2_final' : 'internal_target', daysLeft },
    } satisfies Stored;
  });
}

function header(row: Stored): CaseHeader {
  return {
    id: row.id,
    number: row.number,
    revision: 0,
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
const counted: CaseFilter[][] = [];
const searches: { query: string; limit: number }[] = [];

function hit(patch: Partial<SearchHit>): SearchHit {
  return {
    caseId: 12,
    number: 'KO-2026-000012',
    customerName: 'Signe Öberg',
    market: 'SE',
    status: 'in_review',
    receivedDate: '2026-01-12',
    field: 'customer',
    eventId: null,
    eventOccurredAt: null,
    snippet: 'Signe \u0002Öberg\u0003',
    score: 15,
    ...patch,
  };
}

const HITS: SearchHit[] = [
  hit({}),
  hit({
    caseId: 30,
    number: 'KO-2026-000030',
    customerName: 'Per Lund',
    market: 'DK',
    status: 'waiting_for_customer',
    field: 'event',
    eventId: 555,
    eventOccurredAt: '2026-03-14T13:02:00Z',
    snippet: 'Kunden skrev <img src=x onerror=alert(1)> till \u0002Öberg\u0003 igen',
    score: 9,
  }),
  hit({ caseId: 31, number: 'KO-2026-000031', customerName: 'Karin Holm', field: 'personal_number', snippet: '', score: 4 }),
];

/** An in-memory stand-in for the store behind `cases:list` and `cases:get`. */
function serve(cases: Stored[]) {
  vi.mocked(call).mockImplementation((async (channel: string, input: unknown) => {
    const matching = (q: CaseFilter) =>
      cases.filter(
        (c) =>
          (!q.status || q.status.length === 0 || q.status.includes(c.status)) &&
          (q.assigneeId === undefined || c.assigneeId === q.assigneeId) &&
          (!q.market || c.market === q.market) &&
          (!q.flagged || c.flagCount > 0) &&
          (q.due !== 'overdue' || (c.nextDue !== null && c.nextDue.daysLeft < 0)) &&
          (q.due !== 'this_week' || (c.nextDue !== null && c.nextDue.daysLeft >= 0 && c.nextDue.daysLeft <= 4)),
      );
    if (channel === 'cases:counts') {
      counted.push((input as { filters: CaseFilter[] }).filters);
      return { totals: (input as { filters: CaseFilter[] }).filters.map((f) => matching(f).length) };
    }
    if (channel === 'cases:list') {
      const q = input as CaseListInput;
      requests.push(q);
      let rows = matching(q);
      const sortKey = (c: Stored): string | number => {
        switch (q.sort ?? 'received') {
          case 'due':
            return c.nextDue?.daysLeft ?? Number.MAX_SAFE_INTEGER;
          case 'flags':
            return c.flagCount;
          default:
            return c[({ received: 'receivedDate', number: 'number', customer: 'customerName', status: 'status', market: 'market', category: 'category' } as const)[q.sort as 'received'] ?? 'receivedDate'];
        }
      };
      rows = [...rows].sort((a, b) => {
        const [x, y] = [sortKey(a), sortKey(b)];
        return (x < y ? -1 : x > y ? 1 : a.id - b.id) * (q.dir === 'asc' ? 1 : -1);
      });
      const offset = q.offset ?? 0;
      return { total: rows.length, today: '2026-11-20', rows: rows.slice(offset, offset + (q.limit ?? 50)).map(({ assigneeId: _, ...r }) => r) };
    }
    if (channel === 'cases:get') {
      const row = cases.find((c) => c.id === (input as { id: number }).id);
      return {
        header: header(row!),
        events: [],
        flags: row!.flagCount > 0 ? [{ code: 'repeated_contacts', eventIds: [], facts: { count: 3, orderRef: '' } }] : [],
        deadlines: [],
      };
    }
    if (channel === 'search:query') {
      searches.push(input as { query: string; limit: number });
      return { hits: HITS };
    }
    throw new Error(`unexpected channel ${channel}`);
  }) as typeof call);
}

const session: Session = {
  user: { id: ME, username: 'ombudsman', name: 'Ombudsman', role: 'ombudsman' },
  signOut: vi.fn(),
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
  counted.length = 0;
  searches.length = 0;
  vi.mocked(call).mockReset();
  localStorage.setItem('ombud.inbox.preview', 'false');
});

describe('<InboxScreen>', () => {
  it('lists the newest cases first with amounts in one format and their currency and Swedish labels', async () => {
    serve(makeCases(250));
    renderInbox();
    await waitFor(() => expect(rows().length).toBeGreaterThan(10));
    expect(screen.getByTestId('case-count').textContent).toBe('250 ärenden');
    const first = rows()[0]!;
    expect(first.dataset.caseNumber).toBe('KO-2026-000250');
    // Case 250 (index 249) is Swedish: 149 900 + 24 900 öre.
    expect(plainSpaces(first.textContent)).toContain('1 748,00 SEK');
    expect(first.textContent).toContain('Utebliven återbetalning');
    expect(first.textContent).toContain('2026-09-07');
    const dk = rows().find((r) => r.dataset.caseNumber === 'KO-2026-000249')!;
    expect(plainSpaces(dk.textContent)).toContain('1 747,00 DKK');
    expect(dk.textContent).toContain('2026-09-06');
  });

  it('fetches only the pages in view, not the whole store', async () => {
    serve(makeCases(2_000));
    renderInbox();
    await waitFor(() => expect(rows().length).toBeGreaterThan(10));
    // 600 px of 32 px rows plus overscan fits in the first page of 100.
    expect(rows().length).toBeLessThan(60);
    expect(requests.filter((r) => r.limit !== 0).map((r) => r.offset)).toEqual([0]);
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
    // One in five is overdue, two in five are due this week, two in three have red flags.
    expect(screen.getByTestId('view-count-overdue').textContent).toBe('50');
    expect(screen.getByTestId('view-count-due_week').textContent).toBe('100');
    expect(screen.getByTestId('view-count-flagged').textContent).toBe('166');
    // All seven counts came in one call, not one request per view.
    expect(counted).toHaveLength(1);
    expect(counted[0]).toHaveLength(7);

    await user.click(screen.getByTestId('view-waiting'));
    await waitFor(() => expect(screen.getByTestId('case-count').textContent).toBe('36 ärenden'));
    expect(rows().every((r) => within(r).queryByText('Väntar på kund'))).toBe(true);
    expect(requests.at(-1)).toMatchObject({ status: ['waiting_for_customer'], offset: 0 });

    await user.click(screen.getByTestId('view-mine'));
    await waitFor(() => expect(screen.getByTestId('case-count').textContent).toBe('63 ärenden'));
    expect(requests.at(-1)).toMatchObject({ assigneeId: ME });

    await user.click(screen.getByTestId('view-overdue'));
    await waitFor(() => expect(screen.getByTestId('case-count').textContent).toBe('50 ärenden'));
    expect(requests.at(-1)).toMatchObject({ due: 'overdue', offset: 0 });
    expect(rows().every((r) => within(r).getByTestId('due-days').dataset.tone === 'overdue')).toBe(true);

    await user.click(screen.getByTestId('view-due_week'));
    await waitFor(() => expect(screen.getByTestId('case-count').textContent).toBe('100 ärenden'));
    expect(requests.at(-1)).toMatchObject({ due: 'this_week' });

    await user.click(screen.getByTestId('view-flagged'));
    await waitFor(() => expect(screen.getByTestId('case-count').textContent).toBe('166 ärenden'));
    expect(requests.at(-1)).toMatchObject({ flagged: true });
    expect(requests.at(-1)).not.toHaveProperty('due');
  });

  it('shows business days left on a colour scale and the red-flag count', async () => {
    serve(makeCases(250));
    renderInbox();
    await waitFor(() => expect(rows().length).toBeGreaterThan(10));
    const due = (number: string) => within(rows().find((r) => r.dataset.caseNumber === number)!).getByTestId('due-cell');
    // Case 250 has 12 days left, 249 four, 248 none left today, 247 is three days overdue, 246 has no deadline.
    const calm = within(due('KO-2026-000250')).getByTestId('due-days');
    expect([calm.textContent, calm.dataset.tone, calm.className]).toEqual(['12', 'calm', 'ombud-due ombud-due--calm']);
    const soon = within(due('KO-2026-000249')).getByTestId('due-days');
    expect([soon.textContent, soon.dataset.tone]).toEqual(['4', 'soon']);
    expect(soon.className).toContain('ombud-due--soon');
    const today = within(due('KO-2026-000248')).getByTestId('due-days');
    expect([today.textContent, today.dataset.tone]).toEqual(['0', 'today']);
    const overdue = within(due('KO-2026-000247')).getByTestId('due-days');
    expect([overdue.textContent, overdue.dataset.tone]).toEqual(['\u22123', 'overdue']);
    expect(overdue.className).toContain('ombud-due--overdue');
    // The kind and the date in the market's format on hover, in words for screen readers.
    expect(overdue.getAttribute('title')).toBe('Internt mål · 2026-11-17');
    expect(overdue.getAttribute('aria-label')).toBe('3 bankdagar försenad. Internt mål · 2026-11-17');
    expect(due('KO-2026-000246').textContent).toBe('—');

    const flags = (number: string) => within(rows().find((r) => r.dataset.caseNumber === number)!).getByTestId('flag-cell');
    expect(within(flags('KO-2026-000249')).getByTestId('flag-count').textContent).toBe('2');
    expect(within(flags('KO-2026-000249')).getByTestId('flag-count').getAttribute('aria-label')).toBe('2 röda flaggor');
    expect(flags('KO-2026-000250').textContent).toBe('');
  });

  it('sorts by deadline (most urgent first) and by red flags (most first)', async () => {
    const user = userEvent.setup();
    serve(makeCases(250));
    renderInbox();
    await waitFor(() => expect(rows().length).toBeGreaterThan(10));
    await user.click(screen.getByTestId('sort-due'));
    await waitFor(() => expect(requests.at(-1)).toMatchObject({ sort: 'due', dir: 'asc' }));
    await waitFor(() => expect(within(rows()[0]!).getByTestId('due-days').dataset.tone).toBe('overdue'));
    await user.click(screen.getByTestId('sort-flags'));
    await waitFor(() => expect(requests.at(-1)).toMatchObject({ sort: 'flags', dir: 'desc' }));
    await waitFor(() => expect(within(rows()[0]!).getByTestId('flag-count').textContent).toBe('2'));
  });

  it('narrows a view by deadline risk and red flags in the filter bar', async () => {
    const user = userEvent.setup();
    serve(makeCases(250));
    renderInbox();
    await waitFor(() => expect(rows().length).toBeGreaterThan(10));
    await user.click(within(screen.getByTestId('filter-flagged')).getByRole('checkbox'));
    await waitFor(() => expect(screen.getByTestId('case-count').textContent).toBe('166 ärenden'));
    expect(requests.at(-1)).toMatchObject({ flagged: true });
  });

  it('composes views with the deadline and red-flag filters', () => {
    const order = { sort: 'due', dir: 'asc' } as const;
    const filters = { status: [], market: null, category: null, due: null, flagged: false };
    expect(composeQuery('mine', ME, { ...filters, due: 'overdue' }, order)).toEqual({ sort: 'due', dir: 'asc', assigneeId: ME, due: 'overdue' });
    expect(composeQuery('flagged', ME, { ...filters, due: 'this_week' }, order)).toEqual({ sort: 'due', dir: 'asc', due: 'this_week', flagged: true });
    // "Overdue" in the filter bar and the "Due this week" view exclude each other: nothing to ask.
    expect(composeQuery('due_week', ME, { ...filters, due: 'overdue' }, order)).toBeNull();
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

  it('previews the selected case with its red flags', async () => {
    localStorage.setItem('ombud.inbox.preview', 'true');
    serve(makeCases(20));
    renderInbox();
    const preview = await screen.findByTestId('case-preview', {}, { timeout: 3000 });
    expect(preview.textContent).toContain('KO-2026-000020');
    expect(preview.textContent).toContain('19850312-****');
    // Case 20 (index 19) has one red flag.
    expect(within(preview).getByTestId('preview-flags').textContent).toBe('Upprepade kontakter');
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
    expect(alert.textContent).toContain('Tjänsten svarar inte');
    expect(alert.textContent).not.toContain('connection refused');
    serve(makeCases(5));
    await userEvent.setup().click(within(alert).getByRole('button', { name: 'Försök igen' }));
    await waitFor(() => expect(rows()).toHaveLength(5));
  });
});

/** The top bar's search field and the inbox, as the app wires them. */
function SearchHarness({ onOpenCase }: { onOpenCase: (id: number, eventId?: number) => void }) {
  const [search, setSearch] = useState('');
  const ref = useRef<HTMLInputElement>(null);
  return (
    <SessionContext.Provider value={session}>
      <SearchField value={search} onChange={setSearch} inputRef={ref} />
      <InboxScreen onOpenCase={onOpenCase} search={search} onSearchChange={setSearch} />
    </SessionContext.Provider>
  );
}

describe('search', () => {
  it('shows ranked hits with where they matched and the match highlighted', async () => {
    const user = userEvent.setup();
    serve(makeCases(20));
    const onOpen = vi.fn();
    renderWithProviders(<SearchHarness onOpenCase={onOpen} />);
    await waitFor(() => expect(rows().length).toBeGreaterThan(5));
    await user.type(screen.getByTestId('search-input'), 'oberg');
    const results = await screen.findAllByTestId('search-result');
    // Typing is debounced: one query for the whole word.
    expect(searches).toEqual([{ query: 'oberg', limit: 50 }]);
    expect(screen.queryByTestId('case-table')).toBeNull();
    expect(results.map((r) => r.dataset.caseNumber)).toEqual(['KO-2026-000012', 'KO-2026-000030', 'KO-2026-000031']);
    expect(screen.getByTestId('search-count').textContent).toBe('3 träffar för ”oberg”');

    const first = within(results[0]!).getByTestId('search-snippet');
    expect(first.querySelector('mark')?.textContent).toBe('Öberg');
    expect(first.textContent).toBe('Signe Öberg');
    expect(within(results[0]!).getByTestId('search-where').textContent).toBe('Kund');

    // A snippet from the store is text, never HTML.
    const event = within(results[1]!).getByTestId('search-snippet');
    expect(event.querySelector('img')).toBeNull();
    expect(event.textContent).toBe('Kunden skrev <img src=x onerror=alert(1)> till Öberg igen');
    expect([...event.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['Öberg']);
    expect(within(results[1]!).getByTestId('search-where').textContent).toBe('Händelse 2026-03-14 14:02');

    expect(within(results[2]!).getByTestId('search-snippet').textContent).toBe('Träff på personnumret');
  });

  it('moves with the arrows from the field, opens at the matching event with Enter, clears with Esc', async () => {
    const user = userEvent.setup();
    serve(makeCases(20));
    const onOpen = vi.fn();
    renderWithProviders(<SearchHarness onOpenCase={onOpen} />);
    await waitFor(() => expect(rows().length).toBeGreaterThan(5));
    await user.type(screen.getByTestId('search-input'), 'oberg');
    await screen.findAllByTestId('search-result');
    const selectedHit = () => screen.getAllByTestId('search-result').find((r) => r.getAttribute('aria-selected') === 'true');
    expect(selectedHit()?.dataset.caseNumber).toBe('KO-2026-000012');
    await user.keyboard('{ArrowDown}');
    expect(selectedHit()?.dataset.caseNumber).toBe('KO-2026-000030');
    await user.keyboard('{Enter}');
    expect(onOpen).toHaveBeenCalledWith(30, 555);
    await user.keyboard('{ArrowUp}{Enter}');
    expect(onOpen).toHaveBeenLastCalledWith(12, undefined);
    await user.keyboard('{Escape}');
    expect((screen.getByTestId('search-input') as HTMLInputElement).value).toBe('');
    await waitFor(() => expect(screen.getByTestId('case-table')).toBeTruthy());
  });
});

describe('search snippets', () => {
  it('split at the control characters into plain and marked parts', () => {
    expect(snippetParts('a \u0002b\u0003 c \u0002d\u0003')).toEqual([
      { text: 'a ', match: false },
      { text: 'b', match: true },
      { text: ' c ', match: false },
      { text: 'd', match: true },
    ]);
    expect(snippetParts('no marks')).toEqual([{ text: 'no marks', match: false }]);
    // An unclosed mark runs to the end; stray control characters are dropped.
    expect(snippetParts('x \u0002y\u0001z')).toEqual([
      { text: 'x ', match: false },
      { text: 'yz', match: true },
    ]);
    expect(snippetParts('')).toEqual([]);
  });
});
