// A thread of the build's Markdown rendering: renders the pages it is sent with the handbook's processor
// and writes each page's HTML to its own file (see render-pool.ts and page-html.ts).
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { handbookProcessor } from '../markdown/processor.ts';
import { writePageHtml } from './page-html.ts';
import type { RenderJob, RenderSettings } from './render-pool.ts';
import { directoryCheck } from './scan-content.ts';
import { toThreadError } from './thread-errors.ts';

const { contentRoot, base, image } = workerData as RenderSettings;
// The settings Astro's Markdown entry type gives the processor (syntax highlighting is our plugin's).
const renderer = handbookProcessor({ contentRoot, base, isDir: directoryCheck(contentRoot) }).createRenderer({
  image: image as never,
  syntaxHighlight: false,
});

parentPort!.on('message', (job: RenderJob) => {
  render(job).then(
    (page) => parentPort!.postMessage({ page }),
    (error: unknown) => parentPort!.postMessage({ error: toThreadError(error) }),
  );
});

async function render(job: RenderJob) {
  const result = await (await renderer).render(job.body, { frontmatter: job.data, fileURL: pathToFileURL(job.filePath) });
  const imagePaths = [...result.metadata.localImagePaths, ...result.metadata.remoteImagePaths];
  const metadata = { ...result.metadata, imagePaths };
  // Astro rewrites image references in the stored HTML when the page is written: such a page keeps its HTML in the store.
  if (imagePaths.length > 0) return { html: result.code, metadata };
  return { html: '', metadata: { ...metadata, htmlFile: writePageHtml(job.htmlDir, result.code) } };
}
