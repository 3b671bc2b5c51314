import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import { z } from 'zod';
import type { ChannelOutput, ChannelParsedInput } from '../../shared/ipc/contract';
import type { CaseExport, ExportFormat, ExportJob, ExportJobKind } from '../../shared/domain/export';
import { MARKET_INFO, type Language, type Market } from '../../shared/domain/market';
import { listAuditRows } from '../db/repositories/audit.repository';
import { findCaseById } from '../db/repositories/case.repository';
import { listCaseEvents } from '../db/repositories/history.repository';
import { readSetting } from '../db/repositories/settings.repository';
import { renderInWorker } from '../export/render-in-worker';
import { today, type ServiceContext } from './context';
import { getDecision } from './decision.service';
import { notFound, ServiceError } from './errors';
import { refusal } from '../../shared/domain/refusals';
import { decisionToExport, exportDecision } from './export.service';

/**
 * Export jobs started from the app. A job prepares on main (reads the store), renders in the
 * render worker (`export/render-in-worker.ts`), then writes the file atomically and books it
 * (`recordExport`: `letter_exported` event + audit row with the SHA-256). The renderer polls
 * `exports:status` for the progress bar and the result; the job runs as the user who started it.
 *
 * Other kinds (the ARN package) start with `runExportJob`, giving their own `run`.
 */

export const EXPORTS_FOLDER_SETTING = 'exports.folder';

/**
 * Where the file goes. The renderer never names a path: in Electron main asks with its own save
 * dialog (`chooseSavePath`), elsewhere the file goes to the exports folder under a name that does
 * not overwrite an earlier export. "Show in folder" is the shell's (`showInFolder`), if any.
 */
export interface ExportShell {
  chooseSavePath?: (defaultPath: string, format: string) => Promise<string | null>;
  showInFolder?: (path: string) => void;
  /** The default exports folder of this platform (Electron: Documents/Ombud). */
  defaultFolder?: string;
}
let shell: ExportShell = {};

/** Electron's main process installs its dialog and shell here; the harness and CLI leave it empty. */
export function configureExportShell(next: ExportShell): void {
  shell = next;
}

/** The setting `exports.folder`, else $OMBUD_EXPORTS_DIR, else the platform's Documents/Ombud. */
export async function exportsFolder(ctx: Pick<ServiceContext, 'store'>): Promise<string> {
  const setting = await readSetting(ctx.store.db, EXPORTS_FOLDER_SETTING, z.string().min(1));
  return resolve(setting ?? process.env.OMBUD_EXPORTS_DIR ?? shell.defaultFolder ?? join(homedir(), 'Documents', 'Ombud'));
}

/** `name.pdf`, else `name-2.pdf`, `name-3.pdf` …: an export never silently replaces an earlier one. */
export function freePath(folder: string, fileName: string): string {
  const ext = extname(fileName);
  const stem = fileName.slice(0, fileName.length - ext.length);
  let candidate = join(folder, fileName);
  for (let n = 2; existsSync(candidate); n++) candidate = join(folder, `${stem}-${n}${ext}`);
  return candidate;
}

export interface ExportJobControl {
  /** 0..1 of the job and what it is doing now. */
  progress(fraction: number, step: string): void;
}

export interface ExportJobFile {
  exportId: number;
  path: string;
  sha256: string;
  bytes: number;
  warnings?: string[];
}

type JobRecord = ExportJob & { userId: number; startedAt: number };
const jobs = new Map<string, JobRecord>();
/** Finished jobs stay pollable (and downloadable) for a while, then are forgotten. */
const KEEP_MS = 60 * 60 * 1000;

function forgetOldJobs(): void {
  const cutoff = Date.now() - KEEP_MS;
  for (const [id, job] of jobs) if (job.state !== 'running' && job.startedAt < cutoff) jobs.delete(id);
}

function requireWriter(ctx: ServiceContext): void {
  if (ctx.user.role === 'auditor') throw new ServiceError(refusal('role.auditorReadOnly'), 'An auditor may read but not export letters.');
}

/**
 * Starts a job in the background and returns its id at once. `run` does the work with its own
 * copy of the caller (a sign-out in the window does not stop it) and reports progress.
 */
