// The build's SVG thread (see svg-thread.ts): reads and sanitizes SVGs (jsdom and DOMPurify) away from the
// main thread, which meanwhile writes the pages.
import { parentPort } from 'node:worker_threads';
import { readPublishable, sanitizeSvgFiles } from './assets.ts';
import type { SvgRequest, SvgAnswer } from './svg-thread.ts';

parentPort!.on('message', (request: SvgRequest) => {
  answer(request).then(
    (answer) => parentPort!.postMessage(answer),
    (error: unknown) => {
      const { message, stack } = error instanceof Error ? error : new Error(String(error));
      parentPort!.postMessage({ id: request.id, error: { message, stack } } satisfies SvgAnswer);
    },
  );
});

async function answer(request: SvgRequest): Promise<SvgAnswer> {
  if (request.kind === 'publishable') {
    const files = await Promise.all(request.files.map(async (file) => [file, await readPublishable(request.contentRoot, file)] as const));
    return { id: request.id, files };
  }
  return { id: request.id, count: await sanitizeSvgFiles(request.files) };
}
