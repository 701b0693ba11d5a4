// `npm run bench`: builds generated corpora of 100, 1,000 and 5,000 pages and reports, per size, wall time, time
// per page, the share of each build phase, peak memory, the size of dist/, the bytes of a median page and (in
// headless Chromium) search latency; with `--compare starlight`, the same corpus built with the latest Starlight,
// alternating runs. Writes bench/results.json, bench/chart.svg and the results section of BENCHMARKS.md.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseTimingsLine } from '../../src/lib/build-phases.ts';
import { renderChart } from './chart.ts';
import { writeCorpus } from './corpus.ts';
import { DEFAULT_SEED } from './generate.ts';
import { describeMachine } from './machine.ts';
import { distSize, medianPage } from './page-weight.ts';
import { replaceSection, resultsMarkdown } from './report.ts';
import { benchResults, type BenchResults, type RunResult, type SiteResult, type SizeResult } from './results-schema.ts';
import { measureSearch } from './search-timing.ts';
import { phaseShares } from './shares.ts';
import { starlightBuildCommand, starlightProject, writeStarlightDocs, type StarlightProject } from './starlight.ts';
import { spread } from './stats.ts';
import { timedRun, type TimedRun } from './timed-run.ts';

/** What `npm run bench` was asked to do. */
export interface BenchOptions {
  sizes: number[];
  rounds: number;
  browser: boolean;
  compare: 'starlight' | undefined;
  resultsDir: string;
  markdown: string;
  /** Longest a single build may take before it is stopped and reported, in seconds. */
  timeoutSeconds: number;
  command: string;
}

