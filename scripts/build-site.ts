// Builds the site atomically: into a temporary folder, moved over dist/ only when the build succeeded.
// Content problems are printed as one report without a stack trace; a stack trace means a generator bug.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { globSync } from 'tinyglobby';
import { dirname, join, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { checkContentRoot } from '../src/data/preflight.ts';
import { glossarySource } from '../src/data/glossary-file.ts';
import { buildState } from '../src/data/store.ts';
import { buildReport, summaryLine } from '../src/lib/build-summary.ts';
import { timingsLine } from '../src/lib/build-phases.ts';
import { startPhase } from '../src/data/phases.ts';
import { formatReport, type Diagnostic } from '../src/lib/diagnostics.ts';
import { formatWorkflowCommand, inGithubActions } from '../src/lib/workflow-commands.ts';
import { formatBytes } from '../src/lib/offline-status.ts';
import { readSiteConfig } from '../src/lib/site-config.ts';
import { acquireBuildLock } from './build-lock.ts';
import { INSTALLED_PACKAGES } from '../src/lib/installed-packages.ts';
import { startEarlyIndex } from '../src/integration/search-early.ts';

process.env.ASTRO_TELEMETRY_DISABLED ??= '1';
// A production build whatever the caller's environment (vitest, for one, sets NODE_ENV=test).
process.env.NODE_ENV = 'production';

const started = performance.now();
const { values: args } = parseArgs({ options: { report: { type: 'string' } } });
// `--report <file>` (or HANDBOOK_REPORT) writes the run's problems as JSON for other tools.
const reportFile = args.report ?? (process.env.HANDBOOK_REPORT?.trim() || undefined);
const root = process.cwd();
const config = readSiteConfig(process.env, root);
const outDir = resolve(root, process.env.HANDBOOK_OUT ?? 'dist');
// Rendered pages are cached per content tree, base path and version of the Markdown pipeline:
// Astro's cache does not notice when our plugins change, so their source is part of the key.
const pipeline = globSync(['src/plugins/**', 'src/markdown/**', 'src/highlight/**', 'src/lib/**', ...INSTALLED_PACKAGES], {
  cwd: root,
}).sort();
const contentKey = createHash('sha256')
  .update(`${config.contentRoot}\n${config.base}\n`)
  .update(pipeline.map((f) => readFileSync(join(root, f))).join('\0'))
  // Every page's glossary links depend on the glossary, which the content layer's per-page cache does not see.
  .update(glossarySource(config.contentRoot))
  .digest('hex')
  .slice(0, 12);
function writeReport(ok: boolean, problems = [...buildState().sourceDiagnostics, ...buildState().pageDiagnostics]): void {
  if (!reportFile) return;
  const report = buildReport({ ok, counts: ok ? buildState().summary : undefined, problems });
  writeFileSync(resolve(reportFile), `${JSON.stringify(report, null, 2)}\n`);
}

const rootProblem = checkContentRoot(config.contentRoot);
if (rootProblem) {
  writeReport(false, [rootProblem]);
  if (inGithubActions(process.env)) console.log(formatWorkflowCommand(rootProblem));
  console.error(formatReport([rootProblem]));
  console.error('Nothing was built; dist/ was left as it was.');
  process.exit(1);
}

const release = await acquireBuildLock(root);
const tmp = mkdtempSync(join(root, '.handbook-build-'));
const cacheDir = join(root, 'node_modules', '.astro', contentKey);
// Pagefind builds the search index on a thread of its own from here on, while Astro loads, starts and writes this
// build's pages: a rebuild's from the last build's output, a cold build's from the pages as they are written
// (src/integration/search-early.ts); Astro is loaded after, so that it can start first.
const rebuild = existsSync(join(cacheDir, 'data-store.json')) && existsSync(outDir);
buildState().earlyIndex = startEarlyIndex({ previous: rebuild ? outDir : undefined, language: config.lang });
const { build } = await import('astro');

/** Returns the content error anywhere in an error's cause chain (Astro wraps what the hooks throw), or undefined. */
function findContentError(error: unknown): (Error & { diagnostics?: Diagnostic[] }) | undefined {
  for (let e: unknown = error; e instanceof Error; e = e.cause) if (e.name === 'ContentError') return e;
  return undefined;
}

/** Moves a finished build into place; across file systems (HANDBOOK_OUT on another disk) by copying. */
function moveFolder(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
}

try {
  // Each content tree keeps its own cache, so builds of different trees never share rendered pages.
  startPhase('config');
  // Astro loads a TypeScript config file through a Vite server of its own (about 0.5 s); Node imports it directly,
  // so the build hands Astro the same config inline (`astro dev` and `astro check` still read the file).
  const { default: fileConfig } = await import('../astro.config.ts');
  await build({ ...fileConfig, root, outDir: tmp, cacheDir, logLevel: 'warn', configFile: false });
  startPhase('finish');
  const old = `${outDir}.old-${process.pid}`;
  rmSync(old, { recursive: true, force: true });
  try {
    renameSync(outDir, old);
  } catch {
    // No previous build to keep aside.
  }
  mkdirSync(dirname(outDir), { recursive: true });
  moveFolder(tmp, outDir);
  rmSync(old, { recursive: true, force: true });
  const state = buildState();
  const problems = [...state.sourceDiagnostics, ...state.pageDiagnostics];
  if (state.summary) console.log(summaryLine(state.summary, problems, (performance.now() - started) / 1000));
  if (state.offline)
    console.log(`Offline copy: ${state.offline.files} files, ${formatBytes(state.offline.bytes)} (version ${state.offline.version}).`);
  console.log(`The site is in ${outDir}`);
  writeReport(true);
  // HANDBOOK_TIMINGS=1: how long each phase took, for `npm run bench` (off by default, so the output is unchanged).
  if (process.env.HANDBOOK_TIMINGS === '1') console.log(timingsLine([{ name: 'startup', at: 0 }, ...state.phases], performance.now()));
} catch (error) {
  await buildState().earlyIndex?.stop();
  rmSync(tmp, { recursive: true, force: true });
  writeReport(false);
  const contentError = findContentError(error);
  if (contentError) {
    if (inGithubActions(process.env)) for (const d of contentError.diagnostics ?? []) console.log(formatWorkflowCommand(d));
    console.error(contentError.message);
    console.error('The build failed; dist/ was left as it was.');
  } else {
    console.error(error);
  }
  process.exitCode = 1;
} finally {
  release();
}