export function runExportJob(
  session: ServiceContext,
  spec: { kind: ExportJobKind; caseId: number; fileName: string; run: (ctx: ServiceContext, control: ExportJobControl) => Promise<ExportJobFile> },
): { jobId: string } {
  requireWriter(session);
  forgetOldJobs();
  const ctx: ServiceContext = { store: session.store, user: { ...session.user }, now: session.now };
  const jobId = randomBytes(16).toString('base64url');
  const job: JobRecord = { jobId, kind: spec.kind, caseId: spec.caseId, fileName: spec.fileName, state: 'running', fraction: 0, step: 'prepare', result: null, error: null, userId: ctx.user.id, startedAt: Date.now() };
  jobs.set(jobId, job);
  const control: ExportJobControl = {
    progress: (fraction, step) => {
      job.fraction = Math.max(job.fraction, Math.min(1, Math.max(0, fraction)));
      job.step = step;
    },
  };
  // Yield first, so the caller has its job id before any work holds the thread.
  void new Promise<void>((r) => setImmediate(r))
    .then(() => spec.run(ctx, control))
    .then(
      (file) => {
        job.result = { exportId: file.exportId, path: file.path, fileName: basename(file.path), sha256: file.sha256, bytes: file.bytes, warnings: file.warnings ?? [] };
        job.fraction = 1;
        job.step = 'done';
        job.state = 'done';
      },
      (error: unknown) => {
        job.state = 'failed';
        job.error = error instanceof ServiceError ? error.message : `The export stopped: ${error instanceof Error ? error.message : String(error)}`;
      },
    );
  return { jobId };
}

function ownJob(ctx: ServiceContext, jobId: string): JobRecord {
  requireWriter(ctx);
  const job = jobs.get(jobId);
  // Another user's job is as good as absent: its id says nothing and its file is not theirs.
  if (!job || job.userId !== ctx.user.id) throw notFound(`Export ${jobId}`);
  return job;
}

export function exportJobStatus(ctx: ServiceContext, input: ChannelParsedInput<'exports:status'>): ChannelOutput<'exports:status'> {
  const { userId: _u, startedAt: _s, ...view } = ownJob(ctx, input.jobId);
  return view;
}

/** The finished file of a job of this user, for the harness's download endpoint. */
export function exportJobFile(ctx: ServiceContext, jobId: string): { path: string; fileName: string } {
  const job = ownJob(ctx, jobId);
  if (job.state !== 'done' || !job.result) throw new ServiceError(refusal('export.notFinished'), `Export ${jobId} is not finished.`);
  return { path: job.result.path, fileName: job.result.fileName };
}

const DECISION_FILE_WORD: Record<Language, { issued: string; draft: string }> = {
  sv: { issued: 'beslut', draft: 'beslut-utkast' },
  da: { issued: 'afgoerelse', draft: 'afgoerelse-udkast' },
  en: { issued: 'decision', draft: 'decision-draft' },
};

/** The default file name of a decision letter, e.g. `KO-2026-000123-beslut.pdf`. */
export function decisionFileName(caseNumber: string, language: Language, draft: boolean, format: ExportFormat): string {
  const word = DECISION_FILE_WORD[language];
  return `${caseNumber}-${draft ? word.draft : word.issued}.${format}`;
}

/**
 * Exports a case's decision letter from the app: checks there is one to export and asks where
 * (Electron's save dialog) before the job starts; `jobId` is null when the user cancelled.
 */
