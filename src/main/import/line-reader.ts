/**
 * Splits a byte stream into lines without ever holding more than one line (up to `maxLineBytes`)
 * in memory, so a 2 GB export is read in constant memory and one enormous line cannot exhaust it.
 * Each line is decoded as strict UTF-8: a file in another encoding is reported, never guessed at.
 */

export type Line =
  | { kind: 'line'; lineNumber: number; text: string; bytes: number; /** False for a last line without a newline. */ terminated: boolean }
  | { kind: 'error'; lineNumber: number; bytes: number; reason: 'too_long' | 'not_utf8'; message: string; /** Best-effort text for a reject file (never for too_long). */ text: string | null };

export interface LineReaderOptions {
  maxLineBytes: number;
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

function firstInvalidUtf8(buf: Uint8Array): number {
  // Walks the bytes to name where decoding fails; only called after the fast decoder threw.
  let i = 0;
  while (i < buf.length) {
    const b = buf[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = buf[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return i;
}

function decodeLine(bytes: Uint8Array, lineNumber: number, terminated: boolean): Line {
  try {
    return { kind: 'line', lineNumber, text: decoder.decode(bytes), bytes: bytes.length, terminated };
  } catch {
    const at = firstInvalidUtf8(bytes);
    return {
      kind: 'error',
      lineNumber,
      bytes: bytes.length,
      reason: 'not_utf8',
      message: `is not valid UTF-8 (byte 0x${bytes[at]?.toString(16).padStart(2, '0') ?? '??'} at column ${at + 1}); save the file as UTF-8`,
      text: lenient.decode(bytes),
    };
  }
}

/** Yields every line of the stream with its 1-based number. A trailing "\r" is dropped. */
export async function* readLines(chunks: AsyncIterable<Uint8Array>, options: LineReaderOptions): AsyncGenerator<Line> {
  const { maxLineBytes } = options;
  let parts: Uint8Array[] = [];
  let partBytes = 0;
  let overflow = false;
  let lineNumber = 1;
  let first = true;

  const finish = (terminated: boolean): Line => {
    let bytes = parts.length === 1 ? parts[0]! : Buffer.concat(parts, partBytes);
    if (first && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    first = false;
    if (terminated && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, bytes.length - 1);
    const line: Line = overflow
      ? { kind: 'error', lineNumber, bytes: partBytes, reason: 'too_long', message: `is longer than the limit of ${maxLineBytes} bytes`, text: null }
      : decodeLine(bytes, lineNumber, terminated);
    parts = [];
    partBytes = 0;
    overflow = false;
    lineNumber++;
    return line;
  };

  for await (const chunk of chunks) {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(0x0a, start);
      const end = nl === -1 ? chunk.length : nl;
      const piece = chunk.subarray(start, end);
      if (overflow) partBytes += piece.length;
      else if (partBytes + piece.length > maxLineBytes) {
        overflow = true;
        partBytes += piece.length;
        parts = [];
      } else if (piece.length > 0) {
        // Copy: the stream may reuse its buffer for the next chunk.
        parts.push(nl === -1 ? Uint8Array.prototype.slice.call(piece) : piece);
        partBytes += piece.length;
      }
      if (nl === -1) break;
      yield finish(true);
      start = nl + 1;
    }
  }
  if (partBytes > 0 || overflow) yield finish(false);
}

/** A file that starts with a UTF-16 or UTF-32 byte-order mark cannot be JSON Lines in UTF-8. */
export function detectWrongEncoding(head: Uint8Array): string | null {
  if (head[0] === 0xff && head[1] === 0xfe) return 'The file is UTF-16 (little-endian); save it as UTF-8.';
  if (head[0] === 0xfe && head[1] === 0xff) return 'The file is UTF-16 (big-endian); save it as UTF-8.';
  return null;
}
