import type { Store } from '../db/connection';
import { checkpoint, countCases, enterBulkLoad } from '../db/repositories/bulk-load.repository';
import type { NewCaseBundle } from '../db/repositories/case-writer.repository';
import { findUserByUsername, insertUser, setPasswordHash } from '../db/repositories/user.repository';
import { hashPassword } from '../services/password';
import { createCaseIntake } from '../services/case-intake.service';
import { buildCase } from './cases';
import { issueDemoDecisions } from './decisions';
import { addDemoMatters } from './matters';
import { addDemoResponses } from './responses';
import { zonedDate } from './format';
import type { Staff } from './office';
import { DEMO_STAFF } from './people';
import { DAY } from './timeline';
import { addDemoZeroComplaints } from './zero';

/** Case numbers carry six digits, so one store holds at most this many demo cases. */
export const MAX_DEMO_CASES = 999_999;
/** Receipts reach back about two years before the as-of date. */
const SPAN_DAYS = 730;

export interface DemoCaseOptions {
  seed: number;
  count: number;
  /** The demo's "today", YYYY-MM-DD; no event is later than this day. */
  asOf: string;
  /** Users cases may be assigned to, in demo-handler order (the k-th stands in for demo handler k and its market); empty leaves every case unassigned. */
  assigneeIds: readonly number[];
  /** Display names parallel to `assigneeIds`, used as actors of office events; defaults to the demo handlers. */
  assigneeNames?: readonly string[];
  /** The ombudsman who assigns cases and signs decisions; defaults to the demo ombudsman without a user id. */
  ombudsman?: { id: number | null; name: string };
}

function checkOptions(seed: number, count: number, asOf: string): number {
  if (!Number.isInteger(seed)) throw new Error(`Demo seed must be an integer, got ${seed}.`);
  if (!Number.isInteger(count) || count < 0 || count > MAX_DEMO_CASES) {
    throw new Error(`Demo case count must be a whole number from 0 to ${MAX_DEMO_CASES}, got ${count}.`);
  }
  const limit = /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? Date.parse(`${asOf}T21:00:00.000Z`) : Number.NaN;
  if (Number.isNaN(limit)) throw new Error(`Demo as-of date must be YYYY-MM-DD, got "${asOf}".`);
  // 21:00 UTC is still the as-of day in UTC, Stockholm and Copenhagen, summer and winter.
  return limit;
}

/**
 * Streams `count` deterministic demo cases. Case i depends only on (seed, i, count, asOf), never on
 * the clock or Math.random, and no case is kept after it is yielded, so any count runs in constant
 * memory. Every event happens no later than `asOf` 21:00 UTC.
 */
export function* demoCases(options: DemoCaseOptions): Generator<NewCaseBundle> {
  const limit = checkOptions(options.seed, options.count, options.asOf);
  const handlers = DEMO_STAFF.filter((s) => s.role === 'handler');
  // Assignee k stands in for demo handler k, whose market it prefers.
  const assignees: Staff[] = options.assigneeIds.map((id, k) => {
    const demo = handlers[k % handlers.length]!;
    return { id, name: options.assigneeNames?.[k] ?? demo.displayName, market: demo.market };
  });
  const ombudsman: Staff = options.ombudsman ?? { id: null, name: DEMO_STAFF[0]!.displayName };
  for (let index = 0; index < options.count; index++) {
    yield buildCase({ seed: options.seed, index, count: options.count, limit, span: SPAN_DAYS * DAY, assignees, ombudsman });
  }
}

export interface CreateDemoStoreOptions {
  cases: number;
  seed?: number;
  /** YYYY-MM-DD; defaults to today's date in Stockholm. Pass it for a reproducible store. */
  asOf?: string;
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

/** Every demo account signs in with this password; a demo store holds no real people. */
export const DEMO_PASSWORD = 'demo';

/** Reuses users that already exist under a demo username, so a store with accounts can still be filled. */
async function ensureStaff(store: Store, createdAt: string): Promise<{ ombudsman: Staff; handlers: Staff[]; officer: Staff }> {
  const handlers: Staff[] = [];
  let ombudsman: Staff | null = null;
  let officer: Staff | null = null;
  const hashes: Promise<void>[] = [];
  for (const s of DEMO_STAFF) {
    const existing = await findUserByUsername(store.db, s.username);
    const id =
      existing?.id ??
      (await insertUser(store.db, { username: s.username, display_name: s.displayName, role: s.role, title: s.title, created_at: createdAt }));
    if (!existing?.password_hash) hashes.push(hashPassword(DEMO_PASSWORD).then((hash) => setPasswordHash(store.db, id, hash)));
    if (s.role === 'ombudsman') ombudsman = { id, name: s.displayName };
    if (s.role === 'handler') handlers.push({ id, name: s.displayName });
    if (s.role === 'auditor') officer = { id, name: s.displayName };
  }
  await Promise.all(hashes);
  return { ombudsman: ombudsman!, handlers, officer: officer! };
}

/**
 * Fills an empty store with the demo office (ombudsman, handlers, auditor) and `cases` generated
 * cases, written in batches of `batchSize` (default 1000) per transaction. Refuses a store that
 * already has cases. Yields to the event loop between batches so a UI stays responsive.
 */
export async function createDemoStore(store: Store, options: CreateDemoStoreOptions): Promise<{ cases: number; events: number; matters: number }> {
  const existing = countCases(store.sqlite);
  if (existing > 0) {
    throw new Error(`This store already contains ${existing} cases; demo data can only be generated into an empty store.`);
  }
  const seed = options.seed ?? 1;
  const asOf = options.asOf ?? zonedDate(Date.now(), 'Europe/Stockholm');
  const limit = checkOptions(seed, options.cases, asOf);
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? 1000));
  const total = options.cases;

  // The office existed before the first demo receipt.
  const { ombudsman, handlers, officer } = await ensureStaff(store, new Date(limit - (SPAN_DAYS + 30) * DAY).toISOString());
  const writer = createCaseIntake(store);
  const cases = demoCases({
    seed,
    count: total,
    asOf,
    assigneeIds: handlers.map((h) => h.id!),
    assigneeNames: handlers.map((h) => h.name),
    ombudsman,
  });

  const leaveBulkLoad = enterBulkLoad(store.sqlite);
  let done = 0;
  let events = 0;
  try {
    let batch: NewCaseBundle[] = [];
    for (const bundle of cases) {
      batch.push(bundle);
      events += bundle.events.length;
      if (batch.length >= batchSize) {
        writer.writeBatch(batch);
        done += batch.length;
        batch = [];
        options.onProgress?.(done, total);
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
    if (batch.length > 0) {
      writer.writeBatch(batch);
      done += batch.length;
      options.onProgress?.(done, total);
    }
  } finally {
    leaveBulkLoad();
  }
  await issueDemoDecisions(store, { id: ombudsman.id!, name: ombudsman.name });
  const matters = await addDemoMatters(store, { seed, asOf, registeredBy: handlers[0]!.id!, actor: handlers[0]!.name });
  await addDemoZeroComplaints(store, { seed, asOf, officerId: officer.id! });
  const responses = await addDemoResponses(store, {
    seed,
    handler: { id: handlers[0]!.id!, name: handlers[0]!.name, role: 'handler' },
    ombudsman: { id: ombudsman.id!, name: ombudsman.name, role: 'ombudsman' },
  });
  checkpoint(store.sqlite);
  return { cases: done, events: events + matters.events + responses.events, matters: matters.matters };
}
