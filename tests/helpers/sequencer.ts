import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Seconds each test file took in a recent full run, by path from the project root (`npm run test:durations` writes it). */
export const DURATIONS_FILE = 'tests/durations.json';

/** Reads the committed durations; an absent or unreadable file gives none (every file then counts as unknown). */
export function readDurations(file = DURATIONS_FILE): Record<string, number> {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, number>;
  } catch {
    return {};
  }
}

/**
 * Orders the files of every project together, longest first, so the two cores are never left with one long file at
 * the end (vitest's own order runs the projects one after another, alphabetically). A file's length is its
 * duration in vitest's cache of the last run on this machine, else in {@link DURATIONS_FILE}, which a clean
 * clone has; a file known to neither (a new one) runs first, as in vitest's own order.
 */
export class LongestFirst extends BaseSequencer {
  private readonly committed = readDurations();

  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const seconds = (spec: TestSpecification): number => {
      const cached = this.ctx.cache.getTestSpecificationResult(spec)?.duration;
      if (cached !== undefined) return cached / 1000;
      return this.committed[relative(this.ctx.config.root, spec.moduleId).split('\\').join('/')] ?? Number.POSITIVE_INFINITY;
    };
    const known = new Map(files.map((spec) => [spec, seconds(spec)]));
    return [...files].sort((a, b) => known.get(b)! - known.get(a)!);
  }
}
