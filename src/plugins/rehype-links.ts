import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { resolveLink } from '../lib/resolve-link.ts';
import { handledLinks, positionKey, type Options } from './link-options.ts';
import { contentPath, pageRecord } from './page-record.ts';

export type { Options } from './link-options.ts';

const URL_ATTRIBUTE: Record<string, 'href' | 'src'> = { a: 'href', img: 'src' };

/** Rewrites and records links and images written as raw HTML (`<a href>`, `<img src>`). */
export function rehypeLinks(options: Options) {
  return (tree: Root, file: VFile) => {
    const from = contentPath(file, options.contentRoot);
    if (from === undefined) return;
    const record = pageRecord(file);
    const handled = handledLinks(file.data as Record<PropertyKey, unknown>);
    visit(tree, 'element', (node: Element) => {
      const attribute = URL_ATTRIBUTE[node.tagName];
      const url = attribute ? node.properties[attribute] : undefined;
      const key = positionKey(node);
      if (typeof url !== 'string' || (key !== undefined && handled.has(key))) return;
      const target = resolveLink({ from, url, base: options.base, isDir: options.isDir });
      if (target.type === 'external') return;
      record.links.push({
        url,
        kind: node.tagName === 'img' ? 'image' : 'link',
        line: node.position?.start.line,
        column: node.position?.start.column,
        target,
      });
      if ('href' in target) node.properties[attribute!] = target.href;
    });
  };
}
