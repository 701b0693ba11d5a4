import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture, runBuild, type BuildRun } from '../helpers/build.ts';

let run: BuildRun;
const html = (path: string) => readFileSync(join(run.outDir, path), 'utf8');

describe('building a valid tree under a sub-path base', () => {
  beforeAll(async () => {
    // BASE_URL is Vite's own name: set in a shell, it must not move the site off its base.
    run = await runBuild(fixture('site'), {
      HANDBOOK_BASE: '/handbook/',
      HANDBOOK_SITE: 'https://docs.example.org/',
      HANDBOOK_REPO_URL: 'https://github.com/example/handbook',
      BASE_URL: '/',
    });
  });

  it('exits 0 and writes the pages, 404, sitemap and search index', () => {
    expect(run.code, run.stderr).toBe(0);
    for (const file of [
      'index.html',
      'guide/index.html',
      'guide/docker/index.html',
      'reference/glossary-terms/index.html',
      '404.html',
      'sitemap-index.xml',
      'pagefind/pagefind.js',
    ]) {
      expect(existsSync(join(run.outDir, file)), file).toBe(true);
    }
  });

  it('rewrites relative .md links, folder links and anchors to routes under the base', () => {
    const home = html('index.html');
    expect(home).toContain('href="/handbook/guide/"');
    expect(home).toContain('href="/handbook/guide/docker/#volumes"');
    expect(home).toContain('href="/handbook/reference/"');
    expect(html('guide/index.html')).toContain('href="/handbook/reference/glossary-terms/#-key-terms"');
  });

  it('publishes linked images beside their page and points the page at them', () => {
    expect(html('index.html')).toContain('src="/handbook/guide/docker/diagram.svg"');
    expect(existsSync(join(run.outDir, 'guide/docker/diagram.svg'))).toBe(true);
  });

  it('takes the title from frontmatter, else the first H1, and the description from the first paragraph', () => {
    expect(html('reference/glossary-terms/index.html')).toContain('<title>Glossary | DevOps Handbook</title>');
    const reference = html('reference/index.html');
    expect(reference).toContain('<title>Reference | DevOps Handbook</title>');
    expect(reference).toContain('<meta name="description" content="Reference material, including the glossary.">');
  });

  it('sets lang, canonical URL and the edit link', () => {
    const docker = html('guide/docker/index.html');
    expect(docker).toMatch(/<html lang="en">/);
    expect(docker).toContain('<link rel="canonical" href="https://docs.example.org/handbook/guide/docker/">');
    expect(html('index.html')).toContain('<link rel="canonical" href="https://docs.example.org/handbook/">');
    expect(docker).toContain('href="https://github.com/example/handbook/edit/main/content/01-guide/docker/README.md"');
  });

  it('renders the sidebar with the current page marked, breadcrumbs, table of contents, prev/next and backlinks', () => {
    const docker = html('guide/docker/index.html');
    expect(docker).toContain('<a href="/handbook/guide/docker/" aria-current="page">Docker</a>');
    expect(docker).toMatch(/<nav class="breadcrumbs"[^>]*>.*href="\/handbook\/".*href="\/handbook\/guide\/"/s);
    expect(docker).toContain('<a href="#volumes">Volumes</a>');
    expect(docker).toContain('<a href="#named-volumes">Named volumes</a>');
    expect(docker).toMatch(/rel="prev"[^>]*>.*Guide/s);
    expect(docker).toMatch(
      /Pages that link here.*href="\/handbook\/".*href="\/handbook\/guide\/".*href="\/handbook\/reference\/glossary-terms\/"/s,
    );
    expect(docker).toContain('Read first: <a href="/handbook/guide/">Guide</a>');
  });

  it('indexes only the article for search', () => {
    expect(html('guide/docker/index.html')).toMatch(/<article class="content" data-pagefind-body[^>]*>/);
    expect(html('guide/docker/index.html').match(/data-pagefind-body/g)).toHaveLength(1);
  });

  it('writes the search page, the OpenSearch description and the vocabulary, and indexes aliases like the title without showing them', () => {
    expect(html('search/index.html')).toContain('data-search-panel="page"');
    expect(html('opensearch.xml')).toContain('template="https://docs.example.org/handbook/search/?q={searchTerms}"');
    expect(html('guide/docker/index.html')).toContain(
      '<link rel="search" type="application/opensearchdescription+xml" title="DevOps Handbook" href="/handbook/opensearch.xml">',
    );
    expect(JSON.parse(html('pagefind/handbook-vocabulary.json'))).toEqual(expect.arrayContaining(['docker', 'whalectl']));
    expect(html('guide/docker/index.html')).toMatch(
      /<article class="content" data-pagefind-body data-pagefind-filter="level:beginner" data-pagefind-meta="aliases:whalectl">/,
    );
    expect(html('guide/docker/index.html')).toContain('<p hidden data-pagefind-weight="7">whalectl</p>');
    expect(`${run.stdout}${run.stderr}`).toMatch(/search index over [\d,]+ words and [\d,]+ bytes of search vocabulary and titles in/);
  });

  it("writes every indexed page's address and title by Pagefind's id for it, so result rows show before their excerpts", () => {
    const table = JSON.parse(html('pagefind/handbook-pages.json')) as Record<string, [string, string]>;
    const fragments = readdirSync(join(run.outDir, 'pagefind/fragment')).map((name) => name.replace(/\.pf_fragment$/, ''));
    expect(Object.keys(table)).toEqual([...fragments].sort());
    expect(Object.values(table)).toContainEqual(['/guide/docker/', 'Docker']);
    // Pagefind keeps addresses without the base and adds its `baseUrl` in the browser, as search does with these.
    expect(Object.values(table).every(([url]) => !url.startsWith('/handbook/'))).toBe(true);
  });

  it('lists every page in the sitemap with absolute URLs under the base', () => {
    const sitemap = readFileSync(join(run.outDir, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain('<loc>https://docs.example.org/handbook/guide/docker/</loc>');
    expect(sitemap).toContain('<loc>https://docs.example.org/handbook/</loc>');
    expect(sitemap).not.toContain('404');
    expect(html('sitemap-index.xml')).toContain('<loc>https://docs.example.org/handbook/sitemap-0.xml</loc>');
    expect(`${run.stdout}${run.stderr}`).not.toContain('Sitemap skipped');
  });

  it('requests nothing from another origin', () => {
    for (const file of ['index.html', 'guide/docker/index.html', '404.html']) {
      const tags = (html(file).match(/<(script|link|img|iframe|source)\b[^>]*>/g) ?? []).filter((t) => !t.includes('rel="canonical"'));
      expect(tags.length).toBeGreaterThan(0);
      for (const tag of tags) expect(tag).not.toMatch(/(src|href)="(https?:)?\/\//);
    }
  });
});

describe('the offline copy of a build under a sub-path base', () => {
  const offline = () =>
    JSON.parse(/^const OFFLINE = (.*);$/m.exec(html('sw.js'))![1]!) as { version: string; entries: [string, number, string][] };

  it('writes sw.js listing every page, asset, image and search file at its URL under the base, and no source map', () => {
    const urls = offline().entries.map(([url]) => url);
    expect(urls).toEqual([...urls].sort());
    for (const url of [
      '/handbook/',
      '/handbook/404.html',
      '/handbook/guide/docker/',
      '/handbook/guide/docker/diagram.svg',
      '/handbook/manifest.webmanifest',
      '/handbook/pagefind/pagefind.js',
      '/handbook/pagefind/wasm.en.pagefind',
    ])
      expect(urls).toContain(url);
    expect(urls.some((u) => u.startsWith('/handbook/pagefind/fragment/'))).toBe(true);
    expect(urls.every((u) => u.startsWith('/handbook/') && !u.endsWith('.map') && !u.endsWith('/sw.js'))).toBe(true);
  });

  it('prints the size of the offline copy', () => {
    const { entries, version } = offline();
    expect(run.stdout).toMatch(new RegExp(`Offline copy: ${entries.length} files, [\\d.]+ (KB|MB) \\(version ${version}\\)\\.`));
  });

  it('links the manifest, the worker, search and the icon under the base, even with BASE_URL=/ in the environment', () => {
    const home = html('index.html');
    expect(home).toContain('<link rel="manifest" href="/handbook/manifest.webmanifest">');
    expect(home).toContain('data-sw="/handbook/sw.js" data-scope="/handbook/"');
    expect(home).toContain('data-base="/handbook/"');
    expect(home).toContain('href="/handbook/favicon.svg"');
    expect(JSON.parse(html('manifest.webmanifest'))).toMatchObject({ start_url: '/handbook/', scope: '/handbook/' });
    // The home page's offline note reads as two sentences.
    expect(home).toMatch(/search included\.\s+For a copy to keep/);
  });
});
