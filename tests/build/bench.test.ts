import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchResults, type BenchResults } from '../../scripts/bench/results-schema.ts';
import { runBenchScript } from '../helpers/build.ts';

// Runs the benchmark at its smallest useful size: it must run and write results that match their schema.
// No timing is asserted: timings belong in the benchmark's own output.
describe('npm run bench -- --pages 50 --no-browser', () => {
  const out = mkdtempSync(join(tmpdir(), 'handbook-bench-test-'));
  let run: Awaited<ReturnType<typeof runBenchScript>>;
  let results: BenchResults;

  beforeAll(async () => {
    run = await runBenchScript(['--pages', '50', '--no-browser', '--results-dir', out, '--markdown', join(out, 'BENCHMARKS.md')]);
    if (run.code === 0) results = benchResults.parse(JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')));
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('exits 0 and writes results that match the schema', () => {
    expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
    expect(results.sizes.map((s) => s.pages)).toEqual([50]);
  });

  it('records a successful build of ours with its phases, memory, output and median page, and no browser or Starlight figures', () => {
    const [size] = results.sizes;
    expect(size!.ours.runs).toHaveLength(1);
    expect(size!.ours.runs[0]!.ok).toBe(true);
    expect(Object.keys(size!.ours.runs[0]!.phases ?? {})).toEqual(expect.arrayContaining(['content', 'links', 'pages', 'search']));
    expect(size!.ours.peakBytes).toBeGreaterThan(0);
    expect(size!.ours.dist!.files).toBeGreaterThan(50);
    expect(size!.ours.medianPage!.html.gzip).toBeGreaterThan(0);
    const shares = size!.ours.shares!;
    expect(shares.content + shares.links + shares.pages + shares.search + shares.rest).toBeCloseTo(1, 5);
    expect(size!.search).toBeUndefined();
    expect(size!.starlight).toBeUndefined();
  });

  it('writes the chart and the results section of BENCHMARKS.md', () => {
    const chart = readFileSync(join(out, 'chart.svg'), 'utf8');
    expect(chart).toMatch(/<title id="chart-title">Build time per page against page count<\/title>/);
    expect(chart).toContain('ms per page at 50 pages');
    const markdown = readFileSync(join(out, 'BENCHMARKS.md'), 'utf8');
    expect(markdown).toMatch(/^\| 50 \| this handbook /m);
    expect(markdown).toContain('![Time per page against page count, this handbook and Starlight](chart.svg)');
    expect(existsSync(join(out, 'results.json'))).toBe(true);
  });
});
