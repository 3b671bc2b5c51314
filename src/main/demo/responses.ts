import type { Store } from '../db/connection';
import { countAllEvents } from '../db/repositories/history.repository';
import { listMatters } from '../db/repositories/matter.repository';
import { isCitable } from '../../shared/domain/citation';
import * as responses from '../services/arn-response.service';
import { readCaseView } from '../services/case.service';
import type { ServiceContext, SessionUser } from '../services/context';
import type { ResponsePanel } from '../../shared/domain/arn-response';
import type { Language } from '../../shared/domain/market';
import type { DocNode } from '../../shared/editor/document';
import { hash32, Rng } from './random';

/** At most this many matters get a response: enough to show every state without slowing a large demo store. */
const MAX_RESPONSES = 60;

const GROUNDS: Record<Language, string> = {
  sv: 'Kunden har fått det som utlovades i kundtjänstens slutliga svar, och bolaget har följt sina villkor. Avgifterna under reklamationen har tagits bort.',
  da: 'Kunden har fået det, der blev lovet i kundeservices endelige svar, og virksomheden har fulgt sine vilkår. Gebyrerne under reklamationen er fjernet.',
  en: 'The customer received what customer service’s final answer promised, and the company followed its terms. The fees during the complaint were removed.',
};

const ANSWER: Record<Language, string> = {
  sv: 'Se omständigheterna och bilagorna nedan.',
  da: 'Se omstændighederne og bilagene nedenfor.',
  en: 'See the facts and exhibits below.',
};

/** The template's text with the company's grounds written after the grounds heading's first paragraph. */
function withGrounds(doc: DocNode, language: Language): DocNode {
  const content = [...(doc.content ?? [])];
  const heading = content.findIndex((b, i) => b.type === 'heading' && i > 4 && content[i + 1]?.content?.[0]?.text?.startsWith(GROUNDS_INTRO[language]));
  if (heading < 0) return doc;
  content.splice(heading + 2, 0, { type: 'paragraph', content: [{ type: 'text', text: GROUNDS[language] }] });
  return { ...doc, content };
}
const GROUNDS_INTRO: Record<Language, string> = { sv: 'Bolaget grundar', da: 'Virksomheden begrunder', en: 'The company bases' };

/**
 * Responses on the demo store's authority matters: finalised (frozen, four eyes: a handler
 * submitted, the ombudsman approved) for the matters already answered, drafts for some open ones.
 * Written through the services, so every demo response passed the same checks a real one must.
 */
export async function addDemoResponses(store: Store, options: { seed: number; handler: SessionUser; ombudsman: SessionUser }): Promise<{ finalised: number; drafts: number; events: number }> {
  // Each step of a response (started, submitted, approved, finalised) is an event of the case's history.
  const eventsBefore = await countAllEvents(store.db);
  const rows = (await listMatters(store.db, {}, 0, 100_000)).filter((m) => m.status !== 'registered' || m.response_due !== null);
  const picked = rows.sort((a, b) => b.received_date.localeCompare(a.received_date)).slice(0, MAX_RESPONSES);
  let finalised = 0;
  let drafts = 0;
  for (const m of picked) {
    const rng = new Rng(hash32(options.seed, m.id, 0x5253), 0x59545452, m.id, 3);
    const answered = m.response_sent_on !== null;
    if (!answered && !rng.chance(0.5)) continue;
    const day = answered ? m.response_sent_on! : m.received_date;
    const at = (hh: number) => () => new Date(`${day}T${String(hh).padStart(2, '0')}:00:00.000Z`);
    const ctx = (user: SessionUser, hh: number): ServiceContext => ({ store, user, now: at(hh) });
    const language: Language = m.market === 'DK' ? 'da' : 'sv';
    const view = await readCaseView(store.db, { now: at(7) }, m.case_id);
    const before = view.events.filter((e) => isCitable(e) && e.occurredAt.slice(0, 10) < m.received_date && e.kind !== 'authority_correspondence');
    const draft = await responses.createResponse(ctx(options.handler, 7), { matterId: m.id, language });
    const attachments = before.flatMap((e) => e.attachments).slice(0, 2);
    const panel: ResponsePanel = {
      ...draft.panel,
      points: draft.panel.points.map((p) => ({ ...p, position: rng.pick(['contests', 'contests', 'partly_admits', 'admits'] as const), amountReasonable: p.amount ? rng.chance(0.7) : null })),
      answers: draft.panel.answers.map(() => ANSWER[language]),
      facts: before.slice(0, 3).map((e) => ({ eventId: e.id, redacted: false })),
      exhibits: attachments.map((a) => ({ source: 'attachment' as const, id: a.id, title: a.fileName.replace(/\.[^.]+$/, '').slice(0, 200) || `#${a.id}`, redacted: false })),
      lateAcknowledged: m.response_due !== null && day > m.response_due,
    };
    const saved = await responses.saveResponse(ctx(options.handler, 8), { id: draft.id, baseVersion: draft.version, content: withGrounds(draft.content, language), panel });
    if (!answered) {
      drafts += 1;
      continue;
    }
    try {
      const submitted = await responses.submitResponse(ctx(options.handler, 9), { id: draft.id, baseVersion: saved.version });
      await responses.approveResponse(ctx(options.ombudsman, 10), { id: draft.id, comment: '' });
      await responses.finaliseResponse(ctx(options.ombudsman, 10), { id: draft.id, baseVersion: submitted.version });
      finalised += 1;
    } catch {
      // A demo case whose history trips a check (another customer's name in a cited summary) keeps its draft, as a real one would.
      drafts += 1;
    }
  }
  return { finalised, drafts, events: (await countAllEvents(store.db)) - eventsBefore };
}
