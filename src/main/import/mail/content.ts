import { convert } from 'html-to-text';
import libmime from 'libmime';
import { decodeBytes } from './charset';
import { decodeAddresses, decodeHeaderText, header, type MailAddress, type MimePart } from './mime';

export interface MailFile {
  /** The name as sent (decoded), or one Ombud made (`named: false`). */
  fileName: string;
  mediaType: string;
  content: Buffer;
  named: boolean;
}

/** What a person reads and what a mail carries, from its MIME tree. */
export interface MailContent {
  messageId: string | null;
  subject: string;
  from: MailAddress[];
  to: MailAddress[];
  cc: MailAddress[];
  /** The Date header as sent, and what it reads as (null when it reads as no date). */
  dateHeader: string | null;
  date: Date | null;
  inReplyTo: string | null;
  references: string[];
  body: string;
  /** The HTML part the text came from, as sent (decoded to text). */
  html: string | null;
  files: MailFile[];
  /** A charset was guessed somewhere (the event is marked). */
  guessed: boolean;
}

const HTML_OPTIONS = {
  wordwrap: false as const,
  selectors: [
    { selector: 'img', format: 'skip' },
    { selector: 'a', options: { ignoreHref: true } },
  ],
};

function fileNameOf(part: MimePart): string | null {
  const name = part.dispositionParams.filename ?? part.params.name;
  return name && name.trim() ? name : null;
}

function isAttachment(part: MimePart): boolean {
  return part.disposition === 'attachment' || fileNameOf(part) !== null;
}

function partText(part: MimePart, state: { guessed: boolean }): string {
  const d = decodeBytes(part.body, part.params.charset);
  state.guessed ||= d.guessed;
  return d.text;
}

/** How good a part is as the body of an alternative: plain 3, HTML 2, other text 1. */
function score(part: MimePart): number {
  if (part.type === 'text/plain') return 3;
  if (part.type === 'text/html') return 2;
  if (part.type.startsWith('multipart/')) return Math.max(0, ...part.children.filter((c) => !isAttachment(c)).map(score));
  return part.type.startsWith('text/') ? 1 : 0;
}

interface Walk {
  texts: string[];
  fallback: string[];
  html: string | null;
  files: MailFile[];
  guessed: boolean;
  generated: number;
}

function addFile(w: Walk, part: MimePart, content: Buffer = part.body, made: string | null = null): void {
  const name = fileNameOf(part);
  if (name) {
    w.files.push({ fileName: name, mediaType: part.type, content, named: true });
    return;
  }
  if (made) {
    w.files.push({ fileName: made, mediaType: part.type, content, named: false });
    return;
  }
  const cid = (header(part, 'content-id') ?? '').replace(/[<>]/g, '').split('@')[0]?.replace(/[^\w.-]+/g, '_');
  const ext = part.type === 'message/rfc822' ? 'eml' : part.type === 'text/plain' ? 'txt' : libmime.detectExtension(part.type) || 'bin';
  w.generated++;
  w.files.push({ fileName: `${cid || `attachment-${w.generated}`}.${ext}`, mediaType: part.type, content, named: false });
}

function forwarded(w: Walk, part: MimePart): void {
  const inner = readContent(part.message!);
  w.guessed ||= inner.guessed;
  const from = inner.from.map((a) => (a.name ? `${a.name} <${a.address}>` : a.address)).join(', ');
  w.texts.push(`---------- Forwarded message ----------\nFrom: ${from}\nDate: ${inner.dateHeader ?? ''}\nSubject: ${inner.subject}\n\n${inner.body}`);
  addFile(w, part, part.body, inner.subject ? `${inner.subject.replace(/[\\/:*?"<>|\r\n]+/g, '_').slice(0, 80)}.eml` : null);
  w.files.push(...inner.files);
}

/** Files only: the alternatives not chosen still carry images and HTML. */
function keepFiles(w: Walk, part: MimePart): void {
  if (part.type.startsWith('multipart/')) {
    for (const c of part.children) keepFiles(w, c);
  } else if (part.type === 'text/html' && !isAttachment(part)) {
    w.html ??= partText(part, w);
  } else if (part.message) {
    forwarded(w, part);
  } else if (isAttachment(part) || !part.type.startsWith('text/')) {
    addFile(w, part);
  }
}

function walk(w: Walk, part: MimePart): void {
  if (part.type === 'multipart/alternative') {
    const candidates = part.children.filter((c) => !isAttachment(c));
    let best: MimePart | undefined;
    for (const c of candidates) if (!best || score(c) > score(best)) best = c;
    for (const c of part.children) if (c === best) walk(w, c);
    else keepFiles(w, c);
    return;
  }
  if (part.type === 'multipart/related') {
    const start = part.params.start?.replace(/[<>]/g, '');
    const root = part.children.find((c) => start && (header(c, 'content-id') ?? '').replace(/[<>\s]/g, '') === start) ?? part.children[0];
    for (const c of part.children) if (c === root) walk(w, c);
    else keepFiles(w, c);
    return;
  }
  if (part.type.startsWith('multipart/')) {
    for (const c of part.children) walk(w, c);
    return;
  }
  if (part.message) {
    forwarded(w, part);
    return;
  }
  if (isAttachment(part)) {
    // A named text part shown inline is a file, and the text of a mail that has no other.
    if (part.type.startsWith('text/') && part.disposition !== 'attachment') w.fallback.push(part.type === 'text/html' ? convert(partText(part, w), HTML_OPTIONS) : partText(part, w));
    addFile(w, part);
    return;
  }
  if (part.type === 'text/plain') {
    w.texts.push(partText(part, w));
  } else if (part.type === 'text/html') {
    const html = partText(part, w);
    w.html ??= html;
    w.texts.push(convert(html, HTML_OPTIONS));
  } else if (part.type.startsWith('text/')) {
    w.fallback.push(partText(part, w));
    addFile(w, part);
  } else addFile(w, part);
}

function messageIds(raw: string | undefined): string[] {
  return raw?.match(/<[^<>\s]+>/g) ?? [];
}

/** Reads subject, people, date, body text, HTML and files out of a parsed message. */
export function readContent(root: MimePart): MailContent {
  const w: Walk = { texts: [], fallback: [], html: null, files: [], guessed: root.guessed, generated: 0 };
  walk(w, root);
  const subject = decodeHeaderText(header(root, 'subject') ?? '');
  const from = decodeAddresses(header(root, 'from') ?? header(root, 'sender'));
  const to = decodeAddresses(header(root, 'to'));
  const cc = decodeAddresses(header(root, 'cc'));
  const dateHeader = header(root, 'date') ?? null;
  const parsed = dateHeader ? new Date(dateHeader.replace(/\s*\([^)]*\)\s*$/, '')) : null;
  const texts = w.texts.map((t) => t.replace(/\r\n?/g, '\n').trim()).filter(Boolean);
  const body = texts.length > 0 ? texts.join('\n\n') : (w.fallback[0] ?? '').replace(/\r\n?/g, '\n').trim();
  return {
    messageId: messageIds(header(root, 'message-id'))[0] ?? (header(root, 'message-id')?.trim() || null),
    subject: subject.text.trim(),
    from: from.list,
    to: to.list,
    cc: cc.list,
    dateHeader,
    date: parsed && !Number.isNaN(parsed.getTime()) ? parsed : null,
    inReplyTo: messageIds(header(root, 'in-reply-to'))[0] ?? null,
    references: messageIds(header(root, 'references')),
    body,
    html: w.html,
    files: w.files,
    guessed: w.guessed || subject.guessed || from.guessed || to.guessed,
  };
}
