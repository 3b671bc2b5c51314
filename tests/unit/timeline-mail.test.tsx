// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TimelineEvent } from '../../src/renderer/features/case/TimelineEvent';
import type { HistoryEvent } from '../../src/shared/domain/history';
import { renderWithProviders } from './dom-helpers';

const mail = (data: HistoryEvent['data'], fileNames: string[] = []): HistoryEvent => ({
  id: 1,
  occurredAt: '2026-11-20T10:00:00.000Z',
  kind: 'customer_escalation',
  source: 'mail',
  direction: 'inbound',
  actor: 'Eva Ek <eva@example.se>',
  summary: 'Faktura',
  body: 'Jag bestrider fakturan.',
  data,
  attachments: fileNames.map((fileName, i) => ({ id: i + 1, fileName, mediaType: 'application/octet-stream', size: 10, sha256: 'a'.repeat(64) })),
});

describe('a mail event in the history (sv)', () => {
  it('shows a Date header that was not used as the received time, and a guessed charset', () => {
    renderWithProviders(<TimelineEvent event={mail({ dateHeader: 'Sat, 30 Jun 3609 10:00:00 +0000', receivedFrom: 'import', charsetGuessed: true })} market="SE" expanded={false} onToggle={() => {}} />);
    const event = screen.getByTestId('timeline-event');
    expect(within(event).getByText('Datumhuvudet ”Sat, 30 Jun 3609 10:00:00 +0000” användes inte som mottagningstid')).toBeTruthy();
    expect(within(event).getByText('Teckenkodningen gissades')).toBeTruthy();
  });

  it('says nothing extra when the Date header was the received time', () => {
    renderWithProviders(<TimelineEvent event={mail({ dateHeader: 'Fri, 20 Nov 2026 11:00:00 +0100', receivedFrom: 'date' })} market="SE" expanded={false} onToggle={() => {}} />);
    expect(screen.queryByText(/Datumhuvudet/)).toBeNull();
  });

  it('shows attachment names safely: no path parts, no bidi override', () => {
    renderWithProviders(<TimelineEvent event={mail({}, ['../../evil.sh', 'invoice\u202Efdp.exe'])} market="SE" expanded={false} onToggle={() => {}} />);
    const names = screen.getAllByTestId('event-attachment').map((a) => a.textContent ?? '');
    expect(names[0]).toMatch(/^evil\.sh/);
    expect(names[1]).toMatch(/^invoicefdp\.exe/);
    expect(names.join('')).not.toMatch(/\u202E|\.\.\//);
  });
});
