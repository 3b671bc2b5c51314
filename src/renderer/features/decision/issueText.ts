import type { TFunction } from 'i18next';
import type { ValidationIssue } from '../../../shared/domain/decision';

/**
 * A validation issue in the user's language. The service names each problem in English for logs
 * and the CLI and sends its facts as `params`; the workbench words it from `code` and those facts,
 * translating the ones that are themselves codes (remedy kind, outcome, phrase, market). An issue
 * without params (from an older service) shows the service's own message.
 */
export function issueText(t: TFunction, issue: ValidationIssue): string {
  if (!issue.params) return issue.message;
  const p: Record<string, string | number> = { ...issue.params };
  // A remedy kind is a common noun inside the sentence: "senaste dag för återbetalning".
  if (typeof p.kind === 'string') p.kind = t(`decision.remedies.${p.kind}`, { defaultValue: p.kind }).toLocaleLowerCase();
  if (typeof p.outcome === 'string') p.outcome = t(`decision.outcomes.${p.outcome}`, { defaultValue: p.outcome });
  if (typeof p.phrase === 'string') p.phrase = t(`decisionIssue.phrase.${p.phrase}`, { defaultValue: p.phrase });
  if (typeof p.what === 'string') p.what = t(`decisionIssue.what.${p.what}`, { defaultValue: p.what });
  if (typeof p.market === 'string') p.market = t(`market.${p.market}`, { defaultValue: p.market });
  if (typeof p.languages === 'string') p.languages = p.languages.split(',').map((l) => t(`language.${l}`, { defaultValue: l })).join(' / ');
  let key: string = issue.code;
  if (issue.code === 'empty_letter' && issue.path.startsWith('template')) key = 'empty_template';
  if (issue.code === 'appeal_missing' && p.phrase === undefined) key = 'appeal_no_language';
  if (issue.code === 'claim_order' && issue.path.startsWith('template')) key = 'claim_order_template';
  return t(`decisionIssue.${key}`, { ...p, defaultValue: issue.message });
}
