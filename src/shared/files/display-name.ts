/**
 * How a file name that came from outside (a mail, an import) is shown and written to disk.
 * The name is stored as it was sent; everything that shows it or writes a file under it goes
 * through `displayFileName`, one rule for the timeline, the document list, exports and the
 * subject extract:
 * - no path parts: `../../evil.sh` → `evil.sh`, `C:\x\y.txt` → `y.txt`, `/etc/passwd` → `passwd`;
 * - no bidi controls (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F, U+061C), so
 *   `invoice\u202Efdp.exe` shows as `invoicefdp.exe`, the name the file really has;
 * - no control characters, no leading dots (hidden files), no trailing dots or spaces
 *   (Windows drops them), at most 200 characters with the extension kept;
 * - a name left empty becomes the fallback (`file` unless the caller gives one).
 */
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const BIDI_AND_CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu;
const WINDOWS_RESERVED = /[<>:"|?*]/g;
const MAX = 200;

export function displayFileName(name: string | null | undefined, fallback = 'file'): string {
  let n = (name ?? '').replace(BIDI_AND_CONTROL, '');
  // Path parts: keep what follows the last separator of either kind.
  n = n.split(/[\\/]/).pop() ?? '';
  n = n.replace(WINDOWS_RESERVED, '_').trim();
  n = n.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  if (!n) return fallback;
  if (n.length > MAX) {
    const dot = n.lastIndexOf('.');
    const ext = dot > 0 && n.length - dot <= 16 ? n.slice(dot) : '';
    n = n.slice(0, MAX - ext.length) + ext;
  }
  return n;
}
