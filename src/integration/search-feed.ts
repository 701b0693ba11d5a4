import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { PagefindIndex } from 'pagefind';

// Pagefind numbers pages in the order it reads them, and the numbers are in its index files: the same pages read in
// another order give other bytes. Its own reading of a folder (`addDirectory`) takes the files in the order the file
// system lists them, which differs between file systems (ext4 orders a large folder by a hash seeded per disk, tmpfs
// by creation), so two machines building the same commit wrote different search files. The pages are given to it here
// one by one in an order of the build's own: their paths, sorted.

/** How many pages are sent to Pagefind before the first of them is answered: enough to keep it busy, few enough to bound memory. */
const IN_FLIGHT = 32;

/** Whether an output file (relative, `/`-separated) is a page for Pagefind: HTML, outside the search folder `pagefind/`. */
const isIndexedPage = (path: string) => path.endsWith('.html') && !path.startsWith('pagefind/');

/**
 * Returns the pages under `dir` (relative paths, `/`-separated), sorted by UTF-16 code units (`Array.prototype.sort`,
 * the same on every machine and locale): the order Pagefind is given them.
 */
export function htmlFilesInOrder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).replaceAll('\\', '/'))
    .filter(isIndexedPage)
    .sort();
}

/**
 * Has Pagefind read `files` (relative to `dir`) in the order given, with at most {@link IN_FLIGHT} waiting at once;
 * fails with Pagefind's errors. Once `signal` is aborted no further file is sent, and it ends when those sent are answered.
 */
export async function addPagesInOrder(index: PagefindIndex, dir: string, files: readonly string[], signal?: AbortSignal): Promise<void> {
  const errors: string[] = [];
  let next = 0;
  // Each lane reads its next file and sends it in one step (Pagefind sends a request as it is made), so the files go
  // in order, then waits for Pagefind's answer before taking another. The files are read at once, not through
  // libuv's thread pool, which the build's own file reads share.
  const lane = async () => {
    while (next < files.length && !signal?.aborted) {
      const path = files[next++]!;
      const result = await index.addHTMLFile({ sourcePath: path, content: readFileSync(join(dir, path), 'utf8') });
      errors.push(...result.errors.map((error) => `${path}: ${error}`));
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, files.length) }, lane));
  if (errors.length > 0) throw new Error(errors.join('\n'));
}

/** Pages given to Pagefind as the build writes them, in the order of {@link htmlFilesInOrder}. */
export interface PageFeed {
  /** The output files the build will write into `outDir` (relative paths, `/`-separated): its pages are fed in order. */
  planned(outDir: string, files: readonly string[]): void;
  /** A file written, with its text (or without, when it is to be read from the output folder). */
  written(file: string, content?: string): void;
  /**
   * Completes the index for the pages of `outDir`: pages whose file differs from what was fed (changed after it was
   * written) are read again in their place, the pages not yet fed are read in order. Undefined, when what was fed does
   * not begin the folder's order (a page not planned came before) or a page could not be read: then this index is of
   * no use.
   */
  finish(outDir: string): Promise<{ pages: number; readAgain: number; readAsWritten: number } | undefined>;
  /** Feeds no more pages; ends once Pagefind has answered those fed (closing it sooner cuts a request short). */
  stop(): Promise<void>;
}

/** Returns a feed of the pages of one build into `index`. */
export function createPageFeed(index: PagefindIndex): PageFeed {
  let order: string[] = [];
  let next = 0;
  const arrived = new Map<string, string | undefined>();
  // Each page fed, with its bytes' digest, and Pagefind's answer.
  const fed: { path: string; digest: string; answer: ReturnType<PagefindIndex['addHTMLFile']> }[] = [];
  let outDir = '';
  // A page that could not be read stops the feed: the index is then built afresh at the end.
  let broken = false;
  const feedArrived = () => {
    if (broken) return;
    try {
      for (let path = order[next]; path !== undefined && arrived.has(path); path = order[++next]) {
        const content = arrived.get(path) ?? readFileSync(join(outDir, path), 'utf8');
        arrived.delete(path);
        const answer = index.addHTMLFile({ sourcePath: path, content });
        answer.catch(() => undefined);
        fed.push({ path, digest: digestOf(content), answer });
      }
    } catch {
      broken = true;
    }
  };
  return {
    planned(dir, files) {
      outDir = dir;
      order = files.filter(isIndexedPage).sort();
      feedArrived();
    },
    written(file, content) {
      if (!isIndexedPage(file)) return;
      arrived.set(file, content);
      feedArrived();
    },
    async finish(dir) {
      const files = htmlFilesInOrder(dir);
      if (broken || fed.some(({ path }, i) => files[i] !== path)) return undefined;
      const errors: string[] = [];
      for (const { path, answer } of fed) errors.push(...(await answer).errors.map((error) => `${path}: ${error}`));
      if (errors.length > 0) throw new Error(errors.join('\n'));
      const changed = fed.filter(({ path, digest }) => digestOf(readFileSync(join(dir, path), 'utf8')) !== digest);
      await addPagesInOrder(
        index,
        dir,
        changed.map(({ path }) => path),
      );
      await addPagesInOrder(index, dir, files.slice(fed.length));
      return { pages: files.length, readAgain: changed.length, readAsWritten: fed.length };
    },
    async stop() {
      broken = true;
      await Promise.allSettled(fed.map(({ answer }) => answer));
    },
  };
}

const digestOf = (text: string) => createHash('sha256').update(text).digest('base64');
