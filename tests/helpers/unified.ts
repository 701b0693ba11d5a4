import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import remarkStringify from 'remark-stringify';
import { unified, type PluggableList } from 'unified';
import { VFile } from 'vfile';
import type { PageRecord } from '../../src/markdown/page-record.ts';

/** The content root the plugin tests' pages live under. */
export const ROOT = '/virtual/content';

/** Returns a file at `path` (content-relative) with Astro's frontmatter slot, as Astro hands pages to the plugins. */
export function pageFile(value: string, path = 'guide/page.md', frontmatter: Record<string, unknown> = {}): VFile {
  return new VFile({ path: `${ROOT}/${path}`, value, data: { astro: { frontmatter } } });
}

/** Returns what the plugins recorded about the page in `file`. */
export function recordOf(file: VFile): PageRecord | undefined {
  return file.data.astro?.frontmatter?.handbook as PageRecord | undefined;
}

/** Runs rehype plugins over an HTML fragment; returns the HTML written and the file. */
export async function runRehype(plugins: PluggableList, file: VFile): Promise<{ html: string; file: VFile }> {
  const out = await unified().use(rehypeParse, { fragment: true }).use(plugins).use(rehypeStringify).process(file);
  return { html: String(out), file: out };
}

/** Runs remark plugins over Markdown; returns the Markdown written and the file. */
export async function runRemark(plugins: PluggableList, file: VFile): Promise<{ markdown: string; file: VFile }> {
  const out = await unified().use(remarkParse).use(plugins).use(remarkStringify, { bullet: '-' }).process(file);
  return { markdown: String(out), file: out };
}

/** Runs Markdown through remark-rehype (raw HTML kept, as Astro's processor does) and rehype plugins; returns the HTML written and the file. */
export async function runMarkdownToHtml(plugins: PluggableList, file: VFile): Promise<{ html: string; file: VFile }> {
  const out = await unified()
    .use(remarkParse)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(plugins)
    .use(rehypeStringify, { allowDangerousHtml: true })
    .process(file);
  return { html: String(out), file: out };
}
