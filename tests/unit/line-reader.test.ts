import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLine, type ConvertContext } from '../../src/main/import/case-import';
import { readLines, type Line } from '../../src/main/import/line-reader';

async function* chunked(bytes: Uint8Array, cuts: number[]): AsyncGenerator<Uint8Array> {
  let at = 0;
  for (const c of [...new Set(cuts.map((x) => x % (bytes.length + 1)))].sort((a, b) => a - b)) {
    yield bytes.slice(at, c);
    at = c;
  }
  yield bytes.slice(at);
}

async function collect(bytes: Uint8Array, cuts: number[], maxLineBytes = 1 << 20): Promise<Line[]> {
  const out: Line[] = [];
  for await (const l of readLines(chunked(bytes, cuts), { maxLineBytes })) out.push(l);
  return out;
}

const enc = new TextEncoder();
const lineText = fc.string({ unit: 'grapheme', maxLength: 40 }).filter((s) => !s.includes('\n') && !s.endsWith('\r'));

describe('JSON Lines reader', () => {
  it('returns exactly the lines written, however the stream is chunked, LF or CRLF', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(lineText, { maxLength: 20 }), fc.array(fc.nat(), { maxLength: 10 }), fc.boolean(), fc.boolean(), async (lines, cuts, crlf, finalNewline) => {
        const nl = crlf ? '\r\n' : '\n';
        const text = lines.join(nl) + (finalNewline && lines.length > 0 ? nl : '');
        const got = await collect(enc.encode(text), cuts);
        // What a reader must see: "" is no line, a trailing newline ends the last line.
        const expected = text.length === 0 ? [] : text.split(nl);
        if (text.endsWith(nl)) expected.pop();
        expect(got.map((l) => (l.kind === 'line' ? l.text : `!${l.reason}`))).toEqual(expected);
        expect(got.map((l) => l.lineNumber)).toEqual(expected.map((_, i) => i + 1));
        const last = got[got.length - 1];
        if (last?.kind === 'line') expect(last.terminated).toBe(text.endsWith(nl));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary bytes, numbers every line, and flags bytes that are not UTF-8', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), fc.array(fc.nat(), { maxLength: 6 }), async (bytes, cuts) => {
        const got = await collect(bytes, cuts, 64);
        got.forEach((l, i) => expect(l.lineNumber).toBe(i + 1));
        const newlines = bytes.filter((b) => b === 0x0a).length;
        const trailing = bytes.length > 0 && bytes[bytes.length - 1] !== 0x0a ? 1 : 0;
        expect(got.length).toBe(newlines + trailing);
        for (const l of got) {
          if (l.kind === 'error' && l.reason === 'not_utf8') expect(l.message).toMatch(/is not valid UTF-8 \(byte 0x[0-9a-f]{2} at column \d+\)/);
          if (l.kind === 'error' && l.reason === 'too_long') expect(l.bytes).toBeGreaterThan(64);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a line above the limit without keeping it, and goes on with the next', async () => {
    const big = new Uint8Array(5000).fill(0x61);
    const bytes = new Uint8Array([...enc.encode('{"a":1}\n'), ...big, 0x0a, ...enc.encode('ok\n')]);
    const got = await collect(bytes, [100, 2000, 4000], 1000);
    expect(got.map((l) => l.kind)).toEqual(['line', 'error', 'line']);
    expect(got[1]).toMatchObject({ reason: 'too_long', lineNumber: 2, text: null, bytes: 5000 });
  });

  it('drops a UTF-8 byte-order mark on the first line only', async () => {
    const got = await collect(new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode('x\n'), 0xef, 0xbb, 0xbf, ...enc.encode('y\n')]), [1, 2]);
    expect(got.map((l) => (l.kind === 'line' ? l.text : ''))).toEqual(['x', '\ufeffy']);
  });
});

describe('JSON Lines record parser (fuzzed)', () => {
  const cx: ConvertContext = { folder: '/nonexistent', folderReal: '/nonexistent', maxAttachmentBytes: 1000, source: 'import:test' };

  it('never throws on any text: a record is either accepted or refused with line, path and reason', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.jsonValue().map((v) => JSON.stringify(v))), fc.integer({ min: 1, max: 1e6 }), fc.boolean(), (text, n, terminated) => {
        const r = parseLine(text, n, terminated, cx);
        if (!r.ok) {
          expect(r.problems.length).toBeGreaterThan(0);
          for (const p of r.problems) {
            expect(p.line).toBe(n);
            expect(p.path.startsWith('$')).toBe(true);
            expect(p.message.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('explains a truncated last line as a cut-off file', () => {
    const r = parseLine('{"format":"ombud-case/1","sourceId":"A', 7, false, cx);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems[0]!.message).toMatch(/^ends mid-record: the last line has no newline/);
  });
});
