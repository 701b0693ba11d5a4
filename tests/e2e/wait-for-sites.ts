// Runs before each end-to-end test file (the e2e project's setupFiles): waits until the global setup's builds of the
// fixture site and the handbook have ended, and fails the file with the build's own output if one failed.
import { inject } from 'vitest';
import { readSitesReady } from './global-setup.ts';

/** Longer than any build of the handbook on a crowded machine; a build that hangs must still end the run. */
const LIMIT_MS = 15 * 60_000;

const file = inject('sitesReady');
const started = Date.now();
let outcome = readSitesReady(file);
while (!outcome) {
  if (Date.now() - started > LIMIT_MS) throw new Error(`The end-to-end sites were not built within ${LIMIT_MS / 60_000} minutes.`);
  await new Promise((done) => setTimeout(done, 250));
  outcome = readSitesReady(file);
}
if (outcome.error) throw new Error(outcome.error);
