import { closeSync, createReadStream, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { inputIssueParams, type InputProblem } from '../../shared/domain/refusals';
import { resolve, sep } from 'node:path';
import { parseDecimal } from '../../shared/domain/money';
import { findIllFormedString, ILL_FORMED_MESSAGE } from '../../shared/domain/unicode';
import { MARKET_INFO, type Market } from '../../shared/domain/market';
import { exchangeCaseSchema, jsonPath, type ExchangeCase, type ExchangeMoney } from '../../shared/exchange/case-exchange';
import type { ImportBundle } from '../db/repositories/case-import.repository';
import { historyOrder, writtenEvents, type NewAttachment, type NewEvent } from '../db/repositories/case-writer.repository';
import { deriveCaseFields, type PolicyConfig } from '../services/derived';
import { detectWrongEncoding, readLines } from './line-reader';

/**
 * Reading a case exchange file: lines to validated, converted cases, in batches. Nothing here
 * touches the store; the importer (case-import.ts) writes what it yields.
 */

/** Setting key: the largest attachment an import accepts, in bytes. */
export const MAX_ATTACHMENT_SETTING = 'import.maxAttachmentBytes';

export interface LineProblem {
  /** 1-based line number; null for a problem with the whole file. */
  line: number | null;
  /** JSON path inside the line, `$` for the line as a whole. */
  path: string;
  message: string;
  /** When the schema refused a field: what is wrong, worded by the import screen. */
  problem?: InputProblem;
  limit?: number;
}

const dateFormatters = new Map<Market, Intl.DateTimeFormat>();
function marketDate(instant: string, market: Market): string {
  let f = dateFormatters.get(market);
  if (!f) dateFormatters.set(market, (f = new Intl.DateTimeFormat('sv-SE', { timeZone: MARKET_INFO[market].timeZone })));
  return f.format(new Date(instant));
}

const utc = (instant: string) => new Date(instant).toISOString();
const minor = (m: ExchangeMoney) => parseDecimal(m.value, m.currency).minor;

function isMoney(v: unknown): v is ExchangeMoney {
  return typeof v === 'object' && v !== null && 'value' in v && 'currency' in v;
}

/** Thrown while converting a validated line: a problem only the file system or the store can see. */
class LineIssue extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

export interface ConvertContext {
  folder: string;
  folderReal: string;
  maxAttachmentBytes: number;
  source: string;
}

function attachment(a: NonNullable<ExchangeCase['events'][number]['attachments']>[number], path: string, cx: ConvertContext): NewAttachment {
  const limit = cx.maxAttachmentBytes;
  let content: Buffer;
  if (a.base64 !== undefined) {
    const padding = a.base64.endsWith('==') ? 2 : a.base64.endsWith('=') ? 1 : 0;
    const size = Math.floor((a.base64.length * 3) / 4) - padding;
    if (size > limit) throw new LineIssue(`${path}.base64`, `"${a.fileName}" is ${size} bytes, above the attachment limit of ${limit} bytes (setting ${MAX_ATTACHMENT_SETTING} or --max-attachment-bytes)`);
    content = Buffer.from(a.base64, 'base64');
  } else {
    const full = resolve(cx.folder, a.path!);
    let real: string;
    try {
      real = realpathSync(full);
    } catch {
      throw new LineIssue(`${path}.path`, `"${a.path}" does not exist beside the import file (looked for ${full})`);
    }
    if (!real.startsWith(cx.folderReal + sep)) throw new LineIssue(`${path}.path`, `"${a.path}" leads outside the import file's folder`);
    const stat = statSync(real);
    if (!stat.isFile()) throw new LineIssue(`${path}.path`, `"${a.path}" is not a file`);
    if (stat.size > limit) throw new LineIssue(`${path}.path`, `"${a.path}" is ${stat.size} bytes, above the attachment limit of ${limit} bytes (setting ${MAX_ATTACHMENT_SETTING} or --max-attachment-bytes)`);
    content = readFileBytes(real, stat.size);
  }
  return { fileName: a.fileName, mediaType: a.mediaType.toLowerCase(), content, source: cx.source };
}

function readFileBytes(path: string, size: number): Buffer {
  const buf = Buffer.alloc(size);
  const fd = openSync(path, 'r');
  try {
    let off = 0;
    while (off < size) {
      const n = readSync(fd, buf, off, size - off, off);
      if (n === 0) break;
      off += n;
    }
    return off === size ? buf : buf.subarray(0, off);
  } finally {
    closeSync(fd);
  }
}

function eventData(data: NonNullable<ExchangeCase['events'][number]['data']>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) out[k] = isMoney(v) ? { minor: minor(v), currency: v.currency } : v;
  return out;
}

