import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Two files at a time (vitest's default here would be one, on two cores): most test files wait on a child
    // build or on Chromium, and builds take turns through their lock (scripts/build-lock.ts) anyway.
    maxWorkers: 2,
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      { test: { name: 'content', include: ['tests/content/**/*.test.ts'] } },
      { test: { name: 'deploy', include: ['tests/deploy/**/*.test.ts'] } },
      // Generous limits: a build waits its turn for the build lock behind the builds of other test files.
      { test: { name: 'build', include: ['tests/build/**/*.test.ts'], testTimeout: 300_000, hookTimeout: 600_000 } },
      // `astro dev` on a temporary tree, driven in Chromium; needs no built site.
      { test: { name: 'dev', include: ['tests/dev/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 240_000 } },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          // The glossary page carries some 2,000 links, and axe checks each one's contrast in both themes.
          testTimeout: 120_000,
          // Some files build a tree of their own first, which may wait its turn for the build lock.
          hookTimeout: 600_000,
          // One file at a time: tried two at a time, the accessibility file (axe on every page, the longest) then
          // shared the machine with the unit files and took twice as long, and the whole run 53 s longer.
          fileParallelism: false,
          maxConcurrency: 2,
          // expect.poll's default of 1 s is too short on a busy machine for what loads on first use (the progress and
          // search code): npm test runs the other projects beside this one (scripts/test.ts).
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
