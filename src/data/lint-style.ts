import { isAbsolute, relative } from 'node:path';
import type { LintResult } from 'markdownlint-cli2';
import { diagnostic, type Diagnostic } from '../lib/diagnostics.ts';
import { lintWithCache, type LintCache } from './lint-cache.ts';
import { displayPath } from './display-path.ts';

/**
 * Lints pages (content-relative) with markdownlint-cli2 and the committed `configFile`, as
 * `markdown-style` problems; with a `cache`, only pages changed since the last run are linted.
 */
export async function lintStyle(
  contentRoot: string,
  files: readonly string[],
  configFile: string,
  cache?: LintCache,
): Promise<Diagnostic[]> {
  if (files.length === 0) return [];
  return lintWithCache(contentRoot, files, cache, (fresh) => runMarkdownlint(contentRoot, fresh, configFile));
}

async function runMarkdownlint(contentRoot: string, files: readonly string[], configFile: string): Promise<Diagnostic[]> {
  // Loaded only when some page needs linting.
  const { main: markdownlint } = await import('markdownlint-cli2');
  const results: LintResult[] = [];
  const collect = (options: { results: LintResult[] }) => void results.push(...options.results);
  await markdownlint({
    directory: contentRoot,
    // `:` keeps a name such as `#notes.md` from being read as an option; --no-globs keeps `*` literal.
    argv: ['--config', relative(contentRoot, configFile) || configFile, '--', ...files.map((f) => `:${f}`)],
    noGlobs: true,
    optionsOverride: { outputFormatters: [[collect]] },
  });
  return results.map((r) => {
    const details = [r.errorDetail, r.errorContext && `near "${r.errorContext}"`].filter(Boolean).join('; ');
    return diagnostic({
      file: displayPath(contentRoot, isAbsolute(r.fileName) ? relative(contentRoot, r.fileName) : r.fileName),
      line: r.lineNumber,
      column: r.errorRange?.[0] ?? 1,
      rule: 'markdown-style',
      severity: r.severity === 'warning' ? 'warning' : 'error',
      message: `${r.ruleNames.slice(0, 2).join('/')}: ${r.ruleDescription}${details ? ` (${details})` : ''}`,
    });
  });
}
