// The early reading's thread (see search-early.ts): Pagefind reads the last build's output from here while the main
// thread loads the content, bundles and writes the pages; at the end it completes the reading and writes the index.
import { getPriority, setPriority } from 'node:os';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import { completeEarlyReading, startEarlyReading, type EarlyAnswer, type EarlyData, type EarlyRequest } from './search-early.ts';

const { previous, language } = workerData as EarlyData;
// Linux gives each thread a niceness of its own, and the Pagefind process this thread starts inherits it: the build's
// threads go first, and Pagefind reads in the time they leave (elsewhere the whole process would be slowed).
if (process.platform === 'linux') setPriority(Math.min(19, getPriority() + 10));
const reading = startEarlyReading(previous, language).catch(() => undefined);

parentPort!.on('message', (request: EarlyRequest) => {
  answer(request).then(
    (readAgain) => parentPort!.postMessage({ readAgain: readAgain ?? null } satisfies EarlyAnswer),
    (error: unknown) => {
      const { message, stack } = error instanceof Error ? error : new Error(String(error));
      parentPort!.postMessage({ error: { message, stack } } satisfies EarlyAnswer);
    },
  );
});

async function answer(request: EarlyRequest): Promise<number | undefined> {
  try {
    if (request.kind === 'stop') return undefined;
    const early = await reading;
    if (!early) return undefined;
    const readAgain = await completeEarlyReading(early, request.outDir, request.order).catch(() => undefined);
    if (readAgain === undefined) return undefined;
    const written = await early.index.writeFiles({ outputPath: request.outputPath });
    if (written.errors.length > 0)
      throw new Error(`Pagefind could not write the index into ${join(request.outputPath)}: ${written.errors.join('\n')}`);
    return readAgain;
  } finally {
    await pagefind.close();
  }
}
