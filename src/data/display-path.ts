import { join, relative } from 'node:path';

// A module of its own so the linter threads of `npm run check` show paths without loading the source checks.
/** Returns how a content-relative path is shown in messages: relative to the working directory when inside it. */
export function displayPath(contentRoot: string, file: string, cwd = process.cwd()): string {
  const abs = join(contentRoot, file);
  const rel = relative(cwd, abs);
  return rel.startsWith('..') ? abs : rel || '.';
}
