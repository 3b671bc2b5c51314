import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/shared/domain/case';
import { CHANNELS, type Channel } from '../../src/shared/ipc/channels';
import { CHANNEL_ACCESS, mayCall } from '../../src/shared/ipc/roles';
import type { Store } from '../../src/main/db/connection';
import { insertUser, setPasswordHash } from '../../src/main/db/repositories/user.repository';
import { hashPassword } from '../../src/main/services/password';
import { dispatch } from '../../src/main/ipc/dispatch';
import { createCaseIntake } from '../../src/main/services/case-intake.service';
import type { SessionUser } from '../../src/main/services/context';
import { sessionUser } from '../../src/main/services/session.service';
import { DEFAULT_AUTHORITIES } from '../../src/shared/domain/authority';
import { DEFAULT_DEADLINE_POLICIES } from '../../src/shared/domain/deadline-policy';
import { buildCase, buildEvent } from '../fixtures/cases';
import { tempStore } from '../fixtures/temp-store';
import { defaultTemplates } from '../../src/main/services/decision-templates';

let store: Store;
let cleanup: () => Promise<void>;
const users = {} as Record<Role, SessionUser>;
let caseId: number;
let caseNumber: string;
let attachmentId: number;
let matterId: number;

beforeAll(async () => {
  ({ store, cleanup } = await tempStore());
  users.ombudsman = await sessionUser(store);
  for (const role of ['handler', 'auditor'] as const) {
    users[role] = { id: await insertUser(store.db, { username: role, display_name: role, role, title: null, created_at: '2026-01-01T00:00:00Z' }), name: role, role };
  }
  // Accounts that can sign in, as in a real store (setup is then refused to everyone).
  for (const u of Object.values(users)) await setPasswordHash(store.db, u.id, await hashPassword('a long enough password'));
  const bundle = buildCase({
    receivedAt: '2026-11-10T08:00:00.000Z',
    receivedDate: '2026-11-10',
    events: [buildEvent({ occurredAt: '2026-11-09T08:00:00.000Z', attachments: [{ fileName: 'a.pdf', mediaType: 'application/pdf', content: Buffer.from('%PDF-1.4') }] })],
  });
  [caseId] = createCaseIntake(store).writeBatch([bundle]) as [number];
  caseNumber = bundle.number;
  attachmentId = store.sqlite.prepare('SELECT id FROM attachments').pluck().get() as number;
  const matter = await dispatch({ store, user: users.ombudsman }, 'matters:register', {
    caseId,
    authority: 'ARN',
    reference: '2026-0001',
    receivedDate: '2026-11-11',
    responseDue: '2026-12-11',
    claimText: 'Konsumenten yrkar återbetalning',
    claimAmount: null,
    questions: [],
    documents: [],
  });
  if (!matter.ok) throw new Error(matter.error.message);
  matterId = matter.data.id;
});
afterAll(() => cleanup());

/** A decision or case that does not exist: a permitted role gets not_found, never forbidden. */
const MISSING = 999_999;
const DOC = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Beslut' }] }] };

