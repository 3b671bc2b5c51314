import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/main/db/connection';
import { insertUser } from '../../src/main/db/repositories/user.repository';
import { dispatch } from '../../src/main/ipc/dispatch';
import { createCaseIntake } from '../../src/main/services/case-intake.service';
import type { ServiceContext, SessionUser } from '../../src/main/services/context';
import { exportDecision } from '../../src/main/services/export.service';
import { isCitable } from '../../src/shared/domain/citation';
import { EVENT_KINDS, type EventKind } from '../../src/shared/domain/history';
import type { Result } from '../../src/shared/ipc/result';
import { buildCase, buildEvent } from '../fixtures/cases';
import { fillDraft } from '../fixtures/decisions';
import { tempStore } from '../fixtures/temp-store';

/**
 * "If it can be issued, it can be exported": a decision citing every kind of event the picker
 * offers goes through four eyes, is issued and exports; a citation of any other kind is named in
 * the checklist and refused at submit, never discovered at export.
 */
let store: Store;
let dir: string;
let cleanup: () => Promise<void>;
let fia: SessionUser;
let jonas: SessionUser;
const clock = () => new Date('2026-03-12T10:00:00.000Z');
const as = (user: SessionUser): ServiceContext => ({ store, user, now: clock });

async function ok<T>(promise: Promise<Result<T>>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
}

/** A plausible source for each kind, as an import or the office would record it. */
function sourceOf(kind: EventKind): 'phone' | 'chat' | 'mail' | 'invoice' | 'merchant' | 'document' | 'internal' | 'authority' {
  if (kind === 'cs_call') return 'phone';
  if (kind === 'cs_chat') return 'chat';
  if (kind.startsWith('cs_') || kind === 'customer_escalation') return 'mail';
  if (['invoice_issued', 'invoice_paused', 'invoice_pause_extended', 'invoice_resumed', 'reminder', 'fee', 'debt_collection', 'payment', 'refund'].includes(kind)) return 'invoice';
  if (['merchant_contact', 'dispute_opened', 'dispute_closed', 'purchase_protection_claim'].includes(kind)) return 'merchant';
  if (kind === 'document') return 'document';
  if (kind === 'authority_correspondence') return 'authority';
  return 'internal';
}

beforeEach(async () => {
  ({ store, dir, cleanup } = await tempStore());
  fia = { id: await insertUser(store.db, { username: 'fia', display_name: 'Fia Engström', role: 'ombudsman', title: null, created_at: '2026-01-01T00:00:00Z' }), name: 'Fia Engström', role: 'ombudsman' };
  jonas = { id: await insertUser(store.db, { username: 'jonas', display_name: 'Jonas Holm', role: 'handler', title: null, created_at: '2026-01-01T00:00:00Z' }), name: 'Jonas Holm', role: 'handler' };
});
afterEach(() => cleanup());

function seedEveryKind(): number {
  return createCaseIntake(store).writeBatch([
    buildCase({
      status: 'in_review',
      events: EVENT_KINDS.map((kind, i) =>
        buildEvent({
          occurredAt: `2026-02-${String(10 + (i % 18)).padStart(2, '0')}T10:00:00.000Z`,
          kind,
          source: sourceOf(kind),
          // The investigation team's dispute steps are "internal" to the company yet facts the customer lived through.
          direction: sourceOf(kind) === 'internal' || kind === 'dispute_closed' || kind === 'invoice_paused' ? 'internal' : 'inbound',
          summary: `Händelse av typen ${kind}`,
        }),
      ),
    }),
  ])[0]!;
}

describe('what a letter may cite', () => {
  it('issues and exports a decision citing every kind of event the picker offers', async () => {
    const caseId = seedEveryKind();
    const view = await ok(dispatch(as(jonas), 'cases:get', { id: caseId }));
    const offered = view.events.filter(isCitable);
    // The picker offers the customer's and the company's dealings, never the office's working records.
    expect(new Set(offered.map((e) => e.kind))).toEqual(new Set(EVENT_KINDS.filter((k) => !['note', 'status_change', 'assignment', 'decision_review', 'letter_exported'].includes(k))));
    const created = await ok(dispatch(as(jonas), 'decisions:create', { caseId, language: 'sv' }));
    const filled = fillDraft(created);
    // One paragraph citing every offered event, inserted after the background.
    const content = { ...filled.content, content: [...filled.content.content!.slice(0, 4), { type: 'paragraph', content: [{ type: 'text', text: 'Vi har läst' }, ...offered.map((e) => ({ type: 'citation', attrs: { eventId: e.id } }))] }, ...filled.content.content!.slice(4)] };
    const saved = await ok(dispatch(as(jonas), 'decisions:save', { id: created.id, baseVersion: created.version, content, panel: filled.panel }));
    expect(saved.issues).toEqual([]);
    await ok(dispatch(as(jonas), 'decisions:submit', { id: created.id, baseVersion: saved.version }));
    await ok(dispatch(as(fia), 'decisions:approve', { id: created.id, comment: '' }));
    await ok(dispatch(as(fia), 'decisions:issue', { id: created.id }));

    const out = join(dir, 'beslut.pdf');
    const exported = await exportDecision(as(jonas), { caseId, format: 'pdf', out });
    const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const e of offered) expect({ kind: e.kind, shown: text.includes(`”Händelse av typen ${e.kind}”`) }).toEqual({ kind: e.kind, shown: true });
    // The letter names events in words; its record keeps the exact events.
    const record = (await ok(dispatch(as(jonas), 'cases:get', { id: caseId }))).events.find((e) => e.id === exported.exportId)!;
    expect((record.data.cited as { eventId: number }[]).map((c) => c.eventId).sort()).toEqual(offered.map((e) => e.id).sort());
  });

  it('names a citation of an office record in the checklist and refuses to submit it', async () => {
    const caseId = seedEveryKind();
    const view = await ok(dispatch(as(jonas), 'cases:get', { id: caseId }));
    for (const kind of ['note', 'status_change', 'assignment', 'decision_review', 'letter_exported'] as const) {
      const event = view.events.find((e) => e.kind === kind)!;
      expect(isCitable(event)).toBe(false);
    }
    const note = view.events.find((e) => e.kind === 'note')!;
    const created = await ok(dispatch(as(jonas), 'decisions:create', { caseId, language: 'sv' }));
    const filled = fillDraft(created, { citeEventId: note.id });
    const saved = await ok(dispatch(as(jonas), 'decisions:save', { id: created.id, baseVersion: created.version, ...filled }));
    expect(saved.issues).toEqual([expect.objectContaining({ code: 'citation_internal', path: `letter.citation.${note.id}`, params: { id: note.id, summary: 'Händelse av typen note' } })]);
    const refused = await dispatch(as(jonas), 'decisions:submit', { id: created.id, baseVersion: saved.version });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining("one of the office's internal records") } });
  });
});
