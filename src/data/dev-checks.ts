import { relative } from 'node:path';
import { formatReport } from '../lib/diagnostics.ts';
import { applyPolicy, type Policy } from '../lib/strictness.ts';
import { createContentChecker } from './check-content.ts';
import type { SourceCache } from './preflight.ts';
import { buildState, type DevChecks } from './store.ts';

/** Where the dev server's checks print. */
export interface DevLogger {
  warn(message: string): void;
  info(message: string): void;
}

/** The dev server's content checks: the first run, once the content is loaded, and a run after each change. */
export interface DevCheckRuns {
  /** Runs the checks of the whole tree now; pages wait for it from the moment the checks were set up. */
  start(): void;
  /** Schedules a run after a change of `changedPath` (paths outside the content root are ignored). */
  onChange(changedPath: string): void;
}

// A burst of changes (a branch switch, an editor's save-and-format) is checked once.
const SETTLE_MS = 40;

/**
 * Sets up the content checks of `npm run check`'s first part (sources, links, anchors) in `astro dev`. They
 * print the report whenever it changes and keep it for the pages, which show their own problems. Each page's
 * links, ids and title come from the content loader's rendering when it rendered the page's current text
 * (`buildState().storedRecords`), so the first run, after the content is loaded, parses no page a second time;
 * later runs read again only the pages whose files changed (and all of them when a file is added or removed).
 */
export function startDevChecks(contentRoot: string, policy: Policy, logger: DevLogger, sources?: SourceCache): DevCheckRuns {
  const checker = createContentChecker(contentRoot, policy, {
    storedRecords: (file, text) => buildState().storedRecords?.(file, text),
    sources,
  });
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
  let release: (() => void) | undefined;
  // Pending until the first run: a page asked for before it waits, as it waits for the run after a change.
  const dev: DevChecks = { settled: new Promise((resolve) => (release = resolve)), diagnostics: [], revision: 0 };
  state.dev = dev;
  let started = false;
  let timer: NodeJS.Timeout | undefined;
  const runAndRelease = () => {
    try {
      run();
    } catch (error) {
      logger.warn(`The content check failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      release?.();
      release = undefined;
    }
  };
  return {
    start: () => {
      started = true;
      clearTimeout(timer);
      runAndRelease();
    },
    onChange: (changedPath) => {
      const rel = relative(contentRoot, changedPath);
      if (rel.startsWith('..') || rel === '') return;
      // Set synchronously, before Astro reloads the page: the page then waits for this run.
      if (!release) dev.settled = new Promise((resolve) => (release = resolve));
      // Before the first run a change needs no run of its own: the first run sees it.
      if (!started) return;
      clearTimeout(timer);
      timer = setTimeout(runAndRelease, SETTLE_MS);
    },
  };
}
