// A worker thread of the content check: parses the pages it is sent with the build's plugins (see page-workers.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { createRecorder } from './page-records.ts';
import { readPage, type PageJob } from './read-pages.ts';
import { directoryCheck } from './scan-content.ts';

const { contentRoot } = workerData as { contentRoot: string };
const isDir = directoryCheck(contentRoot);
// The folder questions of the page being read, kept with its answer so a cache can tell when they change.
let asked = new Map<string, boolean>();
const recorder = createRecorder({ contentRoot, base: '/', isDir: (rel) => { const dir = isDir(rel); asked.set(rel, dir); return dir; } });
const read = (job: PageJob) => {
  asked = new Map();
  return { ...readPage(recorder, contentRoot, job), dirs: [...asked] };
};
parentPort!.on('message', (jobs: PageJob[]) => {
  try {
    parentPort!.postMessage({ results: jobs.map(read) });
  } catch (error) {
    parentPort!.postMessage({ error });
  }
});
