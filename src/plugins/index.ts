import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import remarkGemoji from 'remark-gemoji';
import remarkGfm from 'remark-gfm';
import rehypeSlug from 'rehype-slug';
import type { Options } from '../markdown/links.ts';
import { markdownOnly } from '../markdown/markdown-only.ts';
import { rehypeCodeBlocks } from './rehype-code-blocks.ts';
import { remarkCodeChecks } from './remark-code-checks.ts';
import { rehypeCollectIds } from './rehype-collect-ids.ts';
import { rehypeExtractTitle } from './rehype-extract-title.ts';
import { rehypeGithubAlerts } from 'rehype-github-alerts';
import { rehypeHeadingAnchors } from './rehype-heading-anchors.ts';
import { rehypeLinks } from './rehype-links.ts';
import { rehypeRawMarkdown } from './rehype-raw-markdown.ts';
import { rehypeReportUnsafeUrls } from './rehype-report-unsafe-urls.ts';
import { rehypeSanitizeHtml } from './rehype-sanitize-html.ts';
import { rehypeScrollTables } from './rehype-scroll-tables.ts';
import { remarkGlossary } from './remark-glossary.ts';
import { remarkLinks } from './remark-links.ts';
import { remarkPageMeta } from './remark-page-meta.ts';
import { remarkProgress } from './remark-progress.ts';

/** Returns the remark and rehype plugin lists, in the order they must run. */
export function markdownPlugins(options: Options): { remarkPlugins: RemarkPlugins; rehypePlugins: RehypePlugins } {
  return {
    // remark-gemoji turns `:rocket:` into 🚀 in text only, never in code, as GitHub does.
    // Glossary links are relative Markdown links, so remark-links rewrites and records them like any other.
    remarkPlugins: [
      remarkGfm,
      remarkGemoji,
      remarkPageMeta,
      [remarkGlossary, { contentRoot: options.contentRoot }],
      [remarkLinks, options],
      [remarkProgress, { onFile: options.onPage ?? (() => {}) }],
      remarkCodeChecks,
    ],
    // rehype-raw first so raw HTML is visible to the rest; ids are collected before the title leaves the body.
    // The first three concern raw HTML and GitHub's rules for it, so only `.md` pages: MDX pages are maintainers' code.
    rehypePlugins: [
      markdownOnly(rehypeRawMarkdown),
      // Script and data: URLs are reported before the sanitizer drops them.
      markdownOnly(rehypeReportUnsafeUrls),
      // GitHub's allow-list, before any of our own markup is added.
      markdownOnly(rehypeSanitizeHtml),
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

// Plugins that only add markup (code-check labels, highlighting, wrappers, permalinks, alert callouts):
// no link, id or title depends on them.
const MARKUP_ONLY = new Set<unknown>([remarkCodeChecks, rehypeCodeBlocks, rehypeScrollTables, rehypeHeadingAnchors, rehypeGithubAlerts]);
const kept = (p: unknown) => !MARKUP_ONLY.has(Array.isArray(p) ? p[0] : p);

/** Returns the build's plugin lists without the markup-only ones: what decides a page's links, ids and title, for checking without rendering. */
export function recordPlugins(options: Options): { remarkPlugins: RemarkPlugins; rehypePlugins: RehypePlugins } {
  const { remarkPlugins, rehypePlugins } = markdownPlugins(options);
  return { remarkPlugins: remarkPlugins.filter(kept), rehypePlugins: rehypePlugins.filter(kept) };
}
