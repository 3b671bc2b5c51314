import { createHash } from 'node:crypto';
import type { CaseHeader } from '../../shared/domain/case';
import { mergeValues, type ClaimAssessment, type Outcome, type Panel, type Remedy, type RemedyKind } from '../../shared/domain/decision';
import { arnDeadline } from '../../shared/domain/legal';
import { MARKET_INFO, type Language, type Market } from '../../shared/domain/market';
import type { DocNode } from '../../shared/editor/document';
import { renderPlainText } from '../../shared/editor/text';
import { expandClaimBlocks, mapNodes } from '../../shared/editor/walk';
import type { Store } from '../db/connection';
import { claimsOfDecidedCases, demoDecisionSources, insertIssuedDecisions, purchasesOfDecidedCases, type IssuedDecisionRow } from '../db/repositories/decision.repository';
import { templateFor } from '../services/decision-templates';

/**
 * Issued decisions for the demo cases whose history says a decision went out, with the outcome
 * and amount that history records, so precedents, statistics and exports have real letters.
 * Letters come from the shipped templates, rendered by the same shared code as the editor's.
 * Deterministic: it reads only what the generator wrote.
 */

const REASONING: Record<Language, Record<Outcome, string>> = {
  sv: {
    upheld: 'Historiken visar att du har rätt: kundservice gav dig inget fullständigt svar, och kraven mot dig fortsatte trots att din reklamation var öppen.',
    partly_upheld: 'Du har delvis rätt: avgifterna borde inte ha tagits ut medan din reklamation var öppen, men själva köpet ska betalas.',
    not_upheld: 'Underlaget visar att handlaren har levererat och att fakturan är riktig; vi har inte funnit något fel i hur ditt ärende hanterats.',
  },
  da: {
    upheld: 'Forløbet viser, at du har ret: kundeservice gav dig ikke et fyldestgørende svar, og kravet mod dig fortsatte, selv om din reklamation var åben.',
    partly_upheld: 'Du har delvist ret: gebyrerne burde ikke være opkrævet, mens din reklamation var åben, men selve købet skal betales.',
    not_upheld: 'Materialet viser, at forhandleren har leveret, og at fakturaen er korrekt; vi har ikke fundet fejl i behandlingen af din sag.',
  },
  en: {
    upheld: 'The history shows that you are right: customer service did not give you a full answer, and collection went on while your dispute was open.',
    partly_upheld: 'You are partly right: fees should not have been charged while your dispute was open, but the purchase itself is owed.',
    not_upheld: 'The material shows that the merchant delivered and that the invoice is correct; we found no fault in how your case was handled.',
  },
};

/**
 * What replaces the template's instruction in the background paragraph: written to the customer,
 * never the case's internal summary (which is a note in the third person for the office).
 */
const BACKGROUND: Record<Language, string> = {
  sv: 'Vi har gått igenom hela ärendets historik, bland annat dina kontakter med kundservice och det som hänt med fakturan.',
  da: 'Vi har gennemgået hele sagens forløb, herunder dine kontakter med kundeservice og det, der er sket med fakturaen.',
  en: 'We have reviewed the whole history of your case, including your contacts with customer service and what happened to the invoice.',
};

const REMEDY_FOR_CLAIM: Record<string, RemedyKind | null> = {
  refund: 'refund',
  fee_waiver: 'fee_or_interest_waived',
  interest_waiver: 'fee_or_interest_waived',
  compensation: 'compensation',
  credit_record_correction: 'credit_record_correction',
  apology: 'apology',
  other: null,
};

const dayFormats: Record<Market, Intl.DateTimeFormat> = {
  SE: new Intl.DateTimeFormat('sv-SE', { timeZone: MARKET_INFO.SE.timeZone }),
  DK: new Intl.DateTimeFormat('sv-SE', { timeZone: MARKET_INFO.DK.timeZone }),
};

