// A thread of the build's Markdown rendering: renders the pages it is sent with the handbook's processor
// and writes each page's HTML to its own file (see render-pool.ts and render-job.ts).
import { parentPort, workerData } from 'node:worker_threads';
import type { RenderJob, RenderSettings } from './render-pool.ts';
import { createPageRenderer } from './render-job.ts';
import { toThreadError } from './thread-errors.ts';

const render = createPageRenderer(workerData as RenderSettings);

parentPort!.on('message', (job: RenderJob) => {
  render(job).then(
    (page) => parentPort!.postMessage({ page }),
    (error: unknown) => parentPort!.postMessage({ error: toThreadError(error) }),
  );
});
