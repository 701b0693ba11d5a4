import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import type { Root } from 'hast';
import { visitParents } from 'unist-util-visit-parents';
import { describe, expect, it } from 'vitest';

// patches/ holds changes to installed packages that `npm ci` applies (postinstall: patch-package).
describe('the patched packages', () => {
  it('patches only what the README explains', () => {
    expect(readdirSync('patches').sort()).toEqual([
      '@astrojs+markdown-remark+7.3.1.patch',
      'astro+7.3.5.patch',
      'unist-util-visit-parents+6.1.0.patch',
    ]);
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

  it("Astro's incremental build keeps its copies of the pages in one folder, named after a digest of each output path", async () => {
    const { IncrementalBuildCache } = await import('../../node_modules/astro/dist/core/build/incremental.js');
    const cacheDir = mkdtempSync(join(tmpdir(), 'handbook-incremental-'));
    try {
      // Only the cache folder of Astro's settings is read here.
      const settings = { config: { cacheDir: pathToFileURL(`${cacheDir}/`) } } as unknown as Parameters<
        typeof IncrementalBuildCache.load
      >[0];
      const cache = IncrementalBuildCache.load(settings, 'config', 'lockfile', 'key');
      await cache.writeOutputFile(settings, 'guide/docker/index.html', 'page');
      await cache.writeOutputFile(settings, '%C3%BCber-uns/index.html', 'seite');
      // Unpatched: dist/guide/docker/index.html, a folder made for every page.
      const name = (path: string) => createHash('sha256').update(path).digest('hex').slice(0, 32);
      expect(readdirSync(join(cacheDir, 'dist')).sort()).toEqual(
        [name('guide/docker/index.html'), name('%C3%BCber-uns/index.html')].sort(),
      );
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});
