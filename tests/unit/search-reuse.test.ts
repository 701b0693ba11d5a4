import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSearchIndex } from '../../src/integration/search-index.ts';
import { fingerprint } from '../helpers/fingerprint.ts';
import { pagefindVersion, readPagefindFile, seedSearchFolder, settleSearchFolder } from '../../src/integration/search-reuse.ts';
import { metaReferences, nextManifest, reuseProblem, type MetaReferences, type ReuseManifest } from '../../src/lib/search-reuse.ts';

const refs: MetaReferences = {
  fragments: ['en_1111111', 'en_2222222'],
  chunks: [
    { from: 'alpha', hash: 'en_aaaaaaa' },
    { from: 'kilo', hash: 'en_bbbbbbb' },
  ],
};
const urls = new Map([
  ['en_1111111', '/'],
  ['en_2222222', '/guide/'],
]);
const everyPage = () => true;

describe("the files named by Pagefind's meta index", () => {
  it('lists each page’s fragment and each index chunk with its first word, from the decoded pf_meta', () => {
    const meta = [
      '1.6.0',
      [
        ['en_1111111', 12, ''],
        ['en_2222222', 30, ''],
      ],
      [
        ['alpha', 'juliet', 'en_aaaaaaa'],
        ['kilo', 'zulu', 'en_bbbbbbb'],
      ],
      [],
      [],
      [],
    ];
    expect(metaReferences(meta)).toEqual(refs);
  });
  it('refuses a meta index of another shape, saying which Pagefind it expects', () => {
    expect(() => metaReferences({ pages: [] })).toThrow("Pagefind's meta index is not the list of pages and chunks of Pagefind 1.x.");
    expect(() => metaReferences(['1.6.0', [[12]], []])).toThrow(
      "Pagefind's meta index has no page's fragment: is it a file of Pagefind 1.x?",
    );
  });
});

describe('trusting the files reused from the last build', () => {
  const reused: ReuseManifest = {
    fragments: { en_1111111: '/', en_2222222: '/guide/' },
    chunks: { en_aaaaaaa: 'alpha', en_bbbbbbb: 'kilo' },
  };
  it('trusts reused fragments of distinct built pages and chunks that start where the new index says', () => {
    expect(reuseProblem(refs, reused, urls, everyPage)).toBeUndefined();
  });
  it('doubts a reused chunk that starts at another word than the chunk the new index names so', () => {
    expect(reuseProblem(refs, { ...reused, chunks: { en_bbbbbbb: 'lima' } }, urls, everyPage)).toBe(
      'index chunk en_bbbbbbb starts at "lima", not at "kilo"',
    );
  });
  it('doubts two fragments of one page: a reused fragment of another page under the name of this one', () => {
    const twice = new Map([...urls, ['en_2222222', '/']]);
    expect(reuseProblem(refs, reused, twice, everyPage)).toBe('fragments en_1111111 and en_2222222 both describe /');
  });
  it('doubts a fragment of a page that was not built, and a fragment without an address', () => {
    expect(reuseProblem(refs, reused, urls, (url) => url !== '/guide/')).toBe('fragment en_2222222 describes /guide/, which was not built');
    expect(reuseProblem(refs, reused, new Map([['en_1111111', '/']]), everyPage)).toBe('fragment en_2222222 has no page');
  });
  it('keeps, for the next build, each fragment’s page and each chunk’s first word, in name order', () => {
    expect(JSON.stringify(nextManifest({ ...refs, fragments: [...refs.fragments].reverse() }, urls))).toBe(
      '{"fragments":{"en_1111111":"/","en_2222222":"/guide/"},"chunks":{"en_aaaaaaa":"alpha","en_bbbbbbb":"kilo"}}',
    );
  });
});

