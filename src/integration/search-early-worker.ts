// The early reading's thread (see search-early.ts): Pagefind reads the last build's output from here while the main
// thread loads the content, bundles and writes the pages; at the end it completes the reading and writes the index.
import { getPriority, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import { toThreadError } from '../data/thread-errors.ts';
import {
  completeEarlyReading,
  startEarlyReading,
  type EarlyAnswer,
  type EarlyData,
  type EarlyRequest,
  type EarlyResult,
} from './search-early.ts';

const { previous, language } = workerData as EarlyData;
// Linux gives each thread a niceness of its own, and the Pagefind process this thread starts inherits it: the build's
// threads go first, and Pagefind reads in the time they leave (elsewhere the whole process would be slowed).
if (process.platform === 'linux') setPriority(Math.min(19, getPriority() + 10));
const reading = startEarlyReading(previous, language).catch(() => undefined);

parentPort!.on('message', (request: EarlyRequest) => {
  answer(request).then(
    (result) => parentPort!.postMessage({ result: result ?? null } satisfies EarlyAnswer),
    (error: unknown) => parentPort!.postMessage({ error: toThreadError(error) } satisfies EarlyAnswer),
  );
});

async function answer(request: EarlyRequest): Promise<EarlyResult | undefined> {
  try {
    if (request.kind === 'stop') return undefined;
    const early = await reading;
    if (!early) return undefined;
    const result = await completeEarlyReading(early, request.outDir).catch(() => undefined);
    if (result === undefined) return undefined;
    const written = await early.index.writeFiles({ outputPath: request.outputPath });
    if (written.errors.length > 0)
      throw new Error(`Pagefind could not write the index into ${request.outputPath}: ${written.errors.join('\n')}`);
    return result;
  } finally {
    await pagefind.close();
  }
}
