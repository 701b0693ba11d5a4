import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import remarkGemoji from 'remark-gemoji';
import remarkGfm from 'remark-gfm';
import rehypeSlug from 'rehype-slug';
import type { Pluggable } from 'unified';
import type { Options } from '../markdown/links.ts';
import { markdownOnly } from '../markdown/markdown-only.ts';
import { rehypeCollectIds } from './rehype-collect-ids.ts';
import { rehypeExtractTitle } from './rehype-extract-title.ts';
import { rehypeLinks } from './rehype-links.ts';
import { rehypeRawMarkdown } from './rehype-raw-markdown.ts';
import { rehypeReportUnsafeUrls } from './rehype-report-unsafe-urls.ts';
import { rehypeSanitizeHtml } from './rehype-sanitize-html.ts';
import { remarkGlossary } from './remark-glossary.ts';
import { remarkLinks } from './remark-links.ts';
import { remarkPageMeta } from './remark-page-meta.ts';
import { remarkProgress } from './remark-progress.ts';

// This module imports only the plugins that decide links, ids and titles, so `npm run check` parses
// pages without loading the highlighter (Shiki) and the other markup-only plugins; index.ts adds those.

/** The build's markup-only plugins (code-check labels, highlighting, table wrappers, permalinks, alert callouts): no link, id or title depends on them. */
export interface MarkupPlugins {
  remarkCodeChecks: Pluggable;
  rehypeCodeBlocks: Pluggable;
  rehypeScrollTables: Pluggable;
  rehypeHeadingAnchors: Pluggable;
  rehypeGithubAlerts: Pluggable;
}

/** Returns the remark and rehype plugin lists in the order they must run; without `markup`, only those that decide links, ids and titles. */
export function pluginLists(options: Options, markup?: MarkupPlugins): { remarkPlugins: RemarkPlugins; rehypePlugins: RehypePlugins } {
  const add = (plugin: Pluggable | undefined) => (plugin === undefined ? [] : [plugin]);
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
      ...add(markup?.remarkCodeChecks),
    ] as RemarkPlugins,
    // rehype-raw first so raw HTML is visible to the rest; ids are collected before the title leaves the body.
    // The first three concern raw HTML and GitHub's rules for it, so only `.md` pages: MDX pages are maintainers' code.
    rehypePlugins: [
      markdownOnly(rehypeRawMarkdown),
      // Script and data: URLs are reported before the sanitizer drops them.
      markdownOnly(rehypeReportUnsafeUrls),
      // GitHub's allow-list, before any of our own markup is added.
      markdownOnly(rehypeSanitizeHtml),
      [rehypeLinks, options],
      ...add(markup?.rehypeCodeBlocks),
      ...add(markup?.rehypeScrollTables),
      rehypeSlug,
      ...add(markup?.rehypeHeadingAnchors),
      ...add(markup?.rehypeGithubAlerts),
      rehypeCollectIds,
      rehypeExtractTitle,
    ] as RehypePlugins,
  };
}

/** Returns the build's plugin lists without the markup-only ones: what decides a page's links, ids and title, for checking without rendering. */
export function recordPlugins(options: Options): { remarkPlugins: RemarkPlugins; rehypePlugins: RehypePlugins } {
  return pluginLists(options);
}
