import { panelSchema } from '../../shared/domain/decision';
import type { Market } from '../../shared/domain/market';
import type { Category } from '../../shared/domain/case';
import * as cases from '../db/repositories/case.repository';
import { listCaseDecisions } from '../db/repositories/decision.repository';
import { recentDecidedCases, similarDecidedCases } from '../db/repositories/search.repository';
import type { ServiceContext } from './context';
import { notFound } from './errors';

/**
 * Precedents: decided cases like this one, so like cases are treated alike. Candidates share the
 * category and words of the summary and claims (FTS5 bm25 over those two columns only); they are
 * then ranked by how many claim kinds they share, then by text similarity.
 */

/** An FTS5 query that matches any of the case's longer words in the summary or claims columns. */
export function similarityQuery(text: string): string | null {
  const words = [...new Set(text.normalize('NFC').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 4 && !/^\d+$/.test(w)))].slice(0, 40);
  if (words.length === 0) return null;
  return `{claims summary} : (${words.map((w) => `"${w}"`).join(' OR ')})`;
}

export async function findPrecedents(ctx: ServiceContext, input: { caseId: number; limit: number }) {
  const db = ctx.store.db;
  const row = await cases.findCaseById(db, input.caseId);
  if (!row) throw notFound(`Case ${input.caseId}`);
  const claims = await cases.listClaims(db, input.caseId);
  const kinds = new Set(claims.map((c) => c.kind));
  const query = similarityQuery([row.summary, ...claims.map((c) => c.text)].join(' '));
  const pool = input.limit * 4;
  let candidates = query ? await similarDecidedCases(db, query, row.category, row.id, pool) : [];
  if (candidates.length < input.limit) {
    const more = await recentDecidedCases(db, row.category, row.id, pool);
    candidates = [...candidates, ...more.filter((m) => !candidates.some((c) => c.case_id === m.case_id))];
  }
  const out = [];
  for (const cand of candidates) {
    const other = await cases.findCaseById(db, cand.case_id);
    if (!other) continue;
    const otherClaims = await cases.listClaims(db, cand.case_id);
    const decision = (await listCaseDecisions(db, cand.case_id)).filter((d) => d.status === 'issued').at(-1);
    if (!decision || !decision.issued_at) continue;
    const panel = panelSchema.parse(JSON.parse(decision.panel));
    const shared = [...new Set(otherClaims.map((c) => c.kind).filter((k) => kinds.has(k)))];
    out.push({
      caseId: other.id,
      caseNumber: other.number,
      market: other.market as Market,
      category: other.category as Category,
      decisionId: decision.id,
      issuedAt: decision.issued_at,
      status: decision.status,
      score: Math.round((shared.length + cand.score / (1 + Math.abs(cand.score))) * 1000) / 1000,
      sharedClaimKinds: shared,
      claims: otherClaims.map((c) => {
        const a = panel.claims.find((x) => x.claimId === c.id);
        return { kind: c.kind, text: c.text, outcome: a?.outcome ?? null, remedies: a?.remedies ?? [] };
      }),
    });
  }
  out.sort((a, b) => b.score - a.score || b.issuedAt.localeCompare(a.issuedAt));
  return { precedents: out.slice(0, input.limit) };
}
