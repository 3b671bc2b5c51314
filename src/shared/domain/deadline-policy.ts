import { z } from 'zod';
import { MARKETS, type Market } from './market';
import { DEADLINE_KINDS, deadlineKindSchema } from './review';

type Kind = (typeof DEADLINE_KINDS)[number];

/**
 * What each kind of clock is, fixed in code: which markets it belongs to, whether it may pause,
 * what meets it, and the legal ceiling a company setting may not exceed. Only the length (and
 * for PSD2 the extended length) is the ombudsman's to set.
 */
export const DEADLINE_KIND_RULES: Record<
  Kind,
  { markets: readonly Market[]; required: boolean; pausable: boolean; metBy: 'acknowledgement' | 'decision'; maxDays: number; maxExtendedDays?: number }
> = {
  // PSD2 art. 101: 15 business days, 35 with a holding reply. A company may promise less, never more.
  psd2_final: { markets: ['SE', 'DK'], required: true, pausable: false, metBy: 'decision', maxDays: 15, maxExtendedDays: 35 },
  dk_acknowledge: { markets: ['DK'], required: false, pausable: false, metBy: 'acknowledgement', maxDays: 20 },
  dk_decision: { markets: ['DK'], required: false, pausable: false, metBy: 'decision', maxDays: 60 },
  internal_target: { markets: ['SE', 'DK'], required: false, pausable: true, metBy: 'decision', maxDays: 60 },
};

export const deadlinePolicySettingSchema = z
  .object({
    kind: deadlineKindSchema,
    businessDays: z.number().int('must be a whole number of business days').min(1, 'must be at least 1'),
    extendedDays: z.number().int('must be a whole number of business days').min(1, 'must be at least 1').optional(),
  })
  .strict();
export type DeadlinePolicySetting = z.infer<typeof deadlinePolicySettingSchema>;

const marketPoliciesSchema = z.array(deadlinePolicySettingSchema).max(DEADLINE_KINDS.length);

/** The deadline rules of every market, checked against the rules of each kind; each problem names its place. */
export const deadlinePoliciesSchema = z
  .object(Object.fromEntries(MARKETS.map((m) => [m, marketPoliciesSchema])) as Record<Market, typeof marketPoliciesSchema>)
  .strict()
  .superRefine((value, ctx) => {
    for (const market of MARKETS) {
      const list = value[market];
      const seen = new Set<Kind>();
      list.forEach((policy, index) => {
        const rule = DEADLINE_KIND_RULES[policy.kind];
        const at = [market, index];
        if (seen.has(policy.kind)) ctx.addIssue({ code: 'custom', path: [...at, 'kind'], message: `${policy.kind} is listed twice` });
        seen.add(policy.kind);
        if (!rule.markets.includes(market)) ctx.addIssue({ code: 'custom', path: [...at, 'kind'], message: `${policy.kind} does not apply in ${market}` });
        if (policy.businessDays > rule.maxDays) {
          // A `too_big` issue, so the refusal carries the law's ceiling to the user's language.
          ctx.addIssue({ code: 'too_big', origin: 'number', maximum: rule.maxDays, inclusive: true, input: policy.businessDays, path: [...at, 'businessDays'], message: `must be at most ${rule.maxDays} for ${policy.kind}` });
        }
        if (policy.extendedDays !== undefined) {
          if (rule.maxExtendedDays === undefined) {
            ctx.addIssue({ code: 'custom', path: [...at, 'extendedDays'], message: `${policy.kind} cannot be extended` });
          } else if (policy.extendedDays > rule.maxExtendedDays) {
            ctx.addIssue({ code: 'custom', path: [...at, 'extendedDays'], message: `must be at most ${rule.maxExtendedDays} for ${policy.kind}` });
          } else if (policy.extendedDays <= policy.businessDays) {
            ctx.addIssue({ code: 'custom', path: [...at, 'extendedDays'], message: 'must be longer than the ordinary deadline' });
          }
        }
      });
      for (const kind of DEADLINE_KINDS) {
        if (DEADLINE_KIND_RULES[kind].required && DEADLINE_KIND_RULES[kind].markets.includes(market) && !seen.has(kind)) {
          ctx.addIssue({ code: 'custom', path: [market], message: `${kind} is required by law and cannot be removed` });
        }
      }
    }
  });
export type DeadlinePolicies = z.infer<typeof deadlinePoliciesSchema>;

/** The defaults of the domain brief. */
export const DEFAULT_DEADLINE_POLICIES: DeadlinePolicies = {
  SE: [
    { kind: 'psd2_final', businessDays: 15, extendedDays: 35 },
    { kind: 'internal_target', businessDays: 10 },
  ],
  DK: [
    { kind: 'dk_acknowledge', businessDays: 1 },
    { kind: 'dk_decision', businessDays: 10 },
    { kind: 'psd2_final', businessDays: 15, extendedDays: 35 },
  ],
};
