// `npm run check [-- <files>]`: the content check to run before pushing a page, and CI's first step.
// Frontmatter, routes, prerequisites, encoding, titles, links and anchors with the build's own rules
// (no rendering), Markdown style (markdownlint-cli2) and spelling (cspell) with the committed configs,
// then the code samples (as `npm run check:code`). Every problem is reported together as
// `path:line:col rule message`; errors exit 1. Pages are parsed once, on a worker thread per core beside
// this one; spelling has a thread of its own, style runs on a parsing thread once it has parsed its pages.
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CheckedBlock, CodeProblem } from '../src/code-check/check-blocks.ts';
import { checkBlocksCached, checkerVersion } from '../src/code-check/cache.ts';
import { runCodeCheck } from '../src/code-check/run.ts';
import { createContentChecker, type ContentCheck } from '../src/data/check-content.ts';
import { cachedReadPages, pipelineVersion } from '../src/data/page-cache.ts';
import { startPageWorkers, type PageWorkers } from '../src/data/page-workers.ts';
import { createPageReader, type PageJob, type PageResult, type ReadPages } from '../src/data/read-pages.ts';
import { scanContent } from '../src/data/scan-content.ts';
import type { CodeBlock } from '../src/lib/code-blocks.ts';
import { formatReport, type Diagnostic } from '../src/lib/diagnostics.ts';
import { displayPath } from '../src/data/preflight.ts';
import { isPagePath } from '../src/lib/routes.ts';
import { readSiteConfig } from '../src/lib/site-config.ts';
import { formatWorkflowCommand, inGithubActions } from '../src/lib/workflow-commands.ts';
import { assertNodeVersion } from './node-version.ts';

assertNodeVersion();
const root = process.cwd();
const config = readSiteConfig(process.env, root);

/** Maps the command-line paths to content-relative pages, or lists why some cannot be checked. */
function selectPages(args: string[]): { pages?: string[]; problems: string[] } {
  if (args.length === 0) return { problems: [] };
  const problems: string[] = [];
  const pages = args.flatMap((arg) => {
    const abs = isAbsolute(arg) ? arg : resolve(root, arg);
    const rel = relative(config.contentRoot, abs).replaceAll('\\', '/');
    if (rel.startsWith('..') || isAbsolute(rel))
      problems.push(
        `${arg}: not under the content root ${relative(root, config.contentRoot) || '.'} (set HANDBOOK_CONTENT to check another tree)`,
      );
    else if (!existsSync(abs) || !statSync(abs).isFile()) problems.push(`${arg}: no such file`);
    else if (!isPagePath(rel)) problems.push(`${arg}: not a page (.md or .mdx)`);
    else return [rel];
    return [];
  });
  return { pages, problems };
}

// `--no-code` leaves the code samples out (the test runner checks them as a step of their own).
const args = process.argv.slice(2);
const withCode = !args.includes('--no-code');
const selection = selectPages(args.filter((a) => a !== '--no-code'));
if (selection.problems.length > 0) {
  console.error(selection.problems.join('\n'));
  process.exit(2);
}

// One cache per content tree and checker: a page unchanged since the last run is not checked again.
const treeHash = createHash('sha256').update(config.contentRoot).digest('hex').slice(0, 12);
const cacheOf = (name: string) => resolve(root, 'node_modules/.cache', `handbook-${name}`, `${treeHash}.json`);
/** Returns a linter's config file and what its answers depend on: the config, the project dictionary and the locked packages. */
function linterInputs(linter: 'spelling' | 'style') {
  const configFile = resolve(root, linter === 'spelling' ? 'cspell.config.yaml' : '.markdownlint-cli2.mjs');
  const inputs = [configFile, resolve(root, 'package-lock.json'), ...(linter === 'spelling' ? [resolve(root, 'cspell-words.txt')] : [])];
  return { configFile, cache: { cacheFile: cacheOf(linter), inputs } };
}
/** Runs a linter on a thread of its own, over the given pages; `stop` ends it early. */
function lintOnWorker(linter: 'spelling' | 'style', files: string[]): { result: Promise<Diagnostic[]>; stop: () => Promise<unknown> } {
  const { configFile, cache } = linterInputs(linter);
  const worker = new Worker(new URL('./lint-worker.ts', import.meta.url), {
    workerData: {
      linter,
      contentRoot: config.contentRoot,
      files,
      configFile,
      cspellCache: cacheOf('cspell'),
      cache,
    },
  });
  const result = new Promise<Diagnostic[]>((done, fail) => {
    worker.once('message', done);
    worker.once('error', (error) => fail(new Error(`The ${linter === 'spelling' ? 'spell' : 'style'} check failed.`, { cause: error })));
  });
  // A linter that fails must not count as an unhandled rejection before it is awaited.
  result.catch(() => undefined);
  return { result, stop: () => worker.terminate() };
}

