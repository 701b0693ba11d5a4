import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { pageRecord } from '../markdown/page-record.ts';

/** Records every `id` and `<a name>` of the rendered page, the targets its `#anchors` may use. */
export function rehypeCollectIds() {
  return (tree: Root, file: VFile) => {
    const ids = new Set<string>();
    visit(tree, 'element', (node) => {
      const { id, name } = node.properties;
      if (typeof id === 'string' && id) ids.add(id);
      if (node.tagName === 'a' && typeof name === 'string' && name) ids.add(name);
    });
    pageRecord(file).ids = [...ids];
  };
}
