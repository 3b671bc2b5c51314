import libmime from 'libmime';
import addressparser from 'nodemailer/lib/addressparser';
import { decodeBytes, normalizeCharset } from './charset';

/** A message that cannot be read; its reason names what is wrong. */
export class MailFormatError extends Error {}

export interface MimeLimits {
  /** Largest header block of any part, in bytes. */
  maxHeaderBytes: number;
  /** Deepest nesting of multiparts and attached messages read as such. */
  maxDepth: number;
}

export interface HeaderField {
  /** Lower-case name. */
  name: string;
  /** The unfolded value, one character per byte (latin1), exactly as sent. */
  raw: string;
}

export interface MimePart {
  headers: HeaderField[];
  /** `type/subtype`, lower-case; `text/plain` when absent or unreadable. */
  type: string;
  params: Record<string, string>;
  disposition: string | null;
  dispositionParams: Record<string, string>;
  /** The bytes of the part as sent (headers and body): for message/rfc822 the forwarded mail. */
  raw: Buffer;
  /** The body after its transfer encoding is undone. Empty for multiparts. */
  body: Buffer;
  children: MimePart[];
  /** A message/rfc822 part read as a message. */
  message: MimePart | null;
  /** Whether a charset guess decided any header of this part. */
  guessed: boolean;
}

const CRLF2 = /\r?\n\r?\n/;

/** Where the header block ends and the body starts. */
function splitHeader(buf: Buffer, limits: MimeLimits): { header: string; bodyStart: number } {
  // Read at most the limit (plus the separator): a 2 MB header line is refused without being copied.
  const probe = buf.subarray(0, Math.min(buf.length, limits.maxHeaderBytes + 4)).toString('latin1');
  if (/^\r?\n/.test(probe)) return { header: '', bodyStart: probe.startsWith('\r') ? 2 : 1 };
  const m = CRLF2.exec(probe);
  if (!m) {
    if (buf.length > limits.maxHeaderBytes) {
      throw new MailFormatError(`its header is larger than the limit of ${limits.maxHeaderBytes} bytes (setting import.maxHeaderBytes)`);
    }
    return { header: probe, bodyStart: buf.length };
  }
  const sepLen = m[0].length;
  const lastNl = m[0].lastIndexOf('\n');
  void lastNl;
  return { header: probe.slice(0, m.index), bodyStart: m.index + sepLen };
}

/**
 * The header fields of a block: folded lines unfolded, a leading mbox `From ` line skipped. A line
 * that is neither a field nor a continuation ends the header (Python does the same); its offset is
 * returned so the body starts there.
 */
function parseFields(header: string): { fields: HeaderField[]; bodyOffset: number | null } {
  const fields: HeaderField[] = [];
  let offset = 0;
  const lines = header.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    const at = offset;
    offset += lines[i]!.length + 1;
    if (i === 0 && line.startsWith('From ')) continue; // an mbox envelope line kept in an .eml
    if (/^[ \t]/.test(line) && fields.length > 0) {
      fields[fields.length - 1]!.raw += line;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon > 0 && /^[\x21-\x39\x3b-\x7e]+$/.test(line.slice(0, colon).trimEnd())) {
      fields.push({ name: line.slice(0, colon).trim().toLowerCase(), raw: line.slice(colon + 1).trim() });
      continue;
    }
    if (line === '') continue;
    return { fields, bodyOffset: at };
  }
  return { fields, bodyOffset: null };
}

export function header(part: { headers: HeaderField[] }, name: string): string | undefined {
  return part.headers.find((h) => h.name === name)?.raw;
}

const ENCODED_WORD = /=\?([^?\s]+)\?([bBqQ])\?([^?]*)\?=/g;

function qBytes(text: string): Buffer {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5f) out.push(0x20);
    else if (c === 0x3d && /^[0-9a-fA-F]{2}$/.test(text.slice(i + 1, i + 3))) {
      out.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else out.push(c & 0xff); // a raw 8-bit byte inside the word stays that byte
  }
  return Buffer.from(out);
}

/**
 * An unstructured header value (Subject, a display name, a file name) as text: RFC 2047 encoded
 * words in any charset iconv knows (UTF-7 too), adjacent words of one charset joined before
 * decoding so a character split across them survives, raw 8-bit bytes inside or outside a word
 * decoded by `decodeBytes` (declared charset, then UTF-8, then Windows-1252).
 */