/** Up to this many pages to parse, the main thread parses them itself. */
const FEW_PAGES = 8;
const timer = (started: number) => `${((performance.now() - started) / 1000).toFixed(1)} s`;
const started = performance.now();
const rootExists = existsSync(config.contentRoot) && statSync(config.contentRoot).isDirectory();
const lintFiles = selection.pages ?? (rootExists ? scanContent(config.contentRoot).pageFiles : []);
const codeWanted = withCode && selection.pages === undefined;
const codeCache = cacheOf('code-check');
const recordsCache = cacheOf('records');
// Spelling and style run over every page (problems of unreadable pages are dropped below). When most
// pages must be parsed, they start once the last page has been handed to a parsing thread: before that
// the parse keeps both cores busy, and threads started beside it would only slow it down; when the pages
// come from the cache, they start at once. Spelling has a thread of its own; style runs on the parsing
// worker thread once it has parsed its pages (markdownlint needs about half the CPU time there that it
// needs in a fresh thread), or on a thread of its own when no page was parsed on one.
let linters: ReturnType<typeof lintOnWorker>[] = [];
let lintTimes: Promise<string>[] = [];
let workers: PageWorkers | undefined;
const startLinters = () => {
  if (linters.length > 0 || lintFiles.length === 0) return;
  const style = workers?.lintStyle({ files: lintFiles, ...linterInputs('style') });
  if (style) style.catch(() => undefined);
  linters = [
    lintOnWorker('spelling', lintFiles),
    style ? { result: style, stop: () => workers!.stop() } : lintOnWorker('style', lintFiles),
  ];
  lintTimes = linters.map((l) => l.result.then(() => timer(started)));
};
if (selection.pages || existsSync(recordsCache)) startLinters();
// The whole tree is parsed on a worker thread and this one, once for links and code samples together; named files here.
const checker = createContentChecker(config.contentRoot, config);
let content: ContentCheck;
let codeBlocks = new Map<string, CodeBlock[]>();
if (selection.pages) content = checker.run(selection.pages);
else {
  // Pages unchanged since the last run (same text, same folders linked, same pipeline) are not parsed again.
  let readHere: ((job: PageJob) => PageResult) | undefined;
  const reader = () => (readHere ??= createPageReader(config.contentRoot));
  const pageWorkers = (workers = startPageWorkers(config.contentRoot, { lazy: existsSync(recordsCache), local: (job) => reader()(job) }));
  try {
    // A few changed pages are parsed here only: starting a thread would cost more than it saves.
    const spread: ReadPages = async (jobs) => {
      if (jobs.length > FEW_PAGES) return pageWorkers.readPages(jobs, startLinters);
      startLinters();
      return jobs.map(reader());
    };
    const readPages = cachedReadPages(spread, config.contentRoot, recordsCache, pipelineVersion(root));
    ({ codeBlocks, ...content } = await checker.runAll(readPages, codeWanted));
  } catch (error) {
    await pageWorkers.stop();
    throw error;
  }
}
const times = [`sources and links ${timer(started)}`];
let diagnostics = content.diagnostics;
let codeRun: Promise<{ problems: CodeProblem[]; results: CheckedBlock[] }> | undefined;
let codeTime = '';
if (content.fatal) {
  await Promise.all(linters.map((l) => l.stop()));
} else {
  startLinters();
  const codeStarted = performance.now();
  if (codeWanted) {
    const blocks = content.checked.flatMap((file) =>
      (codeBlocks.get(file) ?? []).map((block) => ({ ...block, file: displayPath(config.contentRoot, file) })),
    );
    // Started before the linters are awaited: the validators (loaded only when some sample changed), shellcheck and python3 run beside them.
    codeRun = checkBlocksCached(blocks, codeCache, checkerVersion(root)).finally(() => (codeTime = timer(codeStarted)));
    codeRun.catch(() => undefined);
  }
  const shown = new Set(content.lintable.map((f) => displayPath(config.contentRoot, f)));
  const [spelt, style] = await Promise.all(linters.map((l) => l.result.then((found) => found.filter((d) => shown.has(d.file)))));
  times.push(`spelling ${(await lintTimes[0]) ?? '0.0 s'} and style ${(await lintTimes[1]) ?? '0.0 s'} beside the rest`);
  await codeRun?.catch(() => undefined);
  if (codeRun) times.push(`code samples ${codeTime}`);
  diagnostics = [...diagnostics, ...(style ?? []), ...(spelt ?? [])];
}
// The parsing threads, kept for the style check.
await workers?.stop();

if (inGithubActions(process.env)) for (const d of diagnostics) console.log(formatWorkflowCommand(d));
const report = formatReport(diagnostics);
const summary = `Checked ${content.checked.length} page${content.checked.length === 1 ? '' : 's'} in ${timer(started)} (${times.join(', ')}).`;
if (diagnostics.some((d) => d.severity === 'error')) {
  console.error(report);
  console.error(summary);
  process.exitCode = 1;
} else {
  console.log(report);
  console.log(summary);
}

// The code samples of the whole tree (as `npm run check:code`), from the parse above, unless only some pages were named.
if (codeRun) {
  const status = await runCodeCheck(() => codeRun);
  if (status !== 0) process.exitCode = status;
}
