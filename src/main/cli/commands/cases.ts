import type { Command } from 'commander';
import { CASE_STATUSES } from '../../../shared/domain/case';
import { MARKETS } from '../../../shared/domain/market';
import { caseListInputSchema, contract } from '../../../shared/ipc/contract';
import { listCases } from '../../services/case.service';
import { search } from '../../services/search.service';
import { dbOption, jsonOption, parseWith, positiveInt, printJson, withStore, type DbOpts, type JsonOpts } from '../options';

/** Strips the search highlight markers for a terminal, or turns them into bold on a TTY. */
function plainSnippet(snippet: string, tty = process.stdout.isTTY): string {
  return snippet.split('\u0002').join(tty ? '\u001b[1m' : '').split('\u0003').join(tty ? '\u001b[22m' : '');
}

/** `cases` (the inbox) and `search`. */
export function registerCases(program: Command): void {
  program
    .command('cases')
    .description('List cases as the inbox does: number, status, market, customer, deadline.')
    .addOption(dbOption())
    .option('--status <status>', `one of ${CASE_STATUSES.join(', ')} (repeat or comma-separate for several)`)
    .option('--market <market>', `one of ${MARKETS.join(', ')}`)
    .option('--limit <n>', 'at most this many rows', positiveInt, 50)
    .addOption(jsonOption())
    .action(async (opts: DbOpts & JsonOpts & { status?: string; market?: string; limit: number }) => {
      const input = parseWith(
        caseListInputSchema,
        {
          status: opts.status ? opts.status.split(',').map((x) => x.trim()) : undefined,
          market: opts.market?.toUpperCase(),
          limit: Math.max(1, Math.min(opts.limit, 500)),
        },
        'cases',
      );
      await withStore(opts.db, async (ctx) => {
        const page = await listCases(ctx, input);
        if (opts.json) {
          printJson(page);
          return;
        }
        for (const r of page.rows) {
          const due = r.nextDue ? `${r.nextDue.date} (${r.nextDue.daysLeft >= 0 ? `${r.nextDue.daysLeft} bd left` : `${-r.nextDue.daysLeft} bd overdue`})` : '—';
          console.log([r.number, r.status.padEnd(20), r.market, r.customerName.padEnd(28), due].join('  '));
        }
        console.log(`${page.rows.length} of ${page.total} cases.`);
      });
    });

  program
    .command('search')
    .description('Full-text search over cases and their whole history, ranked.')
    .argument('<query...>', 'words to find; "quoted words" as a phrase')
    .addOption(dbOption())
    .option('--limit <n>', 'at most this many cases', positiveInt, 20)
    .addOption(jsonOption())
    .action(async (words: string[], opts: DbOpts & JsonOpts & { limit: number }) => {
      const input = parseWith(contract['search:query'].input, { query: words.join(' '), limit: Math.max(1, Math.min(opts.limit, 200)) }, 'search');
      await withStore(opts.db, async (ctx) => {
        const { hits } = await search(ctx, input);
        if (opts.json) {
          printJson(hits.map((h) => ({ ...h, snippet: plainSnippet(h.snippet, false) })));
          return;
        }
        for (const h of hits) {
          const where = h.field === 'event' ? `event ${h.eventOccurredAt?.slice(0, 10)}` : h.field;
          console.log(`${h.number}  ${h.customerName}  [${where}]  ${plainSnippet(h.snippet)}`);
        }
        if (hits.length === 0) console.log('No matches.');
      });
    });
}
