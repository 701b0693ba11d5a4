import { describe, expect, it } from 'vitest';
import { countDone, migrateMoved, parseProgress, readStored, serializeProgress, setDone } from '../../src/lib/progress.ts';
import { progressKey } from '../../src/lib/progress-key.ts';

const file = (done: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'devops-handbook-progress', version: 1, done, ...extra });

describe('progress storage', () => {
  it('keys progress by base path, so two handbooks on one origin keep their own', () => {
    expect(progressKey('/')).toBe('hb-progress:/');
    expect(progressKey('/handbook/')).toBe('hb-progress:/handbook/');
  });

  it('writes sorted routes and reads them back', () => {
    const text = serializeProgress(new Set(['/b/', '/a/']));
    expect(JSON.parse(text)).toEqual({ format: 'devops-handbook-progress', version: 1, done: ['/a/', '/b/'] });
    expect(parseProgress(text)).toEqual({ ok: true, done: new Set(['/a/', '/b/']) });
  });

  it('counts only pages that exist: keys of removed pages are kept but never counted', () => {
    const done = new Set(['/infrastructure/docker/', '/removed-page/']);
    expect(countDone(done, ['/infrastructure/docker/', '/infrastructure/kubernetes/', '/infrastructure/cicd/'])).toEqual({
      done: 1,
      total: 3,
      percent: 33,
    });
    expect(countDone(done, [])).toEqual({ done: 0, total: 0, percent: 0 });
    expect(serializeProgress(done)).toContain('/removed-page/');
  });

  it('follows a moved page to its new route, through several moves', () => {
    const moved = { '/infrastructure/ci-cd/': '/infrastructure/cicd/', '/old/': '/older/', '/older/': '/new/' };
    expect(migrateMoved(new Set(['/infrastructure/ci-cd/', '/old/', '/kept/']), moved)).toEqual(
      new Set(['/infrastructure/cicd/', '/new/', '/kept/']),
    );
  });

  it('marks and unmarks a page without changing the set it was given', () => {
    const before = new Set(['/a/']);
    expect(setDone(before, '/b/', true)).toEqual(new Set(['/a/', '/b/']));
    expect(setDone(before, '/a/', false)).toEqual(new Set());
    expect(before).toEqual(new Set(['/a/']));
  });

  it.each([
    ['not JSON', '{"format":', /^The file is not JSON \(/],
    [
      'another JSON file',
      '{"name":"package","version":"1.0.0"}',
      /not a progress file of this handbook \(it has no "format": "devops-handbook-progress"\)/,
    ],
    ['a JSON list', '["/a/"]', /not a progress file of this handbook/],
    ['a newer version', file(['/a/'], { version: 2 }), /version 2; this handbook reads version 1/],
    ['no list of pages', file('all'), /no "done" list of pages/],
    ['an entry that is not a route', file(['/a/', 42]), /Entry 2 of "done" is 42, not a page address/],
    ['a route without its slashes', file(['infrastructure/docker']), /Entry 1 of "done" is "infrastructure\/docker"/],
  ])('refuses an import that is %s and says why', (_name, text, message) => {
    const parsed = parseProgress(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });

  it('treats damaged stored progress as none rather than failing the page', () => {
    expect(readStored(null)).toEqual(new Set());
    expect(readStored('{broken')).toEqual(new Set());
    expect(readStored(file(['/a/']))).toEqual(new Set(['/a/']));
  });
});
