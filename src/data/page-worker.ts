// A worker thread of the content check: parses the pages it is sent with the build's plugins (see
// page-workers.ts), then, when asked, lints their Markdown style: markdownlint runs in about half the
// CPU time in a thread that has just parsed pages than in a fresh one.
import { parentPort, workerData } from 'node:worker_threads';
import { createPageReader, type PageJob } from './read-pages.ts';
import type { StyleTask } from './page-workers.ts';

const { contentRoot } = workerData as { contentRoot: string };
const read = createPageReader(contentRoot);
parentPort!.on('message', (message: PageJob[] | { style: StyleTask }) => {
  if (Array.isArray(message)) {
    try {
      parentPort!.postMessage({ results: message.map(read) });
    } catch (error) {
      parentPort!.postMessage({ error });
    }
    return;
  }
  const { files, configFile, cache } = message.style;
  import('./lint-style.ts')
    .then(({ lintStyle }) => lintStyle(contentRoot, files, configFile, cache))
    .then(
      (found) => parentPort!.postMessage({ style: found }),
      (error: unknown) => parentPort!.postMessage({ styleError: error }),
    );
});
