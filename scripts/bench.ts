// `npm run bench [-- --pages 100,1000,5000] [--rounds N] [--compare starlight] [--no-browser] [--timeout S]`
// builds generated corpora of realistic pages (scripts/bench/corpus.ts) and reports time, phases, memory, output
// weight and search latency, beside Starlight's with `--compare starlight`; see scripts/bench/run.ts. Writes
// bench/results.json (or `--results-dir`), bench/chart.svg and the results section of BENCHMARKS.md (`--markdown`).
// A benchmark, not a test: numbers vary by machine. Needs GNU time at /usr/bin/time (Debian package `time`).
//
// `npm run bench -- --check [--tree <folder>] [--rounds N]` instead compares `npm run check` with a cold
// `npm run build` on the generated tree (or on <folder>, such as `content`): N rounds of a cold build
// (no Astro cache), a cold check (no check caches) and a warm one (caches of the run before, as when a
// contributor checks again), and the medians of each time and ratio.
//
// `npm run bench -- --dev [--pages 1000] [--rounds N] [--edits N] [--cpu-prof <dir>]` times `astro dev` on the
// generated tree: cold and warm starts to the first page served, and edits until the browser shows them
// (scripts/bench/dev.ts).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeQuirkyTree } from '../tests/helpers/quirky-tree.ts';
import { parseBenchOptions } from './bench/options.ts';
import { runBench } from './bench/run.ts';
import { runDevBench } from './bench/dev.ts';
import { assertNodeVersion } from './node-version.ts';
import { nodeArgsOfScript } from './node-args.ts';

assertNodeVersion();
const { values: args } = parseArgs({
  options: {
    check: { type: 'boolean' },
    dev: { type: 'boolean' },
    edits: { type: 'string' },
    'cpu-prof': { type: 'string' },
    tree: { type: 'string' },
    rounds: { type: 'string' },
    pages: { type: 'string' },
    compare: { type: 'string' },
    'no-browser': { type: 'boolean' },
    timeout: { type: 'string' },
    'results-dir': { type: 'string' },
    markdown: { type: 'string' },
  },
});
const sections = Number(process.env.BENCH_SECTIONS ?? 77);
const work = mkdtempSync(join(tmpdir(), 'handbook-bench-'));
const seconds = (from: number) => (performance.now() - from) / 1000;
const median = (list: number[]) => {
  const sorted = [...list].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** Runs the check; returns its wall time and the phase times it printed. */
function timeCheck(env: NodeJS.ProcessEnv): Record<string, number> {
  const started = performance.now();
  const run = spawnSync(process.execPath, nodeArgsOfScript('check'), { env, encoding: 'utf8', maxBuffer: 1 << 28 });
  const check = seconds(started);
  const summary = /Checked \d+ pages? in [\d.]+ s \((.*)\)\./.exec(`${run.stdout}${run.stderr}`)?.[1] ?? '';
  const phase = (name: string) => Number(new RegExp(`${name} ([\\d.]+) s`).exec(summary)?.[1] ?? NaN);
  return {
    check,
    'sources and links': phase('sources and links'),
    spelling: phase('spelling'),
    style: phase('style'),
    'code samples': phase('code samples'),
  };
}

/** Times one cold build, one cold check and one warm check; returns seconds per step and phase. */
function round(env: NodeJS.ProcessEnv): Record<string, number> {
  mkdirSync('node_modules/.cache', { recursive: true });
  rmSync('node_modules/.astro', { recursive: true, force: true });
  const buildStarted = performance.now();
  execFileSync(process.execPath, ['scripts/build.ts'], { env, stdio: 'ignore' });
  const build = seconds(buildStarted);
  for (const cache of readdirSync('node_modules/.cache', { withFileTypes: true }).filter((d) => d.name.startsWith('handbook-')))
    rmSync(join('node_modules/.cache', cache.name), { recursive: true, force: true });
  const cold = timeCheck(env);
  const warm = timeCheck(env);
  return {
    build,
    ...Object.fromEntries(Object.entries(cold).map(([k, v]) => [`cold ${k}`, v])),
    ...Object.fromEntries(Object.entries(warm).map(([k, v]) => [`warm ${k}`, v])),
  };
}

try {
  if (args.dev) {
    const pages = Number(args.pages ?? 1000);
    const rounds = Number(args.rounds ?? 2);
    const edits = Number(args.edits ?? 5);
    if (![pages, rounds, edits].every((n) => Number.isInteger(n) && n >= 1)) {
      console.error('--dev takes one page count (--pages 1000), --rounds N and --edits N, each a whole number of at least 1.');
      process.exitCode = 2;
    } else await runDevBench({ pages, rounds, edits, cpuProf: args['cpu-prof'] && resolve(args['cpu-prof']) }, work);
  } else if (args.check) {
    const tree = args.tree ? resolve(args.tree) : join(work, 'tree');
    if (!args.tree) writeQuirkyTree(tree, sections);
    const env = { ...process.env, HANDBOOK_CONTENT: tree, HANDBOOK_OUT: join(work, 'dist'), HANDBOOK_LINKS: 'warn' };
    const rounds = Array.from({ length: Number(args.rounds ?? 3) }, (_, i) => {
      const r = round(env);
      console.log(
        `round ${i + 1}: ${Object.entries(r)
          .map(([k, v]) => `${k} ${v.toFixed(1)} s`)
          .join(', ')}`,
      );
      return r;
    });
    const of = (key: string) => median(rounds.map((r) => r[key]!));
    const share = (key: string) => `${(100 * median(rounds.map((r) => r[key]! / r.build!))).toFixed(0)}%`;
    console.log(`medians over ${rounds.length} rounds: cold build ${of('build').toFixed(1)} s`);
    for (const kind of ['cold', 'warm']) {
      const phases = ['sources and links', 'spelling', 'style', 'code samples'].map(
        (p) => `${p} ${of(`${kind} ${p}`).toFixed(1)} s (${share(`${kind} ${p}`)})`,
      );
      console.log(`${kind} check ${of(`${kind} check`).toFixed(1)} s (${share(`${kind} check`)} of the build); ${phases.join(', ')}`);
    }
  } else {
    const options = parseBenchOptions(args, process.argv.slice(2));
    if (typeof options === 'string') {
      console.error(options);
      process.exitCode = 2;
    } else {
      const results = await runBench(options);
      console.log(`Results in ${options.resultsDir}/results.json and ${options.markdown} (${results.totalSeconds.toFixed(0)} s in all).`);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
