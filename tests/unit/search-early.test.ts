import { linkSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as pagefind from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import { fingerprint } from '../helpers/fingerprint.ts';
import { completeEarlyReading, followAstroOutput, startEarlyReading, type EarlyIndex } from '../../src/integration/search-early.ts';
import { addPagesInOrder, htmlFilesInOrder } from '../../src/integration/search-feed.ts';

const work = mkdtempSync(join(tmpdir(), 'handbook-early-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const page = (title: string, words: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>${words}</p></main></body></html>`;

const PAGES: [string, string][] = [
  ['index.html', page('Home', 'welcome to the handbook')],
  ['guide/docker/index.html', page('Docker', 'images layers volumes')],
  ['Docs Folder/My Guide/index.html', page('My Guide', 'spaced folder names')],
  ['über-uns/index.html', page('Über uns', 'zeppelin words')],
  ['guide/index.html', page('Guide', 'the guide section')],
  ['404.html', '<!doctype html><html lang="en"><body><h1>Not found</h1></body></html>'],
];

function site(name: string, change: Record<string, string> = {}, extra: [string, string][] = []): string {
  const dir = join(work, name);
  for (const [path, html] of [...PAGES, ...extra]) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), change[path] ?? html);
  }
  return dir;
}

/** The index a build without an early reading writes. */
async function freshIndex(siteDir: string, out: string): Promise<void> {
  const { index } = await pagefind.createIndex({ forceLanguage: 'en' });
  await addPagesInOrder(index!, siteDir, htmlFilesInOrder(siteDir));
  await index!.writeFiles({ outputPath: out });
}

describe('the early reading of the last build for search', () => {
  it('gives the same index as a fresh reading of the new output, reading again only the changed pages', async () => {
    const previous = site('previous');
    const next = site('next', { 'guide/docker/index.html': page('Docker', 'images layers volumes airships') });
    try {
      const early = await startEarlyReading(previous, 'en');
      expect(early).toBeDefined();
      expect(await completeEarlyReading(early!, next)).toEqual({ pages: PAGES.length, readAgain: 1 });
      await early!.index.writeFiles({ outputPath: join(work, 'early-index') });
      await pagefind.close();
      await freshIndex(next, join(work, 'fresh-index'));
      const earlyFiles = fingerprint(join(work, 'early-index'));
      expect(Object.keys(earlyFiles).some((f) => f.startsWith('fragment/'))).toBe(true);
      expect(earlyFiles).toEqual(fingerprint(join(work, 'fresh-index')));
      // The early index is not the last build's: the changed page was read again.
      await pagefind.close();
      await freshIndex(previous, join(work, 'previous-index'));
      expect(earlyFiles).not.toEqual(fingerprint(join(work, 'previous-index')));
    } finally {
      await pagefind.close();
    }
  });

  it('reads again a page of the same size whose bytes changed, and not one that is the same file in both outputs', async () => {
    const previous = site('previous-linked');
    // Same length, other words: one letter changed.
    const next = site('next-linked', { 'guide/index.html': page('Guide', 'the guide sectiom') });
    // A page a rebuild restored is, in both outputs, another name of Astro's copy.
    rmSync(join(next, 'index.html'));
    linkSync(join(previous, 'index.html'), join(next, 'index.html'));
    try {
      const early = await startEarlyReading(previous, 'en');
      expect(await completeEarlyReading(early!, next)).toEqual({ pages: PAGES.length, readAgain: 1 });
    } finally {
      await pagefind.close();
    }
  });

  it('counts for nothing when a page was added', async () => {
    const previous = site('before-added');
    const next = site('after-added', {}, [['guide/compose/index.html', page('Compose', 'stacks')]]);
    try {
      const early = await startEarlyReading(previous, 'en');
      expect(await completeEarlyReading(early!, next)).toBeUndefined();
    } finally {
      await pagefind.close();
    }
  });

  it("is told the HTML files Astro plans and writes, relative to the output folder, through the patched Astro's hooks", () => {
    const told: unknown[][] = [];
    const early: EarlyIndex = {
      planned: (...args) => void told.push(['planned', ...args]),
      written: (...args) => void told.push(['written', ...args]),
      finish: () => Promise.resolve(undefined),
      stop: () => Promise.resolve(),
    };
    const out = join(work, 'astro-out');
    const hooks = () =>
      Reflect.get(globalThis, Symbol.for('astro.build.output')) as
        { planned(files: string[]): void; written(file: string, body?: Uint8Array): void } | undefined;
    const unfollow = followAstroOutput(early, out);
    const body = new TextEncoder().encode('<p>page</p>');
    hooks()!.planned([join(out, 'index.html'), join(out, 'manifest.webmanifest'), join(out, 'Docs Folder/My Guide/index.html')]);
    hooks()!.written(join(out, 'Docs Folder/My Guide/index.html'), body);
    hooks()!.written(join(out, 'manifest.webmanifest'), body);
    hooks()!.written(join(out, 'index.html'));
    unfollow();
    expect(hooks()).toBeUndefined();
    expect(told).toEqual([
      ['planned', out, ['index.html', 'Docs Folder/My Guide/index.html']],
      ['written', 'Docs Folder/My Guide/index.html', body],
      ['written', 'index.html', undefined],
    ]);
  });
});
