import type { ExportFormat } from '../../shared/domain/export';
import type { Language } from '../../shared/domain/market';
import type { LetterDocument } from '../../shared/letter/frame';
import type { Exhibit, PackageResult } from './package';

/**
 * What the render worker does: pure CPU work on plain data (a letter model, exhibit bytes), never
 * the store. Main reads the store, the worker renders, main writes and books the file.
 */
export type RenderTask =
  | { kind: 'letter'; letter: LetterDocument; format: ExportFormat }
  | { kind: 'arn_package'; response: Uint8Array; exhibits: Exhibit[]; language: Language };

export type RenderOutput = { kind: 'letter'; bytes: Uint8Array } | { kind: 'arn_package'; result: PackageResult };

/** Progress as the worker reports it: `done` of `total` steps (exhibits for a package). */
export interface RenderProgress {
  done: number;
  total: number;
  step: string;
}

export type WorkerRequest = { id: number; task: RenderTask };
export type WorkerMessage =
  | { id: number; type: 'progress'; progress: RenderProgress }
  | { id: number; type: 'done'; output: RenderOutput }
  | { id: number; type: 'failed'; message: string };
