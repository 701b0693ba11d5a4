// `npm run bench -- --dev [--pages 1000] [--rounds 2] [--edits 5] [--cpu-prof <dir>]` times `astro dev` on a generated
// corpus: the start, cold (no Astro, Vite or handbook caches) and warm (the caches the cold start left), from spawning
// the server to the first page answered 200 with its content; then, in headless Chromium on that page, the time from
// writing a changed line into the page's file to the browser showing it, and from writing a broken link to the page's
// problems panel showing it (issue 9 item 3). Prints the results with the load average; a benchmark, not a test.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { acquireBuildLock } from '../build-lock.ts';
import { toRoute } from '../../src/lib/routes.ts';
import { launchBrowser } from '../../tests/helpers/browser.ts';
import { freePort, startDevServer, type DevServer } from '../../tests/helpers/dev-server.ts';
import { writeCorpus } from './corpus.ts';
import { DEFAULT_SEED } from './generate.ts';
import { planCorpus } from './corpus-tree.ts';
import { median } from './stats.ts';

/** What `npm run bench -- --dev` was asked to do. */
export interface DevBenchOptions {
  pages: number;
  /** Pairs of starts (cold, then warm); edits are timed after each warm start. */
  rounds: number;
  /** Edits of each kind per warm start. */
  edits: number;
  /** Where the dev server's processes write `--cpu-prof` profiles, when profiling. */
  cpuProf?: string | undefined;
}

/** One timed event, with the one-minute load average when it began. */
export interface DevTiming {
  seconds: number;
  /** CPU time the server's process (all its threads) spent meanwhile: less sensitive to a busy machine than wall time. */
  cpuSeconds: number;
  loadAverage: number;
}

/** What the dev benchmark measured. */
export interface DevBenchResults {
  page: string;
  cold: DevTiming[];
  warm: DevTiming[];
  edit: DevTiming[];
  brokenLink: DevTiming[];
}

const root = process.cwd();
const log = (line: string) => console.log(`[bench:dev ${new Date().toISOString().slice(11, 19)}] ${line}`);
const load = () => loadavg()[0]!;

