import { describe, expect, it } from 'vitest';
import { buildBacklinks } from '../../src/lib/backlinks.ts';
import { buildToc } from '../../src/lib/toc.ts';

describe('buildBacklinks', () => {
  it('lists each linking page once, in reading order, without self-links', () => {
    const backlinks = buildBacklinks(
      [
        { from: 'c.md', to: 'a.md' },
        { from: 'b.md', to: 'a.md' },
        { from: 'b.md', to: 'a.md' },
        { from: 'a.md', to: 'a.md' },
      ],
      ['a.md', 'b.md', 'c.md'],
    );
    expect(backlinks.get('a.md')).toEqual(['b.md', 'c.md']);
    expect(backlinks.has('b.md')).toBe(false);
  });
});

describe('buildToc', () => {
  it('nests h3 under the preceding h2 and skips h1 and h4', () => {
    const toc = buildToc([
      { depth: 1, slug: 'title', text: 'Title' },
      { depth: 2, slug: 'a', text: 'A' },
      { depth: 3, slug: 'a1', text: 'A1' },
      { depth: 4, slug: 'deep', text: 'Deep' },
      { depth: 2, slug: 'b', text: 'B' },
    ]);
    expect(toc).toEqual([
      { slug: 'a', text: 'A', children: [{ slug: 'a1', text: 'A1', children: [] }] },
      { slug: 'b', text: 'B', children: [] },
    ]);
  });
});
