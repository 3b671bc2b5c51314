// @vitest-environment happy-dom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '../../src/shared/domain/case';
import type { ReviewStatus } from '../../src/shared/domain/review-workflow';
import type { ChannelOutput } from '../../src/shared/ipc/contract';
import { call, RpcFailure } from '../../src/renderer/lib/api';
import { SessionContext, type Session } from '../../src/renderer/lib/session';
import { ReviewActions } from '../../src/renderer/shared/review/ReviewActions';
import { refreshApprovalQueue } from '../../src/renderer/shared/review/queue';
import { CaseConflictDialog, isCaseConflict } from '../../src/renderer/shared/conflict/CaseConflictDialog';
import { renderWithProviders } from './dom-helpers';

vi.mock('../../src/renderer/lib/api', async (importActual) => ({
  ...(await importActual<typeof import('../../src/renderer/lib/api')>()),
  api: () => ({}),
  call: vi.fn(),
}));

const FIA = { id: 1, name: 'Fia Engström' };
const JONAS = { id: 2, name: 'Jonas Öhman' };
let approvers: ChannelOutput<'review:approvers'>;
let queue: ChannelOutput<'review:queue'>;

beforeEach(() => {
  approvers = { approvers: [FIA], reason: null };
  queue = { waiting: [], returned: [] };
  vi.mocked(call).mockReset();
  vi.mocked(call).mockImplementation(async (channel: string) => {
    if (channel === 'review:approvers') return approvers;
    if (channel === 'review:queue') return queue;
    throw new RpcFailure('internal', `unexpected ${channel}`);
  });
});

function session(id: number, role: Role): Session {
  return {
    user: { id, username: 'u', name: id === 1 ? FIA.name : JONAS.name, role },
    signOut: vi.fn(),
    info: { appVersion: '0.1.0', schemaVersion: 17, storePath: '/tmp/x.sqlite', counts: { cases: 1, events: 1, customers: 1, merchants: 1, attachments: 0, users: 2 } },
  };
}

function renderActions(me: { id: number; role: Role }, status: ReviewStatus, review: { action: string; by: { id: number; name: string } }[], canSubmit: boolean) {
  const handlers = { onSubmit: vi.fn(), onReturn: vi.fn(), onApprove: vi.fn(), onComment: vi.fn() };
  renderWithProviders(
    <SessionContext.Provider value={session(me.id, me.role)}>
      <ReviewActions
        subject="decision"
        id={7}
        status={status}
        review={review}
        canSubmit={canSubmit}
        submitReady
        busy={null}
        comment="Ändra skälen"
        {...handlers}
        testIds={{ submit: 'submit', comment: 'comment', return: 'return', approve: 'approve' }}
      />
    </SessionContext.Provider>,
  );
  return handlers;
}

describe('the shared review actions', () => {
  it('name who will approve before submitting, and submit', async () => {
    const h = renderActions({ id: 2, role: 'handler' }, 'draft', [{ action: 'created', by: JONAS }], true);
    expect((await screen.findByTestId('review-approvers')).textContent).toContain('Godkänns av: Fia Engström');
    await userEvent.click(screen.getByTestId('submit'));
    expect(h.onSubmit).toHaveBeenCalledOnce();
  });

  it('refuse submitting up front, with the reason in the interface language, when nobody may approve', async () => {
    approvers = { approvers: [], reason: 'no_deputy' };
    renderActions({ id: 1, role: 'ombudsman' }, 'draft', [{ action: 'created', by: FIA }], true);
    expect((await screen.findByTestId('review-no-approver')).textContent).toContain('Ingen kan godkänna dina egna utkast: utse en ersättare');
    expect((screen.getByTestId('submit') as HTMLButtonElement).disabled).toBe(true);
  });

  it('never offer approve on one’s own submission, but say who it waits for', async () => {
    renderActions({ id: 1, role: 'ombudsman' }, 'submitted', [{ action: 'created', by: FIA }, { action: 'submitted', by: FIA }], false);
    expect((await screen.findByTestId('review-approvers')).textContent).toContain('Väntar på godkännande av: Fia Engström');
    expect(screen.getByTestId('review-own-draft')).not.toBeNull();
    expect(screen.queryByTestId('approve')).toBeNull();
    // The ombudsman may still send it back.
    expect(screen.getByTestId('return')).not.toBeNull();
  });

  it('offer approve and return to the ombudsman on a handler’s submission', async () => {
    const h = renderActions({ id: 1, role: 'ombudsman' }, 'submitted', [{ action: 'submitted', by: JONAS }], false);
    await userEvent.click(screen.getByTestId('approve'));
    await userEvent.click(screen.getByTestId('return'));
    expect(h.onApprove).toHaveBeenCalledOnce();
    expect(h.onReturn).toHaveBeenCalledOnce();
  });

  it('offer approve to a handler only when the draft is in their approval queue (the deputy)', async () => {
    renderActions({ id: 2, role: 'handler' }, 'submitted', [{ action: 'submitted', by: FIA }], false);
    await waitFor(() => expect(vi.mocked(call)).toHaveBeenCalledWith('review:queue', {}));
    expect(screen.queryByTestId('approve')).toBeNull();
    queue = {
      waiting: [{ subject: 'decision', id: 7, caseId: 1, caseNumber: 'KO-2026-000001', market: 'SE', matterId: null, version: 3, submittedBy: FIA, submittedAt: '2026-11-16T10:00:00Z', lastBy: FIA, lastAt: '2026-11-16T10:00:00Z', comment: '' }],
      returned: [],
    };
    await refreshApprovalQueue();
    expect(await screen.findByTestId('approve')).not.toBeNull();
  });
});

describe('the case conflict dialog', () => {
  it('shows both versions and lets the user keep theirs or apply mine', async () => {
    const details = {
      subject: 'case',
      caseId: 1,
      mine: { revision: 3, status: 'closed' },
      theirs: { revision: 4, status: 'waiting_for_customer', assignee: null, by: { id: 2, name: 'Jonas Öhman' }, at: '2026-11-16T10:00:00Z' },
    };
    expect(isCaseConflict(details)).toBe(true);
    expect(isCaseConflict({ theirs: {} })).toBe(false);
    const keep = vi.fn();
    const apply = vi.fn();
    renderWithProviders(<CaseConflictDialog conflict={details as Parameters<typeof CaseConflictDialog>[0]['conflict']} market="SE" busy={false} onKeepTheirs={keep} onApplyMine={apply} />);
    expect((await screen.findByTestId('case-conflict-theirs')).textContent).toContain('Väntar på kund');
    expect((screen.getByTestId('case-conflict-theirs')).textContent).toContain('Jonas Öhman');
    expect((screen.getByTestId('case-conflict-mine')).textContent).toContain('Avslutat');
    await userEvent.click(screen.getByTestId('case-conflict-apply-mine'));
    await userEvent.click(screen.getByTestId('case-conflict-keep-theirs'));
    expect(apply).toHaveBeenCalledOnce();
    expect(keep).toHaveBeenCalledOnce();
  });
});
