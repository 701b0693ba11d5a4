import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { otherSvgs, publishAssets, readPublishable, sanitizeSvgFiles } from '../../src/integration/assets.ts';
import { startSvgThread } from '../../src/integration/svg-thread.ts';
import { sanitizerVersion } from '../../src/data/svg-cache.ts';

const ACTIVE = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script><rect width="1" height="1"/></svg>';
const INERT = '<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>\n';
let dir: string;
let root: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'handbook-publish-'));
  root = join(dir, 'content');
  mkdirSync(join(root, 'guide'), { recursive: true });
  writeFileSync(join(dir, 'secret.txt'), 'secret');
  writeFileSync(join(root, 'guide', 'flow.svg'), ACTIVE);
  writeFileSync(join(root, 'guide', 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  symlinkSync('../../secret.txt', join(root, 'guide', 'sample.conf'));
  symlinkSync('flow.svg', join(root, 'guide', 'same.svg'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Sanitizing loads jsdom and DOMPurify (about a second alone); on a machine busy with the rest of npm test, more than 5 s.
describe('publishing linked files (the build and the dev server)', { timeout: 30_000 }, () => {
  it('reads an SVG made inert, with what was removed, and follows a link that stays inside the root', async () => {
    expect((await readPublishable(root, 'guide/same.svg'))?.svg).toEqual({ text: INERT, removed: ['<svg onload>', '<script>'] });
  });
  it('refuses a file whose real path is outside the root, and a file that does not exist', async () => {
    expect(await readPublishable(root, 'guide/sample.conf')).toBeUndefined();
    expect(await readPublishable(root, 'guide/missing.png')).toBeUndefined();
  });
  it('writes inert SVGs and exact copies of other files next to their pages, and refuses to publish through an outside link', async () => {
    const out = join(dir, 'dist');
    const published = await publishAssets(root, out, ['guide/photo.png', 'guide/flow.svg']);
    expect(published).toEqual({ count: 2, sanitized: new Map([['guide/flow.svg', ['<svg onload>', '<script>']]]) });
    expect(readFileSync(join(out, 'guide', 'flow.svg'), 'utf8')).toBe(INERT);
    expect(readFileSync(join(out, 'guide', 'photo.png'))).toEqual(readFileSync(join(root, 'guide', 'photo.png')));
    await expect(publishAssets(root, out, ['guide/sample.conf'])).rejects.toThrow(/outside the content root/);
  });
  it('publishes the files prepared beforehand as they were prepared, and reads the others', async () => {
    const out = join(dir, 'dist-prepared');
    const prepared = new Map([
      ['guide/flow.svg', { realPath: join(root, 'guide', 'flow.svg'), svg: { text: 'prepared', removed: ['<x>'] } }],
    ]);
    const published = await publishAssets(root, out, ['guide/photo.png', 'guide/flow.svg'], prepared);
    expect(published).toEqual({ count: 2, sanitized: new Map([['guide/flow.svg', ['<x>']]]) });
    expect(readFileSync(join(out, 'guide', 'flow.svg'), 'utf8')).toBe('prepared');
    expect(readFileSync(join(out, 'guide', 'photo.png'))).toEqual(readFileSync(join(root, 'guide', 'photo.png')));
    // A file prepared as leading outside the root is refused, as one read here would be.
    await expect(publishAssets(root, out, ['guide/flow.svg'], new Map([['guide/flow.svg', undefined]]))).rejects.toThrow(
      /outside the content root/,
    );
  });
  it('gets from the SVG thread what reading the files here gives, and sanitizes built SVGs in place there', async () => {
    const thread = startSvgThread();
    try {
      const files = ['guide/flow.svg', 'guide/same.svg', 'guide/sample.conf', 'guide/missing.svg'];
      const here = new Map(await Promise.all(files.map(async (f) => [f, await readPublishable(root, f)] as const)));
      expect(await thread.publishable(root, files)).toEqual(here);
      const out = join(dir, 'dist-thread');
      mkdirSync(out, { recursive: true });
      writeFileSync(join(out, 'logo.svg'), ACTIVE);
      expect(await thread.sanitizeInPlace([join(out, 'logo.svg')])).toBe(1);
      expect(readFileSync(join(out, 'logo.svg'), 'utf8')).toBe(INERT);
      await expect(thread.sanitizeInPlace([join(out, 'missing.svg')])).rejects.toThrow(/ENOENT/);
    } finally {
      await thread.stop();
    }
    // A stopped thread answers at once, so publishing falls back to reading the files itself instead of waiting.
    await expect(thread.publishable(root, ['guide/flow.svg'])).rejects.toThrow(/stopped/);
  });
  it('answers, on the thread, the SVGs of the cache file from it, and keeps there what it sanitized', async () => {
    const cacheFile = join(dir, 'cache', 'svgs.json');
    // A kept answer that sanitizing would not give shows where the answer came from.
    const kept = { svg: '<svg>kept</svg>\n', removed: [] };
    mkdirSync(join(dir, 'cache'));
    writeFileSync(
      cacheFile,
      JSON.stringify({ version: sanitizerVersion(), svgs: { [createHash('sha256').update(ACTIVE).digest('hex')]: kept } }),
    );
    const thread = startSvgThread(cacheFile);
    try {
      expect((await thread.publishable(root, ['guide/flow.svg'])).get('guide/flow.svg')?.svg).toEqual({ text: kept.svg, removed: [] });
      const out = join(dir, 'dist-cached');
      mkdirSync(out, { recursive: true });
      writeFileSync(join(out, 'other.svg'), `${ACTIVE}\n`);
      expect(await thread.sanitizeInPlace([join(out, 'other.svg')])).toBe(1);
      expect(readFileSync(join(out, 'other.svg'), 'utf8')).toBe(INERT);
    } finally {
      await thread.stop();
    }
    const stored = JSON.parse(readFileSync(cacheFile, 'utf8')) as { svgs: Record<string, unknown> };
    expect(Object.keys(stored.svgs).sort()).toEqual(
      [ACTIVE, `${ACTIVE}\n`].map((t) => createHash('sha256').update(t).digest('hex')).sort(),
    );
  });
  it('makes every other SVG of the output inert too', async () => {
    const out = join(dir, 'dist-other');
    mkdirSync(join(out, '_astro'), { recursive: true });
    writeFileSync(join(out, '_astro', 'icon.ABC123.svg'), ACTIVE);
    expect(await sanitizeSvgFiles(otherSvgs(out, []))).toBe(1);
    expect(readFileSync(join(out, '_astro', 'icon.ABC123.svg'), 'utf8')).toBe(INERT);
  });
});
