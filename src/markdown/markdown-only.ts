import type { Node } from 'unist';
import type { VFile } from 'vfile';

/** Returns whether the file being processed is an `.mdx` page. */
export function isMdx(file: VFile): boolean {
  return file.path?.toLowerCase().endsWith('.mdx') ?? false;
}

/**
 * Returns the plugin with its transformer skipped on `.mdx` pages: the one gate for plugins that
 * only concern Markdown's raw HTML. MDX pages are maintainers' code (README, "MDX pages are for
 * maintainers"): they have no raw HTML to parse, and sanitizing them would strip their components.
 */
export function markdownOnly<Args extends unknown[], Tree extends Node, Result>(
  plugin: (...args: Args) => (tree: Tree, file: VFile) => Result,
): (...args: Args) => (tree: Tree, file: VFile) => Result | undefined {
  return (...args) => {
    const transform = plugin(...args);
    return (tree, file) => (isMdx(file) ? undefined : transform(tree, file));
  };
}
