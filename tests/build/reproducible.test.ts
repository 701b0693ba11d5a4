import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { gunzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import * as pagefind from 'pagefind';
import { globSync } from 'tinyglobby';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, runBuild, type BuildRun } from '../helpers/build.ts';
import { fingerprint } from '../helpers/fingerprint.ts';
import { addPagesInOrder, htmlFilesInOrder } from '../../src/integration/search-feed.ts';

const work = mkdtempSync(join(tmpdir(), 'handbook-repro-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Returns the folder of Astro's copies of the last build's pages for a content tree (its incremental build's cache). */
function cachedPagesOf(tree: string): string {
  const caches = readdirSync('node_modules/.astro', { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(d.parentPath, d.name, 'incremental-build.json')))
    .map((d) => join(d.parentPath, d.name))
    // The data store names the tree it was built from, as `"contentRoot":"<tree>"` (escaped once more).
    .filter((dir) => readFileSync(join(dir, 'data-store.json'), 'utf8').includes(`${tree}\\"`));
  expect(caches).toHaveLength(1);
  return join(caches[0]!, 'dist');
}

/** Astro's record of its copies (`incremental-build.json`), as far as the tests read it. */
interface IncrementalManifest {
  routes: Record<string, { paths: Record<string, { outputFile: string; copyTime?: number }> }>;
}

/** Returns the name of Astro's copy of an output file (patches/astro+7.3.5.patch: a digest of its path). */
const cachedCopy = (outputFile: string) => createHash('sha256').update(outputFile).digest('hex').slice(0, 32);

/**
 * Returns the digests of the search files Pagefind writes reading a copy of a built site's pages afresh, in the build's
 * order (search-feed.ts), and of the built site's own (without the handbook's additions). The copy is written in
 * reverse order on tmpfs where the machine has one, so its folders list their entries unlike the build's.
 */
async function searchFilesAfresh(outDir: string): Promise<{ fresh: Record<string, string>; built: Record<string, string> }> {
  const copy = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'handbook-repro-copy-'));
  try {
    const pages = htmlFilesInOrder(outDir);
    for (const page of [...pages].reverse()) cpSync(join(outDir, page), join(copy, 'site', page));
    const { index } = await pagefind.createIndex({ forceLanguage: 'en' });
    await addPagesInOrder(index!, join(copy, 'site'), pages);
    await index!.writeFiles({ outputPath: join(copy, 'search') });
    await pagefind.close();
    const built = fingerprint(join(outDir, 'pagefind'));
    return {
      fresh: fingerprint(join(copy, 'search')),
      built: Object.fromEntries(Object.entries(built).filter(([file]) => !file.startsWith('handbook-'))),
    };
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

/** Returns the text of every page in a built site's search index. */
const searchText = (outDir: string) =>
  globSync('pagefind/fragment/*.pf_fragment', { cwd: outDir, absolute: true })
    .map((file) => gunzipSync(readFileSync(file)).toString('utf8'))
    .join('\n');

describe('builds', () => {
  // A copy at a new path has no cache yet: the first build renders everything, the second reuses it.
  const tree = join(work, 'fresh-tree');
  let first: BuildRun;
  let firstPrint: Record<string, string>;
  let second: BuildRun;
  /** The rebuild after a page, an SVG and a page name changed: the last build before the marked one. */
  let rebuilt: BuildRun;
  beforeAll(async () => {
    cpSync(fixture('site'), tree, { recursive: true });
    first = await runBuild(tree, { HANDBOOK_REPORT: join(work, 'first-report.json') }, join(work, 'site'));
    firstPrint = fingerprint(first.outDir);
    // Over the first build's output, as `npm run build` twice does: Pagefind reads the last output early (search-early.ts).
    second = await runBuild(tree, { HANDBOOK_REPORT: join(work, 'second-report.json') }, first.outDir);
  });

  it('are byte-identical for the same content, with a cold and a warm cache', () => {
    expect(first.code, first.stderr).toBe(0);
    expect(second.code, second.stderr).toBe(0);
    expect(Object.keys(firstPrint).length).toBeGreaterThan(10);
    expect(fingerprint(second.outDir)).toEqual(firstPrint);
    // No page changed: Pagefind read none again.
    expect(JSON.parse(readFileSync(join(work, 'second-report.json'), 'utf8'))).toMatchObject({ ok: true, searchPagesReadAgain: 0 });
  });

  it('give the cold build the search index of a fresh reading of its pages, on any file system, read as Astro wrote them', async () => {
    expect(first.code, first.stderr).toBe(0);
    const { fresh, built } = await searchFilesAfresh(first.outDir);
    expect(Object.keys(fresh).filter((f) => f.startsWith('fragment/')).length).toBeGreaterThan(3);
    expect(built).toEqual(fresh);
    // Every page Astro wrote (all but none here) was given to Pagefind while the next ones were written.
    const report = JSON.parse(readFileSync(join(work, 'first-report.json'), 'utf8'));
    expect(report.searchPagesReadAsWritten).toBe(htmlFilesInOrder(first.outDir).length);
  });

  // One failing build shows both: it re-checks an unchanged page against an edited one, and it leaves the output alone.
  it('re-check the links into a page edited since the last build (the unchanged page linking to a removed heading is reported), and leave the previous output untouched when the build fails', async () => {
    expect(second.code, second.stderr).toBe(0);
    const before = fingerprint(second.outDir);
    const docker = join(tree, '01-guide/docker/README.md');
    const guide = join(tree, '01-guide/README.md');
    const reference = join(tree, '02-reference/README.md');
    const originals = [docker, guide, reference].map((page) => [page, readFileSync(page, 'utf8')] as const);
    writeFileSync(docker, originals[0][1].replace('## Images', '## Container images'));
    writeFileSync(guide, originals[1][1].replace('./docker/', './dockerr/'));
    // A source problem too: the last build's source checks of the unchanged pages are reused, not this page's.
    writeFileSync(reference, `---\ntitle: [unclosed\n---\n\n${originals[2][1]}`);
    try {
      const bad = await runBuild(tree, {}, second.outDir);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toMatch(/02-reference\/README\.md:\d+:\d+ malformed-frontmatter/);
      expect(bad.stderr).toMatch(/02-reference\/GLOSSARY_TERMS\.md:9:\d+ missing-heading cannot find heading `#images`/);
      expect(bad.stderr).toContain('missing-file cannot find `./dockerr/`');
      // Only the report: nothing from the search thread stopped while Pagefind read the last output.
      expect(bad.stderr).not.toContain('Service stopped');
      expect(bad.stderr).not.toMatch(/\n\s+at .*:\d+:\d+\)/);
      expect(fingerprint(second.outDir)).toEqual(before);
    } finally {
      for (const [page, text] of originals) writeFileSync(page, text);
    }
  });

  // The rebuild reuses the unchanged pages' HTML, sanitized SVGs and search files: none of it may be stale.
  it('after a page, an SVG and a page name changed, rebuild into the same bytes as a cold build of the edited tree', async () => {
    expect(second.code, second.stderr).toBe(0);
    const docker = join(tree, '01-guide/docker/README.md');
    const svg = join(tree, '01-guide/docker/diagram.svg');
    writeFileSync(docker, `${readFileSync(docker, 'utf8')}\nAn edited paragraph about zeppelinfields.\n`);
    writeFileSync(
      svg,
      readFileSync(svg, 'utf8').replace('>diagram<', '>edited diagram<').replace('</svg>', '<script>alert(1)</script></svg>'),
    );
    renameSync(join(tree, '02-reference/cheatsheet.mdx'), join(tree, '02-reference/commands.mdx'));
    rebuilt = await runBuild(tree, {}, join(work, 'rebuilt'));
    const copy = join(work, 'edited-copy');
    cpSync(tree, copy, { recursive: true });
    const cold = await runBuild(copy, {}, join(work, 'cold'));
    expect(rebuilt.code, rebuilt.stderr).toBe(0);
    expect(cold.code, cold.stderr).toBe(0);
    expect(fingerprint(rebuilt.outDir)).toEqual(fingerprint(cold.outDir));
    const published = readFileSync(join(rebuilt.outDir, 'guide/docker/diagram.svg'), 'utf8');
    expect(published).toContain('edited diagram');
    expect(published).not.toContain('script');
    expect(rebuilt.stdout + rebuilt.stderr).toContain('svg-content-removed published without `<script>`');
    const text = searchText(rebuilt.outDir);
    expect(text).toContain('zeppelinfields');
    expect(text).toContain('"url":"/reference/commands/"');
    expect(text).not.toContain('"url":"/reference/cheatsheet/"');
  });

  // Astro's incremental build copies a page from its cache when the page's key (a digest of its view), its
  // template and the configuration are unchanged. A marker planted in the cached copies shows which were copied.
  it('copy the pages an edit leaves unchanged from the last build, and render again every page whose view or MDX changed', async () => {
    // From the rebuild above: Astro's copies of its pages, and its output.
    expect(rebuilt.code, rebuilt.stderr).toBe(0);
    const cache = cachedPagesOf(tree);
    const marker = '<!-- copied from the cache -->';
    const pages = ['guide/index.html', 'guide/docker/index.html', 'reference/index.html', 'reference/commands/index.html'];
    // Each copy is replaced, as Astro writes one (the last output's page is another name of the old copy), and the
    // manifest given its time: Astro restores only a copy as it was written.
    const manifestFile = join(dirname(cache), 'incremental-build.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as IncrementalManifest;
    for (const page of pages) {
      const copy = join(cache, cachedCopy(page));
      // The MDX page has no copy (it has no key): one is planted all the same, and must not be used.
      writeFileSync(`${copy}.marked`, (existsSync(copy) ? readFileSync(copy, 'utf8') : '') + marker);
      renameSync(`${copy}.marked`, copy);
      for (const route of Object.values(manifest.routes))
        for (const entry of Object.values(route.paths)) if (entry.outputFile === page) entry.copyTime = statSync(copy).mtimeMs;
    }
    writeFileSync(manifestFile, JSON.stringify(manifest));
    // A body edit that changes neither a heading, a link nor the word count: the docker page's view changes
    // only by its HTML; the MDX page's not at all, but an MDX page has no key and is always written again.
    const docker = join(tree, '01-guide/docker/README.md');
    const mdx = join(tree, '02-reference/commands.mdx');
    writeFileSync(docker, readFileSync(docker, 'utf8').replace('zeppelinfields', 'airshipfields'));
    writeFileSync(mdx, readFileSync(mdx, 'utf8').replace('to start a stack', 'to start a swarm'));
    // Over the last output: Pagefind has read its pages early, and reads the two changed ones again.
    const after = await runBuild(tree, { HANDBOOK_REPORT: join(work, 'after-report.json') }, rebuilt.outDir);
    expect(after.code, after.stderr).toBe(0);
    const page = (name: string) => readFileSync(join(after.outDir, name), 'utf8');
    expect(page('guide/index.html')).toContain(marker);
    expect(page('reference/index.html')).toContain(marker);
    expect(page('guide/docker/index.html')).not.toContain(marker);
    expect(page('guide/docker/index.html')).toContain('airshipfields');
    expect(page('reference/commands/index.html')).not.toContain(marker);
    expect(page('reference/commands/index.html')).toContain('to start a swarm');
    // The two edited pages and the two with a marker are read again, and the index is the one Pagefind writes reading the new output afresh.
    expect(JSON.parse(readFileSync(join(work, 'after-report.json'), 'utf8'))).toMatchObject({ ok: true, searchPagesReadAgain: 4 });
    const { fresh, built } = await searchFilesAfresh(after.outDir);
    expect(Object.keys(fresh).filter((f) => f.startsWith('fragment/')).length).toBeGreaterThan(3);
    expect(built).toEqual(fresh);
    expect(searchText(after.outDir)).toContain('airshipfields');

    // A restored page is another name of Astro's copy: a tool changing the output in place changes the copy too, which
    // is then not restored but written again.
    expect(statSync(join(after.outDir, 'guide/index.html')).ino).toBe(statSync(join(cache, cachedCopy('guide/index.html'))).ino);
    appendFileSync(join(after.outDir, 'guide/index.html'), '<!-- changed in place -->');
    const again = await runBuild(tree, {}, after.outDir);
    expect(again.code, again.stderr).toBe(0);
    expect(readFileSync(join(again.outDir, 'guide/index.html'), 'utf8')).not.toContain('<!-- changed in place -->');
    expect(readFileSync(join(again.outDir, 'guide/index.html'), 'utf8')).not.toContain(marker);
  });
});
