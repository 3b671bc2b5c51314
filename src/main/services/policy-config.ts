import { z } from 'zod';
import { deadlinePoliciesSchema } from '../../shared/domain/deadline-policy';
import type { Db, Store } from '../db/connection';
import { parseSetting, readSetting, readSettingSync } from '../db/repositories/settings.repository';
import { DEFAULT_POLICY_CONFIG, type PolicyConfig } from './derived';

/** Where the ombudsman's deadline rules live in settings, with who changed them last. */
export const POLICY_KEY = 'deadline.policies';

export const storedPolicySchema = z.object({
  revision: z.number().int().min(1),
  policies: deadlinePoliciesSchema,
  updatedAt: z.string(),
  updatedBy: z.object({ id: z.number().int(), name: z.string() }),
});
export type StoredPolicies = z.infer<typeof storedPolicySchema>;

function toConfig(stored: StoredPolicies | undefined): PolicyConfig {
  return stored ? { policies: stored.policies, revision: stored.revision } : DEFAULT_POLICY_CONFIG;
}

let lastParsed: { text: string | null; config: PolicyConfig } | undefined;

/**
 * The rules from the setting's stored text (null: the defaults). The text is checked against the
 * schema once per distinct text: opening a case reads it every time, and it changes only when the
 * ombudsman edits the rules.
 */
export function policyConfigFromText(text: string | null): PolicyConfig {
  if (lastParsed?.text !== text) lastParsed = { text, config: toConfig(parseSetting(POLICY_KEY, text, storedPolicySchema)) };
  return lastParsed.config;
}

export async function loadPolicyConfig(db: Db): Promise<PolicyConfig> {
  return toConfig(await readSetting(db, POLICY_KEY, storedPolicySchema));
}

/** For the bulk writer's synchronous derive hook. */
export function loadPolicyConfigSync(store: Store): PolicyConfig {
  return toConfig(readSettingSync(store.sqlite, POLICY_KEY, storedPolicySchema));
}