export async function startDecisionExport(ctx: ServiceContext, input: ChannelParsedInput<'exports:start'>): Promise<ChannelOutput<'exports:start'>> {
  requireWriter(ctx);
  const row = await findCaseById(ctx.store.db, input.caseId);
  if (!row) throw notFound(`Case ${input.caseId}`);
  const decision = await getDecision(ctx, await decisionToExport(ctx, input.caseId, input.draft));
  const fileName = decisionFileName(row.number, decision.language, input.draft, input.format);
  const folder = await exportsFolder(ctx);
  let out: string;
  if (shell.chooseSavePath) {
    const chosen = await shell.chooseSavePath(join(folder, fileName), input.format);
    if (!chosen) return { jobId: null };
    out = chosen;
  } else {
    out = freePath(folder, fileName);
  }
  return runExportJob(ctx, {
    kind: 'decision',
    caseId: input.caseId,
    fileName: basename(out),
    run: async (jobCtx, control) => {
      control.progress(0.1, 'letter');
      const result = await exportDecision(jobCtx, {
        caseId: input.caseId,
        format: input.format,
        out,
        draft: input.draft,
        render: async (letter, format) => {
          control.progress(0.2, 'render');
          const output = await renderInWorker({ kind: 'letter', letter, format }, (p) => control.progress(0.2 + 0.7 * (p.total > 0 ? p.done / p.total : 0), p.step));
          if (output.kind !== 'letter') throw new Error('The render worker answered with the wrong kind of output.');
          control.progress(0.95, 'save');
          return output.bytes;
        },
      });
      return { exportId: result.exportId, path: result.path, sha256: result.sha256, bytes: result.bytes };
    },
  });
}

/** A case's exports, newest first, each with its sent state (a `letter_sent` naming its export id). */
export async function listCaseExports(ctx: ServiceContext, input: ChannelParsedInput<'exports:list'>): Promise<ChannelOutput<'exports:list'>> {
  const row = await findCaseById(ctx.store.db, input.caseId);
  if (!row) throw notFound(`Case ${input.caseId}`);
  const { events } = await listCaseEvents(ctx.store.db, input.caseId);
  const paths = new Map<number, string>();
  for (const a of await listAuditRows(ctx.store.db, input.caseId)) {
    if (a.action !== 'letter.export') continue;
    const detail = JSON.parse(a.detail) as { exportId?: number; path?: string };
    if (typeof detail.exportId === 'number' && typeof detail.path === 'string') paths.set(detail.exportId, detail.path);
  }
  const sent = new Map<number, CaseExport['sent']>();
  for (const e of events) {
    if (e.kind !== 'letter_sent') continue;
    const data = JSON.parse(e.data) as { exportId?: number; sentOn?: string; channel?: string };
    if (typeof data.exportId === 'number') sent.set(data.exportId, { eventId: e.id, date: data.sentOn ?? e.occurred_at.slice(0, 10), channel: data.channel ?? '', by: e.actor ?? '' });
  }
  const exports: CaseExport[] = events
    .filter((e) => e.kind === 'letter_exported')
    .map((e) => {
      const data = JSON.parse(e.data) as { letter?: string; format?: string; sha256?: string; fileName?: string; draft?: boolean };
      return {
        exportId: e.id,
        at: e.occurred_at,
        actor: e.actor ?? '',
        letter: data.letter ?? 'letter',
        format: data.format ?? '',
        fileName: data.fileName ?? '',
        sha256: data.sha256 ?? '',
        draft: data.draft ?? false,
        path: paths.get(e.id) ?? null,
        sent: sent.get(e.id) ?? null,
      };
    })
    .reverse();
  return { exports, today: today(ctx, MARKET_INFO[row.market as Market].timeZone) };
}

/** "Show in folder": the OS file manager in Electron; elsewhere the caller gets the path to show and copy. */
export async function showExportInFolder(ctx: ServiceContext, input: ChannelParsedInput<'exports:showInFolder'>): Promise<ChannelOutput<'exports:showInFolder'>> {
  requireWriter(ctx);
  const { exports } = await listCaseExports(ctx, { caseId: input.caseId });
  const found = exports.find((e) => e.exportId === input.exportId);
  if (!found) throw new ServiceError(refusal('letter.exportUnknown'), `exportId: ${input.exportId} is not an export of case ${input.caseId}`);
  if (!found.path) throw new ServiceError(refusal('export.pathUnknown'), `exportId: ${input.exportId}: where the file was written is not recorded`);
  const exists = existsSync(found.path);
  if (exists && shell.showInFolder) {
    shell.showInFolder(found.path);
    return { path: found.path, exists, shown: true };
  }
  return { path: found.path, exists, shown: false };
}
