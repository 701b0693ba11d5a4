// Runs every test: the type check, the content check, the code-sample check, then unit, build, dev-server and end-to-end tests through vitest.
// Ends with one line CI recognises: `Tests: N passed, N failed, N skipped`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { assertNodeVersion } from './node-version.ts';

assertNodeVersion();
process.env.ASTRO_TELEMETRY_DISABLED ??= '1';

const node = process.execPath;
const report = 'test-results/vitest.json';

console.log('Type check (npm run typecheck)…');
const typecheck = spawnSync(node, ['node_modules/astro/bin/astro.mjs', 'check'], { stdio: 'inherit' });
console.log('Content check of the handbook (npm run check)…');
const contentCheck = spawnSync(node, ['scripts/check.ts', '--no-code'], { stdio: 'inherit', env: { ...process.env, HANDBOOK_CONTENT: 'content' } });
console.log('Code samples of the handbook (npm run check:code)…');
const codeCheck = spawnSync(node, ['scripts/check-code.ts'], { stdio: 'inherit', env: { ...process.env, HANDBOOK_CONTENT: 'content' } });
const checks = [typecheck.status === 0, contentCheck.status === 0, codeCheck.status === 0];

mkdirSync('test-results', { recursive: true });
rmSync(report, { force: true });
const extra = process.argv.slice(2);
const vitest = spawnSync(
  node,
  ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra],
  { stdio: 'inherit' },
);

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: { status: string; name: string; assertionResults: unknown[] }[];
}

let passed = checks.filter(Boolean).length;
let failed = checks.length - passed;
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
if (vitest.status !== 0 && failed === 0) failed += 1;
console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exitCode = failed > 0 ? 1 : 0;
