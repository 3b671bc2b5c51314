import fc from 'fast-check';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/main/db/connection';
import { contentDigest } from '../../src/main/db/repositories/case-import.repository';
import { insertUser } from '../../src/main/db/repositories/user.repository';
import { demoExchangeLines } from '../../src/main/demo/exchange';
import { importCases } from '../../src/main/import/case-import';
import { importMail } from '../../src/main/import/mail-import';
import { importMonthlyFigures } from '../../src/main/import/monthly-import';
import { dispatch } from '../../src/main/ipc/dispatch';
import { createCaseIntake } from '../../src/main/services/case-intake.service';
import type { SessionContext, SessionUser } from '../../src/main/services/context';
import { ServiceError } from '../../src/main/services/errors';
import { sessionUser } from '../../src/main/services/session.service';
import { CHANNELS, type Channel } from '../../src/shared/ipc/channels';
import { contract } from '../../src/shared/ipc/contract';
import { buildCase } from '../fixtures/cases';
import { tempStore } from '../fixtures/temp-store';

/**
 * Issue 22's fuzz suite: property-based, bounded (fixed seed, a fixed number of runs per area, so
 * it finishes in well under a minute), over every channel of the contract as every role and
 * over the import readers. For each input: the process stays up (nothing throws out of dispatch or
 * an importer), nothing answers `internal`, and a refused call or a failed import leaves the table
 * fingerprint (contentDigest: every row of every table) exactly as it was.
 * The counts per area are printed at the end for the issue's closing note.
 */

const SEED = 22;
const RUNS_PER_CHANNEL_AND_ROLE = 6;
const RUNS_PER_READER = 40;

let store: Store;
let dir: string;
let cleanup: () => Promise<void>;
let users: SessionUser[];
const tried = new Map<string, { inputs: number; crashes: number; internal: number; unintendedWrites: number }>();
const count = (area: string) => {
  let c = tried.get(area);
  if (!c) tried.set(area, (c = { inputs: 0, crashes: 0, internal: 0, unintendedWrites: 0 }));
  return c;
};
const digest = () => contentDigest(store.sqlite);

beforeAll(async () => {
  ({ store, dir, cleanup } = await tempStore());
  const created = '2026-01-01T00:00:00Z';
  const ombudsman = await sessionUser(store);
  const handler = { id: await insertUser(store.db, { username: 'johan', display_name: 'Johan Berg', role: 'handler', title: null, created_at: created }), name: 'Johan Berg', role: 'handler' as const };
  const auditor = { id: await insertUser(store.db, { username: 'eva', display_name: 'Eva Revisor', role: 'auditor', title: null, created_at: created }), name: 'Eva Revisor', role: 'auditor' as const };
  users = [ombudsman, handler, auditor];
  createCaseIntake(store).writeBatch([buildCase(), buildCase({ market: 'DK', language: 'da' })]);
});
afterAll(async () => {
  const lines = [...tried.entries()].map(([area, c]) => `${area}: ${c.inputs} inputs, ${c.crashes} crashes, ${c.internal} internal, ${c.unintendedWrites} unintended writes`);
  const total = [...tried.values()].reduce((n, c) => n + c.inputs, 0);
  console.log(`Fuzz (seed ${SEED}), ${total} inputs:\n${lines.join('\n')}`);
  await cleanup();
});

