import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { HtmlValidate } from 'html-validate';
import { describe, expect, inject, it } from 'vitest';
import { builtPages } from '../helpers/site-pages.ts';

// The handbook as the global setup built it, shared with the other tests of the built site.
const run = { outDir: inject('handbookDir') };
const pages = builtPages(run.outDir);
const htmlOf = (path: string) => readFileSync(join(run.outDir, path.endsWith('.html') ? path : `${path}index.html`), 'utf8');
const gz = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;

// The validator's recommended rules, minus those that disagree with what the pages must keep.
const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    'no-trailing-whitespace': 'off', // whitespace inside <pre> is content
    'long-title': 'off', // titles are the pages' own H1 text plus the site name
    'prefer-native-element': ['error', { exclude: ['combobox', 'listbox'] }], // search is an ARIA combobox with a listbox of results
  },
});

describe('every page of the built handbook', () => {
  it('is valid HTML (html-validate, recommended rules)', async () => {
    const problems: string[] = [];
    for (const path of pages) {
      const report = await validator.validateString(htmlOf(path), path);
      for (const result of report.results)
        for (const m of result.messages) problems.push(`/${path}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
    expect(problems.slice(0, 30)).toEqual([]);
  });
});

describe('page weight of content pages (gzip)', () => {
  const scriptsOf = (html: string) => [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  const assetGz = (href: string) => gz(readFileSync(join(run.outDir, href)));

  it('executes at most 3 KB of JavaScript before any interaction', () => {
    for (const path of pages) {
      const html = htmlOf(path);
      let total = 0;
      for (const [, attrs, body] of scriptsOf(html)) {
        const src = /src="([^"]+)"/.exec(attrs ?? '')?.[1];
        if (src) {
          const code = readFileSync(join(run.outDir, src), 'utf8');
          total += gz(code);
          // Static imports run before the module does; dynamic import() (search) loads on first use.
          for (const [, dep] of code.matchAll(/\bimport\s*["']\.\/([^"']+)["']|from\s*["']\.\/([^"']+)["']/g))
            total += assetGz(join('_astro', dep!));
        } else if (!/type="application\/(ld\+)?json"/.test(attrs ?? '')) total += gz(body ?? '');
      }
      expect(total, path).toBeLessThanOrEqual(3 * 1024);
    }
  });

  it('loads at most 10 KB of CSS', () => {
    for (const path of pages) {
      const css = [...htmlOf(path).matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].reduce((sum, [, href]) => sum + assetGz(href!), 0);
      expect(css, path).toBeLessThanOrEqual(10 * 1024);
    }
  });

  it('adds at most 6 KB of HTML around the page text', () => {
    for (const path of pages) {
      const html = htmlOf(path);
      const chrome = html.replace(/(<article\b[^>]*>)[\s\S]*(<\/article>)/, '$1$2');
      expect(gz(chrome), path).toBeLessThanOrEqual(6 * 1024);
    }
  });

  it('requests nothing from another origin', () => {
    for (const path of pages) {
      const tags = htmlOf(path).match(/<(script|link|img|iframe|source|video|audio)\b[^>]*>/g) ?? [];
      for (const tag of tags.filter((t) => !t.includes('rel="canonical"'))) expect(tag, path).not.toMatch(/\b(src|href)="(https?:)?\/\//);
    }
  });
});
