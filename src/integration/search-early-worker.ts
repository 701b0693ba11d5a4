// The early index's thread (see search-early.ts): Pagefind reads the last build's output from here (a rebuild), or the
// pages as Astro writes them (search-feed.ts), while the main thread loads the content, bundles and writes the pages; at
// the end it completes the reading and writes the index.
import { getPriority, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import { toThreadError } from '../data/thread-errors.ts';
import { createPageFeed, type PageFeed } from './search-feed.ts';
import {
  completeEarlyReading,
  startEarlyReading,
  type EarlyAnswer,
  type EarlyData,
  type EarlyReading,
  type EarlyRequest,
  type EarlyResult,
} from './search-early.ts';

const { previous, language } = workerData as EarlyData;
// Linux gives each thread a niceness of its own, and the Pagefind process this thread starts inherits it: the build's
// threads go first, and Pagefind reads in the time they leave (elsewhere the whole process would be slowed).
if (process.platform === 'linux') setPriority(Math.min(19, getPriority() + 10));

/** Pagefind's index, with what was read into it so far: the last build's pages, or this build's as they come. */
type Early = { index: pagefind.PagefindIndex } & ({ reading: EarlyReading } | { feed: PageFeed });
// A build that fails stops the thread: Pagefind is given no more pages and is closed once it has answered those it was
// given (closed sooner, its service prints a write it cut short to the terminal, amid the build's report).
const stopping = new AbortController();
const early: Promise<Early | undefined> = (async () => {
  if (previous !== undefined) {
    const reading = await startEarlyReading(previous, language, stopping.signal);
    return reading && { index: reading.index, reading };
  }
  const { index, errors } = await pagefind.createIndex({ forceLanguage: language });
  return index && errors.length === 0 ? { index, feed: createPageFeed(index) } : undefined;
})().catch(() => undefined);

parentPort!.on('message', (request: EarlyRequest) => {
  // The pages being written are handed on in the order they came (callbacks on one promise run in order), unanswered.
  if (request.kind === 'planned' || request.kind === 'written') {
    void early.then((index) => {
      if (!index || !('feed' in index)) return;
      if (request.kind === 'planned') index.feed.planned(request.outDir, request.files);
      else index.feed.written(request.file, request.content === undefined ? undefined : text(request.content));
    });
    return;
  }
  answer(request).then(
    (result) => parentPort!.postMessage({ result: result ?? null } satisfies EarlyAnswer),
    (error: unknown) => parentPort!.postMessage({ error: toThreadError(error) } satisfies EarlyAnswer),
  );
});

const text = (content: Uint8Array | string) => (typeof content === 'string' ? content : Buffer.from(content).toString('utf8'));

async function answer(request: EarlyRequest & { kind: 'finish' | 'stop' }): Promise<EarlyResult | undefined> {
  try {
    if (request.kind === 'stop') {
      stopping.abort();
      const index = await early;
      if (index && 'feed' in index) await index.feed.stop();
      return undefined;
    }
    const index = await early;
    if (!index) return undefined;
    const completing = 'reading' in index ? completeEarlyReading(index.reading, request.outDir) : index.feed.finish(request.outDir);
    const result = await completing.catch(() => undefined);
    if (result === undefined) return undefined;
    const written = await index.index.writeFiles({ outputPath: request.outputPath });
    if (written.errors.length > 0)
      throw new Error(`Pagefind could not write the index into ${request.outputPath}: ${written.errors.join('\n')}`);
    // Pages read again after being fed are pages changed after Astro wrote them (their anchors respelled): not reported.
    return 'reading' in index ? result : { pages: result.pages, readAsWritten: result.readAsWritten };
  } finally {
    await pagefind.close();
  }
}
