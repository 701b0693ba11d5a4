// Runs every test: the type check, the linter and the formatter check, alongside the unit, content, deploy, build,
// dev-server and end-to-end tests of vitest (the build tests run `npm run check` on the handbook, code samples
// included, as `npm run check:code` checks them). Ends with one line CI recognises: `Tests: N passed, N failed, N skipped`.
//
// The checks run while vitest runs: vitest spends much of its time waiting for child builds (one at a
// time, see scripts/build-lock.ts) and for Chromium, so the checks use the machine's otherwise idle core, at a
// lower priority, since they have no time limits and the tests do. Their output is held back and printed whole
// when each ends, so it never interleaves with vitest's.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { getPriority, setPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireBuildLock } from './build-lock.ts';
import { assertNodeVersion } from './node-version.ts';

assertNodeVersion();
process.env.ASTRO_TELEMETRY_DISABLED ??= '1';

const node = process.execPath;
const report = 'test-results/vitest.json';
/** How much lower the checks run than the tests (niceness added to this process's own): they have no time limits, the tests do. */
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

/** Lowers a child's priority below this process's own (so `nice npm test` keeps the order), and so that of everything it starts; a child already gone is no error. */
function lower(child: ChildProcess, nice: number): void {
  try {
    if (child.pid !== undefined) setPriority(child.pid, Math.min(19, getPriority() + nice));
  } catch {
    // It has ended already.
  }
}

/** Runs a command with its output captured; resolves with its exit status and everything it printed, in order. */
function capture(args: string[], env: NodeJS.ProcessEnv | undefined, nice: number): Promise<{ ok: boolean; output: string }> {
  return new Promise((done) => {
    const child = spawn(node, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    if (nice > 0) lower(child, nice);
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
    // At normal priority: builds wait for this lock.
    const first = await capture(step.locked.args, { ...step.env, ...step.locked.env() }, 0).finally(release);
    if (!first.ok) return { ...first, seconds: (performance.now() - started) / 1000 };
    prefix = first.output;
  }
  const result = await capture(step.args, step.env, CHECKS_NICE);
  return { ok: result.ok, output: `${prefix}${result.output}`, seconds: (performance.now() - started) / 1000 };
}

const checks = CHECKS.map((step) =>
  runCaptured(step).then((result) => {
    console.log(`\n${step.name}: ${result.ok ? 'passed' : 'FAILED'} in ${result.seconds.toFixed(1)} s`);
    if (!result.ok || result.output.trim()) process.stdout.write(result.output.endsWith('\n') ? result.output : `${result.output}\n`);
    return result.ok;
  }),
);

mkdirSync('test-results', { recursive: true });
rmSync(report, { force: true });
const extra = process.argv.slice(2);
const vitestStatus = await new Promise<number | null>((done) => {
  const child = spawn(
    node,
    ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra],
    { stdio: 'inherit' },
  );
  child.on('error', () => done(1));
  child.on('close', done);
});
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
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8')) as VitestReport;
  passed += json.numPassedTests;
  failed += json.numFailedTests;
  skipped += json.numPendingTests + json.numTodoTests;
  // A file that failed before its tests ran (in beforeAll, or on import) has no test results of its own.
  failed += json.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
} else {
  failed += 1;
}
if (vitestStatus !== 0 && failed === 0) failed += 1;
console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exitCode = failed > 0 ? 1 : 0;
