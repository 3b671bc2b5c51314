import { CASE_STATUSES } from './case';

/**
 * The history entries Ombud writes itself, as a kind with parameters, worded at display time in
 * the reader's language (`historyKind.<key>` in the i18n files). The stored `summary` of such an
 * event is only the English (or demo-language) text of the moment it was written; the workbench
 * words the event from its kind and `data`, so old rows read in the current language too and no
 * append-only row is rewritten. An event a person wrote (a note, a customer's e-mail, an imported
 * customer-service entry) has no wording and shows its own text.
 *
 * Param names carry their meaning for the renderer, as for refusals: `from`/`to` are case
 * statuses, `letter` a letter kind, `channel` a sending channel, `outcome` an authority outcome,
 * `decisionOutcome` a decision outcome, `compliance` a compliance value, `format` a file format.
 */
export const HISTORY_WORDINGS = {
  statusChange: ['from', 'to'],
  assigned: ['name'],
  unassigned: [],
  decisionDraftStarted: [],
  decisionCorrectionStarted: ['decisionId'],
  decisionSubmitted: [],
  decisionReturned: [],
  decisionApproved: [],
  decisionIssued: [],
  decisionIssuedOutcome: ['decisionOutcome'],
  decisionCorrectionIssued: ['decisionId'],
  letterExported: ['letter', 'format', 'fileName'],
  draftExported: ['letter', 'format', 'fileName'],
  mailDrafted: ['letter', 'subject'],
  mailOut: ['letter', 'address', 'subject'],
  letterSent: ['letter', 'channel'],
  letterSentFile: ['letter', 'channel', 'fileName'],
  letterSentPlain: ['letter'],
  matterRegistered: ['matter'],
  matterResponseSent: ['matter'],
  matterOutcome: ['matter', 'outcome'],
  matterCompliance: ['matter', 'compliance'],
  responseCreated: [],
  responseSubmitted: [],
  responseReturned: [],
  responseApproved: [],
  responseFinalised: [],
} as const satisfies Record<string, readonly string[]>;

export type HistoryWordingKey = keyof typeof HISTORY_WORDINGS;

export interface HistoryWording {
  key: HistoryWordingKey;
  params: Record<string, string | number>;
}

interface EventLike {
  kind: string;
  summary: string;
  data: Record<string, unknown>;
}

const isStatus = (v: unknown): v is string => typeof v === 'string' && (CASE_STATUSES as readonly string[]).includes(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

function w(key: HistoryWordingKey, params: Record<string, string | number> = {}): HistoryWording {
  return { key, params };
}

/** `ARN 2026-1234` from the data of a matter event, or from the start of its stored summary. */
function matterName(e: EventLike): string {
  const authority = str(e.data.authority);
  const reference = str(e.data.reference);
  if (authority && reference) return `${authority} ${reference}`;
  return e.summary.split(':')[0]!.trim();
}

/** How an event Ombud wrote is worded, or null for an event whose own text is what a person wrote. */
export function historyWording(e: EventLike): HistoryWording | null {
  const d = e.data;
  switch (e.kind) {
    case 'status_change': {
      let from = d.fromStatus;
      let to = d.toStatus;
      if (!isStatus(from) || !isStatus(to)) {
        // Rows written before the facts were stored: "waiting_for_customer → in_review".
        const m = /^(\w+) → (\w+)$/.exec(e.summary.trim());
        from = m?.[1];
        to = m?.[2];
      }
      return isStatus(from) && isStatus(to) ? w('statusChange', { from, to }) : null;
    }
    case 'assignment': {
      if ('toUserId' in d && d.toUserId === null) return w('unassigned');
      const name = str(d.toName) ?? str(d.assignee);
      return name ? w('assigned', { name }) : null;
    }
    case 'decision_review':
      switch (d.action) {
        case 'created': {
          const corrects = num(d.correctsDecisionId);
          return corrects === undefined ? w('decisionDraftStarted') : w('decisionCorrectionStarted', { decisionId: corrects });
        }
        case 'submitted':
          return w('decisionSubmitted');
        case 'returned':
          return w('decisionReturned');
        case 'approved':
          return w('decisionApproved');
        default:
          return null;
      }
    case 'decision_issued': {
      const corrects = num(d.correctsDecisionId);
      if (corrects !== undefined) return w('decisionCorrectionIssued', { decisionId: corrects });
      if (num(d.decisionId) !== undefined) return w('decisionIssued');
      const outcome = str(d.decision);
      return outcome ? w('decisionIssuedOutcome', { decisionOutcome: outcome }) : null;
    }
    case 'letter_exported': {
      const letter = str(d.letter);
      const format = str(d.format);
      if (!letter || !format) return null;
      // A letter as mail (services/mail.service.ts): the draft opened, or the message that was sent.
      if (format === 'eml' && str(d.subject)) {
        const address = str(d.to);
        return d.mail === 'sent' && address ? w('mailOut', { letter, address, subject: str(d.subject)! }) : w('mailDrafted', { letter, subject: str(d.subject)! });
      }
      return w(d.draft === true ? 'draftExported' : 'letterExported', { letter, format, fileName: str(d.fileName) ?? '' });
    }
    case 'letter_sent': {
      const letter = str(d.letter);
      if (!letter) return null;
      const channel = str(d.channel);
      if (!channel) return w('letterSentPlain', { letter });
      const fileName = str(d.fileName);
      return fileName ? w('letterSentFile', { letter, channel, fileName }) : w('letterSent', { letter, channel });
    }
    case 'authority_correspondence':
      switch (d.action) {
        case 'registered':
          return w('matterRegistered', { matter: matterName(e) });
        case 'response_sent':
          return w('matterResponseSent', { matter: matterName(e) });
        case 'outcome':
          return str(d.outcome) ? w('matterOutcome', { matter: matterName(e), outcome: str(d.outcome)! }) : null;
        case 'compliance':
          return str(d.compliance) ? w('matterCompliance', { matter: matterName(e), compliance: str(d.compliance)! }) : null;
        case 'response_created':
          return w('responseCreated');
        case 'response_submitted':
          return w('responseSubmitted');
        case 'response_returned':
          return w('responseReturned');
        case 'response_approved':
          return w('responseApproved');
        case 'response_finalised':
          return w('responseFinalised');
        default:
          return null;
      }
    default:
      return null;
  }
}

/** English reasons Ombud once stored as the body of the status changes it made itself. */
const AUTOMATIC_REASONS = new Set(['Decision issued', 'Decision draft submitted']);

/**
 * The body to show: a status change Ombud made as a consequence of a decision step has none (its
 * summary says it all, in the reader's language); older rows stored the step in English.
 */
export function historyBody(e: EventLike & { body: string }): string {
  if (e.kind === 'status_change' && (typeof e.data.cause === 'string' || AUTOMATIC_REASONS.has(e.body.trim()))) return '';
  return e.body;
}
