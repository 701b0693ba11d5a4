// Runs every test: the type check, the linter and the formatter check, alongside the unit, content, deploy, build,
// dev-server and end-to-end tests of vitest (the build tests run `npm run check` on the handbook, code samples
// included, as `npm run check:code` checks them). Ends with one line CI recognises: `Tests: N passed, N failed, N skipped`.
//
// The longest chain is the end-to-end project: its set-up builds two sites, then its files run one at a time
// (about five minutes, most of it axe on every page, much of the rest waiting on Chromium). It starts first, as a
// vitest process of its own. Everything else runs beside it and fills the core the chain leaves idle: the checks
// from the start, at a lower priority so they never slow the chain (their CPU fits beside the set-up's builds), the
// other vitest projects in a second process once the set-up's sites are built (their builds would otherwise take
// the build lock between those two). In one process, vitest ran the end-to-end files
// only after every other project, so the chain started five minutes in. Output other than the end-to-end run's is
// held back and printed whole when each part ends, so it never interleaves.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { setPriority, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { acquireBuildLock } from './build-lock.ts';
import { assertNodeVersion } from './node-version.ts';

assertNodeVersion();
process.env.ASTRO_TELEMETRY_DISABLED ??= '1';

const node = process.execPath;
/**
 * The priority (0 is normal, 19 the lowest) of the checks, which have no time limits. The other vitest projects keep
 * the normal one: at nice 5, on a machine that other work kept at a load average of 30, a build test's set-up and
 * two tests ran past their time limits.
 */
const CHECKS_NICE = 10;

interface Step {
  name: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  /**
   * Run first while holding the lock builds take (scripts/build-lock.ts), because it writes Astro's shared files
   * under .astro/; the step itself then runs without the lock, so builds need not wait for it.
   */
  locked?: { args: string[]; env: () => NodeJS.ProcessEnv };
}

/**
 * A content tree of one page. `astro sync` writes the same type files under .astro/ for any tree (they come from
 * the collection's schema, not its pages) but loads every page of the tree it is given: on this one it holds the
 * build lock a few seconds instead of the half minute the handbook takes.
 */
function onePageTree(): string {
  const root = mkdtempSync(join(tmpdir(), 'handbook-types-'));
  writeFileSync(join(root, 'README.md'), '# Types\n');
  process.on('exit', () => rmSync(root, { recursive: true, force: true }));
  return root;
}

// `npm run check` and `npm run check:code` on the handbook are not steps here: tests/build/check-command.test.ts
// runs `npm run check` on content/, which checks the code samples too (as check:code does, from the same parse).
const CHECKS: Step[] = [
  // `astro sync` writes the type files under .astro/ (the same for every content tree); the type check then only
  // reads them, for a minute, while the tests' builds go on.
  {
    name: 'Type check (npm run typecheck)',
    locked: { args: ['node_modules/astro/bin/astro.mjs', 'sync'], env: () => ({ HANDBOOK_CONTENT: onePageTree() }) },
    args: ['node_modules/astro/bin/astro.mjs', 'check', '--noSync'],
  },
  { name: 'Lint (npm run lint)', args: ['node_modules/eslint/bin/eslint.js', '.'] },
  { name: 'Formatting (npm run format:check)', args: ['node_modules/prettier/bin/prettier.cjs', '--check', '.'] },
];

/** Lowers a child's priority, and so that of everything it starts; a child already gone is no error. */
function lower(child: ChildProcess, nice: number): void {
  try {
    if (child.pid !== undefined) setPriority(child.pid, nice);
  } catch {
    // It has ended already.
  }
}

