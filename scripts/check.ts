// `npm run check [-- <files>]`: the content check to run before pushing a page, and CI's first step.
// Frontmatter, routes, prerequisites, encoding, titles, links and anchors with the build's own rules
// (no rendering), then Markdown style (markdownlint-cli2) and spelling (cspell) with the committed
// configs. Every problem is reported together as `path:line:col rule message`; errors exit 1.
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { runCodeCheck } from '../src/code-check/run.ts';
import { createContentChecker, type ContentCheck } from '../src/data/check-content.ts';
import { startPageWorkers } from '../src/data/page-workers.ts';
import { scanContent } from '../src/data/scan-content.ts';
import { lintStyle } from '../src/data/lint-style.ts';
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
    if (rel.startsWith('..') || isAbsolute(rel)) problems.push(`${arg}: not under the content root ${relative(root, config.contentRoot) || '.'} (set HANDBOOK_CONTENT to check another tree)`);
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

// One cache per content tree: a page unchanged since a clean run is not spell-checked again.
const spellingCache = resolve(root, 'node_modules/.cache/handbook-cspell', `${createHash('sha256').update(config.contentRoot).digest('hex').slice(0, 12)}.json`);
/** Spell-checks on a second thread (cspell spends seconds loading dictionaries, in parallel with the rest). */
function spellingOnWorker(files: string[]): { result: Promise<Diagnostic[]>; stop: () => Promise<number> } {
  const worker = new Worker(new URL('./spelling-worker.ts', import.meta.url), {
    workerData: { contentRoot: config.contentRoot, files, configFile: resolve(root, 'cspell.config.yaml'), cacheFile: spellingCache },
  });
  const result = new Promise<Diagnostic[]>((done, fail) => {
    worker.once('message', done);
    worker.once('error', (error) => fail(new Error('The spell check failed.', { cause: error })));
  });
  return { result, stop: () => worker.terminate() };
}

const timer = (started: number) => `${((performance.now() - started) / 1000).toFixed(1)} s`;
const started = performance.now();
// Spelling starts first, on its own thread; unreadable pages are dropped from its answer below.
const rootExists = existsSync(config.contentRoot) && statSync(config.contentRoot).isDirectory();
const spellFiles = selection.pages ?? (rootExists ? scanContent(config.contentRoot).pageFiles : []);
const spelling = spellFiles.length > 0 ? spellingOnWorker(spellFiles) : undefined;
const spellingTime = spelling?.result.then(() => timer(started));
// The whole tree is parsed on worker threads, once for links and code samples together; named files here.
const checker = createContentChecker(config.contentRoot, config);
const codeWanted = withCode && selection.pages === undefined;
let content: ContentCheck;
let codeBlocks = new Map<string, CodeBlock[]>();
if (selection.pages) content = checker.run(selection.pages);
else {
  const workers = startPageWorkers(config.contentRoot);
  try {
    ({ codeBlocks, ...content } = await checker.runAll(workers.readPages, codeWanted));
  } finally {
    await workers.stop();
  }
}
const times = [`sources and links ${timer(started)}`];
let diagnostics = content.diagnostics;
if (content.fatal) {
  await spelling?.stop();
} else {
  const styleStarted = performance.now();
  const style = await lintStyle(config.contentRoot, content.lintable, resolve(root, '.markdownlint-cli2.mjs'));
  times.push(`style ${timer(styleStarted)}`);
  const shown = new Set(content.lintable.map((f) => displayPath(config.contentRoot, f)));
  const spelt = ((await spelling?.result) ?? []).filter((d) => shown.has(d.file));
  times.push(`spelling ${(await spellingTime) ?? '0.0 s'} on its own thread`);
  diagnostics = [...diagnostics, ...style, ...spelt];
}

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
if (codeWanted && !content.fatal) {
  const codeStarted = performance.now();
  const { checkBlocks } = await import('../src/code-check/check-blocks.ts');
  const blocks = content.checked.flatMap((file) => (codeBlocks.get(file) ?? []).map((block) => ({ ...block, file: displayPath(config.contentRoot, file) })));
  const status = await runCodeCheck(() => checkBlocks(blocks));
  console.log(`Checked the code samples in ${timer(codeStarted)}.`);
  if (status !== 0) process.exitCode = status;
}
