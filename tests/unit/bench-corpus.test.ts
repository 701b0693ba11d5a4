import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import GithubSlugger from 'github-slugger';
import { describe, expect, it } from 'vitest';
import { corpusFiles } from '../../scripts/bench/generate.ts';
import { countWords } from '../../scripts/bench/corpus-text.ts';
import { relativeLink } from '../../scripts/bench/corpus-page.ts';
import { cpuSecondsOf, pickPage } from '../../scripts/bench/dev.ts';
import { toRouteSegment } from '../../src/lib/routes.ts';

const digest = (pages: number, seed?: string) => {
  const hash = createHash('sha256');
  for (const file of corpusFiles(pages, seed)) hash.update(`${file.path}\0`).update(file.data).update('\0');
  return hash.digest('hex');
};

const corpus = new Map([...corpusFiles(120)].map((f) => [f.path, f.data]));
const pages = [...corpus].filter(([path]) => path.endsWith('.md')).map(([path, data]) => ({ path, text: data as string }));
const body = (text: string) => text.replace(/^---\n[\s\S]*?\n---\n/, '');
/** The ids GitHub gives a page's headings. */
const idsOf = (text: string) => {
  const slugger = new GithubSlugger();
  return new Set([...body(text).matchAll(/^#{1,6} (.+)$/gm)].map((m) => slugger.slug(m[1]!)));
};
/** Every relative link of a page (Markdown links and images, raw `href` and `src`). */
const linksOf = (text: string) => [
  ...[...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!),
  ...[...text.matchAll(/(?:href|src)="([^"]+)"/g)].map((m) => m[1]!),
];

describe('the benchmark corpus', () => {
  it('is byte-identical for the same page count and seed, and differs for another seed', () => {
    expect(digest(60)).toBe(digest(60));
    expect(digest(60, 'other')).not.toBe(digest(60));
  });

  it('holds exactly the pages asked for, with a README.md in every folder', () => {
    expect(pages).toHaveLength(120);
    const folders = new Set([...corpus.keys()].map((p) => posix.dirname(p)));
    for (const folder of folders) expect(corpus.has(folder === '.' ? 'README.md' : `${folder}/README.md`), folder).toBe(true);
    expect([...folders].some((f) => f.split('/').length >= 2)).toBe(true);
  });

  it('links only files and headings that exist', () => {
    let anchors = 0;
    for (const { path, text } of pages) {
      for (const link of linksOf(text)) {
        const [file, anchor] = decodeURI(link).split('#');
        const target = file ? posix.normalize(posix.join(posix.dirname(path), file)) : path;
        expect(corpus.has(target), `${path} links ${link}`).toBe(true);
        if (anchor !== undefined) {
          anchors += 1;
          expect(idsOf(corpus.get(target) as string).has(anchor), `${path} links ${link}`).toBe(true);
        }
      }
    }
    expect(anchors).toBeGreaterThan(pages.length);
  });

  it('gives every page 4 to 6 headings, a table, a fenced block with a language, a task list, an alert and raw HTML', () => {
    for (const { path, text } of pages) {
      const headings = body(text).match(/^#{2,3} (?!In this section).+$/gm) ?? [];
      expect(headings.length, path).toBeGreaterThanOrEqual(4);
      expect(headings.length, path).toBeLessThanOrEqual(6);
      expect(text, path).toMatch(/^\| --- \|/m);
      expect(text, path).toMatch(/^```[a-z]+$/m);
      expect(text, path).toMatch(/^- \[[ x]\] /m);
      expect(text, path).toMatch(/^> \[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]$/m);
      expect(text, path).toMatch(/<details>/);
    }
  });

  it('gives pages other than folder indexes 3 to 6 links to other pages', () => {
    for (const { path, text } of pages.filter((p) => !p.path.endsWith('README.md'))) {
      const others = new Set(linksOf(text).filter((l) => /\.md(#|$)/.test(l)));
      expect(others.size, path).toBeGreaterThanOrEqual(3);
      expect(others.size, path).toBeLessThanOrEqual(6);
    }
  });

  it('writes pages of about 1,250 words, a few of about 100 KB, and images beside them', () => {
    const words = pages.map((p) => countWords(body(p.text))).sort((a, b) => a - b);
    expect(words[words.length >> 1]).toBeGreaterThan(1_100);
    expect(words[words.length >> 1]).toBeLessThan(1_400);
    expect(pages.filter((p) => p.text.length > 90_000).length).toBeGreaterThanOrEqual(1);
    const images = [...corpus.keys()].filter((p) => /\.(svg|png)$/.test(p));
    expect(images.some((p) => p.endsWith('.svg')) && images.some((p) => p.endsWith('.png'))).toBe(true);
    const png = corpus.get(images.find((p) => p.endsWith('.png'))!) as Uint8Array;
    expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });
});

describe('relativeLink', () => {
  it('writes links as GitHub resolves them, relative to the linking folder', () => {
    expect(relativeLink('', 'a/b.md')).toBe('./a/b.md');
    expect(relativeLink('a/x', 'a/b.md')).toBe('../b.md');
    expect(relativeLink('a', 'a/b.md')).toBe('./b.md');
    expect(relativeLink('a/b', 'c/README.md')).toBe('../../c/README.md');
  });
});

describe('the dev benchmark', () => {
  it('opens and edits an ordinary page of the corpus (no folder index, no long page) under its route and H1', () => {
    const target = pickPage(120);
    const text = corpus.get(target.file) as string;
    expect(target.file).not.toMatch(/README\.md$/);
    expect(text.length).toBeLessThan(50_000);
    expect(body(text).split('\n')).toContain(`# ${target.title}`);
    expect(target.route).toBe(`/${target.file.replace(/\.md$/, '').split('/').map(toRouteSegment).join('/')}/`);
  });

  it('reads the CPU time a running process has used', () => {
    const spent = cpuSecondsOf(process.pid);
    expect(spent).toBeGreaterThan(0);
    expect(Number.isNaN(cpuSecondsOf(2 ** 22 + 1))).toBe(true);
  });
});
