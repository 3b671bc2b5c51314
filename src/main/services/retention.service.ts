import { DEFAULT_RETENTION_RULES, retentionRulesSchema, type RetentionItem, type RetentionRules } from '../../shared/domain/retention';
import type { ChannelOutput } from '../../shared/ipc/contract';
import type { Db } from '../db/connection';
import { anonymiseCaseData, insertRetentionRun, lastRetentionRun, listRetentionCandidates, type RetentionCandidate } from '../db/repositories/retention.repository';
import { readSetting, writeSetting } from '../db/repositories/settings.repository';
import { appendAudit } from './audit.service';
import { now, type ServiceContext, type SessionUser } from './context';
import { ServiceError } from './errors';
import { refusal } from '../../shared/domain/refusals';

const RULES_KEY = 'retention.rules';
const BATCH = 200;

/** What replaces names and free text, in the case's own language. */
export const ANONYMISED_LABEL: Record<string, string> = { sv: 'Anonymiserad', da: 'Anonymiseret', en: 'Anonymised' };

type Caller = Pick<ServiceContext, 'store' | 'now'> & { user: SessionUser | null };

function requireOmbudsman(user: SessionUser | null): void {
  if (user !== null && user.role !== 'ombudsman') throw new ServiceError(refusal('role.ombudsmanOnly'), 'Only the ombudsman sets and runs retention.');
}

export async function readRetentionRules(db: Db): Promise<RetentionRules> {
  return (await readSetting(db, RULES_KEY, retentionRulesSchema)) ?? DEFAULT_RETENTION_RULES;
}

function yearsAfter(instant: string, years: number): string {
  const d = new Date(instant);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString();
}

/** Which rule a closed case falls under and from when it is due, or null when not yet. */
export function retentionDue(c: RetentionCandidate, rules: RetentionRules, at: Date): RetentionItem | null {
  // A matter still pending at an authority holds the case, however old.
  if (c.open_matters) return null;
  const authority = c.last_authority_at !== null;
  const from = authority && c.last_authority_at! > c.closed_at ? c.last_authority_at! : c.closed_at;
  const due = yearsAfter(from, authority ? rules.authorityMatterYears : rules.closedCaseYears);
  if (due > at.toISOString()) return null;
  return {
    caseId: c.id,
    number: c.number,
    market: c.market,
    category: c.category,
    rule: authority ? 'authority_matter' : 'closed_case',
    closedAt: c.closed_at,
    lastAuthorityAt: c.last_authority_at,
    dueSince: due.slice(0, 10),
  };
}

/** The cases a run would anonymise now. Reads only; nothing is logged. */
export async function planRetention(db: Db, rules: RetentionRules, at: Date): Promise<RetentionItem[]> {
  const candidates = await listRetentionCandidates(db);
  return candidates.map((c) => retentionDue(c, rules, at)).filter((x): x is RetentionItem => x !== null);
}

/**
 * Anonymises the given cases in batches, one transaction per batch, each case with its own audit
 * row. A case already anonymised is skipped, so a run that stopped halfway continues cleanly.
 */
export async function anonymiseCases(caller: Caller, items: { caseId: number; reason: string }[], at: string): Promise<number> {
  let done = 0;
  for (let i = 0; i < items.length; i += BATCH) {
    const batch = items.slice(i, i + BATCH);
    await caller.store.db.transaction().execute(async (trx) => {
      for (const item of batch) {
        const row = await trx.selectFrom('cases').select(['language', 'anonymised_at']).where('id', '=', item.caseId).executeTakeFirst();
        if (!row || row.anonymised_at !== null) continue;
        const result = await anonymiseCaseData(trx, item.caseId, at, ANONYMISED_LABEL[row.language] ?? ANONYMISED_LABEL.en!);
        await appendAudit(trx, { at, userId: caller.user?.id ?? null, action: 'case.anonymise', caseId: item.caseId, detail: { reason: item.reason, ...result } });
        done += 1;
      }
    });
  }
  return done;
}

export interface RetentionRunResult {
  runId: number;
  dryRun: boolean;
  rules: RetentionRules;
  cases: RetentionItem[];
  anonymised: number;
}

/**
 * One retention run: the plan under the stored rules, and unless `dryRun` the anonymisation of
 * every case in it. Dry runs and real runs are both logged in retention_runs and the audit log.
 */
