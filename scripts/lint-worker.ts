// Runs one linter of `npm run check` on a thread of its own, so it overlaps the other checks: spelling
// (cspell spends seconds loading dictionaries) or Markdown style (markdownlint-cli2).
import { parentPort, workerData } from 'node:worker_threads';
import type { LintCache } from '../src/data/lint-cache.ts';

const { linter, contentRoot, files, configFile, cspellCache, cache } = workerData as {
  linter: 'spelling' | 'style';
  contentRoot: string;
  files: string[];
  configFile: string;
  cspellCache: string;
  cache: LintCache;
};
if (linter === 'spelling') {
  const { lintSpelling } = await import('../src/data/lint-spelling.ts');
  parentPort!.postMessage(await lintSpelling(contentRoot, files, configFile, cspellCache, cache));
} else {
  const { lintStyle } = await import('../src/data/lint-style.ts');
  parentPort!.postMessage(await lintStyle(contentRoot, files, configFile, cache));
}
