import { pathToFileURL } from 'node:url';
import { handbookProcessor } from '../markdown/processor.ts';
import { writePageHtml } from './page-html.ts';
import type { RenderedPage, RenderJob, RenderSettings } from './render-pool.ts';
import { directoryCheck } from './scan-content.ts';

/**
 * Returns the build's rendering of a page, on whichever thread calls it: the page rendered with the handbook's
 * processor and its HTML written to a file of its own (see page-html.ts).
 */
export function createPageRenderer({ contentRoot, base, image }: RenderSettings): (job: RenderJob) => Promise<RenderedPage> {
  // The settings Astro's Markdown entry type gives the processor (syntax highlighting is our plugin's).
  const renderer = handbookProcessor({ contentRoot, base, isDir: directoryCheck(contentRoot) }).createRenderer({
    image: image as never,
    syntaxHighlight: false,
  });
  return async (job) => {
    const result = await (await renderer).render(job.body, { frontmatter: job.data, fileURL: pathToFileURL(job.filePath) });
    const imagePaths = [...result.metadata.localImagePaths, ...result.metadata.remoteImagePaths];
    const metadata = { ...result.metadata, imagePaths };
    // Astro rewrites image references in the stored HTML when the page is written: such a page keeps its HTML in the store.
    if (imagePaths.length > 0) return { html: result.code, metadata };
    return { html: '', metadata: { ...metadata, htmlFile: writePageHtml(job.htmlDir, result.code) } };
  };
}
