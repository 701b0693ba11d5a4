import type { Root } from 'hast';
import rehypeRaw from 'rehype-raw';
import { EXIT, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

/**
 * Parses raw HTML in pages into elements, so later plugins see it. Astro runs rehype-raw only
 * after every user plugin, too late for them. A page without raw HTML is left as it is: the
 * re-parse costs as much as a tenth of its rendering. Astro's own pass at the end then finds no raw
 * HTML left and is skipped (patches/@astrojs+markdown-remark+*.patch).
 */
export function rehypeRawMarkdown() {
  const raw = rehypeRaw.call(undefined as never) as (tree: Root, file: VFile) => Root;
  return (tree: Root, file: VFile): Root => (hasRaw(tree) ? raw(tree, file) : tree);
}

function hasRaw(tree: Root): boolean {
  let found = false;
  visit(tree, 'raw', () => {
    found = true;
    return EXIT;
  });
  return found;
}
