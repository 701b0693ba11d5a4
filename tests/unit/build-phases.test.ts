import { describe, expect, it } from 'vitest';
import { parseTimingsLine, phaseSeconds, timingsLine } from '../../src/lib/build-phases.ts';

describe('build phases', () => {
  const marks = [
    { name: 'startup', at: 0 },
    { name: 'content', at: 1000 },
    { name: 'site', at: 4000 },
    { name: 'links', at: 4500 },
    { name: 'site', at: 4750 },
    { name: 'pages', at: 5000 },
  ] as const;

  it('sums each phase until the next mark, a phase entered twice counted once in order', () => {
    expect(phaseSeconds(marks, 8000)).toEqual([
      ['startup', 1],
      ['content', 3],
      ['site', 0.75],
      ['links', 0.25],
      ['pages', 3],
    ]);
  });

  it('prints one line that reads back to the same seconds and the total', () => {
    const line = timingsLine(marks, 8000);
    expect(line).toBe('Timings: startup 1.00 s, content 3.00 s, site 0.75 s, links 0.25 s, pages 3.00 s, total 8.00 s.');
    expect(parseTimingsLine(`Built 3 pages.\n${line}\nThe site is in dist`)).toEqual({
      startup: 1,
      content: 3,
      site: 0.75,
      links: 0.25,
      pages: 3,
      total: 8,
    });
    expect(parseTimingsLine('Built 3 pages.')).toBeUndefined();
  });
});
