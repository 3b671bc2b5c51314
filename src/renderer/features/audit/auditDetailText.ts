import type { TFunction } from 'i18next';
import { formatCount, formatUiDate, formatUiDateTime } from '../../lib/format';

export interface DetailPart {
  label: string;
  value: string;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const HEX = /^[0-9a-f]{32,}$/;
const MAX_PARTS = 8;

/** Detail keys whose string values are codes, and where their wording lives. */
const CODED: Record<string, (v: string) => string> = {
  kind: (v) => `letterKind.${v}`,
  format: (v) => `fileFormat.${v}`,
  market: (v) => `market.${v}`,
  language: (v) => `language.${v}`,
  channel: (v) => `exports.channel.${v}`,
  reason: (v) => `dataCare.reason_${v}`,
  kinds: (v) => `eventKind.${v}`,
};

function scalar(t: TFunction, key: string, value: unknown, language: string): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return t(value ? 'auditDetail.yes' : 'auditDetail.no');
  if (typeof value === 'number') return key.endsWith('Id') || key === 'id' ? String(value) : formatCount(value, language);
  if (typeof value === 'string') {
    if (ISO_DAY.test(value)) return formatUiDate(value, language);
    if (ISO_INSTANT.test(value)) return formatUiDateTime(value, language);
    if (HEX.test(value)) return `${value.slice(0, 12)}…`;
    const coded = CODED[key];
    return coded ? t(coded(value), { defaultValue: value }) : value;
  }
  if (Array.isArray(value)) {
    const shown = value.slice(0, 5).map((v) => scalar(t, key, v, language));
    return value.length > 5 ? `${shown.join(', ')} ${t('auditDetail.more', { count: value.length - 5 })}` : shown.join(', ');
  }
  // A nested object (rules before and after, a filter): its entries, one level down.
  return Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v === null || typeof v !== 'object')
    .slice(0, 4)
    .map(([k, v]) => `${t(`auditDetail.${k}`, { defaultValue: k })} ${scalar(t, k, v, language)}`)
    .join(', ');
}

/**
 * An audit row's detail as label–value pairs in the reader's language, instead of raw JSON: keys
 * worded from `auditDetail.*`, codes translated, dates in the interface language's format,
 * checksums shortened. A key without a wording is left out rather than shown as a code.
 */
export function auditDetailParts(t: TFunction, detail: unknown, language: string): DetailPart[] {
  if (!detail || typeof detail !== 'object' || Array.isArray(detail)) return [];
  const parts: DetailPart[] = [];
  for (const [key, value] of Object.entries(detail as Record<string, unknown>)) {
    const label = t(`auditDetail.${key}`, { defaultValue: '' });
    if (label === '') continue;
    const text = scalar(t, key, value, language);
    if (text !== '') parts.push({ label, value: text });
    if (parts.length === MAX_PARTS) break;
  }
  return parts;
}
