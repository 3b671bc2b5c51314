import { resolve } from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import { mailLetterSchema, mailOfficesSchema, smtpSettingsSchema, type MailLetter } from '../../../shared/domain/mail';
import type { ServiceContext } from '../../services/context';
import { decisionLetterRequest, writeFileAtomic } from '../../services/export.service';
import type { LetterRequest } from '../../services/letter.service';
import { mailConfig, mailSettings, sendLetterMail, setMailSettings, SMTP_PASSWORD_ENV, writeMailDraft } from '../../services/mail.service';
import { dbOption, jsonOption, withStore, type DbOpts } from '../options';

/**
 * `--format eml` of `ombud export decision|letter`: the ready draft (`X-Unsent: 1`), or with
 * `--send` the mail sent through the office's server (password from $OMBUD_SMTP_PASSWORD) and its
 * exact copy written to `--out`. Both are filed in the case. Prints one line; warns on stderr
 * when the case has no customer address (the draft then has no To).
 */
export async function exportLetterMail(ctx: ServiceContext, input: { caseId: number; letter: MailLetter; request: LetterRequest; out: string; send?: boolean }): Promise<void> {
  const out = resolve(input.out);
  if (input.send) {
    const sent = await sendLetterMail(ctx, { caseId: input.caseId, letter: input.letter, request: input.request });
    writeFileAtomic(out, sent.raw);
    console.log(`${out}  ${sent.raw.length} bytes  sha256 ${sent.sha256}  sent to ${sent.recipient}  Message-ID ${sent.messageId}  (export ${sent.exportId}, event ${sent.eventId})`);
    return;
  }
  const draft = await writeMailDraft(ctx, { caseId: input.caseId, letter: input.letter, request: input.request, out });
  if (draft.recipient === null) process.stderr.write('ombud: the case has no customer e-mail address; the draft has no To, add the recipient in your mail program.\n');
  console.log(`${draft.path}  ${draft.bytes} bytes  sha256 ${draft.sha256}  to ${draft.recipient ?? '(none)'}  Message-ID ${draft.messageId}  (export ${draft.exportId})`);
}

/** The decision's request for `exportLetterMail`: only an issued decision leaves as mail. */
export async function decisionMailRequest(ctx: ServiceContext, caseId: number, draft: boolean | undefined): Promise<LetterRequest> {
  if (draft) throw new Error('--draft: a draft decision is not sent to the customer; export it as pdf or docx instead.');
  return (await decisionLetterRequest(ctx, caseId, false)).request;
}

/** `--letter` of `ombud export letter --format eml`. */
export function mailLetterOption(value: string): MailLetter {
  const parsed = mailLetterSchema.safeParse(value);
  if (!parsed.success) throw new InvalidArgumentError(`"${value}" is not one of ${mailLetterSchema.options.join(', ')}.`);
  return parsed.data;
}

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new InvalidArgumentError(`"${value}" is not a port 1-65535.`);
  return n;
}

interface SettingsOptions extends DbOpts {
  smtpHost?: string;
  smtpPort?: number;
  smtpSecurity?: string;
  smtpUser?: string;
  smtp?: boolean;
  fromSe?: string;
  fromSeName?: string;
  fromDk?: string;
  fromDkName?: string;
  attachDocx?: boolean;
  maxAttachmentBytes?: number;
  json?: boolean;
}

/** `ombud mail settings`: show or change the send settings (the password is never a setting). */
export function registerMailCommands(program: Command): void {
  const mail = program.command('mail').description('Letters out as mail: the offices, the SMTP server and its limits.');
  mail
    .command('settings')
    .description(`Show or change the send settings. The SMTP password comes from $${SMTP_PASSWORD_ENV} (the desktop app keeps it in the OS keychain).`)
    .addOption(dbOption())
    .option('--smtp-host <host>', 'the office\'s SMTP server')
    .option('--smtp-port <port>', 'its port (587 STARTTLS, 465 TLS)', port)
    .option('--smtp-security <mode>', 'starttls, tls, or none (a server on this machine only)')
    .option('--smtp-user <user>', 'the account to sign in with (omit: no sign-in)')
    .option('--no-smtp', 'remove the server: mail is only opened as a draft')
    .option('--from-se <address>', 'From address of Swedish mail')
    .option('--from-se-name <name>', 'its display name')
    .option('--from-dk <address>', 'From address of Danish mail')
    .option('--from-dk-name <name>', 'its display name')
    .option('--attach-docx', 'attach the letter as DOCX beside the PDF')
    .option('--no-attach-docx', 'attach the PDF only')
    .option('--max-attachment-bytes <n>', 'refuse a mail whose attachment is larger', (v) => Number(v))
    .addOption(jsonOption())
    .action(async (opts: SettingsOptions) => {
      await withStore(opts.db, async (ctx) => {
        const current = await mailConfig(ctx.store.db);
        const change: Parameters<typeof setMailSettings>[1] = {};
        if (opts.smtp === false) change.smtp = null;
        else if (opts.smtpHost || opts.smtpPort || opts.smtpSecurity || opts.smtpUser) {
          const parsed = smtpSettingsSchema.safeParse({
            host: opts.smtpHost ?? current.smtp?.host,
            port: opts.smtpPort ?? current.smtp?.port ?? 587,
            security: opts.smtpSecurity ?? current.smtp?.security ?? 'starttls',
            user: opts.smtpUser ?? current.smtp?.user ?? null,
          });
          if (!parsed.success) throw new Error(`--smtp-*: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
          change.smtp = parsed.data;
        }
        if (opts.fromSe || opts.fromSeName || opts.fromDk || opts.fromDkName) {
          const parsed = mailOfficesSchema.safeParse({
            SE: { address: opts.fromSe ?? current.offices.SE.address, name: opts.fromSeName ?? current.offices.SE.name },
            DK: { address: opts.fromDk ?? current.offices.DK.address, name: opts.fromDkName ?? current.offices.DK.name },
          });
          if (!parsed.success) throw new Error(`--from-*: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
          change.offices = parsed.data;
        }
        if (opts.attachDocx !== undefined) change.attachDocx = opts.attachDocx;
        if (opts.maxAttachmentBytes !== undefined) {
          if (!Number.isInteger(opts.maxAttachmentBytes) || opts.maxAttachmentBytes < 1024) throw new Error('--max-attachment-bytes: must be a whole number ≥ 1024');
          change.maxAttachmentBytes = opts.maxAttachmentBytes;
        }
        const view = Object.keys(change).length > 0 ? await setMailSettings(ctx, change) : await mailSettings(ctx);
        if (opts.json) {
          console.log(JSON.stringify(view, null, 2));
          return;
        }
        console.log(`From (SE)   ${view.offices.SE.name} <${view.offices.SE.address}>`);
        console.log(`From (DK)   ${view.offices.DK.name} <${view.offices.DK.address}>`);
        console.log(`SMTP        ${view.smtp ? `${view.smtp.host}:${view.smtp.port} ${view.smtp.security}${view.smtp.user ? ` as ${view.smtp.user}` : ''}` : 'none (drafts only)'}`);
        console.log(`Password    ${view.passwordStored ? 'available' : view.smtp?.user ? `missing: set $${SMTP_PASSWORD_ENV}` : 'not needed'}`);
        console.log(`Attach      PDF${view.attachDocx ? ' + DOCX' : ''}, at most ${view.maxAttachmentBytes} bytes each`);
      });
    });
}
