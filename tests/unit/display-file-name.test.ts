import { describe, expect, it } from 'vitest';
import { displayFileName } from '../../src/shared/files/display-name';

describe('displayFileName: a name from outside, shown and written safely', () => {
  it('drops path parts of either kind', () => {
    expect(displayFileName('../../evil.sh')).toBe('evil.sh');
    expect(displayFileName('/etc/passwd')).toBe('passwd');
    expect(displayFileName('C:\\Users\\x\\kvitto.pdf')).toBe('kvitto.pdf');
    expect(displayFileName('..\\..\\autoexec.bat')).toBe('autoexec.bat');
  });

  it('drops bidi controls, so the extension shown is the real one', () => {
    expect(displayFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(displayFileName('a\u2066b\u2069\u200F.txt')).toBe('ab.txt');
  });

  it('drops control characters, leading dots and trailing dots or spaces; keeps letters of any script', () => {
    expect(displayFileName('.bashrc')).toBe('bashrc');
    expect(displayFileName('rapport.pdf. . ')).toBe('rapport.pdf');
    expect(displayFileName('a\u0000b\r\n.txt')).toBe('ab.txt');
    expect(displayFileName('skärmbild å 年.png')).toBe('skärmbild å 年.png');
    expect(displayFileName('a:b?.txt')).toBe('a_b_.txt');
  });

  it('an empty or all-path name gets the fallback; a long name keeps its extension', () => {
    expect(displayFileName('../..')).toBe('file');
    expect(displayFileName('', 'bilaga-3')).toBe('bilaga-3');
    expect(displayFileName(null)).toBe('file');
    const long = displayFileName(`${'x'.repeat(300)}.pdf`);
    expect(long).toHaveLength(200);
    expect(long.endsWith('.pdf')).toBe(true);
  });
});
