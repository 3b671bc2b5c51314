import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentDigest } from '../../src/main/db/repositories/case-import.repository';
import { listMonthlyFigures } from '../../src/main/db/repositories/monthly-figures.repository';
import { importMonthlyFigures } from '../../src/main/import/monthly-import';
import type { ServiceContext } from '../../src/main/services/context';
import { sessionUser } from '../../src/main/services/session.service';
import { tempStore } from '../fixtures/temp-store';

let t: Awaited<ReturnType<typeof tempStore>>;
let ctx: ServiceContext;
beforeAll(async () => {
  t = await tempStore();
  ctx = { store: t.store, user: await sessionUser(t.store) };
});
afterAll(async () => t.cleanup());

const csv = (name: string, text: string) => {
  const path = join(t.dir, name);
  writeFileSync(path, text);
  return path;
};
const fixture = new URL('../fixtures/import/monthly-2018-se.csv', import.meta.url).pathname;

describe('ombud import monthly', () => {
  it('stores the figures of a month and market, and a second import of the same file is refused without --replace', async () => {
    const report = await importMonthlyFigures(ctx, { path: fixture });
    expect(report).toMatchObject({ committed: true, rows: 12, inserted: 12, replaced: 0, problems: [] });
    const rows = await listMonthlyFigures(ctx.store.db, 'SE');
    expect(rows.map((r) => [r.month, r.purchases, r.customer_service_complaints])[0]).toEqual(['2018-01', 1_000_000, 52]);
    expect(rows).toHaveLength(12);

    const d = contentDigest(ctx.store.sqlite);
    const again = await importMonthlyFigures(ctx, { path: fixture });
    expect(again.committed).toBe(false);
    expect(again.problems[0]).toMatchObject({ line: 2, message: '2018-01 SE is already stored; import with --replace to overwrite it' });
    expect(contentDigest(ctx.store.sqlite)).toBe(d);
    // --replace with the same figures changes nothing either.
    expect(await importMonthlyFigures(ctx, { path: fixture, replace: true })).toMatchObject({ committed: true, inserted: 0, replaced: 0 });
    expect(contentDigest(ctx.store.sqlite)).toBe(d);
  });

  it('--replace overwrites a stored month and adds new ones', async () => {
    const path = csv('fix.csv', 'month,market,purchases,customer_service_complaints\r\n2018-02,SE,1200000,70\r\n2018-02,DK,300000,4\r\n');
    expect(await importMonthlyFigures(ctx, { path, replace: true })).toMatchObject({ committed: true, inserted: 1, replaced: 1 });
    const se = (await listMonthlyFigures(ctx.store.db, 'SE')).find((r) => r.month === '2018-02');
    expect(se?.purchases).toBe(1_200_000);
  });

  it('refuses bad rows, naming line and column, and stores nothing', async () => {
    const d = contentDigest(ctx.store.sqlite);
    const path = csv(
      'bad.csv',
      [
        'month,market,purchases,customer_service_complaints',
        '2019-13,SE,100,1',
        '2019-01,NO,100,1',
        '2019-02,SE,-5,1',
        '2019-03,SE,100,1.5',
        '2019-04,SE,100,2',
        '2019-04,SE,100,3',
        '2019-05,SE,1 000,3',
      ].join('\n'),
    );
    const report = await importMonthlyFigures(ctx, { path });
    expect(report.committed).toBe(false);
    expect(report.problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      '2: month "2019-13" must be a month YYYY-MM, e.g. 2026-03',
      '3: market "NO" must be one of SE, DK',
      '4: purchases "-5" must be a whole number ≥ 0 written with digits only (no sign, decimals or separators)',
      '5: customer_service_complaints "1.5" must be a whole number ≥ 0 written with digits only (no sign, decimals or separators)',
      '7: 2019-04 SE appears twice in the file (also line 6)',
      '8: purchases "1 000" must be a whole number ≥ 0 written with digits only (no sign, decimals or separators)',
    ]);
    expect(contentDigest(ctx.store.sqlite)).toBe(d);
  });

  it('refuses a wrong header, broken CSV and an empty file', async () => {
    const header = await importMonthlyFigures(ctx, { path: csv('h.csv', 'month;market;purchases;complaints\n2019-01;SE;1;1\n') });
    expect(header.problems[0]!.message).toMatch(/^Line 1: the header must be month,market,purchases,customer_service_complaints; missing/);
    const broken = await importMonthlyFigures(ctx, { path: csv('b.csv', 'month,market,purchases,customer_service_complaints\n2019-01,SE,"100,1\n') });
    expect(broken.problems[0]!.message).toMatch(/is not valid CSV/);
    const empty = await importMonthlyFigures(ctx, { path: csv('e.csv', '') });
    expect(empty.problems[0]!.message).toBe('The file holds no figures.');
  });

  it('runs from the command line', async () => {
    const path = csv('cli.csv', 'month,market,purchases,customer_service_complaints\n2020-01,DK,5000,1\n');
    const { stdout } = await promisify(execFile)(process.execPath, ['bin/ombud.mjs', 'import', 'monthly', path, '--db', ctx.store.path]);
    expect(stdout).toContain('1 new months, 0 replaced');
  });
});
