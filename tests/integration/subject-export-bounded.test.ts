import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/main/db/connection';
import { createCaseIntake } from '../../src/main/services/case-intake.service';
import type { SessionUser } from '../../src/main/services/context';
import { sessionUser } from '../../src/main/services/session.service';
import { exportSubject } from '../../src/main/services/subject.service';
import { PDF_BODY_LIMIT } from '../../src/main/export/subject-pdf';
import { buildCase, buildEvent } from '../fixtures/cases';
import { tempStore } from '../fixtures/temp-store';

/** Issue 22 item 5: a huge case no longer aborts the subject export, and a failed export leaves no folder. */

let store: Store;
let dir: string;
let cleanup: () => Promise<void>;
let ombudsman: SessionUser;
beforeEach(async () => {
  ({ store, dir, cleanup } = await tempStore());
  ombudsman = await sessionUser(store);
});
afterEach(() => cleanup());

describe('subject export of hostile cases', () => {
  it('a case with 20 bodies of 200,000 characters: the JSON holds them whole, the PDF shortens them with a note', async () => {
    const body = 'Lång text från kunden. '.repeat(9000).slice(0, 200_000);
    createCaseIntake(store).writeBatch([
      buildCase({ events: Array.from({ length: 20 }, (_, i) => buildEvent({ occurredAt: `2026-03-0${1 + (i % 9)}T10:00:00.000Z`, summary: `Mejl ${i}`, body })) }),
    ]);
    const out = join(dir, 'extract');
    const result = await exportSubject({ store, user: ombudsman }, '19850312-2384', out, 'sv');
    expect(result.cases).toBe(1);
    const json = JSON.parse(readFileSync(result.jsonPath, 'utf8')) as { cases: { events: { body: string }[] }[] };
    expect(json.cases[0]!.events.filter((e) => e.body === body)).toHaveLength(20);
    const text = execFileSync('pdftotext', ['-layout', result.pdfPath, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(text).toContain('Förkortat här: texten har 200');
    expect(text).toContain('Hela texten finns i JSON-filen.');
    expect(text.length).toBeLessThan(20 * (PDF_BODY_LIMIT + 2000) + 50_000);
    // Nothing left beside the extract.
    expect(readdirSync(dir).filter((n) => n.includes('partial'))).toEqual([]);
  });

  it('an export that fails part-way leaves no folder behind, and writes no audit row', async () => {
    // An attachment whose stored name is too long for the file system once written (a real failure, ENAMETOOLONG).
    const name = `${'𝒜'.repeat(60)}.pdf`;
    createCaseIntake(store).writeBatch([
      buildCase({
        events: [buildEvent({ attachments: [{ fileName: name, mediaType: 'application/pdf', content: Buffer.from('%PDF-1.4 test'), source: 'test' }] })],
      }),
    ]);
    const auditRows = () => (store.sqlite.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'subject.export'`).get() as { n: number }).n;
    const out = join(dir, 'extract');
    await expect(exportSubject({ store, user: ombudsman }, '19850312-2384', out, 'sv')).rejects.toThrow();
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((n) => n.startsWith('.extract'))).toEqual([]);
    expect(auditRows()).toBe(0);
  });

  it('refuses a folder that already holds files rather than mixing extracts', async () => {
    createCaseIntake(store).writeBatch([buildCase()]);
    const out = join(dir, 'extract');
    await exportSubject({ store, user: ombudsman }, '19850312-2384', out, 'sv');
    await expect(exportSubject({ store, user: ombudsman }, '19850312-2384', out, 'sv')).rejects.toMatchObject({ code: 'conflict' });
  });
});
