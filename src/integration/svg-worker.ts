// The build's SVG thread (see svg-thread.ts): reads and sanitizes SVGs (jsdom and DOMPurify) away from the
// main thread, which meanwhile writes the pages.
import { parentPort, workerData } from 'node:worker_threads';
import { cachedSanitizer } from '../data/svg-cache.ts';
import { toThreadError } from '../data/thread-errors.ts';
import { readPublishable, sanitizeSvgFiles } from './assets.ts';
import type { SvgRequest, SvgAnswer, SvgThreadData } from './svg-thread.ts';

// A rebuild sanitizes only the SVGs that changed since the build that kept its answers.
const { cacheFile } = workerData as SvgThreadData;
const cache = cacheFile === undefined ? undefined : cachedSanitizer(cacheFile);

parentPort!.on('message', (request: SvgRequest) => {
  answer(request).then(
    (answer) => parentPort!.postMessage(answer),
    (error: unknown) => parentPort!.postMessage({ id: request.id, error: toThreadError(error) } satisfies SvgAnswer),
  );
});

async function answer(request: SvgRequest): Promise<SvgAnswer> {
  if (request.kind === 'publishable') {
    const files = await Promise.all(
      request.files.map(async (file) => [file, await readPublishable(request.contentRoot, file, cache?.sanitize)] as const),
    );
    // Kept after each request (the answers used so far): the in-place request may never come, if publishing fails.
    cache?.save();
    return { id: request.id, files };
  }
  const count = await sanitizeSvgFiles(request.files, cache?.sanitize);
  cache?.save();
  return { id: request.id, count };
}
