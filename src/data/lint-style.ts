import { isAbsolute, relative } from 'node:path';
import { main as markdownlint, type LintResult } from 'markdownlint-cli2';
import { diagnostic, type Diagnostic } from '../lib/diagnostics.ts';
import { displayPath } from './preflight.ts';

/** Lints pages (content-relative) with markdownlint-cli2 and the committed `configFile`, as `markdown-style` problems. */
export async function lintStyle(contentRoot: string, files: readonly string[], configFile: string): Promise<Diagnostic[]> {
  if (files.length === 0) return [];
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
