import { PHASE_GROUPS } from '../../src/lib/build-phases.ts';
import type { RunResult, SiteResult } from './results-schema.ts';
import { median } from './stats.ts';

/**
 * Returns the shares of wall time in content loading and Markdown, link checking, page rendering and search
 * indexing (each the median over the runs that printed their phases) and the rest; undefined without phases.
 */
export function phaseShares(runs: readonly RunResult[]): SiteResult['shares'] {
  const timed = runs.filter((r) => r.ok && r.phases);
  if (timed.length === 0) return undefined;
  const share = (names: readonly string[]) => median(timed.map((r) => names.reduce((sum, n) => sum + (r.phases![n] ?? 0), 0) / r.seconds));
  const shares = {
    content: share(PHASE_GROUPS.content),
    links: share(PHASE_GROUPS.links),
    pages: share(PHASE_GROUPS.pages),
    search: share(PHASE_GROUPS.search),
  };
  return { ...shares, rest: Math.max(0, 1 - shares.content - shares.links - shares.pages - shares.search) };
}
