import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { pageRecord } from './page-record.ts';

/**
 * Takes a leading `<h1>` out of the page body, so the layout can print the title with the page's
 * level, reading time and prerequisites under it. Its id is kept, so `#anchor` links still work.
 */
export function rehypeExtractTitle() {
  return (tree: Root, file: VFile) => {
    const record = pageRecord(file);
    record.titleId = undefined;
    const index = tree.children.findIndex((n) => !(n.type === 'text' && n.value.trim() === '') && n.type !== 'comment');
    const first = tree.children[index];
    if (first?.type !== 'element' || first.tagName !== 'h1') return;
    tree.children.splice(index, 1);
    record.titleId = typeof first.properties.id === 'string' ? first.properties.id : '';
  };
}
