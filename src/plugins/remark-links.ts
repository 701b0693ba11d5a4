import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { resolveLink } from '../lib/resolve-link.ts';
import { handledLinks, positionKey, type Options } from './link-options.ts';
import { contentPath, pageRecord } from './page-record.ts';

export type { Options } from './link-options.ts';

/**
 * Rewrites Markdown links, images and link definitions to site URLs and records each one.
 * Runs in remark so that rewritten images never reach Astro's image pipeline.
 */
export function remarkLinks(options: Options) {
  return (tree: Root, file: VFile) => {
    const from = contentPath(file, options.contentRoot);
    if (from === undefined) return;
    const record = pageRecord(file);
    const handled = handledLinks(file.data as Record<PropertyKey, unknown>);
    const localDefinitions = new Set<string>();
    record.links = [];
    visit(tree, ['link', 'image', 'definition'], (node) => {
      if (node.type !== 'link' && node.type !== 'image' && node.type !== 'definition') return;
      const target = resolveLink({ from, url: node.url, base: options.base, isDir: options.isDir });
      if (target.type === 'external') return;
      record.links.push({
        url: node.url,
        kind: node.type === 'image' ? 'image' : 'link',
        line: node.position?.start.line,
        column: node.position?.start.column,
        target,
      });
      if ('href' in target) node.url = target.href;
      if (node.type === 'definition') localDefinitions.add(node.identifier);
      const key = positionKey(node);
      if (key) handled.add(key);
    });
    // References take their URL from a definition: rewritten with it, so skipped with it.
    visit(tree, ['linkReference', 'imageReference'], (node) => {
      if (node.type !== 'linkReference' && node.type !== 'imageReference') return;
      const key = positionKey(node);
      if (key && localDefinitions.has(node.identifier)) handled.add(key);
    });
  };
}
