import { existsSync, opendirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import { fromThreadError, type ThreadError } from '../data/thread-errors.ts';

// A rebuild has Pagefind read the last build's output (still in place until this build replaces it) while Astro loads,
// bundles and writes this build's pages: most pages are the same, and Pagefind's reading is then done by the time they
// are written. Pagefind numbers pages in the order it reads them, which decides the bytes of its index; its reading of
// a folder takes the files in the order the file system lists them, depth first. The early reading counts only when
// this build's pages come in the same order as the last build's: each page whose bytes differ is read again in its
// place (Pagefind replaces a page of the same address where it stands), and the index is the one a fresh reading of
// the new folder gives. Otherwise (a page added, removed or renamed) it is dropped and Pagefind reads the new folder.

/**
 * Returns the HTML files under `dir` (relative paths, `/`-separated) in the order Pagefind's `addDirectory` reads them:
 * depth first, each folder's entries as the file system lists them (`opendir`, not `readdir`, which sorts). The search
 * folder `pagefind/` at the top is left out.
 */
export function htmlFilesInWalkOrder(dir: string): string[] {
  const files: string[] = [];
  const visit = (rel: string) => {
    const folder = opendirSync(join(dir, rel));
    try {
      for (let entry = folder.readSync(); entry !== null; entry = folder.readSync()) {
        const path = rel === '' ? entry.name : `${rel}/${entry.name}`;
        if (entry.isDirectory()) {
          if (path !== 'pagefind') visit(path);
        } else if (entry.isFile() && entry.name.endsWith('.html')) files.push(path);
      }
    } finally {
      folder.closeSync();
    }
  };
  visit('');
  return files;
}

/** Pagefind's reading of the last build's output, on the early reading's thread. */
export interface EarlyReading {
  index: pagefind.PagefindIndex;
  /** The last build's output folder. */
  previous: string;
  /** Its HTML files, in the order Pagefind read them. */
  order: string[];
}

/**
 * Has Pagefind read the HTML files of the last build's output folder; undefined when there is none, or when Pagefind
 * read other files than {@link htmlFilesInWalkOrder} lists.
 */
export async function startEarlyReading(previous: string, language: string): Promise<EarlyReading | undefined> {
  if (!existsSync(previous)) return undefined;
  const order = htmlFilesInWalkOrder(previous);
  if (order.length === 0) return undefined;
  const { index, errors } = await pagefind.createIndex({ forceLanguage: language });
  if (!index || errors.length > 0) return undefined;
  const added = await index.addDirectory({ path: previous });
  if (added.errors.length > 0 || added.page_count !== order.length) return undefined;
  return { index, previous, order };
}

/** What completing an early reading did: the pages of the new output, and how many of them were read again. */
export interface EarlyResult {
  pages: number;
  readAgain: number;
}

/**
 * Completes an early reading for the pages in `outDir`: reads again each page whose bytes changed; undefined, having
 * read nothing, when the pages are not the ones read early, in the same order.
 */
export async function completeEarlyReading(early: EarlyReading, outDir: string): Promise<EarlyResult | undefined> {
  const order = htmlFilesInWalkOrder(outDir);
  const same = order.length === early.order.length && early.order.every((path, i) => path === order[i]);
  if (!same) return undefined;
  const again = order.flatMap((path) => {
    const content = readFileSync(join(outDir, path));
    if (content.equals(readFileSync(join(early.previous, path)))) return [];
    return [early.index.addHTMLFile({ sourcePath: path, content: content.toString('utf8') })];
  });
  for (const result of await Promise.all(again)) if (result.errors.length > 0) throw new Error(result.errors.join('\n'));
  return { pages: order.length, readAgain: again.length };
}

/** What the early reading's thread starts with. */
export interface EarlyData {
  /** The last build's output folder. */
  previous: string;
  language: string;
}

/** A request to the early reading's thread, and its answer. */
export type EarlyRequest = { kind: 'finish'; outDir: string; outputPath: string } | { kind: 'stop' };
export type EarlyAnswer = { result: EarlyResult | null } | { error: ThreadError };

/** The early reading of a rebuild, on a thread of its own: the main thread only asks for the index at the end. */
export interface EarlyIndex {
  /**
   * Completes the reading for the pages of `outDir` and has Pagefind write the index into `outputPath`; resolves to
   * what it did, or undefined, having written nothing, when they are not the pages read early (or there were none).
   */
  finish(outDir: string, outputPath: string): Promise<EarlyResult | undefined>;
  /** Stops the reading and Pagefind (a failed build). */
  stop(): Promise<void>;
}

/**
 * Starts the early reading of a rebuild on a thread of its own, which never keeps the process alive: Pagefind's process
 * is started, lowered in priority and answered there, not on the main thread, which meanwhile loads Astro, the content
 * and the bundle; at the end the thread also compares the new pages with the last build's.
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
  return {
    finish: (outDir, outputPath) => ask({ kind: 'finish', outDir, outputPath }),
    stop: async () => {
      await ask({ kind: 'stop' }).catch(() => undefined);
      await worker.terminate();
    },
  };
}
