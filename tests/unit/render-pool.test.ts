import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { globSync } from 'tinyglobby';
import { afterAll, describe, expect, it } from 'vitest';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { htmlFolder, pruneHtmlFolder, readPageHtml, writePageHtml } from '../../src/data/page-html.ts';
import { startRenderPool } from '../../src/data/render-pool.ts';
import { directoryCheck } from '../../src/data/scan-content.ts';
import { handbookProcessor } from '../../src/markdown/processor.ts';

const work = mkdtempSync(join(tmpdir(), 'handbook-render-pool-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the rendering threads of the build', () => {
  it(
    'render every page of the hostile and GitHub-style trees exactly as the main thread does, HTML aside and metadata alike',
    { timeout: 300_000 },
    async () => {
      for (const name of ['hostile', 'github-tree', 'glossary', 'site']) {
        const contentRoot = resolve('tests/fixtures', name);
        const threads = startRenderPool({ contentRoot, base: '/handbook/', image: {} }, 1);
        const renderer = await handbookProcessor({ contentRoot, base: '/handbook/', isDir: directoryCheck(contentRoot) }).createRenderer({
          syntaxHighlight: false,
        });
        const htmlDir = join(work, name);
        try {
          const files = globSync('**/*.md', { cwd: contentRoot }).sort();
          expect(files.length).toBeGreaterThan(0);
          for (const file of files) {
            const filePath = join(contentRoot, file);
            const { frontmatter, content } = parseFrontmatter(readFileSync(filePath, 'utf8'));
            const body = content.trim();
            const here = await renderer.render(body, { frontmatter, fileURL: pathToFileURL(filePath) });
            const there = await threads.render({ filePath, body, data: frontmatter, htmlDir });
            expect(there.html, file).toBe('');
            expect(readPageHtml(there.metadata.htmlFile!), file).toBe(here.code);
            expect(there.metadata.headings, file).toEqual(here.metadata.headings);
            expect(there.metadata.frontmatter, file).toEqual(here.metadata.frontmatter);
            expect(there.metadata.imagePaths, file).toEqual([]);
          }
        } finally {
          await threads.stop();
        }
      }
    },
  );

  it('report a page that fails to render with its error, and render the pages queued with it', { timeout: 120_000 }, async () => {
    const threads = startRenderPool({ contentRoot: work, base: '/', image: {} }, 2);
    try {
      // A body that is not a string breaks the Markdown parser itself; the pages sent with it still render.
      const broken = threads.render({ filePath: join(work, 'a.md'), body: 42 as unknown as string, data: {}, htmlDir: work });
      const pages = ['b', 'c', 'd'].map((name) =>
        threads.render({ filePath: join(work, `${name}.md`), body: `# ${name}\n\nText ${name}.`, data: {}, htmlDir: work }),
      );
      await expect(broken).rejects.toThrow(/Failed to parse Markdown file/);
      const html = (await Promise.all(pages)).map((page) => readPageHtml(page.metadata.htmlFile!));
      expect(html.map((h) => /<p>(.*)<\/p>/.exec(h)?.[1])).toEqual(['Text b.', 'Text c.', 'Text d.']);
    } finally {
      await threads.stop();
    }
  });

  it('start the threads asked for at once, and the others only as jobs find none idle', { timeout: 120_000 }, async () => {
    const cold = startRenderPool({ contentRoot: work, base: '/', image: {} }, 2);
    const rebuild = startRenderPool({ contentRoot: work, base: '/', image: {} }, 2, 1);
    const job = (name: string) => ({ filePath: join(work, `${name}.md`), body: `Text ${name}.`, data: {}, htmlDir: work });
    try {
      expect(cold.size()).toBe(2);
      expect(rebuild.size()).toBe(1);
      // One page at a time never finds the thread busy: no second thread starts.
      await rebuild.render(job('one'));
      await rebuild.render(job('two'));
      expect(rebuild.size()).toBe(1);
      const pages = await Promise.all(['x', 'y', 'z'].map((name) => rebuild.render(job(name))));
      expect(rebuild.size()).toBe(2);
      expect(pages.map((page) => readPageHtml(page.metadata.htmlFile!))).toEqual(['<p>Text x.</p>', '<p>Text y.</p>', '<p>Text z.</p>']);
    } finally {
      await Promise.all([cold.stop(), rebuild.stop()]);
    }
  });

  it(
    'render the first pages asked for on the calling thread when so told, then start threads for the rest',
    { timeout: 120_000 },
    async () => {
      const pool = startRenderPool({ contentRoot: work, base: '/', image: {} }, 2, 0, 2);
      const job = (name: string) => ({ filePath: join(work, `${name}.md`), body: `Text ${name}.`, data: {}, htmlDir: work });
      try {
        const here = await Promise.all([pool.render(job('here-a')), pool.render(job('here-b'))]);
        expect(pool.size()).toBe(0);
        const there = await pool.render(job('there'));
        expect(pool.size()).toBe(1);
        // The same HTML and metadata as a thread's: the one renderer serves both.
        const threadOnly = startRenderPool({ contentRoot: work, base: '/', image: {} }, 1);
        try {
          const reference = await threadOnly.render(job('here-a'));
          expect(here[0]).toEqual(reference);
        } finally {
          await threadOnly.stop();
        }
        expect([...here, there].map((page) => readPageHtml(page.metadata.htmlFile!))).toEqual([
          '<p>Text here-a.</p>',
          '<p>Text here-b.</p>',
          '<p>Text there.</p>',
        ]);
      } finally {
        await pool.stop();
      }
    },
  );
});

describe('the pages’ HTML files', () => {
  it('are named after their content, so equal pages share one file, and the unnamed ones are pruned', () => {
    const dir = join(work, 'html');
    const a = writePageHtml(dir, '<p>a</p>');
    expect(writePageHtml(dir, '<p>a</p>')).toBe(a);
    const b = writePageHtml(dir, '<p>b</p>');
    expect(b).not.toBe(a);
    expect(readPageHtml(b)).toBe('<p>b</p>');
    writeFileSync(join(dir, 'left-over.html'), 'old');
    pruneHtmlFolder(dir, new Set([a]));
    expect(readdirSync(dir)).toEqual([a.slice(dir.length + 1)]);
    expect(existsSync(b)).toBe(false);
  });

  it('live in the cache folder, out of the folders the dev server watches, apart for the dev server and a build', () => {
    const config = { root: pathToFileURL('/project/'), cacheDir: pathToFileURL('/project/node_modules/.astro/abc/') };
    expect(htmlFolder(config, 'dev')).toBe('/project/node_modules/.astro/abc/handbook-html-dev/');
    expect(htmlFolder(config, 'build')).toBe('/project/node_modules/.astro/abc/handbook-html/');
  });
});
