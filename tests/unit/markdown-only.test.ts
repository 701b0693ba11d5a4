import type { Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { markdownOnly } from '../../src/markdown/markdown-only.ts';

describe('markdownOnly', () => {
  const seen: string[] = [];
  const plugin = (tag: string) => (tree: Root, file: VFile) => {
    seen.push(`${tag}:${file.basename}`);
    return tree;
  };
  const tree: Root = { type: 'root', children: [] };

  it('runs the plugin on .md pages and skips .mdx pages in any case', () => {
    const gated = markdownOnly(plugin)('x');
    expect(gated(tree, new VFile({ path: '/c/a.md' }))).toBe(tree);
    expect(gated(tree, new VFile({ path: '/c/b.MDX' }))).toBeUndefined();
    expect(gated(tree, new VFile({ path: '/c/c.mdx' }))).toBeUndefined();
    expect(seen).toEqual(['x:a.md']);
  });
});
