import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { closeSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, resolve, sep } from 'node:path';
import { z } from 'zod';
import { parseDecimal } from '../../shared/domain/money';
import { MARKET_INFO, type Market } from '../../shared/domain/market';
import { exchangeCaseSchema, jsonPath, type ExchangeCase, type ExchangeMoney } from '../../shared/exchange/case-exchange';
import { openStore, type Store } from '../db/connection';
import { beginImportTransaction, CaseConflictError, createCaseImporter, type ImportBundle } from '../db/repositories/case-import.repository';
import type { NewAttachment, NewEvent } from '../db/repositories/case-writer.repository';
import { readSetting } from '../db/repositories/settings.repository';
import { appendAudit } from '../services/audit.service';
import type { ServiceContext } from '../services/context';
import { deriveCaseFields } from '../services/derived';
import { ServiceError } from '../services/errors';
import { readLines, detectWrongEncoding } from './line-reader';

/** Setting key: the largest attachment an import accepts, in bytes. */
export const MAX_ATTACHMENT_SETTING = 'import.maxAttachmentBytes';
export const DEFAULT_MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;
const maxAttachmentSchema = z.int().min(1).max(2 * 1024 * 1024 * 1024);

/** The largest attachment an import accepts: the setting, else 25 MiB. */
export async function maxAttachmentBytes(store: Store): Promise<number> {
  return (await readSetting(store.db, MAX_ATTACHMENT_SETTING, maxAttachmentSchema)) ?? DEFAULT_MAX_ATTACHMENT_BYTES;
}

export interface LineProblem {
  /** 1-based line number; null for a problem with the whole file. */
  line: number | null;
  /** JSON path inside the line, `$` for the line as a whole. */
  path: string;
  message: string;
}

export interface ImportProgress {
  bytesRead: number;
  totalBytes: number;
  lines: number;
  cases: number;
  events: number;
}

export interface CaseImportOptions {
  path: string;
  /** Import the valid cases and write the rejected lines to `rejectPath`; default all or nothing. */
  partial?: boolean;
  /** Where --partial writes rejected lines (JSON Lines); default FILE.rejected.jsonl. */
  rejectPath?: string;
  /** Overrides the `import.maxAttachmentBytes` setting for this run. */
  maxAttachmentBytes?: number;
  /** A line longer than this is refused unread; default 64 MiB or room for the largest attachment. */
  maxLineBytes?: number;
  /** How the file is named in the store's records (the app passes the user's file name). */
  sourceName?: string;
  onProgress?: (p: ImportProgress) => void;
}

export interface CaseImportReport {
  file: string;
  mode: 'all_or_nothing' | 'partial';
  /** True when the valid cases were stored; false when a problem left the store unchanged. */
  committed: boolean;
  lines: number;
  validCases: number;
  created: number;
  updated: number;
  unchanged: number;
  eventsAdded: number;
  events: number;
  invalidLines: number;
  /** The first problems found (at most 200), each with line, JSON path and reason. */
  problems: LineProblem[];
  rejectFile: string | null;
  seconds: number;
}

const MAX_REPORTED = 200;
const CHUNK = 1024 * 1024;

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

type LineOutcome = { ok: true; bundle: ImportBundle; events: number } | { ok: false; problems: LineProblem[] };

export function parseLine(text: string, lineNumber: number, terminated: boolean, cx: ConvertContext): LineOutcome {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ line: lineNumber, path: '$', message: jsonProblem(error, text, terminated) }] };
  }
  const parsed = exchangeCaseSchema.safeParse(value);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => ({ line: lineNumber, path: jsonPath(i.path), message: i.message })),
    };
  }
  try {
    return { ok: true, bundle: toImportBundle(parsed.data, cx), events: parsed.data.events.length };
  } catch (error) {
    if (error instanceof LineIssue) return { ok: false, problems: [{ line: lineNumber, path: error.path, message: error.message }] };
    throw error;
  }
}

async function* countingChunks(path: string, onBytes: (n: number) => void, head: (b: Uint8Array) => void): AsyncGenerator<Uint8Array> {
  let first = true;
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>) {
    if (first) head(chunk);
    first = false;
    onBytes(chunk.length);
    yield chunk;
  }
}

function writeLine(stream: WriteStream, text: string): Promise<void> {
  return new Promise((ok) => {
    if (stream.write(text)) ok();
    else stream.once('drain', () => ok());
  });
}

/**
 * Imports a case exchange file (JSON Lines). Reads it as a stream, one line at a time, in one
 * write transaction on a connection of its own (so reads of the open store go on meanwhile):
 * by default any invalid line rolls everything back and the store is unchanged; with `partial`
 * the valid cases are stored and every rejected line is written, with its problems, to the reject
 * file. Re-importing updates cases by source id and appends only new events (see the case import
 * repository). A killed process leaves the store as before: the transaction never committed.
 */
