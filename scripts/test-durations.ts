// Writes tests/durations.json from the last `npm test`'s report (test-results/vitest.json): the seconds each test file
// took, which tests/helpers/sequencer.ts uses to start the longest files first on a machine without vitest's own
// cache of the last run (a clean clone, CI). Run it after a full `npm test` when files were added or grew much longer.
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { DURATIONS_FILE } from '../tests/helpers/sequencer.ts';

interface Report {
  testResults: { name: string; startTime: number; endTime: number }[];
}

const report = JSON.parse(readFileSync('test-results/vitest.json', 'utf8')) as Report;
const seconds = Object.fromEntries(
  report.testResults
    .map(
      (file) => [relative(process.cwd(), file.name).split('\\').join('/'), Math.round((file.endTime - file.startTime) / 100) / 10] as const,
    )
    .sort(([a], [b]) => (a < b ? -1 : 1)),
);
writeFileSync(DURATIONS_FILE, `${JSON.stringify(seconds, null, 2)}\n`);
console.log(`Wrote the durations of ${Object.keys(seconds).length} test files to ${DURATIONS_FILE}.`);
