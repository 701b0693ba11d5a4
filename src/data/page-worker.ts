// A worker thread of the content check: parses the pages it is sent with the build's plugins (see page-workers.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { createRecorder } from './page-records.ts';
import { readPage, type PageJob } from './read-pages.ts';
import { directoryCheck } from './scan-content.ts';

const { contentRoot } = workerData as { contentRoot: string };
const recorder = createRecorder({ contentRoot, base: '/', isDir: directoryCheck(contentRoot) });
parentPort!.on('message', (jobs: PageJob[]) => {
  try {
    parentPort!.postMessage({ results: jobs.map((job) => readPage(recorder, contentRoot, job)) });
  } catch (error) {
    parentPort!.postMessage({ error });
  }
});