export function decodeHeaderText(raw: string): { text: string; guessed: boolean } {
  let guessed = false;
  const out: string[] = [];
  let pending: { charset: string; bytes: Buffer[] } | null = null;
  const flush = () => {
    if (!pending) return;
    const d = decodeBytes(Buffer.concat(pending.bytes), pending.charset);
    guessed ||= d.guessed;
    out.push(d.text);
    pending = null;
  };
  let last = 0;
  ENCODED_WORD.lastIndex = 0;
  for (let m = ENCODED_WORD.exec(raw); m; m = ENCODED_WORD.exec(raw)) {
    const between = raw.slice(last, m.index);
    if (!(pending && /^\s*$/.test(between))) {
      flush();
      if (between) {
        const d = decodeBytes(Buffer.from(between, 'latin1'), 'utf-8');
        guessed ||= d.guessed;
        out.push(d.text);
      }
    }
    const charset = normalizeCharset(m[1]!.split('*')[0]);
    const bytes = m[2]!.toUpperCase() === 'B' ? Buffer.from(m[3]!.replace(/[^A-Za-z0-9+/]/g, ''), 'base64') : qBytes(m[3]!);
    if (pending && (pending as { charset: string }).charset !== charset) flush();
    if (!pending) pending = { charset, bytes: [] };
    (pending as { bytes: Buffer[] }).bytes.push(bytes);
    last = m.index + m[0].length;
  }
  flush();
  if (last < raw.length) {
    const d = decodeBytes(Buffer.from(raw.slice(last), 'latin1'), 'utf-8');
    guessed ||= d.guessed;
    out.push(d.text);
  }
  return { text: out.join('').replace(/\s*\r?\n\s*/g, ' '), guessed };
}

export interface MailAddress {
  name: string;
  address: string;
}

/** The mailboxes of an address header, groups flattened, names decoded. */
export function decodeAddresses(raw: string | undefined): { list: MailAddress[]; guessed: boolean } {
  if (!raw) return { list: [], guessed: false };
  let guessed = false;
  const list = addressparser(raw, { flatten: true }).map((a) => {
    const name = decodeHeaderText(a.name ?? '');
    const address = decodeHeaderText(a.address ?? '');
    guessed ||= name.guessed || address.guessed;
    // `From: foo` is a bare local part, not a name.
    if (!address.text.trim() && /^[^\s"<>()]+$/.test(name.text.trim())) return { name: '', address: name.text.trim() };
    return { name: name.text.trim(), address: address.text.trim() };
  });
  return { list: list.filter((a) => a.name || a.address), guessed };
}

/** A structured header (Content-Type, Content-Disposition): value and decoded parameters (RFC 2231, RFC 2047, raw 8-bit). */
function structured(raw: string | undefined): { value: string; params: Record<string, string>; guessed: boolean } {
  if (!raw) return { value: '', params: {}, guessed: false };
  const parsed = libmime.parseHeaderValue(raw);
  const decoded = new Set(parsed.decodedParams ?? []);
  let guessed = false;
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed.params)) {
    if (decoded.has(key)) {
      params[key] = value;
      continue;
    }
    const d = decodeHeaderText(value);
    guessed ||= d.guessed;
    params[key] = d.text;
  }
  return { value: parsed.value.trim().toLowerCase(), params, guessed };
}

function decodeQuotedPrintable(buf: Buffer): Buffer {
  const out = Buffer.alloc(buf.length);
  let o = 0;
  const hex = (c: number) => (c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x41 && c <= 0x46 ? c - 0x37 : c >= 0x61 && c <= 0x66 ? c - 0x57 : -1);
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i]!;
    if (c !== 0x3d) {
      out[o++] = c;
      continue;
    }
    // Soft line break: "=" then optional blanks then CRLF or LF.
    let j = i + 1;
    while (j < buf.length && (buf[j] === 0x20 || buf[j] === 0x09)) j++;
    if (buf[j] === 0x0a || (buf[j] === 0x0d && buf[j + 1] === 0x0a)) {
      i = buf[j] === 0x0d ? j + 1 : j;
      continue;
    }
    if (j === buf.length) break;
    const h = hex(buf[i + 1] ?? 0);
    const l = hex(buf[i + 2] ?? 0);
    if (h >= 0 && l >= 0) {
      out[o++] = (h << 4) | l;
      i += 2;
    } else out[o++] = c;
  }
  return out.subarray(0, o);
}

