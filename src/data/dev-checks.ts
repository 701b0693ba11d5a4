import { relative } from 'node:path';
import { formatReport } from '../lib/diagnostics.ts';
import { applyPolicy, type Policy } from '../lib/strictness.ts';
import { createContentChecker } from './check-content.ts';
import { buildState, type DevChecks } from './store.ts';

/** Where the dev server's checks print. */
export interface DevLogger {
  warn(message: string): void;
  info(message: string): void;
}

// A burst of changes (a branch switch, an editor's save-and-format) is checked once.
const SETTLE_MS = 40;

/**
 * Runs the content checks of `npm run check`'s first part (sources, links, anchors) in `astro dev`:
 * now, and after each change under the content root. Prints the report whenever it changes and keeps
 * it for the pages, which show their own problems. Returns the function to call on a changed path.
 */
export function startDevChecks(contentRoot: string, policy: Policy, logger: DevLogger): (changedPath: string) => void {
  const checker = createContentChecker(contentRoot, policy);
  const state = buildState();
  let lastReport = '';
  const run = () => {
    const result = checker.run();
    // The pages read the tree's index and line offsets from the build state: keep them current.
    state.index = result.preflight.index;
    state.bodyLineOffsets = result.preflight.bodyLineOffsets;
    state.sourceDiagnostics = applyPolicy(result.preflight.diagnostics, policy);
    dev.diagnostics = result.diagnostics;
    dev.revision += 1;
    const report = formatReport(result.diagnostics);
    if (report === lastReport) return;
    if (result.diagnostics.length > 0) logger.warn(`\n${report}`);
    else if (lastReport !== '') logger.info('No problems left in the content.');
    lastReport = report;
  };
  const dev: DevChecks = { settled: Promise.resolve(), diagnostics: [], revision: 0 };
  state.dev = dev;
  run();
  let timer: NodeJS.Timeout | undefined;
  let release: (() => void) | undefined;
  return (changedPath) => {
    const rel = relative(contentRoot, changedPath);
    if (rel.startsWith('..') || rel === '') return;
    // Set synchronously, before Astro reloads the page: the page then waits for this run.
    if (!release) dev.settled = new Promise((resolve) => (release = resolve));
    clearTimeout(timer);
    timer = setTimeout(() => {
      try {
        run();
      } catch (error) {
        logger.warn(`The content check failed: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        release?.();
        release = undefined;
      }
    }, SETTLE_MS);
  };
}
