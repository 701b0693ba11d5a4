import { sortDiagnostics, type Diagnostic } from './diagnostics.ts';

/** Counts of what a build published. */
export interface PublishedCounts {
  pages: number;
  linkedFiles: number;
  indexedWords: number;
  /** Bytes of the search files the build adds to Pagefind's (the vocabulary for suggestions and the result titles). */
  searchExtraBytes?: number | undefined;
  /** In a rebuild whose search index started from the last build's output, read while it built: the pages read again. */
  searchPagesReadAgain?: number | undefined;
  /** In a cold build run by `npm run build`: the pages Pagefind read as Astro wrote them, before the build's end. */
  searchPagesReadAsWritten?: number | undefined;
}

const number = new Intl.NumberFormat('en');
const plural = (n: number, word: string) => `${number.format(n)} ${word}${n === 1 ? '' : 's'}`;

/** Returns `{ rule: count }` for a list of problems, rules in alphabetical order. */
export function countByRule(list: readonly Diagnostic[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const d of [...list].sort((a, b) => a.rule.localeCompare(b.rule))) counts[d.rule] = (counts[d.rule] ?? 0) + 1;
  return counts;
}

/** Returns the closing line of a build: what it published, in how long, and the problems by rule. */
export function summaryLine(counts: PublishedCounts, problems: readonly Diagnostic[], seconds: number): string {
  const extra =
    counts.searchExtraBytes === undefined ? '' : ` and ${plural(counts.searchExtraBytes, 'byte')} of search vocabulary and titles`;
  const built = `Built ${plural(counts.pages, 'page')}, ${plural(counts.linkedFiles, 'linked file')}, search index over ${plural(counts.indexedWords, 'word')}${extra} in ${seconds.toFixed(1)} s`;
  if (problems.length === 0) return `${built}.`;
  const byRule = Object.entries(countByRule(problems)).map(([rule, n]) => `${number.format(n)} ${rule}`);
  return `${built}; ${plural(problems.length, 'warning')}: ${byRule.join(', ')}.`;
}

/** Returns the machine-readable report of a build for `--report`. */
export function buildReport(input: { ok: boolean; counts?: PublishedCounts | undefined; problems: readonly Diagnostic[] }): object {
  return {
    ok: input.ok,
    ...(input.counts ?? {}),
    errors: input.problems.filter((d) => d.severity === 'error').length,
    warnings: input.problems.filter((d) => d.severity === 'warning').length,
    byRule: countByRule(input.problems),
    problems: sortDiagnostics(input.problems).map(({ file, line, column, rule, severity, message }) => ({
      file,
      line,
      column,
      rule,
      severity,
      message,
    })),
  };
}
