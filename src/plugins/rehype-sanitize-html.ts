import type { Parents, Root } from 'hast';
import rehypeSanitize, { defaultSchema, type Options as SanitizeOptions } from 'rehype-sanitize';
import { visit } from 'unist-util-visit';

/** Ids the site's own markup uses; content may not take them (DOM clobbering). */
const RESERVED_ID = /^hb-/;

/**
 * GitHub's allow-list (rehype-sanitize's default schema), with two changes: ids keep their names,
 * as GitHub's anchors behave, because headings must keep the ids links point at (ids of the site's
 * own markup are reserved instead); and the contents of `<style>`, `<iframe>` and similar elements
 * are dropped with them rather than left behind as text.
 */
export const schema: SanitizeOptions = {
  ...defaultSchema,
  clobberPrefix: '',
  clobber: [],
  strip: ['script', 'style', 'iframe', 'noscript', 'template', 'textarea', 'xmp', 'object', 'embed', 'title'],
};

/** Sanitizes a page (raw HTML included) as GitHub does. */
export function rehypeSanitizeHtml() {
  const sanitize = rehypeSanitize(schema) as (tree: Root) => Root;
  return (tree: Root): Root => {
    const clean = sanitize(tree);
    visit(clean, 'element', (node, index, parent) => {
      // GitHub keeps only the checkboxes of task lists; any other form control goes.
      if (node.tagName === 'input' && parent && index !== undefined && !isTaskListItem(parent)) {
        parent.children.splice(index, 1);
        return index;
      }
      for (const key of ['id', 'name'] as const) {
        const value = node.properties[key];
        // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- `key` is one of two literal names
        if (typeof value === 'string' && RESERVED_ID.test(value)) delete node.properties[key];
      }
      return undefined;
    });
    return clean;
  };
}

function isTaskListItem(node: Parents): boolean {
  if (node.type !== 'element') return false;
  const classes = node.properties.className;
  return node.tagName === 'li' && Array.isArray(classes) && classes.includes('task-list-item');
}