/** The exchange record as the store's bulk writer takes it: UTC instants, minor units, files read. */
export function toImportBundle(c: ExchangeCase, cx: ConvertContext): ImportBundle {
  const events: NewEvent[] = c.events.map((e, i) => ({
    sourceId: e.sourceId,
    occurredAt: utc(e.occurredAt),
    kind: e.kind,
    source: e.source,
    direction: e.direction,
    actor: e.actor,
    orderRef: e.orderRef ?? null,
    summary: e.summary,
    body: e.body ?? '',
    data: e.data ? eventData(e.data) : {},
    attachments: (e.attachments ?? []).map((a, j) => attachment(a, `$.events[${i}].attachments[${j}]`, cx)),
  }));
  return {
    sourceId: c.sourceId,
    number: c.caseNumber ?? null,
    market: c.market,
    language: c.language,
    receivedAt: utc(c.receivedAt),
    receivedDate: marketDate(c.receivedAt, c.market),
    receivedChannel: c.receivedChannel,
    status: c.status ?? 'received',
    category: c.category,
    summary: c.summary ?? '',
    customer: {
      sourceId: c.customer.sourceId ?? null,
      name: c.customer.name,
      personalNumber: c.customer.personalNumber,
      email: c.customer.email ?? null,
      phone: c.customer.phone ?? null,
      street: c.customer.address.street ?? null,
      postalCode: c.customer.address.postalCode ?? null,
      city: c.customer.address.city ?? null,
      country: c.customer.address.country,
    },
    merchant: c.merchant ? { sourceId: c.merchant.sourceId ?? null, name: c.merchant.name, orgNumber: c.merchant.orgNumber ?? null, country: c.merchant.country } : null,
    purchases: (c.purchases ?? []).map((p) => ({
      sourceId: p.sourceId ?? null,
      orderRef: p.orderRef,
      purchasedOn: p.purchasedOn,
      amountMinor: minor(p.amount),
      currency: p.amount.currency,
      product: p.product,
      status: p.status,
    })),
    claims: (c.claims ?? []).map((cl) => ({
      kind: cl.kind,
      text: cl.text,
      amountMinor: cl.amount ? minor(cl.amount) : null,
      currency: cl.amount ? cl.amount.currency : null,
    })),
    events,
  };
}

/** Node's JSON.parse message with the position turned into a column. */
function jsonProblem(error: unknown, text: string, terminated: boolean): string {
  const message = error instanceof Error ? error.message : String(error);
  if (!terminated) return `ends mid-record: the last line has no newline and its JSON is incomplete, so the file looks cut off (${message})`;
  const pos = /position (\d+)/.exec(message);
  const column = pos ? ` at column ${Number(pos[1]) + 1}` : '';
  if (text.trim().length === 0) return 'is empty';
  return `is not valid JSON${column}: ${message.replace(/ in JSON at position \d+.*$/s, '').replace(/^Unexpected token/, 'unexpected token')}`;
}

/** The worded form of a schema problem, so the import screen names it in the user's language. */
function problemOf(issue: Parameters<typeof inputIssueParams>[0]): { problem: InputProblem; limit?: number } {
  const { problem, limit } = inputIssueParams(issue);
  return limit === undefined ? { problem } : { problem, limit };
}

export type LineOutcome = { ok: true; bundle: ImportBundle; events: number } | { ok: false; problems: LineProblem[] };

