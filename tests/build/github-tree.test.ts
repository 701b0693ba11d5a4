import { readFileSync, rmSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { fixture, runBuild, type BuildRun } from '../helpers/build.ts';
import { serveStatic } from '../helpers/static-server.ts';

// A tree written for GitHub, not for this generator: `##` titles, no headings, an empty page, a
// spaced folder name, case-mismatched anchors, emoji shortcodes, a Cyrillic page, one broken link,
// German folder and file names with spaces and parentheses, and a folder without README.
const tree = fixture('github-tree');
const at = (file: string) => `tests/fixtures/github-tree/${file}`;
let standard: BuildRun;
let lenient: BuildRun;
let reportFile: string;

beforeAll(async () => {
  reportFile = join(mkdtempSync(join(tmpdir(), 'handbook-report-')), 'report.json');
  [standard, lenient] = await Promise.all([runBuild(tree), runBuild(tree, { HANDBOOK_STRICT: 'false', HANDBOOK_REPORT: reportFile })]);
});
afterAll(() => {
  for (const run of [standard, lenient]) if (run) rmSync(dirname(run.outDir), { recursive: true, force: true });
  rmSync(dirname(reportFile), { recursive: true, force: true });
});

const page = (route: string) => readFileSync(join(lenient.outDir, route, 'index.html'), 'utf8');

describe('a GitHub tree built with the default settings', () => {
  it('fails on the broken link only, and lists the fallback titles and the empty page as warnings', () => {
    expect(standard.code).toBe(1);
    expect(standard.stderr).toContain(`${at('notes.md')}:2:1 missing-file cannot find \`./gone.md\``);
    expect(standard.stderr).toContain('1 error, 6 warnings in the content.');
    expect(standard.stderr).not.toMatch(/\n\s+at .*:\d+:\d+\)/);
  });
});

describe('a GitHub tree built with HANDBOOK_STRICT=false', () => {
  it('builds, saying which titles were chosen and that the empty page was left out', () => {
    const output = `${lenient.stdout}${lenient.stderr}`;
    expect(lenient.code, output).toBe(0);
    expect(output).toContain(
      `${at('README.md')} missing-title the page has no \`title\` and no \`# H1\`; its first heading \`DevOps Exercises 🚀\` is used as the title`,
    );
    expect(output).toContain(
      `${at('notes.md')} missing-title the page has no \`title\` and no heading; the title \`notes\` is made from its file name`,
    );
    expect(output).toContain(`${at('empty.md')} empty-file the page is empty, so it is left out of the site`);
    expect(output).toContain(`${at('notes.md')}:2:1 missing-file cannot find \`./gone.md\``);
    expect(output).toMatch(
      /Built 11 pages, 0 linked files, search index over [\d,]+ words and [\d,]+ bytes of search vocabulary and titles in [\d.]+ s; 7 warnings: 1 empty-file, 1 missing-file, 5 missing-title\./,
    );
  });

  it('titles pages by their first heading, else their file or folder name, printed once', () => {
    expect(page('my-exercises')).toContain('<title>Exercises');
    expect(page('my-exercises')).not.toMatch(/<h2[^>]*>Exercises/);
    expect(page('aws-cloud-practitioner')).toMatch(/<h1 id="aws-basics">AWS Basics/);
    expect(page('notes')).toMatch(/<h1>notes<\/h1>/);
    expect(page('ru')).toMatch(/<h1 id="введение">Введение/);
  });

  it('respells case-mismatched fragments to the real heading ids, within and across pages', () => {
    expect(page('')).toContain('href="#misc"');
    expect(page('')).toContain('href="/aws-cloud-practitioner/#aws-basics"');
    expect(page('')).toContain('href="/ru/#%D0%BE%D1%81%D0%BD%D0%BE%D0%B2%D1%8B"');
    expect(page('my-exercises')).toContain('href="/#misc"');
    expect(page('aws-cloud-practitioner')).toContain('href="/#containers"');
    expect(page('ru')).toContain('href="#%D0%BE%D1%81%D0%BD%D0%BE%D0%B2%D1%8B"');
    expect(page('')).not.toMatch(/href="[^"]*#(Misc|AWS-Basics)"/);
  });

  it('turns emoji shortcodes into emoji in prose and leaves code alone', () => {
    expect(page('')).toContain('ℹ️ Practice questions');
    expect(page('')).toContain('Anything else 👍.');
    expect(page('')).toContain('<code>:rocket:</code>');
    expect(page('')).toContain(':bar_chart: stays as written');
  });

  it('leaves the empty page out and writes the JSON report', () => {
    expect(() => page('empty')).toThrow();
    const report = JSON.parse(readFileSync(reportFile, 'utf8'));
    expect(report).toMatchObject({
      ok: true,
      pages: 11,
      errors: 0,
      warnings: 7,
      byRule: { 'empty-file': 1, 'missing-file': 1, 'missing-title': 5 },
    });
    expect(report.problems[0]).toMatchObject({ file: at('aws-cloud-practitioner.md'), rule: 'missing-title', severity: 'warning' });
  });
});

