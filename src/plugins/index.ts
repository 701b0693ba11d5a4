import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import rehypeSlug from 'rehype-slug';
import type { Options } from './link-options.ts';
import { rehypeCodeBlocks } from './rehype-code-blocks.ts';
import { rehypeCollectIds } from './rehype-collect-ids.ts';
import { rehypeExtractTitle } from './rehype-extract-title.ts';
import { rehypeGithubAlerts } from 'rehype-github-alerts';
import { rehypeHeadingAnchors } from './rehype-heading-anchors.ts';
import { rehypeLinks } from './rehype-links.ts';
import { rehypeRawMarkdown } from './rehype-raw-markdown.ts';
import { rehypeSanitizeHtml } from './rehype-sanitize-html.ts';
import { rehypeScrollTables } from './rehype-scroll-tables.ts';
import { remarkLinks } from './remark-links.ts';
import { remarkPageMeta } from './remark-page-meta.ts';

/** Returns the remark and rehype plugin lists, in the order they must run. */
export function markdownPlugins(options: Options): { remarkPlugins: RemarkPlugins; rehypePlugins: RehypePlugins } {
  return {
    remarkPlugins: [remarkGfm, remarkPageMeta, [remarkLinks, options]],
    // rehype-raw first so raw HTML is visible to the rest; ids are collected before the title leaves the body.
    rehypePlugins: [
      rehypeRawMarkdown,
      // GitHub's allow-list, before any of our own markup is added.
      rehypeSanitizeHtml,
      [rehypeLinks, options],
      rehypeCodeBlocks,
      rehypeScrollTables,
      rehypeSlug,
      rehypeHeadingAnchors,
      [rehypeGithubAlerts, {}],
      rehypeCollectIds,
      rehypeExtractTitle,
    ],
  };
}
