import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/main/db/connection';
import { insertUser } from '../../src/main/db/repositories/user.repository';
import { dispatch } from '../../src/main/ipc/dispatch';
import { verifyAuditChain } from '../../src/main/services/audit.service';
import { createCaseIntake } from '../../src/main/services/case-intake.service';
import type { SessionUser } from '../../src/main/services/context';
import { sessionUser } from '../../src/main/services/session.service';
import { eraseSubject, exportSubject } from '../../src/main/services/subject.service';
import { buildCase, buildEvent } from '../fixtures/cases';
import { tempStore } from '../fixtures/temp-store';
import { ombud } from '../fixtures/cli';

let store: Store;
let dir: string;
let cleanup: () => Promise<void>;
let handler: SessionUser;
const soren = { name: 'Søren Ærbø Østergård', personalNumber: '120385-1234', email: 'soren@example.dk', phone: '+45 20 12 34 56', street: 'Åboulevarden 7', postalCode: '8000', city: 'Aarhus', country: 'DK' };
const other = { name: 'Lars Nilsson', personalNumber: '19700101-1111', email: 'lars@example.se', phone: null, street: null, postalCode: null, city: null, country: 'SE' };
const closing = (at: string) => buildEvent({ occurredAt: at, kind: 'status_change', source: 'internal', direction: 'internal', actor: 'Fia', summary: 'closed', body: '', data: { toStatus: 'closed' } });
let numbers: string[];

beforeEach(async () => {
  ({ store, dir, cleanup } = await tempStore());
  await sessionUser(store);
  handler = { id: await insertUser(store.db, { username: 'johan', display_name: 'Johan Berg', role: 'handler', title: null, created_at: '2020-01-01T00:00:00Z' }), name: 'Johan Berg', role: 'handler' };
  const cases = [
    buildCase({
      market: 'DK', language: 'da', status: 'closed', customer: soren, summary: 'Købsbeskyttelse afvist',
      events: [
        buildEvent({ occurredAt: '2023-01-10T09:00:00.000Z', body: 'Kunden: Jeg har betalt for varen, men den kom aldrig. Sælgeren svarer ikke på mine æ-ø-å-spørgsmål.', attachments: [{ fileName: 'kvittering-søren.pdf', mediaType: 'application/pdf', content: Buffer.from('%PDF-1.4 kvittering') }] }),
        closing('2023-03-01T10:00:00.000Z'),
      ],
    }),
    buildCase({ market: 'DK', language: 'da', status: 'in_review', customer: soren }),
    buildCase({
      market: 'DK', language: 'da', status: 'closed', customer: soren,
      events: [closing('2024-03-01T10:00:00.000Z'), buildEvent({ occurredAt: '2025-06-01T10:00:00.000Z', kind: 'authority_correspondence', source: 'authority', summary: 'Ankenævnet', body: 'Sag 2025-77' })],
    }),
    buildCase({ customer: other, summary: 'Lars ärende om inkasso' }),
    buildCase({ market: 'DK', language: 'da', status: 'closed', customer: soren, events: [closing('2022-03-01T10:00:00.000Z')] }),
  ];
  const ids = createCaseIntake(store).writeBatch(cases);
  numbers = cases.map((c) => c.number);
  expect(ids).toHaveLength(5);
  // A matter at Det Finansielle Ankenævn without an outcome: a legal hold on an old closed case.
  const fia = await sessionUser(store);
  const matter = await dispatch({ store, user: fia }, 'matters:register', {
    caseId: ids[4], authority: 'DFA', reference: '2026-555', receivedDate: '2026-10-01', responseDue: '2026-11-30',
    claimText: 'Søren kræver 1.200 kr. tilbage', claimAmount: '1200,00', questions: [], documents: [],
  });
  expect(matter.ok, JSON.stringify(matter)).toBe(true);
});
afterEach(() => cleanup());

