import { randomUUID } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';

export interface MailFile {
  fileName: string;
  contentType: string;
  content: Buffer;
}

export interface MailParts {
  from: { name: string; address: string };
  /** Null: a draft without a recipient (the case has no e-mail address); the user adds one. */
  to: { name: string; address: string } | null;
  subject: string;
  text: string;
  attachments: MailFile[];
  /** `<…@domain>`; `newMessageId` makes one. */
  messageId: string;
  date: Date;
  /** `X-Unsent: 1`: Outlook, Apple Mail and Thunderbird open the file as a draft to send, not as a received mail. */
  unsent: boolean;
}

/** A new Message-ID in the office's own domain, so replies name it in In-Reply-To. */
export function newMessageId(fromAddress: string): string {
  const domain = fromAddress.split('@')[1] || 'ombud.invalid';
  return `<${randomUUID()}@${domain}>`;
}

/**
 * The RFC 5322 message, built by nodemailer's MailComposer: UTF-8 headers as encoded words,
 * the body quoted-printable, attachments base64 with RFC 2231 file names. The same parts give the
 * same bytes except for the MIME boundaries, so the filed copy is always the one that was made.
 */
export async function composeMail(parts: MailParts): Promise<Buffer> {
  const composer = new MailComposer({
    from: parts.from,
    ...(parts.to ? { to: parts.to } : {}),
    subject: parts.subject,
    // RFC 5322 lines end in CRLF; a bare LF in the text would pass through quoted-printable as is.
    text: parts.text.replace(/\r?\n/g, '\r\n'),
    textEncoding: 'quoted-printable',
    messageId: parts.messageId,
    date: parts.date,
    headers: parts.unsent ? { 'X-Unsent': '1' } : {},
    attachments: parts.attachments.map((a) => ({ filename: a.fileName, contentType: a.contentType, content: a.content, contentTransferEncoding: 'base64' })),
    // Files come from our own renderer only; never let a path or URL in an option be read.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return composer.compile().build();
}
