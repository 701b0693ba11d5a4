import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { linkRecorder, positionKey, type Options } from '../markdown/links.ts';
import { pageRecord } from '../markdown/page-record.ts';

export type { Options } from '../markdown/links.ts';

/**
 * Rewrites Markdown links, images and link definitions to site URLs and records each one.
 * Runs in remark so that rewritten images never reach Astro's image pipeline.
 */
export function remarkLinks(options: Options) {
  return (tree: Root, file: VFile) => {
    const links = linkRecorder(options, file);
    if (!links) return;
    pageRecord(file).links = [];
    const localDefinitions = new Set<string>();
    visit(tree, ['link', 'image', 'definition'], (node) => {
      if (node.type !== 'link' && node.type !== 'image' && node.type !== 'definition') return;
      const written = links.add(node.url, node.type === 'image' ? 'image' : 'link', node);
      if (!written) return;
      if (written.href !== undefined) node.url = written.href;
      if (node.type === 'definition') localDefinitions.add(node.identifier);
      const key = positionKey(node);
      if (key) links.handled.add(key);
    });
    // References take their URL from a definition: rewritten with it, so skipped with it.
    visit(tree, ['linkReference', 'imageReference'], (node) => {
      if (node.type !== 'linkReference' && node.type !== 'imageReference') return;
      const key = positionKey(node);
      if (key && localDefinitions.has(node.identifier)) links.handled.add(key);
    });
  };
}