export async function runRetention(caller: Caller, options: { dryRun: boolean; trigger: 'cli' | 'schedule' | 'app' }): Promise<RetentionRunResult> {
  requireOmbudsman(caller.user);
  const started = now(caller).toISOString();
  const rules = await readRetentionRules(caller.store.db);
  const plan = await planRetention(caller.store.db, rules, new Date(started));
  const anonymised = options.dryRun ? 0 : await anonymiseCases(caller, plan.map((p) => ({ caseId: p.caseId, reason: `retention:${p.rule}` })), started);
  const finished = now(caller).toISOString();
  const runId = await caller.store.db.transaction().execute(async (trx) => {
    const id = await insertRetentionRun(trx, {
      started_at: started,
      finished_at: finished,
      dry_run: options.dryRun ? 1 : 0,
      trigger: options.trigger,
      user_id: caller.user?.id ?? null,
      rules: JSON.stringify(rules),
      cases_affected: options.dryRun ? plan.length : anonymised,
      case_ids: JSON.stringify(plan.map((p) => p.caseId)),
    });
    await appendAudit(trx, {
      at: finished,
      userId: caller.user?.id ?? null,
      action: 'retention.run',
      caseId: null,
      detail: { runId: id, dryRun: options.dryRun, trigger: options.trigger, rules, cases: plan.length, anonymised },
    });
    return id;
  });
  return { runId, dryRun: options.dryRun, rules, cases: plan, anonymised };
}

const PREVIEW_LIMIT = 1000;

function summary(run: Awaited<ReturnType<typeof lastRetentionRun>>) {
  return run
    ? { id: run.id, startedAt: run.started_at, finishedAt: run.finished_at, dryRun: run.dry_run === 1, trigger: run.trigger, casesAffected: run.cases_affected }
    : null;
}

/** The rules and what they would do today, shown before anything runs. */
export async function retentionOverview(ctx: ServiceContext): Promise<ChannelOutput<'retention:get'>> {
  requireOmbudsman(ctx.user);
  const rules = await readRetentionRules(ctx.store.db);
  const plan = await planRetention(ctx.store.db, rules, now(ctx));
  return { rules, preview: plan.slice(0, PREVIEW_LIMIT), previewTotal: plan.length, lastRun: summary(await lastRetentionRun(ctx.store.db, false)) };
}

export async function setRetentionRules(ctx: ServiceContext, rules: RetentionRules): Promise<ChannelOutput<'retention:get'>> {
  requireOmbudsman(ctx.user);
  await ctx.store.db.transaction().execute(async (trx) => {
    await writeSetting(trx, RULES_KEY, rules);
    await appendAudit(trx, { at: now(ctx).toISOString(), userId: ctx.user.id, action: 'retention.rules', caseId: null, detail: { ...rules } });
  });
  return retentionOverview(ctx);
}

export async function runRetentionFromApp(ctx: ServiceContext, dryRun: boolean): Promise<ChannelOutput<'retention:run'>> {
  const result = await runRetention(ctx, { dryRun, trigger: 'app' });
  return { runId: result.runId, dryRun, anonymised: result.anonymised, cases: result.cases.slice(0, PREVIEW_LIMIT), total: result.cases.length };
}

/**
 * Runs retention once a day while the app is open, when the ombudsman has switched the schedule
 * on. Returns a stop function; failures are reported and retried at the next check.
 */
export function startRetentionSchedule(ctx: Pick<ServiceContext, 'store' | 'now'>, options: { checkEveryMs?: number; log?: (line: string) => void } = {}): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const rules = await readRetentionRules(ctx.store.db);
      if (!rules.scheduleEnabled) return;
      const last = await lastRetentionRun(ctx.store.db, false);
      if (last && Date.parse(last.started_at) + 24 * 3600_000 > now(ctx).getTime()) return;
      const result = await runRetention({ ...ctx, user: null }, { dryRun: false, trigger: 'schedule' });
      options.log?.(`Retention run ${result.runId}: anonymised ${result.anonymised} cases.`);
    } catch (error) {
      options.log?.(`Retention run failed: ${(error as Error).message}`);
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), options.checkEveryMs ?? 60 * 60_000);
  timer.unref?.();
  return () => clearInterval(timer);
}
