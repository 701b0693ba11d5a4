import { existsSync, mkdirSync, mkdtempSync, opendirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as pagefind from 'pagefind';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { fingerprint } from '../helpers/fingerprint.ts';
import { addPagesInOrder, createPageFeed, htmlFilesInOrder } from '../../src/integration/search-feed.ts';
import { writeSearchIndex } from '../../src/integration/search-index.ts';

// On tmpfs a folder lists its entries by when they were made; ext4 lists them by a hash of their names, seeded per
// disk, so two folders there list the same names alike: the pages are written to tmpfs where the machine has one.
const work = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'handbook-feed-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
afterEach(() => pagefind.close());

const page = (title: string, words: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>${words}</p></main></body></html>`;

// Ten sections and a few odd names; each page's words overlap the next one's, so the index's postings name several pages.
const PAGES: [string, string][] = [
  ...Array.from({ length: 10 }, (_, i): [string, string] => [
    `section-${i}/index.html`,
    page(`Section ${i}`, `shared words topic${i} topic${i + 1}`),
  ]),
  ['index.html', page('Home', 'welcome shared words')],
  ['Docs Folder/My Guide/index.html', page('My Guide', 'spaced folder names shared')],
  ['über-uns/index.html', page('Über uns', 'zeppelin words')],
  ['404.html', '<!doctype html><html lang="en"><body><h1>Not found</h1></body></html>'],
];

/** Writes the pages into a new folder in the given order: folders then list their entries in different orders. */
function site(name: string, pages: [string, string][]): string {
  const dir = join(work, name);
  for (const [path, html] of pages) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), html);
  }
  return dir;
}

/** The top folder's entries in the order the file system lists them (what Pagefind's own reading of a folder follows). */
function listed(dir: string): string[] {
  const folder = opendirSync(dir);
  const names: string[] = [];
  for (let entry = folder.readSync(); entry !== null; entry = folder.readSync()) names.push(entry.name);
  folder.closeSync();
  return names;
}

describe('the order Pagefind is given the pages in', () => {
  it('is the HTML files sorted by path, without the search folder', () => {
    const dir = site('listed', [...PAGES].reverse());
    mkdirSync(join(dir, 'pagefind'));
    writeFileSync(join(dir, 'pagefind', 'stray.html'), page('Stray', 'never indexed'));
    writeFileSync(join(dir, 'section-1', 'notes.txt'), 'not a page');
    expect(htmlFilesInOrder(dir)).toEqual(PAGES.map(([path]) => path).sort());
    expect(htmlFilesInOrder(`${dir}/`)).toEqual(htmlFilesInOrder(dir));
  });

  it('makes the index the same bytes however the file system lists the pages', async () => {
    const forward = site('forward', PAGES);
    const backward = site('backward', [...PAGES].reverse());
    // The two folders really are listed in different orders, so a reading in listing order would tell them apart.
    expect(listed(forward)).not.toEqual(listed(backward));
    await writeSearchIndex(forward, 'en');
    await writeSearchIndex(backward, 'en');
    const files = fingerprint(join(forward, 'pagefind'));
    expect(Object.keys(files).filter((f) => f.startsWith('index/')).length).toBeGreaterThan(0);
    expect(files).toEqual(fingerprint(join(backward, 'pagefind')));
  });
});

/** Returns the digests of the index Pagefind writes from `fill`. */
async function indexFiles(name: string, fill: (index: pagefind.PagefindIndex) => Promise<unknown>): Promise<Record<string, string>> {
  const { index } = await pagefind.createIndex({ forceLanguage: 'en' });
  await fill(index!);
  await index!.writeFiles({ outputPath: join(work, name) });
  await pagefind.close();
  return fingerprint(join(work, name));
}

describe('the pages fed to Pagefind as they are written', () => {
  const planned = PAGES.map(([path]) => path);

  it('give the index of a fresh reading, whatever order they come in, pages changed after they came read again', async () => {
    const dir = site('fed', PAGES);
    const fresh = await indexFiles('fed-fresh', (index) => addPagesInOrder(index, dir, htmlFilesInOrder(dir)));
    const fed = await indexFiles('fed-index', async (index) => {
      const feed = createPageFeed(index);
      feed.planned(dir, [...planned, 'manifest.webmanifest']);
      // Reversed, one page given without its text (read from the folder), one changed once given (its anchors respelled).
      for (const [path, html] of [...PAGES].reverse()) feed.written(path, path === 'index.html' ? undefined : html);
      writeFileSync(join(dir, 'section-2/index.html'), page('Section 2', 'respelled words'));
      expect(await feed.finish(dir)).toEqual({ pages: PAGES.length, readAgain: 1, readAsWritten: PAGES.length });
    });
    expect(fed).not.toEqual(fresh);
    expect(fed).toEqual(await indexFiles('fed-fresh-after', (index) => addPagesInOrder(index, dir, htmlFilesInOrder(dir))));
  });

  it('read the pages not written by the end in their place, and count for nothing when a page not planned comes before one fed', async () => {
    const dir = site('partly', PAGES);
    const partly = await indexFiles('partly-index', async (index) => {
      const feed = createPageFeed(index);
      feed.planned(dir, planned);
      // The first four in order are fed; the fifth never comes, so the ones after it wait, and are read at the end.
      const [first, second, third, fourth, , sixth] = htmlFilesInOrder(dir);
      for (const path of [sixth!, fourth!, third!, second!, first!]) feed.written(path);
      expect(await feed.finish(dir)).toMatchObject({ pages: PAGES.length, readAsWritten: 4 });
    });
    expect(partly).toEqual(await indexFiles('partly-fresh', (index) => addPagesInOrder(index, dir, htmlFilesInOrder(dir))));
    await indexFiles('unreadable-index', async (index) => {
      const feed = createPageFeed(index);
      feed.planned(dir, [...planned, 'gone/index.html']);
      // A page said to be written without its text, whose file is not there: the feed stops, and counts for nothing.
      feed.written('404.html');
      feed.written('gone/index.html');
      for (const [path, html] of PAGES) feed.written(path, html);
      expect(await feed.finish(dir)).toBeUndefined();
    });
    await indexFiles('unplanned-index', async (index) => {
      const feed = createPageFeed(index);
      feed.planned(
        dir,
        planned.filter((path) => path !== '404.html'),
      );
      for (const [path, html] of PAGES) feed.written(path, html);
      expect(await feed.finish(dir)).toBeUndefined();
    });
  });
});

describe('a reading stopped part way (a build that fails)', () => {
  /** An index that answers each page only when told to, recording what it was sent. */
  function slowIndex() {
    const sent: string[] = [];
    const waiting: (() => void)[] = [];
    const index = {
      addHTMLFile: ({ sourcePath }: { sourcePath: string }) => {
        sent.push(sourcePath);
        return new Promise<{ errors: string[] }>((answer) => waiting.push(() => answer({ errors: [] })));
      },
    } as unknown as pagefind.PagefindIndex;
    const answerAll = () => waiting.splice(0).forEach((answer) => answer());
    return { index, sent, answerAll };
  }

  it('sends no page once stopped, and ends only when Pagefind has answered the pages it was sent', async () => {
    // More pages than are sent before the first answer.
    const dir = site(
      'stopped',
      Array.from({ length: 50 }, (_, i): [string, string] => [`page-${i}/index.html`, page(`Page ${i}`, `words of page ${i}`)]),
    );
    const { index, sent, answerAll } = slowIndex();
    const stop = new AbortController();
    let ended = false;
    const reading = addPagesInOrder(index, dir, htmlFilesInOrder(dir), stop.signal).then(() => (ended = true));
    // Stopped with some pages in flight: none further may go once they are answered, and it may not end before.
    const inFlight = sent.length;
    expect(inFlight).toBeGreaterThan(0);
    expect(inFlight).toBeLessThan(50);
    stop.abort();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(ended).toBe(false);
    answerAll();
    await reading;
    expect(sent).toHaveLength(inFlight);

    const later = slowIndex();
    const reused = addPagesInOrder(later.index, dir, htmlFilesInOrder(dir), stop.signal);
    await reused;
    expect(later.sent).toEqual([]);
  });

  it('feeds no page written after the feed stopped, and stops once the pages fed are answered', async () => {
    const dir = site('feed-stopped', PAGES);
    const { index, sent, answerAll } = slowIndex();
    const feed = createPageFeed(index);
    const order = htmlFilesInOrder(dir);
    feed.planned(dir, order);
    feed.written(order[0]!);
    feed.written(order[1]!);
    let stopped = false;
    const stopping = feed.stop().then(() => (stopped = true));
    feed.written(order[2]!);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sent).toEqual(order.slice(0, 2));
    expect(stopped).toBe(false);
    answerAll();
    await stopping;
    expect(stopped).toBe(true);
  });
});
