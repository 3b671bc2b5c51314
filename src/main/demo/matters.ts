import type { Store } from '../db/connection';
import { appendEvent } from '../db/repositories/history.repository';
import { answeredCases, insertMatter, resetLastEventAt, updateMatter } from '../db/repositories/matter.repository';
import { addBusinessDays, addCalendarDays } from '../services/calendar/business-days';
import { hash32, Rng, weighted } from './random';
import type { Market } from '../../shared/domain/market';
import type { MatterOutcome } from '../../shared/domain/authority';

const OUTCOMES = weighted<MatterOutcome>([
  ['rejected', 40],
  ['partly_upheld', 15],
  ['upheld', 10],
  ['settled', 17],
  ['written_off', 12],
  ['dismissed', 6],
]);
const COMPLIANCE = weighted<'followed' | 'partly_followed' | 'not_followed'>([
  ['followed', 80],
  ['partly_followed', 10],
  ['not_followed', 10],
]);

const QUESTIONS: Record<string, string[]> = {
  ARN: ['Bolaget ombeds yttra sig över anmälan och bifoga relevanta handlingar.', 'Anser bolaget att det yrkade beloppet är skäligt?', 'Har bolaget erbjudit någon förlikning?'],
  KOV: ['Redogör för hur klagomålet har hanterats.', 'Vilka åtgärder har vidtagits för att förhindra upprepning?'],
  FI: ['Beskriv bolagets klagomålshantering i ärendet.', 'Har svar lämnats inom 15 bankdagar?'],
  IMY: ['Redogör för behandlingen av personuppgifter i ärendet.', 'Har den registrerades begäran besvarats?'],
  DFA: ['Virksomheden bedes fremsende sit svarskrift.', 'Er det krævede beløb rimeligt?'],
};

function reference(authority: string, year: number, n: number): string {
  const num = String(n).padStart(5, '0');
  switch (authority) {
    case 'ARN':
      return `${year}-${num}`;
    case 'KOV':
      return `KV ${year}/${num}`;
    case 'FI':
      return `FI Dnr ${String(year).slice(2)}-${num}`;
    case 'IMY':
      return `IMY-${year}-${num}`;
    default:
      return `DFA-${year}-${num}`;
  }
}

/**
 * Authority matters on a share of the answered demo cases, in every state: new ones with a running
 * response deadline (some overdue), answered ones waiting for the authority, and decided ones of
 * every outcome with compliance recorded. Dated after the case's last event and never after `asOf`.
 */
export async function addDemoMatters(store: Store, options: { seed: number; asOf: string; registeredBy: number; actor: string }): Promise<number> {
  const rows = await answeredCases(store.db);
  const touched: number[] = [];
  let serial = 0;
  await store.db.transaction().execute(async (trx) => {
    for (const row of rows) {
      const rng = new Rng(hash32(options.seed, row.id, 0x4d41), 0x41524e, row.id, 7);
      const market = row.market as Market;
      const authority = market === 'DK' ? (rng.chance(0.18) ? 'DFA' : null) : rng.chance(0.16) ? 'ARN' : rng.chance(0.04) ? rng.pick(['KOV', 'FI', 'IMY']) : null;
      if (!authority || !row.last_event_at) continue;
      const received = addCalendarDays(row.last_event_at.slice(0, 10), rng.int(14, 75));
      if (received > options.asOf) continue;
      serial += 1;
      const age = Math.round((Date.parse(options.asOf) - Date.parse(received)) / 86_400_000);
      const responseDue = addBusinessDays(market, received, rng.int(10, 20));
      const currency = row.claim_currency ?? (market === 'DK' ? 'DKK' : 'SEK');
      const claim = row.claim_total_minor;
      const at = `${received}T09:30:00.000Z`;
      const ref = reference(authority, Number(received.slice(0, 4)), serial);
      const id = await insertMatter(trx, {
        case_id: row.id,
        authority,
        reference: ref,
        received_date: received,
        response_due: responseDue,
        claim_text: row.summary,
        claim_amount_minor: claim,
        claim_currency: claim === null ? null : currency,
        questions: JSON.stringify(QUESTIONS[authority] ?? []),
        documents: JSON.stringify(authority === 'DFA' ? ['Klageskema', 'Bilag fra klager'] : ['Anmälan', 'Bilagor från konsumenten']),
        registered_by: options.registeredBy,
        created_at: at,
        updated_at: at,
      });
      const event = (date: string, direction: 'inbound' | 'outbound', summary: string, body: string, data: Record<string, unknown>) =>
        appendEvent(trx, {
          case_id: row.id,
          occurred_at: `${date}T10:00:00.000Z`,
          kind: 'authority_correspondence',
          source: 'authority',
          direction,
          actor: options.actor,
          actor_user_id: options.registeredBy,
          summary,
          body,
          data: JSON.stringify({ matterId: id, authority, reference: ref, ...data }),
        });
      await event(received, 'inbound', `${authority} ${ref}`, row.summary, { action: 'registered', responseDue });
      touched.push(row.id);
      // Young matters are still open; a few of them are past the authority's deadline.
      if (age < 25 && !(age > 20 && rng.chance(0.3))) continue;
      const sentOn = responseDue < options.asOf && rng.chance(0.92) ? addBusinessDays(market, received, rng.int(5, 14)) : null;
      if (!sentOn || sentOn > options.asOf) continue;
      await updateMatter(trx, id, { status: 'response_sent', response_sent_on: sentOn, updated_at: `${sentOn}T10:00:00.000Z` });
      await event(sentOn, 'outbound', `${authority} ${ref}`, '', { action: 'response_sent', sentOn, late: sentOn > responseDue });
      // ARN decides on the documents some five to six months later.
      const decidedOn = addCalendarDays(received, rng.int(130, 190));
      if (decidedOn > options.asOf) continue;
      const outcome = rng.choose(OUTCOMES);
      const recommending = outcome === 'upheld' || outcome === 'partly_upheld';
      const amount = recommending && claim !== null ? (outcome === 'upheld' ? claim : Math.round(claim / 200) * 100) : null;
      await updateMatter(trx, id, {
        status: recommending ? 'decided' : 'closed',
        outcome,
        decided_on: decidedOn,
        recommendation: recommending ? `Nämnden rekommenderar bolaget att betala ${(amount ?? 0) / 100} ${currency} till konsumenten.` : null,
        outcome_amount_minor: amount,
        updated_at: `${decidedOn}T10:00:00.000Z`,
      });
      await event(decidedOn, 'inbound', `${authority} ${ref}: ${outcome}`, '', { action: 'outcome', outcome, decidedOn });
      if (!recommending) continue;
      const compliedOn = addCalendarDays(decidedOn, rng.int(7, 25));
      if (compliedOn > options.asOf) continue;
      const compliance = rng.choose(COMPLIANCE);
      await updateMatter(trx, id, {
        status: 'closed',
        compliance,
        complied_on: compliance === 'not_followed' ? null : compliedOn,
        paid_minor: compliance === 'followed' ? amount : compliance === 'partly_followed' && amount !== null ? Math.round(amount / 2) : null,
        updated_at: `${compliedOn}T10:00:00.000Z`,
      });
      await event(compliedOn, 'outbound', `${authority} ${ref}: ${compliance}`, '', { action: 'compliance', compliance });
    }
    await resetLastEventAt(trx, touched);
  });
  return serial;
}
