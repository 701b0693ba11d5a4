import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { linkRecorder, positionKey, type Options } from '../markdown/links.ts';

export type { Options } from '../markdown/links.ts';

const URL_ATTRIBUTE: Record<string, 'href' | 'src'> = { a: 'href', img: 'src' };

/** Rewrites and records links and images written as raw HTML (`<a href>`, `<img src>`). */
export function rehypeLinks(options: Options) {
  return (tree: Root, file: VFile) => {
    const links = linkRecorder(options, file);
    if (!links) return;
    visit(tree, 'element', (node: Element) => {
      const attribute = URL_ATTRIBUTE[node.tagName];
      const url = attribute ? node.properties[attribute] : undefined;
      const key = positionKey(node);
      if (!attribute || typeof url !== 'string' || (key !== undefined && links.handled.has(key))) return;
      const written = links.add(url, node.tagName === 'img' ? 'image' : 'link', node);
      if (written?.href !== undefined) node.properties[attribute] = written.href;
    });
  };
}
