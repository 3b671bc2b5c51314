import { createWriteStream, realpathSync, statSync, type WriteStream } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { z } from 'zod';
import type { Store } from '../db/connection';
import { CaseConflictError } from '../db/repositories/case-import.repository';
import { readSetting } from '../db/repositories/settings.repository';
import { appendAudit } from '../services/audit.service';
import type { ServiceContext } from '../services/context';
import { ServiceError } from '../services/errors';
import { refusal } from '../../shared/domain/refusals';
import { MAX_ATTACHMENT_SETTING, type ConvertContext, type LineProblem, type ReadCasesOptions } from './case-lines';
import { openImportSession } from './import-session';
import { checkpointInWorker, readCaseBatchesInWorker } from './parse-in-worker';

export { MAX_ATTACHMENT_SETTING, parseLine, toImportBundle, type ConvertContext, type LineProblem } from './case-lines';
export const DEFAULT_MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;
const maxAttachmentSchema = z.int().min(1).max(2 * 1024 * 1024 * 1024);

/** The largest attachment an import accepts: the setting, else 25 MiB. */
export async function maxAttachmentBytes(store: Store): Promise<number> {
  return (await readSetting(store.db, MAX_ATTACHMENT_SETTING, maxAttachmentSchema)) ?? DEFAULT_MAX_ATTACHMENT_BYTES;
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
  if (ctx.user.role === 'auditor') throw new ServiceError(refusal('role.auditorReadOnly'), 'An auditor may read but not import cases.');
  const started = performance.now();
  const file = resolve(options.path);
  let stat;
  try {
    stat = statSync(file);
  } catch {
    throw new ServiceError(refusal('import.noFile', { file }), `There is no file ${file}.`);
  }
  if (!stat.isFile()) throw new ServiceError(refusal('import.notAFile', { file }), `${file} is not a file.`);
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

  const { own, stamp, importer, tx, policy } = await openImportSession(ctx);
  let bytesRead = 0;
  let lastProgress = 0;
  let wrongEncoding: string | null = null;
  let blankOnly = true;
  /** Each case's source id and the line that first held it: a second line with it is refused. */
  const sourceLines = new Map<string, number>();
  try {
    // New cases arrive derived with the deadline rules the writer would use (the session's).
    const reading: ReadCasesOptions = { path: file, maxLineBytes, cx, keepText: partial, prederive: policy };
    for await (const batch of readCaseBatchesInWorker(reading)) {
      bytesRead = batch.bytesRead;
      if (batch.wrongEncoding) {
        wrongEncoding = batch.wrongEncoding;
        break;
      }
      report.lines = batch.lastLine;
      for (const item of batch.items) {
        blankOnly = false;
        if (item.kind === 'invalid') {
          await reject(item.line, item.problems, item.text);
          continue;
        }
        const firstLine = sourceLines.get(item.bundle.sourceId);
        if (firstLine !== undefined) {
          await reject(item.line, [{ line: item.line, path: '$.sourceId', message: `duplicate case "${item.bundle.sourceId}": line ${firstLine} already holds it (lines ${firstLine} and ${item.line})` }], item.text);
          continue;
        }
        sourceLines.set(item.bundle.sourceId, item.line);
        report.validCases++;
        report.events += item.events;
        // All or nothing: after the first bad line nothing more is written, only checked.
        if (!partial && report.invalidLines > 0) continue;
        try {
          const result = partial ? tx.step(() => importer.upsert(item.bundle)) : importer.upsert(item.bundle);
          report[result.outcome]++;
          report.eventsAdded += result.eventsAdded;
        } catch (error) {
          if (!(error instanceof CaseConflictError)) throw error;
          report.validCases--;
          await reject(item.line, [{ line: item.line, path: error.path, message: error.message }], item.text);
        }
      }
      tx.indexHistory();
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
      void checkpointInWorker(ctx.store.path);
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
