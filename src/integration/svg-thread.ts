import { Worker } from 'node:worker_threads';
import { fromThreadError, type ThreadError } from '../data/thread-errors.ts';
import type { PublishableFile } from './assets.ts';

type RequestBody = { kind: 'publishable'; contentRoot: string; files: string[] } | { kind: 'in-place'; files: string[] };

/** What the SVG thread starts with: the build's cache of sanitized SVGs, if any. */
export interface SvgThreadData {
  cacheFile: string | undefined;
}

/** A request to the SVG thread: linked SVGs to read and sanitize for publishing, or built SVGs to sanitize in place. */
export type SvgRequest = RequestBody & { id: number };

/** The SVG thread's answer to the request with the same id. */
export type SvgAnswer =
  | { id: number; files: (readonly [string, PublishableFile | undefined])[] }
  | { id: number; count: number }
  | { id: number; error: ThreadError };

/**
 * A thread that sanitizes the build's SVGs. Sanitizing needs jsdom (about a second to load) and DOMPurify,
 * and once the pages' links are known the main thread spends the next seconds writing the pages on one
 * core: the linked SVGs are made inert on the other meanwhile, and publishing only writes them out.
 */
export interface SvgThread {
  /** Returns each content-relative file as `readPublishable` does (undefined: it now leads outside the content root). */
  publishable(contentRoot: string, files: readonly string[]): Promise<Map<string, PublishableFile | undefined>>;
  /** Makes the given built SVG files inert in place; returns how many. */
  sanitizeInPlace(files: readonly string[]): Promise<number>;
  /** Ends the thread. */
  stop(): Promise<void>;
}

/**
 * Starts the SVG thread; it never keeps the process alive while it waits. With a cache file, the thread answers the
 * SVGs it sanitized in an earlier build from it, and keeps there what it sanitizes (src/data/svg-cache.ts).
 */
export function startSvgThread(cacheFile?: string): SvgThread {
  const worker = new Worker(new URL('./svg-worker.ts', import.meta.url), { workerData: { cacheFile } satisfies SvgThreadData });
  worker.unref();
  const waiting = new Map<number, { done: (answer: SvgAnswer) => void; fail: (error: Error) => void }>();
  let nextId = 0;
  worker.on('message', (answer: SvgAnswer) => {
    const request = waiting.get(answer.id);
    waiting.delete(answer.id);
    if (waiting.size === 0) worker.unref();
    if (!request) return;
    if ('error' in answer) request.fail(fromThreadError(answer.error));
    else request.done(answer);
  });
  // Once the thread has failed or stopped, every request fails at once rather than waiting for it.
  let failure: Error | undefined;
  const failAll = (error: Error) => {
    failure ??= error;
    for (const request of waiting.values()) request.fail(failure);
    waiting.clear();
  };
  worker.on('error', (error) => failAll(new Error('The thread that sanitizes the SVGs failed.', { cause: error })));
  worker.on('exit', (code) => failAll(new Error(`The thread that sanitizes the SVGs stopped (exit code ${code}).`)));
  const ask = (request: RequestBody) =>
    new Promise<SvgAnswer>((done, fail) => {
      if (failure) return fail(failure);
      const id = nextId++;
      waiting.set(id, { done, fail });
      worker.ref();
      worker.postMessage({ ...request, id });
    });
  return {
    publishable: async (contentRoot, files) => {
      const answer = await ask({ kind: 'publishable', contentRoot, files: [...files] });
      return new Map('files' in answer ? answer.files : []);
    },
    sanitizeInPlace: async (files) => {
      const answer = await ask({ kind: 'in-place', files: [...files] });
      return 'count' in answer ? answer.count : 0;
    },
    stop: async () => {
      await worker.terminate();
    },
  };
}
