import { describe, expect, it } from 'vitest';
import { renderChart } from '../../scripts/bench/chart.ts';
import { parseBenchOptions } from '../../scripts/bench/options.ts';
import { MARKERS, replaceSection, resultsMarkdown } from '../../scripts/bench/report.ts';
import { benchResults, type BenchResults } from '../../scripts/bench/results-schema.ts';
import { median, percentile, spread } from '../../scripts/bench/stats.ts';
import { toStarlightPage } from '../../scripts/bench/starlight.ts';
import { phaseShares } from '../../scripts/bench/shares.ts';

const site = (tool: 'handbook' | 'starlight', seconds: number[]) => ({
  tool,
  version: '1.0.0',
  runs: seconds.map((s) => ({ ok: true, seconds: s, peakBytes: 1e9, loadAverage: 2 })),
  wallSeconds: spread(seconds),
  secondsPerPage: median(seconds) / 100,
  peakBytes: 1e9,
  dist: { bytes: 5e6, files: 300 },
  medianPage: { path: '/a/', html: { raw: 20480, gzip: 6144 }, css: { raw: 15360, gzip: 4096 }, js: { raw: 6144, gzip: 2048 } },
});

const results: BenchResults = benchResults.parse({
  version: 1,
  generatedAt: '2026-12-02T04:00:00.000Z',
  command: 'npm run bench -- --pages 100 --compare starlight',
  totalSeconds: 120,
  machine: {
    cpu: 'Test CPU',
    cores: 2,
    memoryBytes: 2 ** 33,
    node: '24.0.0',
    os: 'Linux',
    loadAverageStart: [1, 2, 3],
    loadAverageEnd: [1, 2, 3],
  },
  corpus: { seed: 's' },
  rounds: 2,
  sizes: [
    {
      pages: 100,
      corpus: { files: 140, bytes: 1e6, seconds: 1 },
      ours: { ...site('handbook', [10, 12]), shares: { content: 0.5, links: 0.01, pages: 0.1, search: 0.05, rest: 0.34 } },
      starlight: site('starlight', [20, 30]),
      ratio: spread([0.5, 0.4]),
      search: { page: '/a/', coldMs: 900, medianMs: 120.5, p95Ms: 300, queries: 20 },
    },
  ],
});

describe('the benchmark report', () => {
  it('writes one row per generator with median, range, per-page time, shares and page weights', () => {
    const markdown = resultsMarkdown(results, 'bench/chart.svg');
    expect(markdown).toContain(
      '| 100 | this handbook 1.0.0 | 11 s (10 s–12 s) | 110.0 ms | 50% / 1% / 10% / 5% / 34% | 1000 MB | 5.0 MB | 20.0 / 6.0 KB | 15.0 / 4.0 KB | 6.0 / 2.0 KB | 900 / 121 / 300 ms |',
    );
    expect(markdown).toContain('| 100 | Starlight 1.0.0 | 25 s (20 s–30 s) | 250.0 ms | n/a |');
    expect(markdown).toContain('- 100 pages: 0.45× (0.40–0.50)');
    expect(markdown).toContain('Machine: Test CPU, 2 cores, 8.0 GiB memory, Node 24.0.0, Linux; load average 1.00, 2.00, 3.00');
  });

  it('replaces only the text between its markers, and appends them when missing', () => {
    const [start, end] = MARKERS;
    const document = `# B\n\nby hand\n\n${start}\nold\n${end}\n\nafter\n`;
    expect(replaceSection(document, 'new\n')).toBe(`# B\n\nby hand\n\n${start}\n\nnew\n\n${end}\n\nafter\n`);
    expect(replaceSection('# B\n', 'new\n')).toBe(`# B\n\n${start}\n\nnew\n\n${end}\n`);
  });

  it('draws an accessible chart with a title, a description naming every point, and one line per generator', () => {
    const svg = renderChart(results);
    expect(svg).toMatch(/role="img" aria-labelledby="chart-title chart-desc"/);
    expect(svg).toContain('<desc id="chart-desc">');
    expect(svg).toContain('This handbook: 110.0 ms per page at 100 pages. Starlight: 250.0 ms per page at 100 pages');
    expect(svg.match(/<polyline /g)).toHaveLength(2);
  });
});

describe('parseBenchOptions', () => {
  it('defaults to 100, 1,000 and 5,000 pages, one round, with the browser', () => {
    expect(parseBenchOptions({}, [])).toMatchObject({ sizes: [100, 1000, 5000], rounds: 1, browser: true, compare: undefined });
  });
  it('reads sizes, skips the browser and compares with three rounds unless told', () => {
    const options = parseBenchOptions({ pages: '1000,100', 'no-browser': true, compare: 'starlight' }, ['--pages', '1000,100']);
    expect(options).toMatchObject({
      sizes: [100, 1000],
      rounds: 3,
      browser: false,
      compare: 'starlight',
      command: 'npm run bench -- --pages 1000,100',
    });
  });
  it('says what is wrong with bad values', () => {
    expect(parseBenchOptions({ pages: '10x' }, [])).toBe('--pages takes page counts separated by commas (--pages 100,1000), got "10x".');
    expect(parseBenchOptions({ compare: 'hugo' }, [])).toBe('--compare knows only "starlight", got "hugo".');
    expect(parseBenchOptions({ rounds: '0' }, [])).toBe('--rounds takes a whole number of at least 1, got "0".');
  });
});

describe('statistics', () => {
  it('takes the median, nearest-rank percentile and range', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(
      percentile(
        Array.from({ length: 20 }, (_, i) => i + 1),
        95,
      ),
    ).toBe(19);
    expect(spread([2, 9, 4])).toEqual({ median: 4, min: 2, max: 9 });
  });
});

describe('toStarlightPage', () => {
  it('moves the first H1 into the title and keeps only title and description', () => {
    const page = '---\ndescription: "A page."\nlevel: beginner\n---\n\n# Cache keys\n\nBody.\n';
    expect(toStarlightPage(page)).toBe('---\ntitle: "Cache keys"\ndescription: "A page."\n---\n\nBody.\n');
  });
});

describe('phaseShares', () => {
  it('takes the median share of each group over the runs that printed phases, the rest being what is left', () => {
    const run = (seconds: number, phases: Record<string, number>) => ({ ok: true, seconds, phases, loadAverage: 1 });
    const shares = phaseShares([
      run(100, { sources: 5, content: 45, links: 1, pages: 10, search: 10, bundle: 29 }),
      run(200, { sources: 10, content: 70, links: 2, pages: 20, search: 40, bundle: 58 }),
      run(100, { sources: 5, content: 35, links: 1, pages: 10, search: 20, bundle: 29 }),
      { ok: false, seconds: 5, loadAverage: 1, error: 'exited with status 1' },
    ]);
    expect(shares).toEqual({ content: 0.4, links: 0.01, pages: 0.1, search: 0.2, rest: expect.closeTo(0.29, 10) });
    expect(phaseShares([{ ok: true, seconds: 10, loadAverage: 1 }])).toBeUndefined();
  });
});
