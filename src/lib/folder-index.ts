import type { FolderNode, NavPage } from './navigation.ts';

/**
 * GitHub shows a folder without a README as a list of its files. The site does the same: every folder
 * that holds a published page but no README gets an index page generated from the navigation tree.
 * Such a page has no file, so it is known by a key no file can have: its folder's path and a slash.
 */

/** Returns the key a generated folder index is known by in place of a file path (`a/b` → `a/b/`, the root → `/`). */
export function folderIndexKey(dir: string): string {
  return `${dir}/`;
}

/** Returns whether a page key names a generated folder index rather than a file. */
export function isGeneratedIndex(file: string): boolean {
  return file.endsWith('/');
}

/** One entry of a generated folder index: a page, or a subfolder with its page count. */
export interface FolderEntry {
  type: 'page' | 'folder';
  title: string;
  route: string;
  description?: string | undefined;
  /** For a subfolder: how many pages it holds, its index and subfolders included. */
  pages?: number | undefined;
}

/** Returns how many page files a folder holds, its README and subfolders included (generated indexes are not counted). */
export function countPages(folder: FolderNode): number {
  const own = folder.index && !isGeneratedIndex(folder.index.file) ? 1 : 0;
  return own + folder.children.reduce((n, c) => n + (c.type === 'page' ? 1 : countPages(c)), 0);
}

/** Returns the entries a folder's index lists, in sidebar order: its pages and subfolders with their descriptions. */
export function folderEntries(folder: FolderNode): FolderEntry[] {
  return folder.children.map((child) =>
    child.type === 'page'
      ? { type: 'page', title: child.page.title, route: child.page.route, description: child.page.description }
      : { type: 'folder', title: child.title, route: child.route, description: child.index?.description, pages: countPages(child) },
  );
}

/** Returns the description of a generated folder index: the titles it lists (`A, B and C`). */
export function describeListing(entries: readonly Pick<FolderEntry, 'title'>[]): string | undefined {
  const titles = entries.map((e) => e.title);
  if (titles.length <= 1) return titles[0];
  return `${titles.slice(0, -1).join(', ')} and ${titles.at(-1)}`;
}

/** A folder index the site generates: the page, and the entries it lists. */
export interface GeneratedIndex {
  page: NavPage;
  entries: FolderEntry[];
}

/**
 * Gives every folder of a sorted tree that has no README a generated index page (titled like the folder,
 * described by what it lists), subfolders first so a parent lists their descriptions. A route a page
 * already has (`guide.md` beside `guide/`) keeps that page. Returns the pages it added.
 */
export function addFolderIndexes(root: FolderNode): GeneratedIndex[] {
  const added: GeneratedIndex[] = [];
  const taken = new Set<string>();
  const collect = (folder: FolderNode): void => {
    if (folder.index) taken.add(folder.index.route);
    for (const child of folder.children)
      if (child.type === 'page') taken.add(child.page.route);
      else collect(child);
  };
  collect(root);
  const visit = (folder: FolderNode): void => {
    for (const child of folder.children) if (child.type === 'folder') visit(child);
    // Two folders whose names differ only in case or punctuation share a route: the first one lists there.
    if (folder.index || taken.has(folder.route)) return;
    taken.add(folder.route);
    const entries = folderEntries(folder);
    folder.index = { file: folderIndexKey(folder.dir), route: folder.route, title: folder.title, description: describeListing(entries) };
    added.push({ page: folder.index, entries });
  };
  visit(root);
  return added;
}