describe('folders and files named in other languages, with spaces and parentheses', () => {
  const article = (html: string) => html.slice(html.indexOf('<article'), html.indexOf('</article>'));
  const linksIn = (html: string) => [...article(html).matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)].map((m) => [m[2], decodeURI(m[1]!)]);

  it('rewrites Markdown and raw HTML links to them, and reports no problem for any', () => {
    for (const output of [standard.stderr, `${lenient.stdout}${lenient.stderr}`]) {
      expect(output).not.toMatch(/ (absolute-path|missing-readme) /);
      expect(output).not.toMatch(/(README|übung|Teil 1|tiefer)[^\n]* missing-file /i);
    }
    expect(linksIn(page('')).slice(-8)).toEqual([
      ['Über uns', '/über-uns/'],
      ['exercises without a README', '/übungen-extra/'],
      ['without a slash', '/übungen-extra/'],
      ['without a dot', '/übungen-extra/'],
      ['first part', '/übungen-extra/erste-schritte-teil-1/'],
      ['Über uns (HTML)', '/über-uns/'],
      ['exercises (HTML)', '/übungen-extra/'],
      ['first part (HTML)', '/übungen-extra/erste-schritte-teil-1/'],
    ]);
    expect(linksIn(page('übungen-extra/erste-schritte-teil-1'))).toEqual([
      ['zweiten Übung', '/übungen-extra/zweite-übung/'],
      ['Übersicht', '/übungen-extra/'],
      ['über uns', '/über-uns/'],
    ]);
    expect(linksIn(page('übungen-extra/zweite-übung'))).toEqual([['Verweis nach oben', '/übungen-extra/']]);
    expect(linksIn(page('übungen-extra/mehr-tiefe/tiefer'))).toEqual([
      ['Übersicht', '/übungen-extra/'],
      ['Ordner selbst', '/übungen-extra/mehr-tiefe/'],
    ]);
  });

  it('gives a folder without README an index page titled after the folder, listing its pages and subfolders with descriptions', () => {
    const index = page('übungen-extra');
    expect(index).toContain('<title>Übungen (extra) | DevOps Handbook</title>');
    expect(index).toContain('<meta name="description" content="Erste Schritte, Mehr Tiefe and Zweite Übung">');
    expect(article(index)).toBe(
      '<article class="content" data-pagefind-body><span hidden data-pagefind-filter="section:Übungen (extra)"></span><h1>Übungen (extra)</h1><ul class="folder-listing">' +
        '<li class="page"><a href="/übungen-extra/erste-schritte-teil-1/">Erste Schritte</a><p>Die ersten Schritte, Teil 1.</p></li>' +
        '<li class="folder"><a href="/übungen-extra/mehr-tiefe/">Mehr Tiefe</a><span class="listing-count">1 page</span><p>Tiefer</p></li>' +
        '<li class="page"><a href="/übungen-extra/zweite-übung/">Zweite Übung</a><p>Noch eine Aufgabe, mit einem Verweis nach oben.</p></li>' +
        '</ul>',
    );
    expect(article(page('übungen-extra/mehr-tiefe'))).toBe(
      '<article class="content" data-pagefind-body><span hidden data-pagefind-filter="section:Übungen (extra)"></span><h1>Mehr Tiefe</h1><ul class="folder-listing">' +
        '<li class="page"><a href="/übungen-extra/mehr-tiefe/tiefer/">Tiefer</a><p>Ganz unten. Zurück zur Übersicht und zum Ordner selbst.</p></li></ul>',
    );
  });

  it('puts the generated index in the sidebar, the breadcrumbs and previous/next like any section page', () => {
    expect(page('')).toContain('<li class="group"><a href="/übungen-extra/">Übungen (extra)</a></li>');
    expect(page('übungen-extra')).toContain(
      '<a href="/übungen-extra/" aria-current="page">Übungen (extra)</a><ul><li><a href="/übungen-extra/erste-schritte-teil-1/">Erste Schritte</a></li>',
    );
    expect(page('übungen-extra/mehr-tiefe/tiefer')).toContain(
      '<ol><li><a href="/">DevOps Exercises 🚀</a></li><li><a href="/übungen-extra/">Übungen (extra)</a></li><li><a href="/übungen-extra/mehr-tiefe/">Mehr Tiefe</a></li></ol>',
    );
    expect(page('übungen-extra')).toContain(
      '<a class="prev" href="/über-uns/" rel="prev"><span class="hint">Previous</span> Über uns</a><a class="next" href="/übungen-extra/erste-schritte-teil-1/" rel="next">',
    );
  });

  it('indexes the generated pages for search like the others', () => {
    const entry = JSON.parse(readFileSync(join(lenient.outDir, 'pagefind/pagefind-entry.json'), 'utf8'));
    expect(entry.languages.en.page_count).toBe(11);
  });
});

describe('case-mismatched fragments in the browser', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveStatic>>;
  beforeAll(async () => {
    server = await serveStatic(lenient.outDir, '/');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const inView = (id: string) =>
    `(() => { const r = document.getElementById(${JSON.stringify(id)}).getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; })()`;

  it('follows a link within a page and one from another page to the heading', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 500 } });
    const tab = await context.newPage();
    await tab.goto(server.url);
    await tab.getByRole('link', { name: 'the misc questions' }).click();
    expect(await tab.evaluate(inView('misc'))).toBe(true);
    await tab.goto(`${server.url}my-exercises/`);
    await tab.getByRole('link', { name: 'miscellaneous' }).click();
    await tab.waitForURL(`${server.url}#misc`);
    expect(await tab.evaluate(inView('misc'))).toBe(true);
    await context.close();
  });

  it('lands on the heading when the address itself has a case-mismatched fragment', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 500 } });
    const tab = await context.newPage();
    await tab.goto(`${server.url}#MISC`);
    await tab.waitForFunction(() => location.hash === '#misc');
    expect(await tab.evaluate(inView('misc'))).toBe(true);
    await tab.goto(`${server.url}ru/#%D0%9E%D0%A1%D0%9D%D0%9E%D0%92%D0%AB`);
    await tab.waitForFunction(() => decodeURIComponent(location.hash) === '#основы');
    expect(await tab.evaluate(inView('основы'))).toBe(true);
    await context.close();
  });
});