/** Values that broke something once or are easy to get wrong: impossible dates, lone surrogates, paths, huge and odd numbers. */
const nasty = fc.constantFrom<unknown>(
  '2026-02-30',
  '0000-00-00',
  '2026-02-29',
  '10000-01-01',
  '9999-12-31T23:00:00-05:00',
  '2026-11-31',
  'bad \ud800 text',
  '\udc00',
  '../../etc/passwd',
  'invoice\u202efdp.exe',
  '',
  ' ',
  'x'.repeat(70_000),
  'KO-2026-000001',
  'SE',
  'ARN',
  '1 499,00',
  '-1',
  '1e309',
  -1,
  0,
  1,
  2,
  3,
  2 ** 31,
  Number.MAX_SAFE_INTEGER,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  true,
  null,
  [],
  {},
  { __proto__: { polluted: true } },
  { constructor: { prototype: { polluted: true } } },
);
const value = fc.oneof({ depthSize: 'small' }, nasty, fc.string({ maxLength: 40 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(nasty, { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 8 }), nasty, { maxKeys: 3 }));

/** The keys of a channel's input object, so generated inputs reach past "unknown key" into each field's checks. */
function inputKeys(schema: z.ZodType): string[] {
  let s: unknown = schema;
  for (let i = 0; i < 6 && s; i++) {
    const node = s as { shape?: Record<string, unknown>; _zod?: { def?: { in?: unknown; innerType?: unknown; schema?: unknown } } };
    if (node.shape) return Object.keys(node.shape);
    s = node._zod?.def?.in ?? node._zod?.def?.innerType ?? node._zod?.def?.schema;
  }
  return [];
}

function inputFor(channel: Channel) {
  const keys = inputKeys(contract[channel].input as z.ZodType);
  const shaped = keys.length > 0 ? fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: keys.length }) : fc.dictionary(fc.string({ maxLength: 8 }), value, { maxKeys: 3 });
  const allKeys = keys.length > 0 ? fc.record(Object.fromEntries(keys.map((k) => [k, value]))) : shaped;
  return fc.oneof(value, shaped, allKeys, fc.constant(undefined));
}

