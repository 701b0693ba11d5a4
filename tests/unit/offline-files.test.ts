import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listBuiltFiles, serviceWorkerSource, writeServiceWorker } from '../../src/integration/offline.ts';
import { type BuiltFile, excludedBecause, offlineManifest, offlineUrl } from '../../src/lib/offline-files.ts';

const file = (path: string, sha256 = 'ab'.repeat(32), size = 10): BuiltFile => ({ path, size, sha256 });

describe('which built files the service worker keeps', () => {
  it('keeps pages, styles, scripts, images, the manifest and the Pagefind index, fragments and WASM', () => {
    for (const path of [
      'index.html',
      '404.html',
      'guide/index.html',
      '_astro/page.Ab1.css',
      '_astro/page.Cd2.js',
      'guide/diagram.svg',
      'icons/icon-192.png',
      'manifest.webmanifest',
      'pagefind/pagefind.js',
      'pagefind/pagefind-worker.js',
      'pagefind/pagefind-entry.json',
      'pagefind/wasm.en.pagefind',
      'pagefind/index/en_1.pf_index',
      'pagefind/fragment/en_2.pf_fragment',
      'pagefind/pagefind.en_3.pf_meta',
      'pagefind/handbook-vocabulary.json',
      'search/index.html',
      'opensearch.xml',
      'notes/ünïcode file.pdf',
    ]) {
      expect(excludedBecause(path), path).toBeUndefined();
    }
  });

  it('leaves out source maps, the worker itself, hidden files, crawler files and the Pagefind UIs the site does not load', () => {
    expect(excludedBecause('_astro/page.Cd2.js.map')).toBe('a source map');
    expect(excludedBecause('sw.js')).toBe('the service worker itself');
    expect(excludedBecause('.DS_Store')).toBe('a hidden file');
    expect(excludedBecause('guide/.secret/notes.txt')).toBe('a hidden file');
    expect(excludedBecause('sitemap-index.xml')).toBe('for crawlers');
    expect(excludedBecause('pagefind/pagefind-component-ui.js')).toBe('a Pagefind UI the site does not use');
    expect(excludedBecause('pagefind/pagefind-ui.css')).toBe('a Pagefind UI the site does not use');
  });

  it('refuses any path that leaves the output folder or is not relative', () => {
    expect(excludedBecause('../secrets.txt')).toBe('outside the output folder');
    expect(excludedBecause('guide/../../etc/passwd')).toBe('outside the output folder');
    expect(excludedBecause('guide//x.html')).toBe('outside the output folder');
    expect(excludedBecause('/etc/passwd')).toBe('not a relative path');
    expect(excludedBecause('C:/Windows/win.ini')).toBe('not a relative path');
    expect(excludedBecause('guide\\..\\x')).toBe('not a relative path');
  });
});

