import { readdirSync } from 'node:fs';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import type { Root } from 'hast';
import { visitParents } from 'unist-util-visit-parents';
import { describe, expect, it } from 'vitest';

// patches/ holds changes to installed packages that `npm ci` applies (postinstall: patch-package).
describe('the patched packages', () => {
  it('patches only what the README explains', () => {
    expect(readdirSync('patches').sort()).toEqual(['@astrojs+markdown-remark+7.3.1.patch', 'unist-util-visit-parents+6.1.0.patch']);
  });

  it('unist-util-visit-parents no longer names each visit after its node (a defineProperty per node visited)', () => {
    let stack = '';
    const tree = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: 'x' }] }] };
    visitParents(tree, 'text', () => {
      stack = new Error('where').stack ?? '';
    });
    expect(stack).toContain('visit');
    // Unpatched, the frames above the visitor read `node (paragraph)`, `node (root)`.
    expect(stack).not.toMatch(/node \(/);
  });

  it("Astro's Markdown renderer runs its closing rehype-raw only on a tree that still holds raw HTML", async () => {
    // A plugin that leaves a paragraph inside a paragraph: parse5's round trip would take them apart.
    const nested = () => (tree: Root) => {
      tree.children.unshift({
        type: 'element',
        tagName: 'p',
        properties: {},
        children: [{ type: 'element', tagName: 'p', properties: {}, children: [] }],
      });
    };
    const { render } = await createMarkdownProcessor({ rehypePlugins: [nested], syntaxHighlight: false });
    expect((await render('text')).code).toBe('<p><p></p></p><p>text</p>');
    // With raw HTML the pass runs: the tree is re-parsed whole, as HTML parsers read it.
    const withRaw = (await render('x <div>y</div>')).code;
    expect(withRaw).toContain('<p>x </p><div>y</div>');
    expect(withRaw).not.toContain('<p><p>');
  });
});
