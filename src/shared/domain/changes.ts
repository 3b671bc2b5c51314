/**
 * A change notice: somebody wrote something that open screens may be showing. Notices carry no
 * content, only what to refresh; a screen asks again through the contract with its own session,
 * so a notice never reveals anything its reader may not read.
 */
export const CHANGE_KINDS = [
  'case', // a case's row, history, notes, status, assignment
  'decision', // a decision draft, its review steps, issue
  'arn_response', // an ARN response draft, its review steps, finalise
  'matter', // an authority matter and its steps
  'review', // something entered or left somebody's approval queue
  'settings', // a setting, a template, a deadline rule
  'users', // accounts, roles, sessions
  'import', // an import committed (many cases at once)
  'presence', // who has which case open or is editing which draft
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export interface ChangeNotice {
  kind: ChangeKind;
  /** The case concerned, when there is one; null for lists and settings. */
  caseId: number | null;
  /** Who made the change (user id), null for the system. */
  by: number | null;
  /** ISO time of the change. */
  at: string;
}
