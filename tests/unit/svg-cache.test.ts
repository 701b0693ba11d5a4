import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cachedSanitizer, sanitizerVersion } from '../../src/data/svg-cache.ts';

const ACTIVE = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script><rect width="1" height="1"/></svg>';
const INERT = '<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>\n';
const CIRCLE = '<svg xmlns="http://www.w3.org/2000/svg"><circle r="1"/></svg>';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
let dir: string;
let file: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'handbook-svg-cache-'));
  file = join(dir, 'cache', 'svgs.json');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const stored = () => JSON.parse(readFileSync(file, 'utf8')) as { version: string; svgs: Record<string, unknown> };

// Sanitizing loads jsdom and DOMPurify (about a second alone); on a machine busy with the rest of npm test, more than 5 s.
describe('sanitizing the SVGs of a build through a cache', { timeout: 30_000 }, () => {
  it('sanitizes an SVG not seen before and keeps the answer, under the SVG text’s hash, for the next build', () => {
    const sanitizer = cachedSanitizer(file);
    expect(sanitizer.sanitize(ACTIVE)).toEqual({ svg: INERT, removed: ['<svg onload>', '<script>'] });
    sanitizer.save();
    expect(stored()).toEqual({
      version: sanitizerVersion(),
      svgs: { [sha256(ACTIVE)]: { svg: INERT, removed: ['<svg onload>', '<script>'] } },
    });
  });

  it('answers an SVG it kept from the cache, and an edited SVG by sanitizing it again', () => {
    // A kept answer that sanitizing would not give shows where the answer came from.
    writeFileSync(
      file,
      JSON.stringify({ version: sanitizerVersion(), svgs: { [sha256(ACTIVE)]: { svg: '<svg>kept</svg>\n', removed: [] } } }),
    );
    const sanitizer = cachedSanitizer(file);
    expect(sanitizer.sanitize(ACTIVE)).toEqual({ svg: '<svg>kept</svg>\n', removed: [] });
    expect(sanitizer.sanitize(`${ACTIVE} `)).toEqual({ svg: INERT, removed: ['<svg onload>', '<script>'] });
  });

  it('keeps only the answers the build used, so SVGs gone from the content leave the cache', () => {
    const sanitizer = cachedSanitizer(file);
    sanitizer.sanitize(CIRCLE);
    sanitizer.save();
    expect(Object.keys(stored().svgs)).toEqual([sha256(CIRCLE)]);
  });

  it('ignores answers kept for another sanitizer or other versions of DOMPurify and jsdom, and an unreadable cache', () => {
    writeFileSync(file, JSON.stringify({ version: 'other', svgs: { [sha256(ACTIVE)]: { svg: '<svg>kept</svg>\n', removed: [] } } }));
    expect(cachedSanitizer(file).sanitize(ACTIVE).svg).toBe(INERT);
    writeFileSync(file, '{"version":');
    expect(cachedSanitizer(file).sanitize(ACTIVE).svg).toBe(INERT);
  });

  it('gives each caller its own list of what was removed', () => {
    const sanitizer = cachedSanitizer(file);
    sanitizer.sanitize(ACTIVE).removed.push('changed by a caller');
    expect(sanitizer.sanitize(ACTIVE).removed).toEqual(['<svg onload>', '<script>']);
  });
});
