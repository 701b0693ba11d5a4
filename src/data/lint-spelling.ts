import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Issue } from 'cspell';
import { escapePath } from 'tinyglobby';
import { diagnostic, type Diagnostic } from '../lib/diagnostics.ts';
import { lintWithCache, type LintCache } from './lint-cache.ts';
import { displayPath } from './display-path.ts';

/**
 * Spell-checks pages (content-relative) with cspell, the committed `configFile` and its project
 * dictionary, as `spelling` problems. With a `cache`, pages unchanged since the last run (same text,
 * same config, dictionary and packages) are not checked again, and cspell is not even loaded when
 * none changed; `cacheFile` is cspell's own cache of clean pages.
 */
export async function lintSpelling(
  contentRoot: string,
  files: readonly string[],
  configFile: string,
  cacheFile?: string,
  cache?: LintCache,
): Promise<Diagnostic[]> {
  if (files.length === 0) return [];
  return lintWithCache(contentRoot, files, cache, (fresh) => runCspell(contentRoot, fresh, configFile, cacheFile));
}

async function runCspell(contentRoot: string, files: readonly string[], configFile: string, cacheFile?: string): Promise<Diagnostic[]> {
  const { lint } = await import('cspell');
  const issues: Issue[] = [];
  const errors: string[] = [];
  const cache = cacheFile ? { cache: true, cacheLocation: cacheFile, cacheStrategy: 'content' as const } : {};
  // Paths are read as globs by cspell: escaped, a file named `[draft].md` is itself.
  await lint(
    files.map(escapePath),
    {
      root: contentRoot,
      config: configFile,
      progress: false,
      summary: false,
      mustFindFiles: false,
      dot: true,
      showSuggestions: true,
      ...cache,
    },
    {
      issue: (issue) => void issues.push(issue),
      error: (message, error) => void errors.push(`${message}: ${error.message}`),
    },
  );
  if (errors.length > 0) throw new Error(`cspell failed: ${errors.join('; ')}`);
  return issues.map((issue) => {
    const file = issue.uri?.startsWith('file:') ? relative(contentRoot, fileURLToPath(issue.uri)) : (issue.uri ?? '');
    const suggestions = (issue.suggestions ?? []).slice(0, 3).map((s) => `\`${s}\``);
    return diagnostic({
      file: displayPath(contentRoot, file),
      line: issue.row,
      column: issue.col,
      rule: 'spelling',
      severity: 'error',
      message: `unknown word \`${issue.text}\`${suggestions.length > 0 ? `; did you mean ${suggestions.join(', ')}?` : ''}`,
    });
  });
}