function byCase<T extends { case_id: number }>(rows: T[]): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const r of rows) {
    const list = map.get(r.case_id);
    if (list) list.push(r);
    else map.set(r.case_id, [r]);
  }
  return map;
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export async function issueDemoDecisions(store: Store, ombudsman: { id: number; name: string }): Promise<number> {
  const db = store.db;
  const sources = await demoDecisionSources(db);
  if (sources.length === 0) return 0;
  const claims = byCase(await claimsOfDecidedCases(db));
  const purchases = byCase(await purchasesOfDecidedCases(db));
  const templates = new Map<string, { content: DocNode; language: Language }>();
  const seen = new Set<number>();
  let written = 0;
  for (let start = 0; start < sources.length; start += 500) {
    const batch = sources.slice(start, start + 500);
    const rows: IssuedDecisionRow[] = [];
    {
      for (const s of batch) {
        if (seen.has(s.case_id)) continue;
        seen.add(s.case_id);
        const market = s.market as Market;
        const caseLanguage = s.language as Language;
        const key = `${market}-${caseLanguage}`;
        if (!templates.has(key)) {
          const own = await templateFor(db, market, caseLanguage);
          templates.set(key, { content: (own ?? (await templateFor(db, market, 'en'))!).content, language: own ? caseLanguage : 'en' });
        }
        const { content: template, language } = templates.get(key)!;
        const data = JSON.parse(s.data) as { decision?: Outcome; amount?: { minor: number; currency: string } };
        const outcome: Outcome = data.decision ?? 'not_upheld';
        const caseClaims = claims.get(s.case_id) ?? [];
        const day = dayFormats[market].format(new Date(s.occurred_at));
        let moneyLeft = data.amount && data.amount.minor > 0 ? data.amount : null;
        const assessments: ClaimAssessment[] = caseClaims.map((c) => {
          const remedies: Remedy[] = [];
          const kind = REMEDY_FOR_CLAIM[c.kind] ?? null;
          if (outcome !== 'not_upheld' && kind) {
            const paid = kind === 'refund' || kind === 'compensation' || kind === 'fee_or_interest_waived';
            if (!paid) remedies.push({ kind, amount: null, dueDate: addDays(day, 14) });
            else if (moneyLeft) {
              remedies.push({ kind, amount: moneyLeft, dueDate: addDays(day, 14) });
              moneyLeft = null;
            }
          }
          return { claimId: c.id, outcome, reasoning: REASONING[language][outcome], remedies };
        });
        const panel: Panel = { claims: assessments };
        const content = mapNodes(expandClaimBlocks(template, caseClaims.length), (n) =>
          n.type === 'text' && n.text && /\[[^\]]+\]/.test(n.text) ? { ...n, text: n.text.replace(/\[[^\]]+\]/, BACKGROUND[language]) } : n,
        );
        const header: Pick<CaseHeader, 'number' | 'market' | 'receivedDate' | 'customer' | 'merchant' | 'purchases' | 'claims'> = {
          number: s.number,
          market,
          receivedDate: s.received_date,
          customer: { id: 0, name: s.customer_name, personalNumberMasked: '', email: null, phone: null, street: s.street, postalCode: s.postal_code, city: s.city, country: s.country },
          merchant: s.merchant_name ? { id: 0, name: s.merchant_name, orgNumber: null, country: market } : null,
          purchases: (purchases.get(s.case_id) ?? []).map((p) => ({
            id: p.id,
            orderRef: p.order_ref,
            purchasedOn: p.purchased_on,
            amount: { minor: p.amount_minor, currency: p.currency },
            product: p.product as CaseHeader['purchases'][number]['product'],
            status: p.status as CaseHeader['purchases'][number]['status'],
            merchantName: null,
          })),
          claims: caseClaims.map((c) => ({ id: c.id, position: c.position, kind: c.kind as CaseHeader['claims'][number]['kind'], text: c.text, amount: c.amount_minor === null || c.currency === null ? null : { minor: c.amount_minor, currency: c.currency } })),
        };
        const signer = s.actor_user_id ?? ombudsman.id;
        const firstComplaintDate = s.first_complaint_at ? [dayFormats[market].format(new Date(s.first_complaint_at)), s.received_date].sort()[0]! : s.received_date;
        const values = mergeValues({ header, language, panel, decisionDate: day, signerName: ombudsman.name, firstComplaintDate });
        const text = renderPlainText(content, { values });
        const drafter = s.assignee_id ?? signer;
        rows.push({
          case_id: s.case_id,
          status: 'issued',
          market,
          language,
          template_id: null,
          version: 1,
          content: JSON.stringify(content),
          panel: JSON.stringify(panel),
          created_by: drafter,
          created_at: s.occurred_at,
          saved_by: drafter,
          saved_at: s.occurred_at,
          corrects_decision_id: null,
          issued_by: signer,
          issued_at: s.occurred_at,
          rendered_text: text,
          sha256: createHash('sha256').update(JSON.stringify({ content, text })).digest('hex'),
          arn_window_ends_on: arnDeadline(market, firstComplaintDate),
        });
        written += 1;
      }
    }
    insertIssuedDecisions(store.sqlite, rows);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return written;
}
