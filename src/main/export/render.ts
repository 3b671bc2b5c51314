import type { RenderOutput, RenderProgress, RenderTask } from './render-task';
import { renderLetterDocx } from './docx';
import { buildArnPackage } from './package';
import { renderLetterPdf } from './pdf';

/** Runs one render task in the current thread; the worker calls this, and so can tests. */
export async function runRenderTask(task: RenderTask, onProgress: (p: RenderProgress) => void = () => {}): Promise<RenderOutput> {
  if (task.kind === 'letter') {
    onProgress({ done: 0, total: 1, step: 'render' });
    const bytes = task.format === 'pdf' ? await renderLetterPdf(task.letter) : await renderLetterDocx(task.letter);
    onProgress({ done: 1, total: 1, step: 'render' });
    return { kind: 'letter', bytes };
  }
  const result = await buildArnPackage({
    response: task.response,
    exhibits: task.exhibits,
    language: task.language,
    onProgress: (done, total) => onProgress({ done, total, step: `exhibit ${done}/${total}` }),
  });
  return { kind: 'arn_package', result };
}
