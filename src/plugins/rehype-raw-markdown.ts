import type { Root } from 'hast';
import rehypeRaw from 'rehype-raw';
import type { VFile } from 'vfile';

/**
 * Parses raw HTML in pages into elements, so later plugins see it. Astro runs rehype-raw only
 * after every user plugin, too late for them.
 */
export function rehypeRawMarkdown() {
  const raw = rehypeRaw.call(undefined as never) as (tree: Root, file: VFile) => Root;
  return (tree: Root, file: VFile): Root => raw(tree, file);
}
