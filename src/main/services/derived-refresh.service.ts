import type { Store } from '../db/connection';
import { countStaleCases, refreshStaleCases } from './case-work.service';

export interface RefreshStatus {
  running: boolean;
  done: number;
  total: number;
}

interface Job extends RefreshStatus {
  again: boolean;
  finished: Promise<void>;
}

const jobs = new WeakMap<Store, Job>();

/**
 * Recomputes stale derived fields (red flags, stored next deadline) in the background: after the
 * rules changed, and when a store computed by older rules is opened. The inbox keeps working;
 * cases:list reports the progress. Starting while a run is going queues one more run, which
 * picks up rules changed in between.
 */
export function startDerivedRefresh(store: Store, log?: (line: string) => void): Promise<void> {
  const current = jobs.get(store);
  if (current?.running) {
    current.again = true;
    return current.finished;
  }
  const job: Job = { running: true, done: 0, total: 0, again: false, finished: Promise.resolve() };
  jobs.set(store, job);
  job.finished = (async () => {
    try {
      do {
        job.again = false;
        const base = job.done;
        job.total = base + (await countStaleCases({ store }));
        if (job.total > base) log?.(`Recomputing red flags and deadlines of ${job.total - base} cases with the current rules …`);
        await refreshStaleCases({ store }, (n) => {
          job.done = base + n;
        });
        // Rules changed mid-run: the refresh stopped early; go again with the new ones.
        if ((await countStaleCases({ store })) > 0) job.again = true;
      } while (job.again);
      if (job.done > 0) log?.(`Recomputed ${job.done} cases.`);
    } catch (error) {
      log?.(`Recomputing derived fields failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      job.running = false;
    }
  })();
  return job.finished;
}

export function derivedRefreshStatus(store: Store): RefreshStatus {
  const job = jobs.get(store);
  return job ? { running: job.running, done: job.done, total: job.total } : { running: false, done: 0, total: 0 };
}
