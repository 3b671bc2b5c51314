import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { envelopeTime, readMbox, startsLikeMbox } from '../../src/main/import/mail/mbox';

const dir = mkdtempSync(join(tmpdir(), 'ombud-mbox-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
function file(name: string, content: Buffer | string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const m1 = 'From: a@x\r\nSubject: 1\r\n\r\nBody one.\r\n\r\nFrom the start of a line.\r\n>From quoted.\r\n';
const m2 = 'From: b@x\r\nSubject: 2\r\n\r\nBody two.\r\n';
const box = `From a@x Thu Nov 19 10:00:00 2026\r\n${m1.replace('>From quoted', '>>From quoted')}\r\nFrom b@x Thu Nov 19 11:00:00 2026\r\n${m2}\r\n`;

describe('readMbox', () => {
  it('gives the same exact bytes whatever the chunk size (lines split across reads)', () => {
    const path = file('box', box);
    for (const size of [1, 7, 64, 1 << 20]) {
      const msgs = [...readMbox(path, size)];
      expect(msgs.map((m) => m.content.toString('latin1')), `chunk ${size}`).toEqual([m1, m2]);
      expect(msgs.map((m) => m.line)).toEqual([1, 10]);
    }
  });

  it('skips a BOM, reads the envelope time, never yields a blank remainder', () => {
    const path = file('bom', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${box}From c@x Thu Nov 19 12:00:00 2026\n\n\n`)]));
    expect(startsLikeMbox(Buffer.from([0xef, 0xbb, 0xbf, 0x46, 0x72, 0x6f, 0x6d, 0x20]))).toBe(true);
    const msgs = [...readMbox(path, 5)];
    expect(msgs).toHaveLength(2);
    expect(msgs[0]!.envelopeTime?.toISOString()).toBe('2026-11-19T10:00:00.000Z');
  });

  it('knows an envelope line from a body line', () => {
    expect(envelopeTime('From MAILER-DAEMON Sun Aug  7 11:40:37 2022 extra info')?.toISOString()).toBe('2022-08-07T11:40:37.000Z');
    expect(envelopeTime('From here on it gets worse.')).toBeUndefined();
    expect(envelopeTime('From a@b Mon Jan  1 00:00 +0100 2024')?.toISOString()).toBe('2024-01-01T00:00:00.000Z');
  });
});