/** Channels whose success starts work that writes after the call returns; their refusals are checked, a success waits for the job. */
async function settle(channel: Channel, ctx: SessionContext, data: unknown): Promise<void> {
  const job = (data as { jobId?: string; runId?: string } | null) ?? {};
  for (let i = 0; i < 400; i++) {
    if (channel === 'exports:start' && job.jobId) {
      const s = await dispatch(ctx, 'exports:status', { jobId: job.jobId });
      if (!s.ok || s.data.state === 'done' || s.data.state === 'failed') return;
    } else if (channel === 'import:start' && job.runId) {
      const s = await dispatch(ctx, 'import:status', { runId: job.runId });
      if (!s.ok || s.data.state !== 'running') return;
    } else return;
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('fuzz: every channel, every role, through dispatch', () => {
  it('stays up, never answers internal for bad input, and a refused call writes nothing', async () => {
    const internals: string[] = [];
    for (const channel of CHANNELS) {
      for (const user of [...users, null]) {
        const area = `channels`;
        await fc.assert(
          fc.asyncProperty(inputFor(channel), async (input) => {
            const c = count(area);
            c.inputs++;
            const ctx: SessionContext = { store, user, now: () => new Date('2026-11-16T08:00:00.000Z') };
            const before = digest();
            let result;
            try {
              result = await dispatch(ctx, channel, input, { onInternalError: (_ch, error) => internals.push(`${channel} as ${user?.role ?? 'nobody'}: ${(error as Error).stack ?? String(error)}`) });
            } catch (error) {
              c.crashes++;
              throw error;
            }
            if (!result.ok && result.error.code === 'internal') c.internal++;
            expect(result.ok || result.error.code !== 'internal', `${channel} ${JSON.stringify(input)?.slice(0, 200)}`).toBe(true);
            if (result.ok) await settle(channel, ctx, result.data);
            else if (digest() !== before) {
              c.unintendedWrites++;
              throw new Error(`${channel} as ${user?.role ?? 'nobody'} refused ${JSON.stringify(input)?.slice(0, 200)} (${result.error.code}) but changed the store`);
            }
          }),
          { seed: SEED, numRuns: RUNS_PER_CHANNEL_AND_ROLE, endOnFailure: true },
        );
      }
    }
    expect(internals).toEqual([]);
  }, 600_000);
});

/** Runs one import and checks it: no throw beyond a worded ServiceError, and a failed import leaves the store as it was. */
async function importOnce(area: string, run: () => Promise<{ committed: boolean }>): Promise<void> {
  const c = count(area);
  c.inputs++;
  const before = digest();
  let committed = false;
  try {
    committed = (await run()).committed;
  } catch (error) {
    if (!(error instanceof ServiceError)) {
      c.crashes++;
      throw error;
    }
    if (error.code === 'internal') c.internal++;
  }
  if (!committed && digest() !== before) {
    c.unintendedWrites++;
    throw new Error(`${area}: a refused import changed the store`);
  }
}

const validLine = () => [...demoExchangeLines({ seed: 3, count: 1, asOf: '2026-11-16' })][0]!.trim();

/** Replaces the value at a random path of a JSON value. */
function mutate(base: unknown, path: number[], replacement: unknown): unknown {
  if (path.length === 0 || base === null || typeof base !== 'object') return replacement;
  const entries = Array.isArray(base) ? base.map((v, i) => [i, v] as const) : Object.entries(base as Record<string, unknown>);
  if (entries.length === 0) return replacement;
  const [k, v] = entries[path[0]! % entries.length]!;
  const copy = (Array.isArray(base) ? [...(base as unknown[])] : { ...(base as Record<string, unknown>) }) as Record<string | number, unknown>;
  copy[k] = mutate(v, path.slice(1), replacement);
  return copy;
}

describe('fuzz: the import readers', () => {
  it('case JSON Lines: mutated records, broken JSON and raw bytes', async () => {
    const base = JSON.parse(validLine()) as unknown;
    const handler = users[1]!;
    let n = 0;
    const line = fc.oneof(
      fc.tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), value).map(([path, v]) => JSON.stringify(mutate(base, path, v))),
      fc.tuple(fc.nat(), fc.string({ maxLength: 5 })).map(([cut, s]) => JSON.stringify(base).slice(0, cut % 500) + s),
      fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b).toString('latin1')),
      fc.constant(JSON.stringify(base).replace('"summary":"', '"summary":"\\ud800')),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 3 }), fc.boolean(), async (lines, partial) => {
        const path = join(dir, `fuzz-${n++}.jsonl`);
        writeFileSync(path, `${lines.join('\n')}\n`);
        await importOnce('case import (JSON Lines)', () => importCases({ store, user: handler }, { path, partial }));
      }),
      { seed: SEED, numRuns: RUNS_PER_READER, endOnFailure: true },
    );
  }, 300_000);

  it('mail: mutated .eml files', async () => {
    const handler = users[1]!;
    const folder = join(dir, 'mail');
    mkdirSync(folder, { recursive: true });
    let n = 0;
    const header = fc.constantFrom('From', 'To', 'Subject', 'Message-ID', 'Date', 'Content-Type', 'Content-Transfer-Encoding', 'Content-Disposition', 'X-Other');
    const headerValue = fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom('=?utf-8?B?////?=', '=?x-unknown?Q?a?=', 'multipart/mixed; boundary=', 'attachment; filename="../../evil.sh"', 'KO-2026-000001', 'not a date', 'base64', '<a@b>'));
    const mail = fc.tuple(fc.array(fc.tuple(header, headerValue), { maxLength: 8 }), fc.oneof(fc.string({ maxLength: 200 }), fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b).toString('latin1'))));
    await fc.assert(
      fc.asyncProperty(mail, async ([headers, body]) => {
        const path = join(folder, `m-${n++}.eml`);
        writeFileSync(path, Buffer.from(`${headers.map(([h, v]) => `${h}: ${v}`).join('\r\n')}\r\n\r\n${body}`, 'latin1'));
        await importOnce('mail import (.eml)', async () => {
          await importMail({ store, user: handler }, { path });
          return { committed: true };
        });
      }),
      { seed: SEED, numRuns: RUNS_PER_READER, endOnFailure: true },
    );
  }, 300_000);

  it('monthly CSV: mutated rows and headers', async () => {
    const handler = users[1]!;
    let n = 0;
    const cell = fc.oneof(fc.constantFrom('2026-01', '2026-13', '0000-01', '10000-01', 'SE', 'DK', 'XX', '100', '-5', '1.5', '1e9', '', '"', '\ud800'), fc.string({ maxLength: 10 }));
    const row = fc.array(cell, { minLength: 0, maxLength: 5 }).map((cells) => cells.join(','));
    const headerLine = fc.oneof(fc.constant('month,market,purchases,customer_service_complaints'), row);
    await fc.assert(
      fc.asyncProperty(headerLine, fc.array(row, { maxLength: 4 }), fc.boolean(), async (head, rows, replace) => {
        const path = join(dir, `monthly-${n++}.csv`);
        writeFileSync(path, `${[head, ...rows].join('\n')}\n`);
        await importOnce('monthly CSV', () => importMonthlyFigures({ store, user: handler }, { path, replace }));
      }),
      { seed: SEED, numRuns: RUNS_PER_READER, endOnFailure: true },
    );
  }, 300_000);
});
