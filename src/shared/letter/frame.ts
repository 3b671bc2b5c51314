import { z } from 'zod';
import type { Language, Market } from '../domain/market';
import type { Block } from './model';

/** Sender details printed at the top and foot of every letter; one per market. */
export const letterheadSchema = z.object({
  companyName: z.string().min(1),
  /** The office as the market names it (`OFFICE_NAME` in shared/domain/legal.ts), e.g. "Kundombudet". */
  department: z.string().min(1),
  addressLines: z.array(z.string().min(1)).min(1),
  orgNumber: z.string().min(1),
  contactLines: z.array(z.string().min(1)),
});
export type Letterhead = z.infer<typeof letterheadSchema>;
export const letterheadsSchema = z.object({ SE: letterheadSchema, DK: letterheadSchema });
export type Letterheads = z.infer<typeof letterheadsSchema>;

/** Everything a renderer needs; nothing else reaches it. */
export interface LetterDocument {
  language: Language;
  market: Market;
  draft: boolean;
  letterhead: Letterhead;
  /** ISO date YYYY-MM-DD, printed in the language's format. */
  date: string;
  caseNumber: string;
  addressee: string[];
  subject: string;
  body: Block[];
  /** `inBody`: the body ends in its own closing and signature (a decision template's), so the frame prints none. */
  signature: { name: string; title: string | null; inBody?: boolean };
}

interface Labels {
  draft: string;
  ourReference: string;
  date: string;
  orgNumber: string;
  page: (n: number, of: number) => string;
}

export const LETTER_LABELS: Record<Language, Labels> = {
  sv: { draft: 'UTKAST', ourReference: 'Vårt ärende', date: 'Datum', orgNumber: 'Org.nr', page: (n, of) => `Sida ${n} av ${of}` },
  da: { draft: 'UDKAST', ourReference: 'Vores sag', date: 'Dato', orgNumber: 'CVR-nr.', page: (n, of) => `Side ${n} af ${of}` },
  en: { draft: 'DRAFT', ourReference: 'Our reference', date: 'Date', orgNumber: 'Reg. no.', page: (n, of) => `Page ${n} of ${of}` },
};

const MONTHS: Record<Language, string[]> = {
  sv: ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'],
  da: ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** "23 november 2026" (sv), "23. november 2026" (da), "23 November 2026" (en). Spelled out here, not left to the ICU build. */
export function formatLetterDate(isoDate: string, language: Language): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new Error(`Letter date "${isoDate}" is not YYYY-MM-DD`);
  const day = Number(m[3]);
  const month = MONTHS[language][Number(m[2]) - 1];
  if (!month || day < 1 || day > 31) throw new Error(`Letter date "${isoDate}" is not a date`);
  return `${day}${language === 'da' ? '.' : ''} ${month} ${m[1]}`;
}