function decodeUuencode(buf: Buffer): Buffer {
  const out: number[] = [];
  let started = false;
  for (const line of buf.toString('latin1').split(/\r?\n/)) {
    if (!started) {
      started = /^begin\s+\d+/.test(line);
      continue;
    }
    if (line === 'end' || line === '`') break;
    const n = (line.charCodeAt(0) - 32) & 63;
    if (n === 0) continue;
    const bytes: number[] = [];
    for (let i = 1; i < line.length; i += 4) {
      const c = [0, 1, 2, 3].map((k) => ((line.charCodeAt(i + k) || 32) - 32) & 63);
      bytes.push((c[0]! << 2) | (c[1]! >> 4), ((c[1]! & 15) << 4) | (c[2]! >> 2), ((c[2]! & 3) << 6) | c[3]!);
    }
    out.push(...bytes.slice(0, n));
  }
  return Buffer.from(out);
}

function decodeTransfer(body: Buffer, encoding: string): Buffer {
  const e = encoding.trim().toLowerCase().replace(/[;"']/g, '');
  if (e === 'base64') return Buffer.from(body.toString('latin1').replace(/[^A-Za-z0-9+/]/g, ''), 'base64');
  if (e === 'quoted-printable') return decodeQuotedPrintable(body);
  if (e === 'x-uuencode' || e === 'uuencode' || e === 'x-uue') return decodeUuencode(body);
  return body;
}

/** The parts of a multipart body between its delimiter lines; preamble and epilogue dropped. */
function splitMultipart(body: Buffer, boundary: string): Buffer[] | null {
  const delimiter = Buffer.from(`--${boundary}`, 'latin1');
  const starts: { lineStart: number; contentStart: number; close: boolean }[] = [];
  let pos = 0;
  while (pos <= body.length) {
    const at = body.indexOf(delimiter, pos);
    if (at < 0) break;
    pos = at + delimiter.length;
    if (at > 0 && body[at - 1] !== 0x0a) continue;
    let j = pos;
    const close = body[j] === 0x2d && body[j + 1] === 0x2d;
    if (close) j += 2;
    while (j < body.length && (body[j] === 0x20 || body[j] === 0x09)) j++;
    if (j < body.length && body[j] !== 0x0d && body[j] !== 0x0a) continue; // a longer boundary that starts alike
    if (body[j] === 0x0d) j++;
    if (body[j] === 0x0a) j++;
    // The line break before a delimiter belongs to it.
    const lineStart = at === 0 ? 0 : body[at - 2] === 0x0d ? at - 2 : at - 1;
    starts.push({ lineStart, contentStart: j, close });
    if (close) break;
  }
  if (starts.length === 0) return null;
  const parts: Buffer[] = [];
  for (let i = 0; i < starts.length; i++) {
    if (starts[i]!.close) break;
    const end = i + 1 < starts.length ? starts[i + 1]!.lineStart : body.length;
    parts.push(body.subarray(starts[i]!.contentStart, Math.max(starts[i]!.contentStart, end)));
  }
  return parts;
}

/**
 * Reads a message (or a part) into its MIME tree, byte-exact: bodies are sliced from the input,
 * transfer encodings undone, nothing decoded to text yet. An unreadable Content-Type is text/plain,
 * `text` without a subtype too; a multipart without its boundary is one text part; a part nested
 * deeper than the limit is kept whole as an attachment.
 */
export function parseMime(raw: Buffer, limits: MimeLimits, depth = 0, parentType = ''): MimePart {
  const { header: headerText, bodyStart } = splitHeader(raw, limits);
  const { fields, bodyOffset } = parseFields(headerText);
  const start = bodyOffset === null ? bodyStart : bodyOffset;
  const content = raw.subarray(Math.min(start, raw.length));
  const ct = structured(header({ headers: fields }, 'content-type'));
  let type = ct.value;
  if (!type) type = parentType === 'multipart/digest' ? 'message/rfc822' : 'text/plain';
  else if (type === 'text') type = 'text/plain';
  else if (!/^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(type)) type = 'text/plain';
  const cd = structured(header({ headers: fields }, 'content-disposition'));
  const part: MimePart = {
    headers: fields,
    type,
    params: ct.params,
    disposition: cd.value || null,
    dispositionParams: cd.params,
    raw,
    body: Buffer.alloc(0),
    children: [],
    message: null,
    guessed: ct.guessed || cd.guessed,
  };
  if (type.startsWith('multipart/') && depth < limits.maxDepth) {
    const boundary = ct.params.boundary;
    const pieces = boundary ? splitMultipart(content, boundary) : null;
    if (pieces) {
      part.children = pieces.map((p) => parseMime(p, limits, depth + 1, type));
      return part;
    }
    part.type = 'text/plain';
  }
  part.body = decodeTransfer(content, header(part, 'content-transfer-encoding') ?? '');
  if ((type === 'message/rfc822' || type === 'message/global') && depth < limits.maxDepth && part.body.length > 0) {
    part.message = parseMime(part.body, limits, depth + 1);
  }
  return part;
}
