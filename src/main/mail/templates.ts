import { z } from 'zod';
import type { Language, Market } from '../../shared/domain/market';

import { mailLetterSchema, type MailLetter } from '../../shared/domain/mail';

export { MAIL_LETTERS, mailLetterSchema, type MailLetter } from '../../shared/domain/mail';

/**
 * One market and language's mail wording. `subjects` follow the case number in brackets
 * (`[KO-2026-000040] Kundombudsmannens beslut`); `body` is plain text with the placeholders
 * `{name}` (the customer), `{caseNumber}`, `{letter}` (the letter's name in a sentence, from
 * `letterNames`), `{signer}` and `{office}`.
 */
export const mailTemplateSchema = z.object({
  subjects: z.record(mailLetterSchema, z.string().trim().min(1).max(200)),
  letterNames: z.record(mailLetterSchema, z.string().trim().min(1).max(200)),
  body: z.string().trim().min(1).max(5000),
});
export type MailTemplate = z.infer<typeof mailTemplateSchema>;

/** Setting `mail.templates`: overrides per `SE-sv`, `DK-da` …; what it leaves out keeps the default. */
export const mailTemplatesSettingSchema = z.record(z.string().regex(/^(SE|DK)-(sv|da|en)$/, 'must be MARKET-language, e.g. SE-sv'), mailTemplateSchema);

const SV: Pick<MailTemplate, 'subjects' | 'letterNames'> = {
  subjects: { decision: 'Kundombudsmannens beslut', holding_reply: 'Besked om handläggningstiden', info_request: 'Vi behöver fler uppgifter', letter: 'Brev från Kundombudsmannen' },
  letterNames: { decision: 'Kundombudsmannens beslut', holding_reply: 'vårt besked om handläggningstiden', info_request: 'vår begäran om fler uppgifter', letter: 'vårt brev' },
};
const DA: Pick<MailTemplate, 'subjects' | 'letterNames'> = {
  subjects: { decision: 'Kundeombudsmandens afgørelse', holding_reply: 'Besked om sagsbehandlingstiden', info_request: 'Vi har brug for flere oplysninger', letter: 'Brev fra Kundeombudsmanden' },
  letterNames: { decision: 'Kundeombudsmandens afgørelse', holding_reply: 'vores besked om sagsbehandlingstiden', info_request: 'vores anmodning om flere oplysninger', letter: 'vores brev' },
};
const EN: Pick<MailTemplate, 'subjects' | 'letterNames'> = {
  subjects: { decision: "The customer ombudsman's decision", holding_reply: 'About the time we need', info_request: 'We need more information', letter: 'Letter from the customer ombudsman' },
  letterNames: { decision: "the customer ombudsman's decision", holding_reply: 'our notice about the time we need', info_request: 'our request for more information', letter: 'our letter' },
};

const BODY: Record<Language, string> = {
  sv: 'Hej {name},\n\nhär kommer {letter} i ditt ärende {caseNumber}. Brevet finns som bilaga.\n\nDu kan svara på det här mejlet om du har frågor. Låt ärendenumret stå kvar i ämnesraden, så hamnar ditt svar i rätt ärende.\n\nVänliga hälsningar\n{signer}\n{office}',
  da: 'Kære {name}\n\nHer er {letter} i din sag {caseNumber}. Brevet er vedhæftet.\n\nDu kan svare på denne e-mail, hvis du har spørgsmål. Lad sagsnummeret stå i emnefeltet, så havner dit svar i den rigtige sag.\n\nMed venlig hilsen\n{signer}\n{office}',
  en: 'Dear {name},\n\nplease find {letter} in your case {caseNumber} attached.\n\nYou can reply to this e-mail if you have questions. Keep the case number in the subject line so that your reply reaches the right case.\n\nKind regards\n{signer}\n{office}',
};

const WORDS: Record<Language, Pick<MailTemplate, 'subjects' | 'letterNames'>> = { sv: SV, da: DA, en: EN };

/** The shipped wording for a market and language; SE and DK differ in the office's name only, which comes from the office setting. */
export function defaultMailTemplate(_market: Market, language: Language): MailTemplate {
  return { ...WORDS[language], body: BODY[language] };
}

/** `[KO-2026-000040] Kundombudsmannens beslut`: mail programs keep the bracket through replies, and the import finds the case by it. */
export function mailSubject(template: MailTemplate, letter: MailLetter, caseNumber: string): string {
  return `[${caseNumber}] ${template.subjects[letter]}`;
}

/** Fills `{placeholder}`s; an unknown placeholder stays as written so a typo in a template shows. */
export function mailBody(template: MailTemplate, values: { name: string; caseNumber: string; letter: MailLetter; signer: string; office: string }): string {
  const map: Record<string, string> = { name: values.name, caseNumber: values.caseNumber, letter: template.letterNames[values.letter], signer: values.signer, office: values.office };
  return template.body.replace(/\{(\w+)\}/g, (whole, key: string) => map[key] ?? whole);
}