/** Runs a command with its output captured; resolves with its exit status and everything it printed, in order. */
function capture(args: string[], env: NodeJS.ProcessEnv | undefined, beside: boolean): Promise<{ ok: boolean; output: string }> {
  return new Promise((done) => {
    const child = spawn(node, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    if (beside) lower(child, CHECKS_NICE);
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', (error) => done({ ok: false, output: `${output}${String(error)}\n` }));
    child.on('close', (code) => done({ ok: code === 0, output }));
  });
}

/** Runs a step (its locked part first, under the build lock); resolves with its status, its output and its seconds. */
async function runCaptured(step: Step): Promise<{ ok: boolean; output: string; seconds: number }> {
  const started = performance.now();
  let prefix = '';
  if (step.locked) {
    const release = await acquireBuildLock(process.cwd());
    // At normal priority: the end-to-end set-up's builds wait for this lock.
    const first = await capture(step.locked.args, { ...step.env, ...step.locked.env() }, false).finally(release);
    if (!first.ok) return { ...first, seconds: (performance.now() - started) / 1000 };
    prefix = first.output;
  }
  const result = await capture(step.args, step.env, true);
  return { ok: result.ok, output: `${prefix}${result.output}`, seconds: (performance.now() - started) / 1000 };
}

/** Prints a part's held-back output under a line naming it. */
function printPart(name: string, ok: boolean, seconds: number, output: string): void {
  console.log(`\n${name}: ${ok ? 'passed' : 'FAILED'} in ${seconds.toFixed(1)} s`);
  if (!ok || output.trim()) process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
}

/** Resolves once a file exists (checked twice a second; the check never keeps the process alive). */
function waitForFile(path: string): Promise<void> {
  return new Promise((done) => {
    const timer = setInterval(() => {
      if (existsSync(path)) {
        clearInterval(timer);
        done();
      }
    }, 500);
    timer.unref();
  });
}

interface Vitest {
  /** The JSON report it writes. */
  report: string;
  /** Resolves with vitest's exit status. */
  status: Promise<number | null>;
}

/** Starts vitest with the arguments given and a JSON report; `held` captures its output and prints it whole at the end. */
function startVitest(name: string, args: string[], report: string, held: boolean, env: NodeJS.ProcessEnv): Vitest {
  rmSync(report, { force: true });
  const argv = ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...args];
  if (!held) {
    const status = new Promise<number | null>((done) => {
      const child = spawn(node, argv, { env: { ...process.env, ...env }, stdio: 'inherit' });
      child.on('error', () => done(1));
      child.on('close', done);
    });
    return { report, status };
  }
  const started = performance.now();
  const status = new Promise<number | null>((done) => {
    const child = spawn(node, argv, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const finish = (code: number | null) => {
      printPart(name, code === 0, (performance.now() - started) / 1000, output);
      done(code);
    };
    child.on('error', () => finish(1));
    child.on('close', finish);
  });
  return { report, status };
}

const checks = CHECKS.map((step) =>
  runCaptured(step).then((result) => {
    printPart(step.name, result.ok, result.seconds, result.output);
    return result.ok;
  }),
);
mkdirSync('test-results', { recursive: true });
const extra = process.argv.slice(2);
const runs: Vitest[] = [];
if (extra.length > 0) {
  // With arguments (a file, `--project unit`, `-t name`), one vitest process runs what they select.
  runs.push(startVitest('vitest', extra, 'test-results/vitest.json', false, {}));
} else {
  // The end-to-end set-up writes this file once its two sites are built; the other projects start then (or when the
  // end-to-end run has ended, if its set-up failed), so no build of theirs takes the build lock between those two.
  const built = join('test-results', 'e2e-sites-built');
  rmSync(built, { force: true });
  const e2e = startVitest('vitest (end-to-end)', ['--project', 'e2e'], 'test-results/vitest-e2e.json', false, {
    HANDBOOK_E2E_BUILT: resolve(built),
  });
  runs.push(e2e);
  await Promise.race([e2e.status, waitForFile(built)]);
  runs.push(
    startVitest(
      'vitest (unit, content, deploy, build and dev projects)',
      ['--project', 'unit', '--project', 'content', '--project', 'deploy', '--project', 'build', '--project', 'dev'],
      'test-results/vitest.json',
      true,
      {},
    ),
  );
}
const statuses = await Promise.all(runs.map((run) => run.status));
const checkResults = await Promise.all(checks);

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: { status: string; name: string; assertionResults: unknown[] }[];
}

let passed = checkResults.filter(Boolean).length;
let failed = checkResults.length - passed;
let skipped = 0;
for (const [i, run] of runs.entries()) {
  let runFailed = 0;
  if (existsSync(run.report)) {
    const json = JSON.parse(readFileSync(run.report, 'utf8')) as VitestReport;
    passed += json.numPassedTests;
    runFailed += json.numFailedTests;
    skipped += json.numPendingTests + json.numTodoTests;
    // A file that failed before its tests ran (in beforeAll, or on import) has no test results of its own.
    runFailed += json.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
  } else {
    runFailed += 1;
  }
  if (statuses[i] !== 0 && runFailed === 0) runFailed += 1;
  failed += runFailed;
}
console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exitCode = failed > 0 ? 1 : 0;
