import { statSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';
import { isPagePath } from '../lib/routes.ts';

/** Folders never published from a content tree. */
export const IGNORED = ['**/node_modules/**', '**/.*/**'];

/** The files of a content tree, content-relative, sorted. */
export interface ContentFiles {
  pageFiles: string[];
  assetFiles: string[];
}

/** Lists the page and asset files under the content root (dot-files and node_modules excluded). */
export function scanContent(contentRoot: string): ContentFiles {
  const all = globSync('**/*', { cwd: contentRoot, ignore: IGNORED, dot: false, onlyFiles: true }).sort();
  return { pageFiles: all.filter(isPagePath), assetFiles: all.filter((f) => !isPagePath(f)) };
}

/** Returns a memoized check of whether a content-relative path is a directory. */
export function directoryCheck(contentRoot: string): (relPath: string) => boolean {
  const cache = new Map<string, boolean>();
  return (relPath) => {
    let known = cache.get(relPath);
    if (known === undefined) {
      known = statSync(join(contentRoot, relPath), { throwIfNoEntry: false })?.isDirectory() ?? false;
      cache.set(relPath, known);
    }
    return known;
  };
}
