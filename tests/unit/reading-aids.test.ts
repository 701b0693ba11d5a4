import { describe, expect, it } from 'vitest';
import { parseGitLog } from '../../src/data/git-dates.ts';
import { formatDate, metaDescription, readingMinutes } from '../../src/lib/reading-aids.ts';
import { countPages } from '../../src/lib/folder-index.ts';
import { buildTree } from '../../src/lib/navigation.ts';

describe('parseGitLog', () => {
  it('keeps the newest date of each file from newest-first git log output', () => {
    const output = '\u001e2026-11-20T10:00:00+00:00\n\na.md\nb/README.md\n\u001e2026-10-01T09:00:00+00:00\n\na.md\nc.md\n';
    expect(Object.fromEntries(parseGitLog(output))).toEqual({
      'a.md': '2026-11-20T10:00:00+00:00',
      'b/README.md': '2026-11-20T10:00:00+00:00',
      'c.md': '2026-10-01T09:00:00+00:00',
    });
  });
  it('returns nothing for empty output (no repository, no history)', () => {
    expect(parseGitLog('').size).toBe(0);
  });
});

describe('reading aids', () => {
  it('estimates at least one minute at 220 words a minute', () => {
    expect(readingMinutes(0)).toBe(1);
    expect(readingMinutes(2200)).toBe(10);
  });
  it('cuts a long description at a word, within 160 characters', () => {
    const long = 'word '.repeat(50).trim();
    expect(metaDescription(long).length).toBeLessThanOrEqual(160);
    expect(metaDescription(long)).toMatch(/word…$/);
    expect(metaDescription('Short.')).toBe('Short.');
  });
  it('formats dates the same on every machine', () => {
    expect(formatDate('2026-11-26T23:30:00-05:00')).toBe('27 November 2026');
  });
  it('counts the pages of a section, index and subfolders included', () => {
    const tree = buildTree(
      ['a/README.md', 'a/x.md', 'a/b/README.md', 'a/b/y.md', 'c.md'].map((file) => ({ file, route: `/${file}`, title: file })),
    );
    const a = tree.children.find((c) => c.type === 'folder' && c.dir === 'a');
    expect(a && a.type === 'folder' ? countPages(a) : 0).toBe(4);
  });
});
