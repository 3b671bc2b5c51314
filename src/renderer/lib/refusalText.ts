import i18next, { type TFunction } from 'i18next';
import { isReason } from '../../shared/domain/refusals';
import { formatUiDate, formatUiDateTime } from './format';

/** What a refused call carries: the transport code, and the reason and facts when the service gave them. */
export interface Refused {
  code: string;
  reason?: string;
  params?: Record<string, string | number>;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** The params whose values are codes, and where their wording lives. */
const CODED: Record<string, (v: string) => string> = {
  status: (v) => `status.${v}`,
  from: (v) => `status.${v}`,
  to: (v) => `status.${v}`,
  decisionStatus: (v) => `decision.status.${v}`,
  responseStatus: (v) => `arnResponse.statuses.${v}`,
  market: (v) => `market.${v}`,
  language: (v) => `language.${v}`,
  role: (v) => `role.${v}`,
  outcome: (v) => `matters.outcomes.${v}`,
  step: (v) => `refusalStep.${v}`,
  field: (v) => `inputField.${v}`,
};

/**
 * A refusal in the user's language: the one function every screen uses for a failed call, as
 * `issueText` is for decision issues. Coded params are translated, dates and times written the
 * interface language's way; a refusal without a reason falls back to its code's wording, never
 * to the service's English message.
 */
export function refusalText(t: TFunction, failure: Refused): string {
  const language = (t as { lng?: string }).lng ?? (i18next.language || 'sv');
  if (failure.reason && isReason(failure.reason)) {
    const params: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(failure.params ?? {})) {
      const coded = CODED[name];
      if (typeof value !== 'string') params[name] = value;
      else if (ISO_DAY.test(value)) params[name] = formatUiDate(value, language);
      else if (ISO_INSTANT.test(value)) params[name] = formatUiDateTime(value, language);
      else if (name === 'field') params[name] = t(`inputField.${value}`, { defaultValue: t('inputField.other') });
      else if (coded) params[name] = t(coded(value), { defaultValue: value });
      else params[name] = value;
    }
    if (failure.reason === 'input.field') {
      const problem = String(failure.params?.problem ?? 'invalid');
      params.problem = t(`inputProblem.${problem}`, { limit: failure.params?.limit ?? '', defaultValue: t('inputProblem.invalid') });
    }
    return t(`refusal.${failure.reason}`, params);
  }
  const known = ['invalid_input', 'unauthenticated', 'not_found', 'forbidden', 'conflict', 'unavailable', 'internal'];
  return t(`errors.${known.includes(failure.code) ? failure.code : 'unknown'}` as 'errors.unknown');
}
