import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { compileTerms, isGlossaryFile, readGlossary, type TermMatcher } from '../lib/glossary.ts';
import { stampOf } from './file-stamp.ts';

/** The glossary as the linker uses it: its file (content-relative), a stamp of its version, and its terms compiled. */
export interface LoadedGlossary {
  stamp: string;
  file: string;
  matcher: TermMatcher | undefined;
}

/** Returns the glossary's text (empty without one): part of the rendering cache key, since every page links into it. */
export function glossarySource(contentRoot: string): string {
  try {
    const file = readdirSync(contentRoot).find(isGlossaryFile);
    return file ? readFileSync(join(contentRoot, file), 'utf8') : '';
  } catch {
    return '';
  }
}

/** Returns the content root's glossary, reusing `previous` while the file is unchanged; undefined without one. */
export function loadGlossary(contentRoot: string, previous: LoadedGlossary | undefined): LoadedGlossary | undefined {
  let file: string | undefined;
  try {
    file = readdirSync(contentRoot).find(isGlossaryFile);
  } catch {
    return undefined;
  }
  if (!file) return undefined;
  const stamp = `${file}:${stampOf(join(contentRoot, file))}`;
  // Read once per change, not once per page (the dev server keeps the plugin across edits).
  if (previous?.stamp === stamp) return previous;
  const tree = unified()
    .use(remarkParse)
    .parse(readFileSync(join(contentRoot, file), 'utf8'));
  return { stamp, file, matcher: compileTerms(readGlossary(tree)) };
}
