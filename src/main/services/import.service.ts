import { publishChange } from './changes';
import { randomBytes } from 'node:crypto';
import type { ChannelOutput, ChannelParsedInput } from '../../shared/ipc/contract';
import type { ImportResult, ImportRun } from '../../shared/domain/import';
import { importCases } from '../import/case-import';
import { importMail } from '../import/mail-import';
import { importMonthlyFigures } from '../import/monthly-import';
import { discardUpload, findUpload } from '../import/uploads';
import type { ServiceContext } from './context';
import { notFound, ServiceError } from './errors';
import { refusal } from '../../shared/domain/refusals';

/**
 * Imports started from the app. Each runs in the background on a connection of its own (the
 * importers open one) and yields between chunks, so the window stays responsive; the renderer
 * polls `import:status` for progress and the result.
 */
const runs = new Map<string, ImportRun & { userId: number }>();

export function startImport(session: ServiceContext, input: ChannelParsedInput<'import:start'>): ChannelOutput<'import:start'> {
  // The run goes on in the background as the user who started it, even if the window signs out.
  const ctx: ServiceContext = { store: session.store, user: { ...session.user }, now: session.now };
  if (ctx.user.role === 'auditor') throw new ServiceError(refusal('role.auditorReadOnly'), 'An auditor may read but not import.');
  const upload = findUpload(input.uploadId);
  if (!upload) throw notFound(`Upload ${input.uploadId}`);
  const runId = randomBytes(12).toString('base64url');
  const run: ImportRun & { userId: number } = { runId, kind: input.kind, fileName: upload.fileName, state: 'running', fraction: 0, handled: 0, result: null, error: null, userId: ctx.user.id };
  runs.set(runId, run);
  const started = performance.now();
  const work = async (): Promise<ImportResult> => {
    if (input.kind === 'cases') {
      const r = await importCases(ctx, {
        path: upload.path,
        partial: input.partial,
        sourceName: upload.fileName,
        onProgress: (p) => {
          run.fraction = p.totalBytes > 0 ? Math.min(1, p.bytesRead / p.totalBytes) : null;
          run.handled = p.cases;
        },
      });
      return {
        committed: r.committed,
        read: r.validCases + r.invalidLines,
        created: r.created,
        updated: r.updated,
        unchanged: r.unchanged,
        eventsAdded: r.eventsAdded,
        rejected: r.invalidLines,
        problems: r.problems.map((p) => ({ line: p.line, path: p.path, message: p.message })),
        seconds: r.seconds,
      };
    }
    if (input.kind === 'mail') {
      run.fraction = null;
      const r = await importMail(ctx, { path: upload.path, onProgress: (n) => (run.handled = n) });
      return {
        committed: true,
        read: r.messages,
        created: r.newCases,
        updated: r.attached,
        unchanged: r.duplicates,
        eventsAdded: r.newCases + r.attached,
        rejected: r.rejected,
        problems: r.outcomes.filter((o) => o.result === 'rejected').map((o) => ({ line: null, path: o.origin, message: o.problem ?? '' })),
        seconds: (performance.now() - started) / 1000,
      };
    }
    const r = await importMonthlyFigures(ctx, { path: upload.path, replace: input.replace, sourceName: upload.fileName });
    return {
      committed: r.committed,
      read: r.rows,
      created: r.inserted,
      updated: r.replaced,
      unchanged: r.committed ? r.rows - r.inserted - r.replaced : 0,
      eventsAdded: 0,
      rejected: r.committed ? 0 : r.problems.length,
      problems: r.problems.map((p) => ({ line: p.line, path: p.column, message: p.message })),
      seconds: (performance.now() - started) / 1000,
    };
  };
  void work().then(
    (result) => {
      run.result = result;
      run.fraction = 1;
      run.state = 'done';
      discardUpload(upload.id);
      if (result.committed) publishChange(ctx.store, { kind: 'import', by: ctx.user.id });
    },
    (error: unknown) => {
      run.state = 'failed';
      run.error = error instanceof ServiceError ? error.message : `The import stopped: ${error instanceof Error ? error.message : String(error)}`;
      discardUpload(upload.id);
    },
  );
  return { runId };
}

export function importStatus(ctx: ServiceContext, input: ChannelParsedInput<'import:status'>): ChannelOutput<'import:status'> {
  const run = runs.get(input.runId);
  if (!run || run.userId !== ctx.user.id) throw notFound(`Import ${input.runId}`);
  const { userId: _userId, ...view } = run;
  return view;
}
