/**
 * Every action the audit log records. The log stores the action code (it is part of the hash
 * chain and never rewritten); the workbench words it (`auditAction.<code with _ for .>`) and its
 * detail (`auditDetail.<key>`) in the reader's language. A unit test keeps this list, the codes
 * written in src/main and the wordings equal.
 */
export const AUDIT_ACTIONS = [
  'attachment.read',
  'audit.export',
  'arn_response.created',
  'arn_response.submitted',
  'arn_response.returned',
  'arn_response.approved',
  'arn_response.finalised',
  'backup.create',
  'backup.restore',
  'backup.schedule',
  'case.anonymise',
  'case.assign',
  'case.holding_reply',
  'case.note',
  'case.request_info',
  'case.status',
  'customer.reveal_personal_number',
  'decision.create',
  'decision.submitted',
  'decision.returned',
  'decision.approved',
  'decision.issue',
  'decision.restore',
  'decision.template',
  'decision.template.reset',
  'import.cases',
  'import.mail',
  'import.monthly',
  'letter.export',
  'letter.sent',
  'matter.register',
  'register.export',
  'retention.rules',
  'retention.run',
  'review_note.add',
  'session.setup',
  'session.sign_in',
  'session.sign_in_failed',
  'session.sign_out',
  'settings.approvers',
  'settings.arn_four_eyes',
  'settings.authorities',
  'settings.deadline_policies',
  'settings.mail',
  'subject.erase',
  'subject.export',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** i18next reads dots as nesting, so action codes are looked up with underscores. */
export function auditActionKey(action: string): string {
  return action.replaceAll('.', '_').replaceAll(':', '_');
}
