import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaseIntake } from '../../src/main/services/case-intake.service';
import type { ServiceContext } from '../../src/main/services/context';
import { sessionUser } from '../../src/main/services/session.service';
import { exportSubject } from '../../src/main/services/subject.service';
import { buildCase, buildEvent } from '../fixtures/cases';
import { tempStore } from '../fixtures/temp-store';

/**
 * Attachment names from outside are stored as sent, and shown and exported through one rule
 * (`displayFileName`): no path parts, no bidi controls. Here through the subject extract, whose
 * files are written to disk under those names.
 */
let t: Awaited<ReturnType<typeof tempStore>>;
let ctx: ServiceContext;
const customer = { name: 'Eva Ek', personalNumber: '19800101-1234', email: 'eva@example.se', phone: null, street: null, postalCode: null, city: null, country: 'SE' };
const hostile = ['../../evil.sh', '/etc/passwd', 'invoice\u202Efdp.exe'];

beforeAll(async () => {
  t = await tempStore();
  ctx = { store: t.store, user: await sessionUser(t.store) };
  createCaseIntake(t.store).writeBatch([
    buildCase({
      customer,
      events: [buildEvent({ occurredAt: '2026-10-01T09:00:00.000Z', attachments: hostile.map((fileName, i) => ({ fileName, mediaType: 'application/octet-stream', content: Buffer.from(`file ${i}`) })) })],
    }),
  ]);
});
afterAll(async () => t.cleanup());

describe('attachment names from outside', () => {
  it('are stored as sent', () => {
    const stored = (t.store.sqlite.prepare('SELECT file_name FROM event_attachments ORDER BY position').all() as { file_name: string }[]).map((r) => r.file_name);
    expect(stored).toEqual(hostile);
  });

  it('the subject extract writes them inside its folder under safe names and lists them safely, with the name as sent beside', async () => {
    const out = join(t.dir, 'extract');
    const r = await exportSubject(ctx, customer.personalNumber, out);
    expect(r.attachments).toBe(3);
    const written = readdirSync(join(out, 'attachments'));
    expect(written).toHaveLength(3);
    for (const f of written) expect(f).not.toMatch(/[\u202A-\u202E\u2066-\u2069/\\]|\.\./);
    const json = JSON.parse(readFileSync(r.jsonPath, 'utf8')) as { cases: { attachments: { fileName: string; sentAs?: string; file: string }[] }[] };
    const listed = json.cases[0]!.attachments;
    expect(listed.map((a) => a.fileName).sort()).toEqual(['evil.sh', 'invoicefdp.exe', 'passwd']);
    expect(listed.map((a) => a.sentAs).sort()).toEqual([...hostile].sort());
    for (const a of listed) expect(relative(out, join(out, a.file)).startsWith('..')).toBe(false);
    const text = execFileSync('pdftotext', ['-layout', r.pdfPath, '-'], { encoding: 'utf8' });
    expect(text).toContain('invoicefdp.exe');
    expect(text).not.toMatch(/\u202E|\.\.\/\.\.\/evil|\/etc\/passwd/);
  });

});
