// Runs every test: the type check, the linter, the formatter check, the content check and the code-sample check, alongside the unit, build,
// dev-server and end-to-end tests of vitest. Ends with one line CI recognises: `Tests: N passed, N failed, N skipped`.
//
// The checks run while vitest runs: vitest spends most of its time waiting for child builds (one at a
// time, see scripts/build-lock.ts) and for Chromium, so the checks use the machine's otherwise idle core.
// Their output is held back and printed whole when each ends, so it never interleaves with vitest's.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { acquireBuildLock } from './build-lock.ts';
import { assertNodeVersion } from './node-version.ts';

assertNodeVersion();
process.env.ASTRO_TELEMETRY_DISABLED ??= '1';

const node = process.execPath;
const report = 'test-results/vitest.json';

interface Step {
  name: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  /**
   * Run first while holding the lock builds take (scripts/build-lock.ts), because it writes Astro's shared files
   * under .astro/; the step itself then runs without the lock, so builds need not wait for it.
   */
  locked?: string[];
}

const CHECKS: Step[] = [
  // `astro sync` writes the type files under .astro/ (the same for every content tree); the type check then only
  // reads them, for a minute, while the tests' builds go on.
  {
    name: 'Type check (npm run typecheck)',
    locked: ['node_modules/astro/bin/astro.mjs', 'sync'],
    args: ['node_modules/astro/bin/astro.mjs', 'check', '--noSync'],
  },
  { name: 'Lint (npm run lint)', args: ['node_modules/eslint/bin/eslint.js', '.'] },
  { name: 'Formatting (npm run format:check)', args: ['node_modules/prettier/bin/prettier.cjs', '--check', '.'] },
  { name: 'Content check of the handbook (npm run check)', args: ['scripts/check.ts', '--no-code'], env: { HANDBOOK_CONTENT: 'content' } },
  { name: 'Code samples of the handbook (npm run check:code)', args: ['scripts/check-code.ts'], env: { HANDBOOK_CONTENT: 'content' } },
];

/** Runs a command with its output captured; resolves with its exit status and everything it printed, in order. */
function capture(args: string[], env: NodeJS.ProcessEnv | undefined): Promise<{ ok: boolean; output: string }> {
  return new Promise((done) => {
    const child = spawn(node, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
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
    const first = await capture(step.locked, step.env).finally(release);
    if (!first.ok) return { ...first, seconds: (performance.now() - started) / 1000 };
    prefix = first.output;
  }
  const result = await capture(step.args, step.env);
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
