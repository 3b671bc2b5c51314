import type { SearchHit } from '../../shared/domain/review';
import { casesByIds, searchCaseDocuments, searchEvents } from '../db/repositories/search.repository';
import type { ServiceContext } from './context';
import { ServiceError } from './errors';
import { maskPersonalNumbersInText } from './personal-number';

const MARK_START = '\u0002';

/**
 * Turns what a person types into an FTS5 query: every word must occur (in any field), "quoted
 * words" stay a phrase, and FTS5's own operators are taken literally, so no input can break or
 * widen the query. With `prefix`, each word may continue ("nyst" finds "Nyström"): used for the
 * case fields, where people type names and numbers partly.
 */
export function toFtsQuery(text: string, prefix = true): string | null {
  const parts: string[] = [];
  const re = /"([^"]*)"|(\S+)/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const phrase = m[1] !== undefined;
    const raw = m[1] ?? m[2] ?? '';
    // Only letters and digits make tokens; anything else separates them, as in the index.
    const words = raw.normalize('NFC').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    if (words.length === 0) continue;
    parts.push(phrase || !prefix ? `"${words.join(' ')}"` : `"${words.join(' ')}"*`);
  }
  return parts.length === 0 ? null : parts.join(' AND ');
}

/**
 * Ranked full-text search: one hit per case, best first. Case fields (name, number, order
 * reference, merchant, claims) match word beginnings and rank by bm25, weighted above history
 * text; the history contributes its most recent matching events, ranked by bm25 among themselves,
 * so common words ("faktura") cost no more than rare ones and recent cases come first.
 */
export async function search(ctx: ServiceContext, input: { query: string; limit: number }): Promise<{ hits: SearchHit[] }> {
  const match = toFtsQuery(input.query);
  const exact = toFtsQuery(input.query, false);
  if (match === null || exact === null) throw new ServiceError('invalid_input', 'search:query: query: has no letters or digits to search for');
  const db = ctx.store.db;
  const [caseHits, eventHits] = await Promise.all([searchCaseDocuments(db, match, input.limit), searchEvents(db, exact, input.limit * 2)]);

  const best = new Map<number, Omit<SearchHit, 'number' | 'customerName' | 'market' | 'status' | 'receivedDate'>>();
  // The case's own fields (name, number, order reference) say more than a word in a transcript.
  for (const h of caseHits) {
    const fields = [
      ['number', h.number],
      ['customer', h.customer],
      ['order_refs', h.order_refs],
      ['merchant', h.merchant],
      ['claims', h.claims],
      ['summary', h.summary],
    ] as const;
    const found = fields.find(([, text]) => text.includes(MARK_START));
    const field = found?.[0] ?? (h.personal_number_hit ? 'personal_number' : 'summary');
    best.set(h.case_id, { caseId: h.case_id, field, eventId: null, eventOccurredAt: null, snippet: found?.[1] ?? '', score: h.score * 2 });
  }
  for (const h of eventHits) {
    const current = best.get(h.case_id);
    if (current && current.score >= h.score) continue;
    best.set(h.case_id, { caseId: h.case_id, field: 'event', eventId: h.event_id, eventOccurredAt: h.occurred_at, snippet: h.snippet, score: h.score });
  }
  const ranked = [...best.values()].sort((a, b) => b.score - a.score).slice(0, input.limit);
  const cases = new Map((await casesByIds(db, ranked.map((h) => h.caseId))).map((c) => [c.id, c]));
  return {
    hits: ranked.flatMap((h) => {
      const c = cases.get(h.caseId);
      if (!c) return [];
      return [
        {
          ...h,
          // A personal number found by search is never echoed back: the hit says only where it matched.
          // Free text (a customer's mail, a summary) may quote one too: masked like everywhere else.
          snippet: h.field === 'personal_number' ? '' : maskPersonalNumbersInText(h.snippet),
          number: c.number,
          customerName: c.customer_name,
          market: c.market as SearchHit['market'],
          status: c.status as SearchHit['status'],
          receivedDate: c.received_date,
        },
      ];
    }),
  };
}
