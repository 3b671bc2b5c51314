import iconv from 'iconv-lite';
import libmime from 'libmime';

/** Text decoded from bytes, and whether the charset had to be guessed. */
export interface Decoded {
  text: string;
  /** True when the declared charset could not decode the bytes (or none was declared for 8-bit bytes). */
  guessed: boolean;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const UTF8_NAMES = new Set(['utf-8', 'utf8']);
const ASCII_NAMES = new Set(['us-ascii', 'ascii', 'ansi_x3.4-1968', 'iso646-us', 'us', '7bit', '8bit', 'unknown-8bit', 'x-unknown', 'unknown', 'default', 'x-user-defined']);
/** Charsets whose ASCII bytes do not mean ASCII text (escape sequences, shifts, two-byte units). */
const NOT_ASCII_COMPATIBLE = /^(utf-?7|unicode-1-1-utf-7|utf-?16|utf-?32|ucs-?2|iso-?2022|hz|x-imap)/;
/** iconv-lite does not speak ISO-2022-JP; libmime hands it to encoding-japanese. */
const JAPANESE = /^(iso-?2022-?jp|jis|x-jis)/;

export function normalizeCharset(name: string | undefined | null): string {
  const n = (name ?? '').trim().replace(/^["']|["']$/g, '').toLowerCase();
  if (n === 'unicode-1-1-utf-7' || n === 'utf7' || n === 'x-utf-7') return 'utf-7';
  if (n === 'ks_c_5601-1987' || n === 'ks_c_5601' || n === 'ksc5601') return 'cp949';
  return n;
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! > 0x7f) return false;
  return true;
}

/**
 * Decodes bytes in the charset they declare; when that fails (unknown charset, bytes the charset
 * cannot hold, 8-bit bytes declared as ASCII), as UTF-8, and when that fails too, as
 * Windows-1252, the charset of most mis-declared Western mail. `guessed` tells the caller that
 * the declared charset was not what decided the text.
 */
export function decodeBytes(bytes: Buffer, declared: string | undefined | null): Decoded {
  const cs = normalizeCharset(declared);
  if (bytes.length === 0) return { text: '', guessed: false };
  if (isAscii(bytes) && !NOT_ASCII_COMPATIBLE.test(cs)) return { text: bytes.toString('latin1'), guessed: false };
  if (cs === '' || ASCII_NAMES.has(cs) || UTF8_NAMES.has(cs)) {
    const text = strictUtf8(bytes);
    if (text !== null) return { text, guessed: !UTF8_NAMES.has(cs) };
    return { text: iconv.decode(bytes, 'windows-1252'), guessed: true };
  }
  let declaredText: string | null = null;
  if (JAPANESE.test(cs)) {
    // decodeWord hands the bytes to libmime's charset layer (encoding-japanese for ISO-2022-JP).
    declaredText = libmime.decodeWord(cs, 'B', bytes.toString('base64'));
  } else if (iconv.encodingExists(cs)) {
    declaredText = iconv.decode(bytes, cs).replace(/^\ufeff/, '');
  }
  if (declaredText !== null && !declaredText.includes('\ufffd')) return { text: declaredText, guessed: false };
  const text = strictUtf8(bytes);
  if (text !== null) return { text, guessed: true };
  // A known charset with a few bytes it cannot hold is still the best reading of the rest.
  if (declaredText !== null) return { text: declaredText, guessed: true };
  return { text: iconv.decode(bytes, 'windows-1252'), guessed: true };
}
