import { DEFAULT_DEADLINE_POLICIES, type DeadlinePolicies } from '../../shared/domain/deadline-policy';
import { readSetting, writeSetting } from '../db/repositories/settings.repository';
import { appendAudit } from './audit.service';
import { now, type ServiceContext } from './context';
import { derivedRefreshStatus, startDerivedRefresh, type RefreshStatus } from './derived-refresh.service';
import { ServiceError } from './errors';
import { refusal } from '../../shared/domain/refusals';
import { POLICY_KEY as KEY, storedPolicySchema as storedSchema, type StoredPolicies as Stored } from './policy-config';

export interface DeadlinePolicyView {
  policies: DeadlinePolicies;
  defaults: DeadlinePolicies;
  revision: number;
  updatedAt: string | null;
  updatedBy: string | null;
  /** Recomputing the inbox's stored deadlines after a change; the case view is always current. */
  recompute: RefreshStatus;
}

export async function getDeadlinePolicies(ctx: ServiceContext): Promise<DeadlinePolicyView> {
  const stored = await readSetting(ctx.store.db, KEY, storedSchema);
  return {
    policies: stored?.policies ?? DEFAULT_DEADLINE_POLICIES,
    defaults: DEFAULT_DEADLINE_POLICIES,
    revision: stored?.revision ?? 0,
    updatedAt: stored?.updatedAt ?? null,
    updatedBy: stored?.updatedBy.name ?? null,
    recompute: derivedRefreshStatus(ctx.store),
  };
}

/**
 * The ombudsman changes the deadline rules. `baseRevision` is the revision the editor started
 * from, so two windows cannot overwrite each other unseen. Every stored deadline is recomputed
 * in the background; the audit row keeps the rules before and after.
 */
export async function setDeadlinePolicies(ctx: ServiceContext, input: { policies: DeadlinePolicies; baseRevision: number }): Promise<DeadlinePolicyView> {
  if (ctx.user.role !== 'ombudsman') throw new ServiceError(refusal('role.ombudsmanOnly'), 'Only the ombudsman may change the deadline rules.');
  const at = now(ctx).toISOString();
  await ctx.store.db.transaction().execute(async (trx) => {
    const stored = await readSetting(trx, KEY, storedSchema);
    const revision = stored?.revision ?? 0;
    if (revision !== input.baseRevision) {
      throw new ServiceError(
        refusal('deadlineRules.changed', { name: stored?.updatedBy.name ?? '?', at: stored?.updatedAt ?? '?' }),
        `The deadline rules were changed by ${stored?.updatedBy.name ?? 'someone else'} at ${stored?.updatedAt ?? 'an unknown time'} while you edited them. Reload them and apply your change again.`,
      );
    }
    const next: Stored = { revision: revision + 1, policies: input.policies, updatedAt: at, updatedBy: { id: ctx.user.id, name: ctx.user.name } };
    await writeSetting(trx, KEY, next);
    await appendAudit(trx, {
      at,
      userId: ctx.user.id,
      action: 'settings.deadline_policies',
      caseId: null,
      detail: { revision: next.revision, before: stored?.policies ?? DEFAULT_DEADLINE_POLICIES, after: input.policies },
    });
  });
  startDerivedRefresh(ctx.store);
  return getDeadlinePolicies(ctx);
}
