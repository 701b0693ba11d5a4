import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { pageRecord } from '../markdown/page-record.ts';

/**
 * Takes a leading `<h1>` out of the page body, so the layout can print the title with the page's
 * level, reading time and prerequisites under it. Its id is kept, so `#anchor` links still work.
 * A page with no `<h1>` at all that opens with another heading (`## Title`, common on GitHub) has
 * that heading taken as its title the same way, so the title is not printed twice.
 */
export function rehypeExtractTitle() {
  return (tree: Root, file: VFile) => {
    const record = pageRecord(file);
    record.titleId = undefined;
    const index = tree.children.findIndex((n) => !(n.type === 'text' && n.value.trim() === '') && n.type !== 'comment');
    const first = tree.children[index];
    const hasTitle = typeof file.data.astro?.frontmatter?.title === 'string';
    if (first?.type !== 'element' || !isTitleHeading(first, tree, hasTitle)) return;
    tree.children.splice(index, 1);
    record.titleId = typeof first.properties.id === 'string' ? first.properties.id : '';
  };
}

const HEADING = /^h[1-6]$/;

function isTitleHeading(node: Element, tree: Root, hasTitle: boolean): boolean {
  if (node.tagName === 'h1') return true;
  if (hasTitle || !HEADING.test(node.tagName)) return false;
  return !tree.children.some((n) => n.type === 'element' && n.tagName === 'h1');
}
