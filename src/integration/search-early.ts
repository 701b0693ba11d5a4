import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Worker } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import { fromThreadError, type ThreadError } from '../data/thread-errors.ts';
import { addPagesInOrder, htmlFilesInOrder } from './search-feed.ts';

// A rebuild has Pagefind read the last build's output (still in place until this build replaces it) while Astro loads,
// bundles and writes this build's pages: most pages are the same, and Pagefind's reading is then done by the time they
// are written. Pagefind numbers pages in the order it reads them, which decides the bytes of its index; it is given
// them in the order of search-feed.ts (sorted paths). The early reading counts only when this build's pages are the
// last build's: each page whose bytes differ is read again in its place (Pagefind replaces a page of the same address
// where it stands), and the index is the one a fresh reading of the new folder gives. Otherwise (a page added,
// removed or renamed) it is dropped and Pagefind reads the new folder.

/** Pagefind's reading of the last build's output, on the early reading's thread. */
export interface EarlyReading {
  index: pagefind.PagefindIndex;
  /** The last build's output folder. */
  previous: string;
  /** Its HTML files, in the order Pagefind read them. */
  order: string[];
}

/**
 * Has Pagefind read the HTML files of the last build's output folder; undefined when there is none. Once `signal` is
 * aborted, no further page is read (the reading is then incomplete, for a build that stops).
 */
export async function startEarlyReading(previous: string, language: string, signal?: AbortSignal): Promise<EarlyReading | undefined> {
  if (!existsSync(previous)) return undefined;
  const order = htmlFilesInOrder(previous);
  if (order.length === 0) return undefined;
  const { index, errors } = await pagefind.createIndex({ forceLanguage: language });
  if (!index || errors.length > 0) return undefined;
  await addPagesInOrder(index, previous, order, signal);
  return { index, previous, order };
}

/**
 * Returns whether two pages have the same bytes. A page a rebuild restored from Astro's copy is, in both outputs, another
 * name of that copy (patches/astro+7.3.5.patch): one file, so nothing to read.
 */
function samePage(page: string, previous: string): boolean {
  const [a, b] = [statSync(page, { bigint: true }), statSync(previous, { bigint: true })];
  if (a.ino === b.ino && a.dev === b.dev) return true;
  return a.size === b.size && readFileSync(page).equals(readFileSync(previous));
}

/** What completing an early reading did: the pages of the new output, and how many of them were read again. */
export interface EarlyResult {
  pages: number;
  /** Pages read again because they changed since the last build (a rebuild's early reading only). */
  readAgain?: number | undefined;
  /** Pages read as Astro wrote them (a cold build only). */
  readAsWritten?: number | undefined;
}

/**
 * Completes an early reading for the pages in `outDir`: reads again each page whose bytes changed; undefined, having
 * read nothing, when the pages are not the ones read early.
 */
export async function completeEarlyReading(early: EarlyReading, outDir: string): Promise<EarlyResult | undefined> {
  const order = htmlFilesInOrder(outDir);
  const same = order.length === early.order.length && early.order.every((path, i) => path === order[i]);
  if (!same) return undefined;
  const changed = order.filter((path) => !samePage(join(outDir, path), join(early.previous, path)));
  await addPagesInOrder(early.index, outDir, changed);
  return { pages: order.length, readAgain: changed.length };
}

/** What the early reading's thread starts with. */
export interface EarlyData {
  /** The last build's output folder, for a rebuild; without it, the pages are fed to Pagefind as they are written. */
  previous?: string | undefined;
  language: string;
}

/** A message to the early reading's thread (only `finish` and `stop` are answered), and its answer. */
export type EarlyRequest =
  | { kind: 'planned'; outDir: string; files: string[] }
  | { kind: 'written'; file: string; content?: Uint8Array | string | undefined }
  | { kind: 'finish'; outDir: string; outputPath: string }
  | { kind: 'stop' };
export type EarlyAnswer = { result: EarlyResult | null } | { error: ThreadError };

/**
 * The search index built early, on a thread of its own: in a rebuild from the last build's pages, otherwise from the
 * pages as Astro writes them (search-feed.ts); the main thread only asks for the index at the end.
 */
export interface EarlyIndex {
  /** The files Astro is about to write into `outDir` (relative paths, `/`-separated). */
  planned(outDir: string, files: string[]): void;
  /** A file Astro wrote (relative path), with its bytes when it rendered them. */
  written(file: string, content?: Uint8Array | string): void;
  /**
   * Completes the reading for the pages of `outDir` and has Pagefind write the index into `outputPath`; resolves to
   * what it did, or undefined, having written nothing, when they are not the pages read early (or there were none).
   */
  finish(outDir: string, outputPath: string): Promise<EarlyResult | undefined>;
  /** Stops the reading and Pagefind (a failed build). */
  stop(): Promise<void>;
}

/**
 * Starts the early index on a thread of its own, which never keeps the process alive: Pagefind's process is started,
 * lowered in priority and answered there, not on the main thread, which meanwhile loads Astro, the content and the
 * bundle, and writes the pages; at the end the thread also compares the new pages with those it read.
 */
export function startEarlyIndex(data: EarlyData): EarlyIndex {
  const worker = new Worker(new URL('./search-early-worker.ts', import.meta.url), { workerData: data });
  worker.unref();
  const ask = (request: EarlyRequest) =>
    new Promise<EarlyResult | undefined>((done, fail) => {
      const onExit = (code: number) => fail(new Error(`The thread reading the pages for search stopped (exit code ${code}).`));
      worker.once('exit', onExit);
      worker.once('error', fail);
      worker.once('message', (answer: EarlyAnswer) => {
        worker.off('exit', onExit);
        worker.off('error', fail);
        if ('error' in answer) fail(fromThreadError(answer.error));
        else done(answer.result ?? undefined);
      });
      worker.postMessage(request);
    });
  const tell = (request: EarlyRequest) => worker.postMessage(request);
  return {
    planned: (outDir, files) => tell({ kind: 'planned', outDir, files }),
    written: (file, content) => tell({ kind: 'written', file, content }),
    finish: (outDir, outputPath) => ask({ kind: 'finish', outDir, outputPath }),
    stop: async () => {
      await ask({ kind: 'stop' }).catch(() => undefined);
      await worker.terminate();
    },
  };
}

/** Where a patched Astro looks for an integration's hooks on the pages it writes (patches/astro+7.3.5.patch). */
const OUTPUT_HOOKS = Symbol.for('astro.build.output');

/**
 * Tells the early index the pages Astro plans and writes into `outDir` (HTML files only); returns the function that
 * stops it. Without the patch, nothing is told, and the index reads the pages at the end.
 */
export function followAstroOutput(early: EarlyIndex, outDir: string): () => void {
  const relativePath = (file: string) => relative(outDir, file).replaceAll('\\', '/');
  const hooks = {
    planned: (files: string[]) => early.planned(outDir, files.filter((file) => file.endsWith('.html')).map(relativePath)),
    written: (file: string, body?: Uint8Array | string) => {
      if (file.endsWith('.html')) early.written(relativePath(file), body);
    },
  };
  Reflect.set(globalThis, OUTPUT_HOOKS, hooks);
  return () => {
    if (Reflect.get(globalThis, OUTPUT_HOOKS) === hooks) Reflect.deleteProperty(globalThis, OUTPUT_HOOKS);
  };
}
