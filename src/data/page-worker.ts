// A worker thread of the content check: parses the pages it is sent with the build's plugins (see page-workers.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { createPageReader, type PageJob } from './read-pages.ts';

const { contentRoot } = workerData as { contentRoot: string };
const read = createPageReader(contentRoot);
parentPort!.on('message', (jobs: PageJob[]) => {
  try {
    parentPort!.postMessage({ results: jobs.map(read) });
  } catch (error) {
    parentPort!.postMessage({ error });
  }
});