const root = process.cwd();
const log = (line: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

/** Removes the Astro cache a build of `corpus` left (the build keys its cache by content root, so each run path is new and cold). */
function dropCacheOf(corpus: string): void {
  const caches = join(root, 'node_modules', '.astro');
  for (const name of existsSync(caches) ? readdirSync(caches) : []) {
    const store = join(caches, name, 'data-store.json');
    if (!existsSync(store)) continue;
    try {
      execFileSync('grep', ['-qF', corpus, store]);
      rmSync(join(caches, name), { recursive: true, force: true });
    } catch {
      // grep -q exits 1: another tree's cache, left alone.
    }
  }
}

/** Builds the corpus with our generator once, cold, from a path of its own; returns the run with its phases. */
async function runOurs(corpus: string, out: string, round: number, timeoutSeconds: number): Promise<RunResult> {
  const path = `${corpus}-round-${round}`;
  renameSync(corpus, path);
  rmSync(out, { recursive: true, force: true });
  try {
    const env = { ...process.env, HANDBOOK_CONTENT: path, HANDBOOK_OUT: out, HANDBOOK_TIMINGS: '1', ASTRO_TELEMETRY_DISABLED: '1' };
    const run = await timedRun([process.execPath, join(root, 'scripts', 'build.ts')], { cwd: root, env, timeoutSeconds });
    return toRunResult(run, parseTimingsLine(run.output));
  } finally {
    dropCacheOf(path);
    renameSync(path, corpus);
  }
}

/** Builds the corpus (already in the project's docs) with Starlight once, cold. */
async function runStarlight(project: StarlightProject, out: string, timeoutSeconds: number): Promise<RunResult> {
  rmSync(out, { recursive: true, force: true });
  const { command, cwd } = starlightBuildCommand(project, out);
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  return toRunResult(await timedRun(command, { cwd, env, timeoutSeconds }));
}

function toRunResult(run: TimedRun, phases?: Record<string, number>): RunResult {
  return {
    ok: run.ok,
    seconds: Number(run.seconds.toFixed(3)),
    ...(run.peakBytes === undefined ? {} : { peakBytes: run.peakBytes }),
    ...(phases ? { phases } : {}),
    loadAverage: run.loadAverage,
    ...(run.error ? { error: run.error } : {}),
  };
}

/** Summarises a generator's runs at one size, with the weight of the output of its last successful run. */
function summarise(site: SiteResult, pages: number, dist: string | undefined): SiteResult {
  const ok = site.runs.filter((r) => r.ok);
  if (ok.length === 0) return { ...site, failure: site.failure ?? site.runs.at(-1)?.error ?? 'no run' };
  const wall = spread(ok.map((r) => r.seconds));
  const peaks = ok.flatMap((r) => (r.peakBytes === undefined ? [] : [r.peakBytes]));
  return {
    ...site,
    wallSeconds: wall,
    secondsPerPage: wall.median / pages,
    ...(peaks.length ? { peakBytes: Math.round(spread(peaks).median) } : {}),
    ...(phaseShares(ok) ? { shares: phaseShares(ok) } : {}),
    ...(dist && existsSync(dist) ? { dist: distSize(dist), medianPage: medianPage(dist) } : {}),
  };
}

let version: string | undefined;

/** Returns our version and commit, read once per run (a commit made while the benchmark runs does not change it). */
function ourVersion(): string {
  if (version) return version;
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  let commit = '';
  try {
    commit = ` (${execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim()})`;
  } catch {
    // Not a git checkout.
  }
  version = `${pkg.version}${commit}`;
  return version;
}

/** Measures one corpus size: alternating builds, then the output's weight and search. */
async function measureSize(pages: number, options: BenchOptions, work: string, project: StarlightProject | undefined): Promise<SizeResult> {
  const corpus = join(work, `corpus-${pages}`);
  const generated = performance.now();
  const stats = writeCorpus(corpus, pages);
  const corpusSeconds = (performance.now() - generated) / 1000;
  log(`${pages} pages: corpus of ${stats.files} files (${(stats.bytes / 1e6).toFixed(1)} MB) in ${corpusSeconds.toFixed(1)} s`);
  if (project) writeStarlightDocs(corpus, project);
  const oursOut = join(work, `out-ours-${pages}`);
  const theirsOut = join(work, `out-starlight-${pages}`);
  const ours: SiteResult = { tool: 'handbook', version: ourVersion(), runs: [] };
  const theirs: SiteResult | undefined = project ? { tool: 'starlight', version: project.starlight, runs: [] } : undefined;
  const ratios: number[] = [];
  for (let round = 1; round <= options.rounds; round += 1) {
    const mine = await runOurs(corpus, oursOut, round, options.timeoutSeconds);
    ours.runs.push(mine);
    log(
      `${pages} pages, round ${round}: ours ${mine.ok ? `${mine.seconds.toFixed(1)} s` : `FAILED (${mine.error})`} (load ${mine.loadAverage.toFixed(1)})`,
    );
    if (!mine.ok) break;
    if (!theirs || theirs.failure) continue;
    const other = await runStarlight(project!, theirsOut, options.timeoutSeconds);
    theirs.runs.push(other);
    log(
      `${pages} pages, round ${round}: Starlight ${other.ok ? `${other.seconds.toFixed(1)} s` : `FAILED (${other.error})`} (load ${other.loadAverage.toFixed(1)})`,
    );
    if (other.ok) ratios.push(mine.seconds / other.seconds);
    // A build that hit the limit would hit it again: report it once and stop building Starlight at this size.
    else theirs.failure = `did not finish: ${other.error}${other.peakBytes ? `; peak ${(other.peakBytes / 1e9).toFixed(2)} GB` : ''}`;
  }
  const size: SizeResult = {
    pages,
    corpus: { files: stats.files, bytes: stats.bytes, seconds: Number(corpusSeconds.toFixed(2)) },
    ours: summarise(ours, pages, oursOut),
    ...(theirs ? { starlight: summarise(theirs, pages, theirs.runs.some((r) => r.ok) ? theirsOut : undefined) } : {}),
    ...(ratios.length ? { ratio: spread(ratios) } : {}),
  };
  if (options.browser && size.ours.medianPage) {
    log(`${pages} pages: timing search in Chromium on ${size.ours.medianPage.path}`);
    size.search = { page: size.ours.medianPage.path, ...(await measureSearch(oursOut, size.ours.medianPage.path)) };
  }
  rmSync(oursOut, { recursive: true, force: true });
  rmSync(theirsOut, { recursive: true, force: true });
  rmSync(corpus, { recursive: true, force: true });
  return size;
}

/** Validates the results so far and writes results.json, chart.svg and the section of BENCHMARKS.md; returns them. */
function writeResults(options: BenchOptions, machine: BenchResults['machine'], started: number, sizes: SizeResult[]): BenchResults {
  const results = benchResults.parse({
    version: 1,
    generatedAt: new Date().toISOString(),
    command: options.command,
    totalSeconds: Number(((performance.now() - started) / 1000).toFixed(1)),
    machine: { ...machine, loadAverageEnd: loadavg() },
    corpus: { seed: DEFAULT_SEED },
    rounds: options.rounds,
    sizes,
  } satisfies BenchResults);
  mkdirSync(options.resultsDir, { recursive: true });
  writeFileSync(join(options.resultsDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(options.resultsDir, 'chart.svg'), renderChart(results));
  const markdown = resolve(options.markdown);
  const chart = relative(resolve(markdown, '..'), join(resolve(options.resultsDir), 'chart.svg'))
    .split('\\')
    .join('/');
  const existing = existsSync(markdown) ? readFileSync(markdown, 'utf8') : '# Benchmarks\n';
  writeFileSync(markdown, replaceSection(existing, resultsMarkdown(results, chart)));
  return results;
}

/** Runs the benchmark and writes its results after each size (a run stopped later keeps what it measured); returns them. */
export async function runBench(options: BenchOptions): Promise<BenchResults> {
  const started = performance.now();
  const machine = describeMachine();
  const work = mkdtempSync(join(tmpdir(), 'handbook-bench-'));
  const project = options.compare === 'starlight' ? starlightProject(log) : undefined;
  const sizes: SizeResult[] = [];
  let results: BenchResults | undefined;
  try {
    for (const pages of options.sizes) {
      sizes.push(await measureSize(pages, options, work, project));
      results = writeResults(options, machine, started, sizes);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  if (!results) throw new Error('No corpus size was measured.');
  return results;
}
