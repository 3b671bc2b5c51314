import type { TFunction } from 'i18next';
import { historyWording } from '../../shared/domain/history-wording';

interface EventLike {
  kind: string;
  summary: string;
  data: Record<string, unknown>;
}

/** The params whose values are codes, and where their wording lives. */
const CODED: Record<string, (v: string) => string> = {
  from: (v) => `status.${v}`,
  to: (v) => `status.${v}`,
  letter: (v) => `letterKind.${v}`,
  format: (v) => `fileFormat.${v}`,
  channel: (v) => `exports.channel.${v}`,
  outcome: (v) => `matters.outcomes.${v}`,
  decisionOutcome: (v) => `decision.outcomes.${v}`,
  compliance: (v) => `matters.complianceValues.${v}`,
};

/**
 * What an event says, in the reader's language: an event Ombud wrote is worded from its kind and
 * facts (`historyKind.*`), whatever language or code its stored summary has; an event a person
 * wrote shows its own text.
 */
export function historyText(t: TFunction, event: EventLike): string {
  const wording = historyWording(event);
  if (!wording) return event.summary;
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(wording.params)) {
    const coded = CODED[name];
    params[name] = coded && typeof value === 'string' ? t(coded(value), { defaultValue: value }) : value;
  }
  // A letter kind starts the sentence in some wordings and sits inside it in others.
  return t(`historyKind.${wording.key}`, params);
}