// Pagefind itself, on a site of three pages: a second index reuses the first one's files.
describe('an index built again over the files of the last one', { timeout: 60_000 }, () => {
  let dir: string;
  const page = (title: string, text: string) =>
    `<!doctype html><html lang="en"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>${text}</p></main></body></html>`;
  const site = (name: string, beta: string) => {
    const out = join(dir, name);
    for (const [path, title, text] of [
      ['', 'Home', 'Welcome to the handbook of containers.'],
      ['alpha', 'Alpha', 'Volumes keep data between container restarts.'],
      ['beta', 'Beta', beta],
    ]) {
      mkdirSync(join(out, path!), { recursive: true });
      writeFileSync(join(out, path!, 'index.html'), page(title!, text!));
    }
    return out;
  };
  const searchFiles = (out: string) => fingerprint(out, 'pagefind/**');
  /** The index of a site built without any files from an earlier build. */
  const fresh = async (name: string, beta: string) => {
    const out = site(name, beta);
    await writeSearchIndex(out, 'en');
    return searchFiles(out);
  };
  const cache = () => join(dir, 'cache');
  const manifest = () => JSON.parse(readFileSync(join(cache(), 'manifest.json'), 'utf8')) as ReuseManifest;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'handbook-search-reuse-'));
    await writeSearchIndex(site('first', 'Networks connect the pods.'), 'en', cache());
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every fragment and index chunk of the first index, by page and first word', () => {
    expect(Object.values(manifest().fragments).sort()).toEqual(['/', '/alpha/', '/beta/']);
    expect(Object.keys(manifest().chunks).length).toBeGreaterThan(0);
  });

  it('is the same as an index built from scratch after one page changed, and keeps only the new index’s files', async () => {
    const before = manifest();
    const out = site('edited', 'Ingress routes the requests of zeppelins.');
    await writeSearchIndex(out, 'en', cache());
    expect(searchFiles(out)).toEqual(await fresh('edited-fresh', 'Ingress routes the requests of zeppelins.'));
    const words = JSON.parse(
      readPagefindFile(
        join(
          out,
          'pagefind',
          'fragment',
          `${Object.keys(manifest().fragments).find((n) => manifest().fragments[n] === '/beta/')}.pf_fragment`,
        ),
      ).toString('utf8'),
    ) as { content: string };
    expect(words.content).toContain('zeppelins');
    // The unchanged pages' fragments were reused; the edited page's old fragment is no longer kept.
    const kept = manifest();
    expect(
      Object.entries(kept.fragments)
        .filter(([name]) => name in before.fragments)
        .map(([, url]) => url)
        .sort(),
    ).toEqual(['/', '/alpha/']);
    expect(globSync('fragment/*', { cwd: cache() })).toHaveLength(3);
  });

  it('puts the kept files into the search folder before Pagefind runs', () => {
    const seeded = seedSearchFolder(cache(), join(dir, 'seeded', 'pagefind'), pagefindVersion());
    expect(Object.values(seeded.fragments).sort()).toEqual(['/', '/alpha/', '/beta/']);
    expect(globSync('**/*', { cwd: join(dir, 'seeded') })).toHaveLength(3 + Object.keys(seeded.chunks).length);
  });

  it('builds the index again from scratch when a kept fragment is another page’s under this page’s name', async () => {
    const kept = manifest();
    const name = (url: string) => Object.keys(kept.fragments).find((n) => kept.fragments[n] === url)!;
    const folder = join(cache(), 'fragment');
    // The fragment of /alpha/ where Pagefind will look for that of /beta/, as a collision of names would leave it.
    cpSync(join(folder, `${name('/alpha/')}.pf_fragment`), join(folder, `${name('/beta/')}.pf_fragment`));
    writeFileSync(
      join(cache(), 'manifest.json'),
      JSON.stringify({ version: pagefindVersion(), ...kept, fragments: { ...kept.fragments, [name('/beta/')]: '/alpha/' } }),
    );
    const out = site('collided', 'Ingress routes the requests of zeppelins.');
    await writeSearchIndex(out, 'en', cache());
    expect(searchFiles(out)).toEqual(await fresh('collided-fresh', 'Ingress routes the requests of zeppelins.'));
    expect(manifest().fragments[name('/beta/')]).toBe('/beta/');
  });

  it('finds the pages of addresses Pagefind percent-encodes, so their files are kept too', async () => {
    const out = join(dir, 'encoded');
    for (const folder of ['', 'ünï code', 'a%20b']) {
      mkdirSync(join(out, folder), { recursive: true });
      writeFileSync(join(out, folder, 'index.html'), page(`Page ${folder}`, 'Words to index.'));
    }
    await writeSearchIndex(out, 'en', join(dir, 'encoded-cache'));
    const kept = JSON.parse(readFileSync(join(dir, 'encoded-cache', 'manifest.json'), 'utf8')) as ReuseManifest;
    expect(Object.values(kept.fragments).sort()).toEqual(['/', '/%C3%BCn%C3%AF%20code/', '/a%2520b/']);
  });

  it('ignores the kept files of another version of Pagefind', () => {
    writeFileSync(join(cache(), 'manifest.json'), JSON.stringify({ ...manifest(), version: '0.0.1' }));
    expect(seedSearchFolder(cache(), join(dir, 'other-version', 'pagefind'), pagefindVersion())).toEqual({ fragments: {}, chunks: {} });
  });

  it('keeps the files a build wrote under a second name rather than copying them, and seeds a new folder the same way', async () => {
    rmSync(cache(), { recursive: true, force: true });
    const out = site('linked', 'Probes restart the stuck containers.');
    await writeSearchIndex(out, 'en', cache());
    const written = globSync(['fragment/*', 'index/*'], { cwd: cache() });
    expect(written.length).toBeGreaterThan(3);
    for (const name of written) expect(statSync(join(cache(), name)).ino).toBe(statSync(join(out, 'pagefind', name)).ino);
    const seeded = join(dir, 'seeded-links', 'pagefind');
    seedSearchFolder(cache(), seeded, pagefindVersion());
    for (const name of written) expect(statSync(join(seeded, name)).ino).toBe(statSync(join(cache(), name)).ino);
  });

  it('doubts the reused files when Pagefind wrote over one it was given (each is a file of the cache too)', async () => {
    const out = site('written-over', 'Probes restart the stuck containers.');
    const searchDir = join(out, 'pagefind');
    const seeded = seedSearchFolder(cache(), searchDir, pagefindVersion());
    const seededAt = Date.now();
    // Pagefind (1.6) writes only the files it lacks.
    await writeSearchIndex(out, 'en');
    expect(settleSearchFolder(out, searchDir, seeded, seededAt).problem).toBeUndefined();
    const [fragment] = Object.keys(seeded.fragments);
    await new Promise((resolve) => setTimeout(resolve, 20));
    writeFileSync(
      join(searchDir, 'fragment', `${fragment}.pf_fragment`),
      readFileSync(join(searchDir, 'fragment', `${fragment}.pf_fragment`)),
    );
    expect(settleSearchFolder(out, searchDir, seeded, seededAt).problem).toBe(`Pagefind wrote over fragment/${fragment}, given to it`);
  });
});
