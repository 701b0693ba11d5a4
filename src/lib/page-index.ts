import { folderIndexKey } from './folder-index.ts';
import { dirOf, isReadme, toFolderRoute, toRoute } from './routes.ts';
import type { RefusedLink } from './symlinks.ts';

/** The files of a content tree, indexed for link resolution. */
export interface PageIndex {
  /** Content-relative paths of all page files. */
  pages: Set<string>;
  /** Folder → its README file. */
  readmeOf: Map<string, string>;
  /** Every folder that holds a page, directly or below. */
  dirs: Set<string>;
  /** Folder → the page a link to it leads to: its README, else a page with its route, else its generated index (every folder in `dirs`). */
  indexOf: Map<string, string>;
  /** Content-relative paths of all other files. */
  assets: Set<string>;
  /** Pages of the tree left out of the site (drafts, empty pages): links to them are broken on the site. */
  unpublished: Set<string>;
  /** Asset file → size in bytes. */
  assetSizes: Map<string, number>;
  /** Symbolic links not followed, by content-relative path. */
  refusedLinks: Map<string, RefusedLink>;
}

/** What the file listing knows beyond the file names. */
export interface TreeFacts {
  assetSizes?: ReadonlyMap<string, number>;
  refusedLinks?: readonly RefusedLink[];
}

/** Returns the index of a tree's page and asset files. */
export function createPageIndex(
  pageFiles: Iterable<string>,
  assetFiles: Iterable<string> = [],
  unpublished: Iterable<string> = [],
  facts: TreeFacts = {},
): PageIndex {
  const pages = new Set(pageFiles);
  const readmeOf = new Map<string, string>();
  const dirs = new Set<string>(['']);
  for (const file of pages) {
    if (isReadme(file)) readmeOf.set(dirOf(file), file);
    for (let dir = dirOf(file); dir !== ''; dir = dirOf(dir)) dirs.add(dir);
  }
  // A page with the folder's own route (`guide.md` beside `guide/`) is what a link to the folder leads to.
  const byRoute = new Map([...pages].map((file) => [toRoute(file), file]));
  const indexOf = new Map([...dirs].map((dir) => [dir, readmeOf.get(dir) ?? byRoute.get(toFolderRoute(dir)) ?? folderIndexKey(dir)]));
  return {
    pages,
    readmeOf,
    dirs,
    indexOf,
    assets: new Set(assetFiles),
    unpublished: new Set(unpublished),
    assetSizes: new Map(facts.assetSizes),
    refusedLinks: new Map((facts.refusedLinks ?? []).map((link) => [link.path, link])),
  };
}
