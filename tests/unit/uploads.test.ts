import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { discardUpload, findUpload, registerLocalFile } from '../../src/main/import/uploads';

const dir = mkdtempSync(join(tmpdir(), 'ombud-uploads-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('files handed over in Electron', () => {
  it('registers a real file under an id and never deletes the user’s file', () => {
    const file = join(dir, 'export.jsonl');
    writeFileSync(file, '{}\n');
    const up = registerLocalFile(file);
    expect(up).toMatchObject({ fileName: 'export.jsonl', size: 3 });
    expect(up.uploadId).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(findUpload(up.uploadId)?.path).toBe(file);
    discardUpload(up.uploadId);
    expect(findUpload(up.uploadId)).toBeUndefined();
    expect(existsSync(file)).toBe(true);
  });

  it('refuses what is not an absolute path to a regular file', () => {
    expect(() => registerLocalFile('')).toThrow(/has no path on this computer/);
    expect(() => registerLocalFile('relative/x.jsonl')).toThrow(/has no path on this computer/);
    expect(() => registerLocalFile(42)).toThrow(/has no path on this computer/);
    expect(() => registerLocalFile(dir)).toThrow(/is not a file that can be read/);
    expect(() => registerLocalFile(join(dir, 'missing.jsonl'))).toThrow(/missing.jsonl is not a file that can be read/);
  });
});
