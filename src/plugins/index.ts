import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import { rehypeGithubAlerts } from 'rehype-github-alerts';
import type { Options } from '../markdown/links.ts';
import { rehypeCodeBlocks } from './rehype-code-blocks.ts';
import { rehypeHeadingAnchors } from './rehype-heading-anchors.ts';
import { rehypeScrollTables } from './rehype-scroll-tables.ts';
import { remarkCodeChecks } from './remark-code-checks.ts';
import { pluginLists } from './record-plugins.ts';

export { recordPlugins } from './record-plugins.ts';

/** Returns the remark and rehype plugin lists, in the order they must run (record-plugins.ts holds the order). */
export function markdownPlugins(options: Options): { remarkPlugins: RemarkPlugins; rehypePlugins: RehypePlugins } {
  return pluginLists(options, {
    remarkCodeChecks,
    rehypeCodeBlocks,
    rehypeScrollTables,
    rehypeHeadingAnchors,
    rehypeGithubAlerts: [rehypeGithubAlerts, {}],
  });
}