describe('subject access', () => {
  it('writes a readable PDF with Nordic letters, a JSON file and the attachments, with nothing about anyone else', async () => {
    const out = join(dir, 'utdrag');
    const cli = await ombud('subject-export', '--db', store.path, '--personal-number', '120385-1234', '--out', out);
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.stdout).toMatch(/subject-access-\d{4}-\d{2}-\d{2}\.pdf and .*\.json: 4 cases, 1 attachments\./);
    const pdf = readdirSync(out).find((f) => f.endsWith('.pdf'))!;
    expect(readFileSync(join(out, pdf)).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', join(out, pdf), '-'], { encoding: 'utf8' });
    expect(text).toContain('Indsigtsudtræk');
    expect(text).toContain('Søren Ærbø Østergård');
    expect(text).toContain('120385-1234');
    expect(text).toContain('Åboulevarden 7, 8000 Aarhus, DK');
    // A line may break after a hyphen.
    expect(text.replace(/-\s+/g, '-')).toContain('æ-ø-å-spørgsmål');
    for (const n of [...numbers.slice(0, 3), numbers[4]!]) expect(text).toContain(n);
    expect(text).toContain('DFA 2026-555');
    expect(text).toContain('Søren kræver 1.200 kr. tilbage');
    expect(text).not.toContain('Lars');
    expect(text).not.toContain(numbers[3]);
    const json = JSON.parse(readFileSync(join(out, pdf.replace(/\.pdf$/, '.json')), 'utf8'));
    expect(json.customers).toEqual([expect.objectContaining({ name: soren.name, personalNumber: '120385-1234', email: 'soren@example.dk' })]);
    expect(json.cases.map((c: { number: string }) => c.number).sort()).toEqual([...numbers.slice(0, 3), numbers[4]].sort());
    const attachment = json.cases.flatMap((c: { attachments: { file: string }[] }) => c.attachments)[0];
    expect(readFileSync(join(out, attachment.file), 'utf8')).toBe('%PDF-1.4 kvittering');
    // Each exported case is in the audit log; the personal number is not.
    const audit = store.sqlite.prepare(`SELECT action, detail FROM audit_log`).all() as { action: string; detail: string }[];
    expect(audit.filter((a) => a.action === 'subject.export')).toHaveLength(4);
    expect(audit.some((a) => a.detail.includes('1234'))).toBe(false);
    // Written without a dash, found the same.
    expect((await ombud('subject-export', '--db', store.path, '--personal-number', '1203851234', '--out', join(dir, 'again'))).code).toBe(0);
  });

  it('names a wrong or unknown personal number, and is for the ombudsman only', async () => {
    const bad = await ombud('subject-export', '--db', store.path, '--personal-number', 'abc', '--out', join(dir, 'x'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('personalNumber: "****" is not a personal number');
    const unknown = await ombud('subject-export', '--db', store.path, '--personal-number', '010101-0000', '--out', join(dir, 'x'));
    expect(unknown.stderr).toContain('No customer with the personal number 010101-**** is held.');
    expect(existsSync(join(dir, 'x'))).toBe(false);
    await expect(exportSubject({ store, user: handler }, '120385-1234', join(dir, 'y'))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(eraseSubject({ store, user: handler }, '120385-1234', { dryRun: true })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('erases on request the way retention anonymises, and refuses with the reason where a legal hold applies', async () => {
    const dry = await ombud('subject-erase', '--db', store.path, '--personal-number', '120385-1234', '--dry-run');
    expect(dry.stdout).toContain(`${numbers[0]}  would be anonymised`);
    expect(store.sqlite.prepare('SELECT count(*) FROM cases WHERE anonymised_at IS NOT NULL').pluck().get()).toBe(0);
    const erased = await ombud('subject-erase', '--db', store.path, '--personal-number', '120385-1234');
    expect(erased.code).toBe(1);
    expect(erased.stdout).toContain(`${numbers[0]}  anonymised`);
    expect(erased.stdout).toContain(`${numbers[1]}  REFUSED: the case is not closed (status in_review); it is still being handled`);
    expect(erased.stdout).toMatch(new RegExp(`${numbers[2]}  REFUSED: an authority matter \\(ARN or similar, last correspondence 2025-06-01\\) is kept for 10 years, until 2035-06-01`));
    expect(erased.stdout).toContain(`${numbers[4]}  REFUSED: an authority matter is still open (DFA 2026-555); its outcome must be recorded first`);
    expect(erased.stdout).toContain('1 cases anonymised, 3 refused.');
    const s = store.sqlite;
    const row = (n: string) => s.prepare('SELECT c.customer_name, c.anonymised_at, cu.personal_number FROM cases c JOIN customers cu ON cu.id = c.customer_id WHERE c.number = ?').get(n) as { customer_name: string; anonymised_at: string | null; personal_number: string };
    expect(row(numbers[0]!)).toMatchObject({ customer_name: 'Anonymiseret', personal_number: '' });
    expect(row(numbers[1]!)).toMatchObject({ customer_name: soren.name, anonymised_at: null, personal_number: '120385-1234' });
    expect(s.prepare(`SELECT body FROM history_events e JOIN cases c ON c.id = e.case_id WHERE c.number = ?`).pluck().all(numbers[0]).join('')).toBe('');
    expect(s.prepare(`SELECT action FROM audit_log WHERE action NOT LIKE 'matter%' ORDER BY id`).pluck().all()).toEqual(['subject.erase', 'case.anonymise', 'subject.erase']);
    expect(await verifyAuditChain(store.db)).toMatchObject({ intact: true });
  });
});
