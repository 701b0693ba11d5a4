import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isPagePath } from '../lib/routes.ts';
import { symlinkProblem, type RefusedLink } from '../lib/symlinks.ts';

/** Folders never published from a content tree (glob patterns, for the content loader). */
export const IGNORED = ['**/node_modules/**', '**/.*/**'];

/** The files of a content tree, content-relative, sorted. */
export interface ContentFiles {
  pageFiles: string[];
  assetFiles: string[];
  /** Asset file → size in bytes (of the file a symbolic link points at). */
  assetSizes: Map<string, number>;
  /** Symbolic links that are not followed: out of the root, into a hidden folder, or into their own parent. */
  refusedLinks: RefusedLink[];
}

function realPath(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Lists the page and asset files under the content root (dot-names and node_modules excluded). Symbolic
 * links are followed only where their real path stays inside the root; the others are listed as refused.
 */
export function scanContent(contentRoot: string): ContentFiles {
  const realRoot = realPath(contentRoot) ?? contentRoot;
  const files = new Map<string, number>();
  const refusedLinks: RefusedLink[] = [];
  const walk = (dir: string, relDir: string, chain: readonly string[]) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const rel = relDir ? `${relDir}/${entry.name}` : entry.name;
      const abs = join(dir, entry.name);
      let real = join(chain.at(-1) ?? realRoot, entry.name);
      if (entry.isSymbolicLink()) {
        const target = realPath(abs);
        // A dangling link is no file: links to it are reported as missing.
        if (target === undefined) continue;
        const problem = symlinkProblem(realRoot, target);
        if (problem) {
          refusedLinks.push({ path: rel, target, reason: problem });
          continue;
        }
        real = target;
      }
      const stats = entry.isSymbolicLink() ? statSync(abs) : entry;
      if (stats.isDirectory()) {
        if (chain.includes(real)) refusedLinks.push({ path: rel, target: real, reason: 'loop' });
        else walk(abs, rel, [...chain, real]);
      } else if (stats.isFile()) {
        files.set(rel, isPagePath(rel) ? 0 : statSync(abs).size);
      }
    }
  };
  walk(contentRoot, '', [realRoot]);
  const all = [...files.keys()].sort();
  const assetFiles = all.filter((f) => !isPagePath(f));
  return {
    pageFiles: all.filter(isPagePath),
    assetFiles,
    assetSizes: new Map(assetFiles.map((f) => [f, files.get(f) ?? 0])),
    refusedLinks: refusedLinks.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
  };
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