export function parseLine(text: string, lineNumber: number, terminated: boolean, cx: ConvertContext): LineOutcome {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ line: lineNumber, path: '$', message: jsonProblem(error, text, terminated) }] };
  }
  const illFormed = findIllFormedString(value);
  if (illFormed) return { ok: false, problems: [{ line: lineNumber, path: jsonPath(illFormed), message: ILL_FORMED_MESSAGE }] };
  const parsed = exchangeCaseSchema.safeParse(value);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => ({ line: lineNumber, path: jsonPath(i.path), message: i.message, ...problemOf(i) })),
    };
  }
  try {
    return { ok: true, bundle: toImportBundle(parsed.data, cx), events: parsed.data.events.length };
  } catch (error) {
    if (error instanceof LineIssue) return { ok: false, problems: [{ line: lineNumber, path: error.path, message: error.message }] };
    throw error;
  }
}


/** One non-blank line of the file, read, validated and converted (or refused, with why). */
export type ParsedLine =
  | { kind: 'case'; line: number; bundle: ImportBundle; events: number; /** Only when a reject file may need it. */ text: string | null }
  | { kind: 'invalid'; line: number; problems: LineProblem[]; text: string | null };

/** Consecutive lines of the file: what they held, and how far the file has been read. */
export interface ParsedBatch {
  items: ParsedLine[];
  /** The number of the last line read so far (blank lines included). */
  lastLine: number;
  bytesRead: number;
  /** Set (and the batch is the last) when the file is not UTF-8 at all. */
  wrongEncoding: string | null;
}

export interface ReadCasesOptions {
  path: string;
  maxLineBytes: number;
  cx: ConvertContext;
  /** Keep each line's text with a valid case too, for a reject file should writing refuse it. */
  keepText: boolean;
  /** A batch is handed on when it holds this many bytes of lines. */
  batchBytes?: number;
  /**
   * Derive each case's inbox fields as it is read, with these deadline rules (the store's when the
   * import starts), so the writer of a new case need not: see NewCaseBundle.derivedByPosition.
   */
  prederive?: PolicyConfig;
}

const CHUNK = 1024 * 1024;

/** Reads, validates and converts the file in batches of lines; memory is bounded by one batch. */
export async function* readCaseBatches(options: ReadCasesOptions): AsyncGenerator<ParsedBatch> {
  const { cx, keepText } = options;
  const batchBytes = options.batchBytes ?? CHUNK;
  let bytesRead = 0;
  let wrongEncoding: string | null = null;
  async function* chunks(): AsyncGenerator<Uint8Array> {
    let first = true;
    for await (const chunk of createReadStream(options.path, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>) {
      if (first) wrongEncoding = detectWrongEncoding(chunk);
      first = false;
      bytesRead += chunk.length;
      yield chunk;
    }
  }
  let batch: ParsedBatch = { items: [], lastLine: 0, bytesRead: 0, wrongEncoding: null };
  let size = 0;
  for await (const line of readLines(chunks(), { maxLineBytes: options.maxLineBytes })) {
    if (wrongEncoding) {
      yield { ...batch, bytesRead, wrongEncoding };
      return;
    }
    batch.lastLine = line.lineNumber;
    size += line.bytes;
    if (line.kind === 'error') {
      batch.items.push({ kind: 'invalid', line: line.lineNumber, problems: [{ line: line.lineNumber, path: '$', message: `Line ${line.lineNumber} ${line.message}` }], text: line.text });
    } else if (line.text.trim().length > 0) {
      let outcome = parseLine(line.text, line.lineNumber, line.terminated, cx);
      if (outcome.ok && options.prederive) {
        const b = outcome.bundle;
        try {
          b.derivedByPosition = deriveCaseFields(b.market as Market, b.receivedDate, writtenEvents(historyOrder(b.events), 0), options.prederive);
        } catch (error) {
          // A value the schema let through but the deadline rules cannot place refuses this line, never the whole file.
          outcome = { ok: false, problems: [{ line: line.lineNumber, path: '$', message: `cannot be placed on the calendar: ${(error as Error).message}` }] };
        }
      }
      batch.items.push(
        outcome.ok
          ? { kind: 'case', line: line.lineNumber, bundle: outcome.bundle, events: outcome.events, text: keepText ? line.text : null }
          : { kind: 'invalid', line: line.lineNumber, problems: outcome.problems, text: line.text },
      );
    }
    if (size >= batchBytes) {
      yield { ...batch, bytesRead };
      batch = { items: [], lastLine: line.lineNumber, bytesRead: 0, wrongEncoding: null };
      size = 0;
    }
  }
  yield { ...batch, bytesRead, wrongEncoding };
}
