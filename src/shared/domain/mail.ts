import { z } from 'zod';

/** The letters that leave as mail: a decision, a holding reply, a request for information, any other letter. */
export const MAIL_LETTERS = ['decision', 'holding_reply', 'info_request', 'letter'] as const;
export const mailLetterSchema = z.enum(MAIL_LETTERS);
export type MailLetter = z.infer<typeof mailLetterSchema>;

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/**
 * The office's mail server (setting `mail.smtp`). `starttls` (port 587) and `tls` (465) always
 * encrypt: nodemailer refuses to go on in plain text. `none` is for a relay on this machine only,
 * because a letter carries personal data and must not cross a network unencrypted.
 */
export const smtpSettingsSchema = z
  .object({
    host: z.string().trim().min(1).max(253),
    port: z.number().int().min(1).max(65535),
    security: z.enum(['starttls', 'tls', 'none']),
    /** The account to sign in with; null: the server takes the office's mail without signing in. */
    user: z.string().trim().min(1).max(320).nullable(),
  })
  .refine((s) => s.security !== 'none' || LOOPBACK.has(s.host.toLowerCase()), {
    message: 'security "none" is allowed only for a server on this machine (127.0.0.1, ::1, localhost)',
    path: ['security'],
  });
export type SmtpSettings = z.infer<typeof smtpSettingsSchema>;

const officeSchema = z.object({ name: z.string().trim().min(1).max(200), address: z.email() });
/** Setting `mail.offices`: the From of each market's mail. */
export const mailOfficesSchema = z.object({ SE: officeSchema, DK: officeSchema });
export type MailOffices = z.infer<typeof mailOfficesSchema>;

/**
 * Why a mail was refused or not sent, in `error.details.mail`; the interface words each one
 * (`send.error.*`). `smtp_*` are the server's failures: could not connect, timed out, TLS failed,
 * sign-in refused, message refused, other.
 */
export const MAIL_REFUSALS = ['invalid_address', 'too_large', 'no_server', 'no_recipient', 'no_keychain', 'smtp_connect', 'smtp_timeout', 'smtp_tls', 'smtp_auth', 'smtp_rejected', 'smtp_other'] as const;
export type MailRefusal = (typeof MAIL_REFUSALS)[number];

export const mailSettingsViewSchema = z.object({
  offices: mailOfficesSchema,
  smtp: smtpSettingsSchema.nullable(),
  attachDocx: z.boolean(),
  maxAttachmentBytes: z.number().int().positive(),
  /** The desktop app keeps the password in the OS keychain; elsewhere it comes from $OMBUD_SMTP_PASSWORD. */
  keychain: z.boolean(),
  passwordStored: z.boolean(),
  /** A server is configured and, when it wants a sign-in, a password is at hand. */
  canSend: z.boolean(),
});
export type MailSettingsView = z.infer<typeof mailSettingsViewSchema>;