describe('the URLs and version of one build', () => {
  it('applies the base path and serves folder indexes at their folder URL', () => {
    expect(offlineUrl('index.html', '/')).toBe('/');
    expect(offlineUrl('guide/docker/index.html', '/handbook/')).toBe('/handbook/guide/docker/');
    expect(offlineUrl('404.html', '/handbook/')).toBe('/handbook/404.html');
    expect(offlineUrl('pagefind/pagefind.js', '/handbook/')).toBe('/handbook/pagefind/pagefind.js');
  });

  it('lists the kept files sorted by URL with their size and the first 16 hex digits of their hash, and totals their size', () => {
    const manifest = offlineManifest([file('z.svg', 'f'.repeat(64), 5), file('index.html', '0'.repeat(64), 7), file('a.js.map')], '/docs/');
    expect(manifest.entries).toEqual([
      { url: '/docs/', size: 7, hash: '0'.repeat(16) },
      { url: '/docs/z.svg', size: 5, hash: 'f'.repeat(16) },
    ]);
    expect(manifest.bytes).toBe(12);
  });

  it('derives the version from the file list: the same files give the same version, any change another', () => {
    const files = [file('index.html'), file('guide/index.html')];
    const version = offlineManifest(files, '/').version;
    expect(version).toMatch(/^[0-9a-f]{12}$/);
    expect(offlineManifest([...files].reverse(), '/').version).toBe(version);
    expect(offlineManifest([file('index.html'), file('guide/index.html', 'cd'.repeat(32))], '/').version).not.toBe(version);
    expect(offlineManifest([...files, file('more.html')], '/').version).not.toBe(version);
    expect(offlineManifest(files, '/handbook/').version).not.toBe(version);
    expect(offlineManifest([...files, file('x.js.map')], '/').version).toBe(version);
  });

  it('writes the list into the worker as its first line', () => {
    const source = serviceWorkerSource(offlineManifest([file('index.html', '1'.repeat(64), 3)], '/h/'), 'self.x = 1;\n');
    expect(source).toBe(
      `const OFFLINE = {"version":"${offlineManifest([file('index.html', '1'.repeat(64), 3)], '/h/').version}","entries":[["/h/",3,"1111111111111111"]]};\nself.x = 1;\n`,
    );
  });
});

describe('listing the built files', () => {
  const root = mkdtempSync(join(tmpdir(), 'handbook-offline-list-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('lists regular files with size and SHA-256, and skips symbolic links that could lead outside the output folder', async () => {
    const out = join(root, 'dist');
    mkdirSync(join(out, 'guide'), { recursive: true });
    mkdirSync(join(root, 'elsewhere'));
    writeFileSync(join(root, 'elsewhere', 'secret.txt'), 'secret');
    writeFileSync(join(out, 'index.html'), 'home');
    writeFileSync(join(out, 'guide', 'index.html'), 'guide!');
    symlinkSync(join(root, 'elsewhere', 'secret.txt'), join(out, 'secret.txt'));
    symlinkSync(join(root, 'elsewhere'), join(out, 'elsewhere'));
    expect(await listBuiltFiles(out)).toEqual([
      { path: 'guide/index.html', size: 6, sha256: 'ba780ffd3c501a7b8b82fa348dafb8429fd51e1ea2eac0f3bcfe9705ae0912a7' },
      { path: 'index.html', size: 4, sha256: '4ea140588150773ce3aace786aeef7f4049ce100fa649c94fbbddb960f1da942' },
    ]);
  });

  // The build hashes all but the search folder while Pagefind writes it, then the search folder alone.
  it('lists the files within one folder, or all but that folder, and writes the same service worker from the two lists', async () => {
    const out = join(root, 'site');
    mkdirSync(join(out, 'pagefind', 'fragment'), { recursive: true });
    mkdirSync(join(out, 'pagefinder'));
    writeFileSync(join(out, 'index.html'), 'home');
    writeFileSync(join(out, 'pagefinder', 'index.html'), 'a page');
    writeFileSync(join(out, 'pagefind', 'pagefind.js'), 'js');
    writeFileSync(join(out, 'pagefind', 'fragment', 'en_1.pf_fragment'), 'fragment');
    const rest = await listBuiltFiles(out, { except: 'pagefind' });
    expect(rest.map((f) => f.path)).toEqual(['index.html', 'pagefinder/index.html']);
    expect((await listBuiltFiles(out, { within: 'pagefind' })).map((f) => f.path)).toEqual([
      'pagefind/fragment/en_1.pf_fragment',
      'pagefind/pagefind.js',
    ]);
    const whole = await writeServiceWorker(out, '/handbook/');
    const worker = readFileSync(join(out, 'sw.js'), 'utf8');
    rmSync(join(out, 'sw.js'));
    expect(await writeServiceWorker(out, '/handbook/', rest)).toEqual(whole);
    expect(readFileSync(join(out, 'sw.js'), 'utf8')).toBe(worker);
  });
});
