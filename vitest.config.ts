import { defineConfig } from 'vitest/config';
import { LongestFirst } from './tests/helpers/sequencer.ts';

export default defineConfig({
  test: {
    // Three files at a time on two cores: many test files spend much of their time waiting, on a child build (builds
    // take turns through their lock, scripts/build-lock.ts) or on Chromium, and a file that waits holds its worker.
    maxWorkers: 3,
    // Every project's files in one queue, the longest first (tests/helpers/sequencer.ts).
    sequence: { sequencer: LongestFirst },
    projects: [
      // In-process tests share their worker's modules from file to file (not isolated): most of a small file's time was
      // importing the generator's modules again (44 CPU-seconds for these three projects isolated, 32 not).
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], isolate: false } },
      { test: { name: 'content', include: ['tests/content/**/*.test.ts'], isolate: false } },
      { test: { name: 'deploy', include: ['tests/deploy/**/*.test.ts'], isolate: false } },
      // Generous limits: a build waits its turn for the build lock behind the builds of other test files.
      { test: { name: 'build', include: ['tests/build/**/*.test.ts'], testTimeout: 300_000, hookTimeout: 600_000 } },
      // `astro dev` on a temporary tree, driven in Chromium; needs no built site.
      { test: { name: 'dev', include: ['tests/dev/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 240_000 } },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          // Each file first waits for the global setup's builds, which run while the other projects' files start.
          setupFiles: ['tests/e2e/wait-for-sites.ts'],
          // The glossary page carries some 2,000 links, and axe checks each one's contrast in both themes.
          testTimeout: 120_000,
          // Some files build a tree of their own first, which may wait its turn for the build lock.
          hookTimeout: 600_000,
          maxConcurrency: 2,
          // expect.poll's default of 1 s is too short on a busy machine for what loads on first use (the progress and
          // search code): npm test runs the other projects beside this one (scripts/test.ts).
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
