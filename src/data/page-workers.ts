import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PageJob, PageResult, ReadPages } from './read-pages.ts';

/** Pages sent to a worker at a time: small enough to balance the threads, large enough to keep messages rare. */
const BATCH = 8;

/** Worker threads that parse pages for the content check. */
export interface PageWorkers {
  readPages: ReadPages;
  /** Ends the threads. */
  stop(): Promise<void>;
}

/**
 * Starts `count` worker threads (default: one per core, at most 4) that parse pages with the build's
 * plugins; they load their modules while the caller checks the sources, or, when `lazy` (most pages
 * are expected from a cache), only once some page needs them. Pages are handed out largest first, a
 * batch at a time, so one long page does not leave the other threads idle at the end.
 */
export function startPageWorkers(contentRoot: string, { count = Math.min(4, availableParallelism()), lazy = false } = {}): PageWorkers {
  let workers: Worker[] = [];
  const start = () =>
    (workers = Array.from(
      { length: Math.max(1, count) },
      () => new Worker(new URL('./page-worker.ts', import.meta.url), { workerData: { contentRoot } }),
    ));
  if (!lazy) start();
  const readPages: ReadPages = async (jobs) => {
    if (workers.length === 0) start();
    const size = (job: PageJob) => statSync(join(contentRoot, job.file), { throwIfNoEntry: false })?.size ?? 0;
    const queue = jobs
      .map((job) => ({ job, size: size(job) }))
      .sort((a, b) => b.size - a.size)
      .map((j) => j.job);
    const results = new Map<string, PageResult>();
    const drain = (worker: Worker) =>
      new Promise<void>((done, fail) => {
        const next = () => {
          const batch = queue.splice(0, BATCH);
          if (batch.length === 0) {
            worker.off('message', onMessage).off('error', onError);
            done();
          } else worker.postMessage(batch);
        };
        const onMessage = (answer: { results?: PageResult[]; error?: unknown }) => {
          if (answer.error !== undefined) {
            worker.off('message', onMessage).off('error', onError);
            fail(answer.error);
            return;
          }
          for (const result of answer.results ?? []) results.set(result.file, result);
          next();
        };
        const onError = (error: Error) => fail(new Error('A page-parsing thread of the content check failed.', { cause: error }));
        worker.on('message', onMessage).on('error', onError);
        next();
      });
    await Promise.all(workers.map(drain));
    return jobs.map((job) => results.get(job.file)!);
  };
  return { readPages, stop: async () => void (await Promise.all(workers.map((w) => w.terminate()))) };
}