/** Returns the CPU seconds a process has used so far (user and system, every thread), from /proc. */
export function cpuSecondsOf(pid: number): number {
  try {
    // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

/** Removes what makes a dev start warm: Astro's data store and generated files, Vite's optimised deps, the handbook's caches. */
function dropDevCaches(): void {
  rmSync(join(root, '.astro'), { recursive: true, force: true });
  rmSync(join(root, 'node_modules', '.vite'), { recursive: true, force: true });
  const astroCache = join(root, 'node_modules', '.astro');
  // The build lock lives there too, and this run holds it.
  for (const name of existsSync(astroCache) ? readdirSync(astroCache) : [])
    if (name !== 'build.lock') rmSync(join(astroCache, name), { recursive: true, force: true });
  const cache = join(root, 'node_modules', '.cache');
  for (const name of existsSync(cache) ? readdirSync(cache) : [])
    if (name.startsWith('handbook-')) rmSync(join(cache, name), { recursive: true, force: true });
}

/** Picks the page to open and edit: an ordinary page (not a README, not a long one) in the middle of the corpus. */
export function pickPage(pages: number, seed = DEFAULT_SEED): { file: string; route: string; title: string } {
  const plan = planCorpus(pages, seed);
  const candidates = plan.pages.filter((p) => !p.large && !p.path.endsWith('README.md'));
  const page = candidates[Math.floor(candidates.length / 2)] ?? plan.pages[0]!;
  return { file: page.path, route: toRoute(page.path), title: page.title };
}

/** Requests `url` until it answers 200 with `text` in its body; returns when it did. */
async function waitForPage(url: string, text: string, server: DevServer): Promise<void> {
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.status === 200 && (await response.text()).includes(text)) return;
    } catch {
      // Not listening yet.
    }
    if (server.exited()) throw new Error(`astro dev exited before serving ${url}:\n${server.output().slice(-3000)}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

/** Starts the dev server and times it to the page's first full answer. */
async function timeStart(
  tree: string,
  route: string,
  title: string,
  port: number,
  options: DevBenchOptions,
): Promise<{ server: DevServer; timing: DevTiming }> {
  const loadAverage = load();
  const started = performance.now();
  const nodeArgs = options.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProf}`] : [];
  const server = await startDevServer(tree, { HANDBOOK_TIMINGS: '1' }, { nodeArgs, waitForListen: false, port });
  try {
    await waitForPage(`${server.url}${route.slice(1)}`, title, server);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { server, timing: { seconds: (performance.now() - started) / 1000, cpuSeconds: cpuSecondsOf(server.pid), loadAverage } };
}

/** Writes `text` into the page's file and times it until `shown` is visible in the open page. */
async function timeEdit(pid: number, file: string, text: string, shown: ReturnType<Page['locator']>): Promise<DevTiming> {
  const loadAverage = load();
  const cpu = cpuSecondsOf(pid);
  const started = performance.now();
  writeFileSync(file, text);
  await shown.waitFor({ state: 'visible', timeout: 120_000 });
  return { seconds: (performance.now() - started) / 1000, cpuSeconds: cpuSecondsOf(pid) - cpu, loadAverage };
}

/** Times edits of both kinds in the open page, restoring the file at the end. */
async function timeEdits(
  server: DevServer,
  file: string,
  route: string,
  options: DevBenchOptions,
  results: DevBenchResults,
): Promise<void> {
  const original = readFileSync(file, 'utf8');
  const browser = await launchBrowser();
  try {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${server.url}${route.slice(1)}`);
    for (let i = 1; i <= options.edits; i += 1) {
      const stamp = `${Date.now().toString(36)}${i}`;
      const edit = await timeEdit(
        server.pid,
        file,
        `${original}\nEdited by the benchmark, ${stamp}.\n`,
        page.getByText(`Edited by the benchmark, ${stamp}.`),
      );
      results.edit.push(edit);
      const missing = `./missing-${stamp}.md`;
      const broken = await timeEdit(
        server.pid,
        file,
        `${original}\nSee [the missing page](${missing}).\n`,
        page.locator('section.hb-dev-problems li', { hasText: missing }),
      );
      results.brokenLink.push(broken);
      log(
        `edit ${i}: text ${edit.seconds.toFixed(2)} s (CPU ${edit.cpuSeconds.toFixed(2)} s), broken link ${broken.seconds.toFixed(2)} s (CPU ${broken.cpuSeconds.toFixed(2)} s) (load ${edit.loadAverage.toFixed(1)})`,
      );
    }
  } finally {
    writeFileSync(file, original);
    await browser.close();
  }
}

const fmt = (list: DevTiming[]) =>
  list.length === 0
    ? 'not measured'
    : `median ${median(list.map((t) => t.seconds)).toFixed(2)} s, CPU ${median(list.map((t) => t.cpuSeconds)).toFixed(2)} s (each: ${list
        .map((t) => `${t.seconds.toFixed(2)} s`)
        .join(', ')}; load ${list.map((t) => t.loadAverage.toFixed(1)).join(', ')})`;

/** Returns the lines the dev benchmark prints at its end. */
export function devResultsLines(results: DevBenchResults, options: DevBenchOptions): string[] {
  return [
    `Dev server on ${options.pages} pages (page ${results.page}), ${options.rounds} round${options.rounds === 1 ? '' : 's'}:`,
    `  start, cold: ${fmt(results.cold)}`,
    `  start, warm: ${fmt(results.warm)}`,
    `  edit to visible: ${fmt(results.edit)}`,
    `  broken link to panel: ${fmt(results.brokenLink)}`,
  ];
}

/** Runs the dev benchmark in `work` (a scratch folder), printing progress and results; returns them. */
export async function runDevBench(options: DevBenchOptions, work: string): Promise<DevBenchResults> {
  const tree = join(work, `corpus-${options.pages}`);
  const stats = writeCorpus(tree, options.pages);
  log(`corpus of ${stats.pages} pages (${stats.files} files) in ${tree}`);
  const target = pickPage(options.pages);
  const results: DevBenchResults = { page: target.route, cold: [], warm: [], edit: [], brokenLink: [] };
  // `astro dev` writes under .astro/ as a build does, and the cold start deletes the caches: no build may run meanwhile.
  const release = await acquireBuildLock(root);
  try {
    for (let round = 1; round <= options.rounds; round += 1) {
      // One port for both starts of a round: Astro counts the port as configuration and clears its content store when it changes.
      const port = await freePort();
      for (const kind of ['cold', 'warm'] as const) {
        if (kind === 'cold') dropDevCaches();
        const { server, timing } = await timeStart(tree, target.route, target.title, port, options);
        results[kind].push(timing);
        log(
          `round ${round}: ${kind} start ${timing.seconds.toFixed(2)} s (CPU ${timing.cpuSeconds.toFixed(2)} s, load ${timing.loadAverage.toFixed(1)})`,
        );
        try {
          // A warm start that finds its content store cleared is a cold one: say so.
          const cleared = /Clearing content store/.test(server.output());
          if (cleared) log(`round ${round}: the ${kind} start found Astro's content store out of date and cleared it`);
          if (kind === 'warm') await timeEdits(server, join(tree, target.file), target.route, options, results);
        } finally {
          await server.stop();
        }
      }
    }
  } finally {
    release();
  }
  for (const line of devResultsLines(results, options)) console.log(line);
  return results;
}
