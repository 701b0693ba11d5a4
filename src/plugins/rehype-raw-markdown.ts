import type { Root } from 'hast';
import rehypeRaw from 'rehype-raw';
import type { VFile } from 'vfile';

/**
 * Parses raw HTML in `.md` pages into elements, so later plugins see it.
 * Astro runs rehype-raw only after every user plugin; MDX has no raw HTML and is skipped.
 */
export function rehypeRawMarkdown() {
  const raw = rehypeRaw.call(undefined as never) as (tree: Root, file: VFile) => Root;
  return (tree: Root, file: VFile): Root | undefined => {
    if (file.path?.toLowerCase().endsWith('.mdx')) return undefined;
    return raw(tree, file);
  };
}
