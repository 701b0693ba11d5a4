import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { setImmediate as yieldToMessages } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../lib/diagnostics.ts';
import type { LintCache } from './lint-cache.ts';
import type { PageJob, PageResult } from './read-pages.ts';

/** Pages sent to a worker at a time: small enough to balance the threads, large enough to keep messages rare. */
const BATCH = 8;
/** Batches a worker holds at once, so it never waits for the calling thread to hand out the next. */
const IN_FLIGHT = 2;

/** A Markdown style check (see `lintStyle` in lint-style.ts) for a worker thread to run. */
export interface StyleTask {
  /** Content-relative pages. */
  files: string[];
  configFile: string;
  cache?: LintCache;
}

/** Worker threads that parse pages for the content check. */
export interface PageWorkers {
  /** Parses the pages; `onHandedOut` is called once the last of them has been handed to a thread. */
  readPages: (jobs: readonly PageJob[], onHandedOut?: () => void) => Promise<PageResult[]>;
  /**
   * Lints the Markdown style on the first thread, once it has parsed the pages handed to it (a thread
   * that has parsed pages runs markdownlint in about half the CPU time of a fresh one); undefined when
   * no thread was started.
   */
  lintStyle(task: StyleTask): Promise<Diagnostic[]> | undefined;
  /** Ends the threads. */
  stop(): Promise<void>;
}

/** How the pages are spread: the number of worker threads, whether they start only when needed, and the calling thread's own reader. */
export interface PageWorkerOptions {
  /** Worker threads to start (default: one per core, at most 4, less the calling thread when it reads too). */
  count?: number;
  /** Start the threads only once some page needs parsing (most pages are expected from a cache). */
  lazy?: boolean;
  /** When given, the calling thread takes pages from the same queue and parses them with this, one at a time. */
  local?: (job: PageJob) => PageResult;
}

/**
 * Starts worker threads that parse pages with the build's plugins; they load their modules while the
 * caller checks the sources, or, when `lazy`, only once some page needs them. Pages are handed out
 * largest first, a batch at a time, so one long page does not leave a thread idle at the end. With a
 * `local` reader the calling thread parses pages too: on 2 cores, one worker and the caller keep both
 * busy without loading the Markdown pipeline (and warming it up) in a third thread.
 */
export function startPageWorkers(contentRoot: string, { count, lazy = false, local }: PageWorkerOptions = {}): PageWorkers {
  const threads = Math.max(1, count ?? Math.min(4, availableParallelism()) - (local ? 1 : 0));
  let workers: Worker[] = [];
  const start = () =>
    (workers = Array.from(
      { length: threads },
      () => new Worker(new URL('./page-worker.ts', import.meta.url), { workerData: { contentRoot } }),
    ));
  if (!lazy) start();
  const readPages: PageWorkers['readPages'] = async (jobs, onHandedOut) => {
    if (workers.length === 0 && jobs.length > 0) start();
    const size = (job: PageJob) => statSync(join(contentRoot, job.file), { throwIfNoEntry: false })?.size ?? 0;
    const queue = jobs
      .map((job) => ({ job, size: size(job) }))
      .sort((a, b) => b.size - a.size)
      .map((j) => j.job);
    let handedOut = false;
    const take = (count: number) => {
      const taken = queue.splice(0, count);
      if (queue.length === 0 && !handedOut) {
        handedOut = true;
        onHandedOut?.();
      }
      return taken;
    };
    const results = new Map<string, PageResult>();
    const threadsReading = workers.length + (local ? 1 : 0);
    const drain = (worker: Worker) =>
      new Promise<void>((done, fail) => {
        let pending = 0;
        const next = () => {
          // Smaller batches towards the end, so no thread is left with several pages while the others are idle.
          const batch = take(Math.max(1, Math.min(BATCH, Math.floor(queue.length / (2 * threadsReading)))));
          if (batch.length > 0) {
            pending++;
            worker.postMessage(batch);
          } else if (pending === 0) {
            worker.off('message', onMessage).off('error', onError);
            done();
          }
        };
        const onMessage = (answer: { results?: PageResult[]; error?: unknown }) => {
          // The answer of a style check asked for meanwhile is not a batch's.
          if (!('results' in answer) && !('error' in answer)) return;
          pending--;
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
        for (let i = 0; i < IN_FLIGHT; i++) next();
      });
    const drainHere = async (read: (job: PageJob) => PageResult) => {
      // Between two pages, the workers' answers come in and they get their next batch.
      for (let job = take(1)[0]; job; job = take(1)[0]) {
        await yieldToMessages();
        results.set(job.file, read(job));
      }
    };
    await Promise.all([...workers.map(drain), ...(local ? [drainHere(local)] : [])]);
    if (!handedOut) take(0);
    return jobs.map((job) => results.get(job.file)!);
  };
  const lintStyle: PageWorkers['lintStyle'] = (task) => {
    const worker = workers[0];
    if (!worker) return undefined;
    return new Promise((done, fail) => {
      const onMessage = (answer: { style?: Diagnostic[]; styleError?: unknown }) => {
        if (!('style' in answer) && !('styleError' in answer)) return;
        worker.off('message', onMessage).off('error', onError);
        if ('styleError' in answer) fail(new Error('The style check failed.', { cause: answer.styleError }));
        else done(answer.style!);
      };
      const onError = (error: Error) => fail(new Error('The style check failed.', { cause: error }));
      worker.on('message', onMessage).on('error', onError);
      // Queued behind the batches already sent to this thread: it lints once it has parsed them.
      worker.postMessage({ style: task });
    });
  };
  return { readPages, lintStyle, stop: async () => void (await Promise.all(workers.map((w) => w.terminate()))) };
}
