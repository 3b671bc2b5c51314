import defaultDkDa from '../../../resources/templates/DK-da.json' with { type: 'json' };
import defaultDkEn from '../../../resources/templates/DK-en.json' with { type: 'json' };
import defaultSeEn from '../../../resources/templates/SE-en.json' with { type: 'json' };
import defaultSeSv from '../../../resources/templates/SE-sv.json' with { type: 'json' };
import { docSchema, type DocNode } from '../../shared/editor/document';
import { languageSchema, marketSchema, type Language, type Market } from '../../shared/domain/market';
import type { Db } from '../db/connection';
import { findStoredTemplate, retireStoredTemplate, listStoredTemplates, upsertTemplate } from '../db/repositories/decision.repository';
import { validateTemplate } from '../../shared/domain/decision';
import { appendAudit } from './audit.service';
import { now, type ServiceContext } from './context';
import { ServiceError } from './errors';
import { refusal } from '../../shared/domain/refusals';

/**
 * Decision templates: the shipped defaults in resources/templates (bundled at build time, so the
 * desktop app, the harness and the CLI read the same files), overridden per market and language
 * by what the ombudsman saved in the store.
 */

export interface TemplateView {
  id: number | null;
  market: Market;
  language: Language;
  name: string;
  content: DocNode;
  source: 'default' | 'store';
  updatedAt: string | null;
}

const DEFAULTS: TemplateView[] = [defaultSeSv, defaultSeEn, defaultDkDa, defaultDkEn].map((t) => ({
  id: null,
  market: marketSchema.parse(t.market),
  language: languageSchema.parse(t.language),
  name: t.name,
  content: docSchema.parse(t.content),
  source: 'default',
  updatedAt: null,
}));

export function defaultTemplates(): readonly TemplateView[] {
  return DEFAULTS;
}

function fromRow(row: { id: number; market: string; language: string; name: string; content: string; updated_at: string }): TemplateView {
  return {
    id: row.id,
    market: row.market as Market,
    language: row.language as Language,
    name: row.name,
    content: JSON.parse(row.content) as DocNode,
    source: 'store',
    updatedAt: row.updated_at,
  };
}

/** The template for a market and language: the stored one if the ombudsman edited it, else the default. */
export async function templateFor(db: Db, market: Market, language: Language): Promise<TemplateView | null> {
  const stored = await findStoredTemplate(db, market, language);
  if (stored) return fromRow(stored);
  return DEFAULTS.find((t) => t.market === market && t.language === language) ?? null;
}

export async function listTemplates(ctx: ServiceContext, market?: Market): Promise<TemplateView[]> {
  const stored = (await listStoredTemplates(ctx.store.db)).map(fromRow);
  const all = [...stored, ...DEFAULTS.filter((d) => !stored.some((s) => s.market === d.market && s.language === d.language))];
  return all.filter((t) => !market || t.market === market).sort((a, b) => a.market.localeCompare(b.market) || a.language.localeCompare(b.language));
}

/**
 * Only the ombudsman edits templates; every edit is audited with who and when. A template that
 * could not make a valid decision (unknown merge fields, no assessment or signature fields, the
 * wrong market's appeal wording) is refused with every problem named, and the stored one stays.
 */
export async function saveTemplate(ctx: ServiceContext, input: { market: Market; language: Language; name: string; content: DocNode }): Promise<TemplateView> {
  if (ctx.user.role !== 'ombudsman') throw new ServiceError(refusal('role.ombudsmanOnly'), 'Only the ombudsman may edit decision templates.');
  const issues = validateTemplate(input);
  if (issues.length > 0) {
    throw new ServiceError(refusal('template.notValid', { market: input.market, language: input.language }), `The ${input.market} ${input.language} template cannot be saved: ${issues.map((i) => i.message).join(' ')}`, { issues });
  }
  const at = now(ctx).toISOString();
  await ctx.store.db.transaction().execute(async (trx) => {
    await upsertTemplate(trx, { market: input.market, language: input.language, name: input.name, content: JSON.stringify(input.content), updated_at: at, updated_by: ctx.user.id });
    await appendAudit(trx, { at, userId: ctx.user.id, action: 'decision.template', caseId: null, detail: { market: input.market, language: input.language } });
  });
  return (await templateFor(ctx.store.db, input.market, input.language))!;
}

/** Drops the ombudsman's edit of a market and language's template; new drafts use the shipped default again. */
export async function resetTemplate(ctx: ServiceContext, input: { market: Market; language: Language }): Promise<TemplateView> {
  if (ctx.user.role !== 'ombudsman') throw new ServiceError(refusal('role.ombudsmanOnly'), 'Only the ombudsman may edit decision templates.');
  const fallback = DEFAULTS.find((t) => t.market === input.market && t.language === input.language);
  if (!fallback) throw new ServiceError(refusal('template.notShipped', { market: input.market, language: input.language }), `No ${input.market} template in "${input.language}" is shipped.`);
  const at = now(ctx).toISOString();
  await ctx.store.db.transaction().execute(async (trx) => {
    if ((await retireStoredTemplate(trx, input.market, input.language, at)) === 0) return;
    await appendAudit(trx, { at, userId: ctx.user.id, action: 'decision.template.reset', caseId: null, detail: { market: input.market, language: input.language } });
  });
  return fallback;
}