/** A valid input for every channel: one the contract accepts, so only the role decides. */
function validInput(channel: Channel, role: Role): unknown {
  const inputs: Record<Channel, unknown> = {
    'app:info': {},
    'session:get': {},
    'session:signIn': { username: 'handler', password: 'wrong password' },
    'session:signOut': {},
    'session:setup': { username: 'ny', displayName: 'Ny Person', password: 'a long enough password' },
    'users:list': {},
    'cases:counts': { filters: [{}, { due: 'overdue' }] },
    'cases:list': {},
    'cases:get': { id: caseId },
    'cases:setStatus': { id: caseId, status: 'acknowledged' },
    'cases:assign': { id: caseId, assigneeId: null },
    'cases:addNote': { id: caseId, text: 'En anteckning' },
    'cases:requestInfo': { id: caseId, text: 'Skicka kvittot' },
    'cases:sendHoldingReply': { id: caseId, text: 'Vi behöver mer tid', answerBy: '2026-12-01' },
    'cases:revealPersonalNumber': { id: caseId },
    'search:query': { query: 'faktura' },
    'attachments:get': { id: attachmentId },
    'matters:authorities': {},
    'settings:setAuthorities': { authorities: DEFAULT_AUTHORITIES.map((a) => ({ ...a })) },
    'matters:list': {},
    'matters:forCase': { caseId },
    'matters:register': {
      caseId,
      authority: 'ARN',
      reference: `2026-${role}`,
      receivedDate: '2026-11-12',
      responseDue: '2026-12-12',
      claimText: 'Konsumenten yrkar återbetalning',
      claimAmount: '1499,00',
      questions: [],
      documents: [],
    },
    'matters:recordResponseSent': { matterId, sentOn: '2026-11-13' },
    'matters:recordOutcome': { matterId, outcome: 'upheld', decidedOn: '2026-11-14', recommendation: 'Återbetala', amount: null },
    'matters:recordCompliance': { matterId, compliance: 'followed', compliedOn: '2026-11-15', paid: null, note: '' },
    'matters:stats': { year: 2026 },
    'arnResponses:forMatter': { matterId },
    'arnResponses:create': { matterId: MISSING, language: 'sv' },
    'arnResponses:save': { id: MISSING, baseVersion: 1, content: DOC, panel: { points: [], answers: [], facts: [], exhibits: [], redactedFields: [], lateAcknowledged: false, settlementOffer: '' } },
    'arnResponses:submit': { id: MISSING, baseVersion: 1 },
    'arnResponses:return': { id: MISSING, comment: 'Komplettera' },
    'arnResponses:approve': { id: MISSING },
    'arnResponses:finalise': { id: MISSING, baseVersion: 1 },
    'arnResponses:export': { id: MISSING, format: 'package' },
    'settings:setArnFourEyes': { enabled: true },
    'settings:deadlinePolicies': {},
    'settings:setDeadlinePolicies': { policies: DEFAULT_DEADLINE_POLICIES, baseRevision: 0 },
    'audit:list': { caseNumber },
    'audit:export': { caseNumber },
    'backups:status': {},
    'backups:run': {},
    'backups:setSchedule': { enabled: true, intervalHours: 24, keep: 7 },
    'recovery:status': {},
    'recovery:restore': { fileName: 'none.sqlite' },
    'retention:get': {},
    'retention:setRules': { closedCaseYears: 3, authorityMatterYears: 10, scheduleEnabled: false },
    'retention:run': { dryRun: true },
    'decisions:templates': {},
    'decisions:saveTemplate': { market: 'SE', language: 'sv', name: 'Mall', content: defaultTemplates().find((t) => t.market === 'SE' && t.language === 'sv')!.content },
    'decisions:resetTemplate': { market: 'SE', language: 'sv' },
    'decisions:forCase': { caseId },
    'decisions:get': { id: MISSING },
    'decisions:create': { caseId: MISSING, language: 'sv' },
    'decisions:save': { id: MISSING, baseVersion: 1, content: DOC, panel: { claims: [] } },
    'decisions:versions': { id: MISSING },
    'decisions:compare': { id: MISSING, from: 1, to: 2 },
    'decisions:restore': { id: MISSING, version: 1, baseVersion: 1 },
    'decisions:submit': { id: MISSING, baseVersion: 1 },
    'decisions:return': { id: MISSING, comment: 'Komplettera' },
    'decisions:approve': { id: MISSING },
    'decisions:issue': { id: MISSING },
    'decisions:precedents': { caseId },
    'import:start': { uploadId: 'x'.repeat(16), kind: 'cases' },
    'import:status': { runId: 'y'.repeat(16) },
    'stats:zeroComplaints': { market: 'SE' },
    'stats:causes': {},
    'stats:causeCases': { cause: 'category:undelivered_goods', months: ['2026-11'] },
    'stats:reviewNotes': { from: '2026-01', to: '2026-12' },
    'stats:addReviewNote': { month: '2026-11', cause: 'flag:repeated_contacts', notedOn: '2026-11-16', text: `Ändrat av ${role}` },
    'stats:registerFigures': { year: 2026 },
    'stats:exportRegister': { year: 2026, format: 'csv' },
    // The case has no decision: a writer gets not_found, an auditor forbidden before anything is looked up.
    'exports:start': { caseId, kind: 'decision', format: 'pdf' },
    'exports:status': { jobId: 'z'.repeat(22) },
    'exports:list': { caseId },
    'exports:markSent': { caseId, exportId: MISSING, date: '2026-11-16', channel: 'post' },
    'exports:showInFolder': { caseId, exportId: MISSING },
    'mail:settings': {},
    'mail:setSettings': { attachDocx: false },
    'mail:draft': { caseId: MISSING, letter: 'decision' },
    'mail:send': { caseId: MISSING, letter: 'decision' },
    'review:queue': {},
    'review:approvers': {},
    'settings:approvers': {},
    // A stale revision: the ombudsman gets a conflict and nothing is written.
    'settings:setApprovers': { deputyId: null, baseRevision: 999 },
  };
  return inputs[channel];
}

describe('the role table', () => {
  it('lists every channel and nothing else', () => {
    expect(Object.keys(CHANNEL_ACCESS).sort()).toEqual([...CHANNELS].sort());
  });

  it.each(CHANNELS.flatMap((channel) => ROLES.map((role) => [channel, role] as const)))('%s as %s is refused exactly when the table says', async (channel, role) => {
    const result = await dispatch({ store, user: users[role], now: () => new Date('2026-11-16T09:00:00.000Z') }, channel, validInput(channel, role));
    if (!result.ok) expect(result.error.code, `${channel} as ${role}: ${result.error.message}`).not.toBe('invalid_input');
    const refused = !result.ok && result.error.code === 'forbidden';
    expect(refused, `${channel} as ${role}: ${JSON.stringify(result).slice(0, 200)}`).toBe(!mayCall(channel, role));
  });
});