export async function importCases(ctx: ServiceContext, options: CaseImportOptions): Promise<CaseImportReport> {
  if (ctx.user.role === 'auditor') throw new ServiceError('forbidden', 'An auditor may read but not import cases.');
  const started = performance.now();
  const file = resolve(options.path);
  let stat;
  try {
    stat = statSync(file);
  } catch {
    throw new ServiceError('invalid_input', `There is no file ${file}.`);
  }
  if (!stat.isFile()) throw new ServiceError('invalid_input', `${file} is not a file.`);
  const limit = options.maxAttachmentBytes ?? (await maxAttachmentBytes(ctx.store));
  const maxLineBytes = options.maxLineBytes ?? Math.max(64 * 1024 * 1024, Math.ceil((limit * 4) / 3) * 2);
  const partial = options.partial === true;
  const report: CaseImportReport = {
    file,
    mode: partial ? 'partial' : 'all_or_nothing',
    committed: false,
    lines: 0,
    validCases: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    eventsAdded: 0,
    events: 0,
    invalidLines: 0,
    problems: [],
    rejectFile: null,
    seconds: 0,
  };
  const folder = dirname(file);
  const cx: ConvertContext = { folder, folderReal: realpathSync(folder), maxAttachmentBytes: limit, source: `import:${options.sourceName ?? basename(file)}` };
  const addProblems = (ps: LineProblem[]) => {
    for (const p of ps) if (report.problems.length < MAX_REPORTED) report.problems.push(p);
  };

  if (stat.size === 0) {
    report.invalidLines = 0;
    addProblems([{ line: null, path: '$', message: 'The file is empty (0 bytes): it holds no cases.' }]);
    report.seconds = (performance.now() - started) / 1000;
    return report;
  }

  let rejects: WriteStream | null = null;
  const rejectPath = partial ? resolve(options.rejectPath ?? file.replace(/(\.jsonl?)?$/i, '.rejected.jsonl')) : null;
  const reject = async (lineNumber: number | null, problems: LineProblem[], text: string | null) => {
    report.invalidLines++;
    addProblems(problems);
    if (!rejectPath) return;
    rejects ??= createWriteStream(rejectPath);
    await writeLine(rejects, `${JSON.stringify({ line: lineNumber, problems: problems.map((p) => ({ path: p.path, message: p.message })), text })}\n`);
  };

  // A connection of the import's own: its transaction spans many event-loop turns, and the
  // store's shared connection must stay free for everyone else meanwhile.
  const own = await openStore(ctx.store.path, { create: false });
  const stamp = (ctx.now ? ctx.now() : new Date()).toISOString();
  const importer = createCaseImporter(own.sqlite, {
    now: () => stamp,
    derive: (bundle, events) => deriveCaseFields(bundle.market as Market, bundle.receivedDate, events),
  });
  const tx = beginImportTransaction(own.sqlite);
  let bytesRead = 0;
  let lastProgress = 0;
  let wrongEncoding: string | null = null;
  let blankOnly = true;
  try {
    const chunks = countingChunks(
      file,
      (n) => (bytesRead += n),
      (head) => (wrongEncoding = detectWrongEncoding(head)),
    );
    for await (const line of readLines(chunks, { maxLineBytes })) {
      if (wrongEncoding) break;
      report.lines = line.lineNumber;
      if (line.kind === 'error') {
        blankOnly = false;
        await reject(line.lineNumber, [{ line: line.lineNumber, path: '$', message: `Line ${line.lineNumber} ${line.message}` }], line.text);
        continue;
      }
      if (line.text.trim().length === 0) continue;
      blankOnly = false;
      const outcome = parseLine(line.text, line.lineNumber, line.terminated, cx);
      if (!outcome.ok) {
        await reject(line.lineNumber, outcome.problems, line.text);
        continue;
      }
      report.validCases++;
      report.events += outcome.events;
      // All or nothing: after the first bad line nothing more is written, only checked.
      if (!partial && report.invalidLines > 0) continue;
      try {
        const result = partial ? tx.step(() => importer.upsert(outcome.bundle)) : importer.upsert(outcome.bundle);
        report[result.outcome]++;
        report.eventsAdded += result.eventsAdded;
      } catch (error) {
        if (!(error instanceof CaseConflictError)) throw error;
        report.validCases--;
        await reject(line.lineNumber, [{ line: line.lineNumber, path: error.path, message: error.message }], line.text);
      }
      const now = performance.now();
      if (options.onProgress && now - lastProgress > 100) {
        lastProgress = now;
        options.onProgress({ bytesRead, totalBytes: stat.size, lines: report.lines, cases: report.validCases, events: report.events });
      }
    }
    if (wrongEncoding) {
      report.invalidLines++;
      addProblems([{ line: null, path: '$', message: wrongEncoding }]);
    } else if (blankOnly) {
      addProblems([{ line: null, path: '$', message: 'The file holds no cases: every line is blank.' }]);
    }
    const failed = wrongEncoding !== null || blankOnly || (!partial && report.invalidLines > 0);
    if (failed) {
      tx.rollback();
      report.created = report.updated = report.unchanged = report.eventsAdded = 0;
    } else {
      if (report.created + report.updated > 0) {
        await appendAudit(own.db, {
          at: stamp,
          userId: ctx.user.id,
          action: 'import.cases',
          caseId: null,
          detail: { file: options.sourceName ?? basename(file), created: report.created, updated: report.updated, eventsAdded: report.eventsAdded, rejected: report.invalidLines },
        });
      }
      tx.commit();
      report.committed = true;
    }
    options.onProgress?.({ bytesRead, totalBytes: stat.size, lines: report.lines, cases: report.validCases, events: report.events });
  } finally {
    tx.rollback();
    await own.close();
    const r = rejects as WriteStream | null;
    if (r) {
      await new Promise<void>((ok) => r.end(ok));
      report.rejectFile = rejectPath;
    }
  }
  report.seconds = (performance.now() - started) / 1000;
  return report;
}
