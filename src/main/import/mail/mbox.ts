import { closeSync, openSync, readSync } from 'node:fs';

/** One message read from an mbox file. */
export interface MboxMessage {
  /** 1-based position in the file. */
  index: number;
  /** Line number (1-based) of the message's envelope `From ` line. */
  line: number;
  /** The message as it was sent: `>From ` quoting undone, the separator's line break dropped, CRLF kept. */
  content: Buffer;
  /** The envelope time of the `From ` line, when it has a readable one. */
  envelopeTime: Date | null;
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const FROM = Buffer.from('From ');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/**
 * An envelope line: `From <sender> <asctime>` (`From a@b Thu Nov 15 10:00:00 2026`, sometimes with
 * a zone or the year before the time). A body line that merely starts with "From " ("From here
 * on…") is not one, so an unescaped line in a body never splits a message.
 */
const ENVELOPE = /^From \S+ +(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) +(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +(\d{1,2}) +(\d{1,2}):(\d{2})(?::(\d{2}))?(?: +[A-Z]{2,5}| +[+-]\d{4})? +(\d{4})(?:\s.*)?$/;

export function envelopeTime(line: string): Date | null | undefined {
  const m = ENVELOPE.exec(line);
  if (!m) return undefined;
  const t = Date.UTC(Number(m[6]), MONTHS.indexOf(m[1]!), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5] ?? 0));
  return Number.isNaN(t) ? null : new Date(t);
}

/** Whether a file starts like an mbox (after an optional UTF-8 BOM). */
export function startsLikeMbox(head: Buffer): boolean {
  const start = head.subarray(0, 3).equals(BOM) ? 3 : 0;
  return head.subarray(start, start + 5).equals(FROM);
}

function isFromLine(line: Buffer): boolean {
  return line.length >= 5 && line[0] === 0x46 && line.subarray(0, 5).equals(FROM);
}

/** `>From `, `>>From `…: an mboxrd/mboxo quoted line; one `>` comes off. */
function isQuotedFrom(line: Buffer): boolean {
  let i = 0;
  while (i < line.length && line[i] === 0x3e) i++;
  return i > 0 && line.length - i >= 5 && line.subarray(i, i + 5).equals(FROM);
}

function isBlankContent(b: Buffer): boolean {
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d && c !== 0x0a) return false;
  }
  return true;
}

function isBlank(line: Buffer): boolean {
  return line.length === 0 || (line.length === 1 && line[0] === 0x0d);
}

/**
 * Reads an mbox file message by message in bounded memory (one message plus a 1 MiB chunk), byte
 * for byte. Handles mboxrd and mboxo quoting (one `>` comes off `>From ` lines: for mboxrd that is
 * exact, for mboxo the best reading there is), a UTF-8 BOM, CRLF and LF. A new message starts at
 * an envelope line (`From sender asctime`) at the start of the file or after a blank line; a
 * part that holds nothing but blank lines is no message.
 */
export function* readMbox(path: string, chunkBytes = 1 << 20): Generator<MboxMessage> {
  const fd = openSync(path, 'r');
  try {
    let carry: Buffer = Buffer.alloc(0);
    let lineNo = 0;
    let first = true;
    let lines: Buffer[] = [];
    let current: { line: number; envelopeTime: Date | null } | null = null;
    let previousBlank = true;
    let index = 0;
    const finish = (): MboxMessage | null => {
      if (!current) return null;
      // The blank line before the next envelope belongs to the mbox format, not the message.
      const last = lines[lines.length - 1];
      if (last) {
        const end = last.length >= 2 && last[last.length - 2] === 0x0d ? 2 : 1;
        lines[lines.length - 1] = last.subarray(0, last.length - end);
      }
      const content = Buffer.concat(lines);
      const msg = current;
      lines = [];
      current = null;
      if (isBlankContent(content)) return null;
      return { index: ++index, line: msg.line, content, envelopeTime: msg.envelopeTime };
    };
    for (;;) {
      // A fresh chunk per read: the lines of the message being read are views into it, copied
      // once when the message is complete.
      const chunk = Buffer.allocUnsafe(chunkBytes);
      const n = readSync(fd, chunk, 0, chunkBytes, null);
      const data = n > 0 ? Buffer.concat([carry, chunk.subarray(0, n)]) : carry;
      let pos = 0;
      if (first && data.length >= 3) {
        if (data.subarray(0, 3).equals(BOM)) pos = 3;
        first = false;
      }
      for (;;) {
        const nl = data.indexOf(0x0a, pos);
        if (nl < 0 && n > 0) break;
        const end = nl < 0 ? data.length : nl + 1;
        if (end === pos) break;
        const line = data.subarray(pos, end);
        pos = end;
        lineNo++;
        const bare = line.subarray(0, line.length - (line[line.length - 1] === 0x0a ? 1 : 0));
        const text = isFromLine(bare) && previousBlank ? bare.toString('latin1').replace(/\r$/, '') : null;
        const time = text === null ? undefined : envelopeTime(text);
        if (text !== null && (time !== undefined || current === null)) {
          const done = finish();
          if (done) yield done;
          current = { line: lineNo, envelopeTime: time ?? null };
          previousBlank = false;
          continue;
        }
        previousBlank = isBlank(bare);
        if (!current) continue; // bytes before the first envelope line
        lines.push(isQuotedFrom(bare) ? line.subarray(1) : line);
        if (nl < 0) break;
      }
      carry = Buffer.from(data.subarray(pos));
      if (n <= 0) break;
    }
    const done = finish();
    if (done) yield done;
  } finally {
    closeSync(fd);
  }
}
