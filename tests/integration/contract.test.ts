import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaseWriter } from '../../src/main/db/repositories/case-writer.repository';
import { dispatch } from '../../src/main/ipc/dispatch';
import type { ServiceContext } from '../../src/main/services/context';
import { sessionUser } from '../../src/main/services/session.service';
import { CHANNELS } from '../../src/shared/ipc/channels';
import { contract } from '../../src/shared/ipc/contract';
import { buildCase, buildEvent } from '../fixtures/cases';
import { tempStore } from '../fixtures/temp-store';

let ctx: ServiceContext;
let cleanup: () => Promise<void>;
let caseIds: number[];

/** A fingerprint of everything stored, to prove a refused call changed nothing. */
function fingerprint(): string {
  const sqlite = ctx.store.sqlite;
  const tables = sqlite.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE '%fts%' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all() as string[];
  return tables.map((t) => `${t}:${sqlite.prepare(`SELECT * FROM ${t}`).all().map((r) => JSON.stringify(r)).sort().join(',')}`).join('\n');
}

beforeAll(async () => {
  const temp = await tempStore();
  cleanup = temp.cleanup;
  const user = await sessionUser(temp.store);
  ctx = { store: temp.store, user };
  caseIds = createCaseWriter(temp.store.sqlite).writeBatch([
    buildCase({ receivedAt: '2026-01-05T08:00:00.000Z', receivedDate: '2026-01-05', market: 'DK', language: 'da', status: 'in_review' }),
    buildCase({
      receivedAt: '2026-02-05T08:00:00.000Z',
      receivedDate: '2026-02-05',
      events: [buildEvent({ attachments: [{ fileName: 'kvitto.pdf', mediaType: 'application/pdf', content: Buffer.from('%PDF-1.4 x') }] })],
    }),
    buildCase({ receivedAt: '2026-03-05T08:00:00.000Z', receivedDate: '2026-03-05', status: 'closed', assigneeId: user.id }),
  ]);
});
afterAll(() => cleanup());

describe('the contract', () => {
  it('lists exactly the channels the preload exposes', () => {
    expect(Object.keys(contract).sort()).toEqual([...CHANNELS].sort());
  });

  it('cases:list pages, filters and sorts, newest first by default', async () => {
    const all = await dispatch(ctx, 'cases:list', {}, { validateOutput: true });
    expect(all.ok && all.data.total).toBe(3);
    expect(all.ok && all.data.rows.map((r) => r.id)).toEqual([...caseIds].reverse());
    const dk = await dispatch(ctx, 'cases:list', { market: 'DK' }, { validateOutput: true });
    expect(dk.ok && dk.data).toMatchObject({ total: 1, rows: [{ id: caseIds[0], market: 'DK', customerName: 'Åsa Öberg' }] });
    const open = await dispatch(ctx, 'cases:list', { status: ['received', 'in_review'], sort: 'received', dir: 'asc', limit: 1, offset: 1 });
    expect(open.ok && open.data).toMatchObject({ total: 2, rows: [{ id: caseIds[1] }] });
    const mine = await dispatch(ctx, 'cases:list', { assigneeId: ctx.user.id });
    expect(mine.ok && mine.data).toMatchObject({ total: 1, rows: [{ id: caseIds[2], assigneeName: ctx.user.name }] });
  });

  it('cases:get returns header, claims, purchases and the history oldest first with attachments, personal number masked', async () => {
    const result = await dispatch(ctx, 'cases:get', { id: caseIds[1] }, { validateOutput: true });
    if (!result.ok) throw new Error(result.error.message);
    const { header, events } = result.data;
    expect(header.customer.personalNumberMasked).toBe('19850312-****');
    expect(JSON.stringify(result.data)).not.toContain('19850312-2384');
    expect(header.claims).toEqual([expect.objectContaining({ kind: 'refund', amount: { minor: 149_900, currency: 'SEK' } })]);
    expect(header.purchases[0]).toMatchObject({ amount: { minor: 149_900, currency: 'SEK' }, merchantName: 'Elektronikhuset AB' });
    expect(events).toHaveLength(1);
    expect(events[0]!.attachments).toEqual([expect.objectContaining({ fileName: 'kvitto.pdf', mediaType: 'application/pdf', size: 10 })]);
  });

  it('cases:get names a missing case', async () => {
    expect(await dispatch(ctx, 'cases:get', { id: 999_999 })).toEqual({ ok: false, error: { code: 'not_found', message: 'Case 999999 does not exist.', reason: 'record.notFound', params: {} } });
  });

  it('names the field that is wrong', async () => {
    const result = await dispatch(ctx, 'cases:list', { limit: 5000, market: 'NO' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.message).toMatch(/^cases:list: /);
    expect(result.error.message).toMatch(/market: /);
    expect(result.error.message).toMatch(/limit: /);
    const extra = await dispatch(ctx, 'cases:get', { id: 1, sql: 'DROP TABLE cases' });
    expect(!extra.ok && extra.error.message).toMatch(/Unrecognized key.*sql/);
    const unknown = await dispatch(ctx, 'cases:delete' as unknown, {});
    expect(!unknown.ok && unknown.error).toEqual({ code: 'invalid_input', message: 'Unknown channel "cases:delete".' });
  });
});

describe('fuzzing every channel', () => {
  it('answers any input with a Result, refuses what is malformed with the field named, and a refusal changes nothing', async () => {
    const channel = fc.constantFrom(...CHANNELS);
    const junk = fc.oneof(
      fc.anything(),
      fc.dictionary(fc.constantFrom('id', 'limit', 'offset', 'status', 'market', 'sort', 'dir', 'assigneeId', 'category', 'query', 'text', 'reason', 'answerBy', 'due', 'flagged', '__proto__', 'constructor'), fc.anything()),
    );
    await fc.assert(
      fc.asyncProperty(channel, junk, async (name, input) => {
        const before = fingerprint();
        const signedIn = ctx.user;
        const result = await dispatch(ctx, name, input, { validateOutput: true });
        // A fuzzed session:signOut may succeed; the next call should still test its channel.
        ctx.user = signedIn;
        expect(typeof result.ok).toBe('boolean');
        if (result.ok) {
          expect(contract[name].output.safeParse(result.data).success).toBe(true);
          return;
        }
        expect(['invalid_input', 'not_found', 'conflict', 'forbidden']).toContain(result.error.code);
        expect(result.error.message.length).toBeGreaterThan(0);
        if (result.error.code === 'invalid_input') {
          expect(result.error.message).toMatch(new RegExp(`^${name}: \\S`));
        }
        expect(fingerprint()).toBe(before);
      }),
      { numRuns: 400 },
    );
  });
});
