import { isGeneratedIndex } from './folder-index.ts';
import { dirOf, isReadme, orderPrefix, toFolderRoute } from './routes.ts';
import { folderTitle } from './titles.ts';

/** What navigation needs to know about a page. */
export interface NavPage {
  /** Content-relative file path. */
  file: string;
  route: string;
  title: string;
  /** Frontmatter `order`, when set. */
  order?: number | undefined;
  /** Frontmatter `description`, else the first paragraph; for a generated folder index, what it lists. */
  description?: string | undefined;
}

/** A folder of the content tree, with its README as index (or, once `addFolderIndexes` ran, a generated one). */
export interface FolderNode {
  type: 'folder';
  dir: string;
  route: string;
  title: string;
  index?: NavPage;
  children: TreeNode[];
}

/** A page that is not a folder index. */
export interface PageNode {
  type: 'page';
  page: NavPage;
}

/** A node of the content tree. */
export type TreeNode = FolderNode | PageNode;

function nodeOrder(node: TreeNode): number | undefined {
  if (node.type === 'page') return node.page.order ?? orderPrefix(node.page.file.split('/').pop() ?? '');
  return node.index?.order ?? orderPrefix(node.dir.split('/').pop() ?? '');
}

function nodeTitle(node: TreeNode): string {
  return node.type === 'page' ? node.page.title : node.title;
}

function compareNodes(a: TreeNode, b: TreeNode): number {
  const oa = nodeOrder(a);
  const ob = nodeOrder(b);
  if (oa !== undefined && ob !== undefined && oa !== ob) return oa - ob;
  if (oa !== undefined && ob === undefined) return -1;
  if (oa === undefined && ob !== undefined) return 1;
  return nodeTitle(a).localeCompare(nodeTitle(b), 'en');
}

/** Returns the content tree: folders hold their pages and subfolders, siblings sorted by order then title. */
export function buildTree(pages: readonly NavPage[]): FolderNode {
  const root: FolderNode = { type: 'folder', dir: '', route: '/', title: 'Home', children: [] };
  const folders = new Map<string, FolderNode>([['', root]]);
  const folderFor = (dir: string): FolderNode => {
    const existing = folders.get(dir);
    if (existing) return existing;
    const node: FolderNode = {
      type: 'folder',
      dir,
      route: toFolderRoute(dir),
      title: folderTitle(dir.split('/').pop() ?? dir),
      children: [],
    };
    folders.set(dir, node);
    folderFor(dirOf(dir)).children.push(node);
    return node;
  };
  for (const page of pages) {
    if (isReadme(page.file)) {
      const folder = folderFor(dirOf(page.file));
      folder.index = page;
      folder.title = page.title;
    } else {
      folderFor(dirOf(page.file)).children.push({ type: 'page', page });
    }
  }
  const sortDeep = (folder: FolderNode): void => {
    folder.children.sort(compareNodes);
    for (const child of folder.children) if (child.type === 'folder') sortDeep(child);
  };
  sortDeep(root);
  return root;
}

/** Returns the pages in reading order: each folder's index, then its children, depth first. */
export function readingOrder(root: FolderNode): NavPage[] {
  const out: NavPage[] = [];
  const walk = (node: TreeNode): void => {
    if (node.type === 'page') {
      out.push(node.page);
      return;
    }
    if (node.index) out.push(node.index);
    node.children.forEach(walk);
  };
  walk(root);
  return out;
}

/** Returns the pages before and after `route` in reading order. */
export function prevNext(order: readonly NavPage[], route: string): { prev?: NavPage; next?: NavPage } {
  const at = order.findIndex((p) => p.route === route);
  if (at === -1) return {};
  return { prev: order[at - 1], next: order[at + 1] };
}

/** Returns the folders that contain a page: the home folder down to its parent section. */
export function ancestorFolders(root: FolderNode, file: string): FolderNode[] {
  const ownDir = dirOf(file);
  const isIndex = isReadme(file) || isGeneratedIndex(file);
  if (isIndex && ownDir === '') return [];
  const chain = lineage(isIndex ? dirOf(ownDir) : ownDir);
  const out: FolderNode[] = [root];
  let current = root;
  for (const dir of chain.slice(1)) {
    const next = current.children.find((c): c is FolderNode => c.type === 'folder' && c.dir === dir);
    if (!next) break;
    out.push(next);
    current = next;
  }
  return out;
}

/** Returns a folder and its ancestors from the root down (`a/b` → ['', 'a', 'a/b']). */
function lineage(dir: string): string[] {
  const chain: string[] = [];
  for (let d = dir; ; d = dirOf(d)) {
    chain.unshift(d);
    if (d === '') return chain;
  }
}

/** One entry of the sidebar; a group's children are listed only when it is expanded. */
export interface SidebarItem {
  label: string;
  route?: string;
  current: boolean;
  /** Present on folders: whether the folder is open (it holds the current page). */
  expanded?: boolean;
  children?: SidebarItem[];
}

/** Returns the sidebar for the page at `file`: every top-level entry, with only the folders on its path opened. */
export function buildSidebar(root: FolderNode, file: string): SidebarItem[] {
  const open = new Set(lineage(dirOf(file)));
  const toItem = (node: TreeNode): SidebarItem => {
    if (node.type === 'page') {
      return { label: node.page.title, route: node.page.route, current: node.page.file === file };
    }
    const expanded = open.has(node.dir);
    return {
      label: node.title,
      route: node.index?.route,
      current: node.index?.file === file,
      expanded,
      children: expanded ? node.children.map(toItem) : undefined,
    };
  };
  return root.children.map(toItem);
}

/** One breadcrumb: a label and, where the folder has an index page, a route. */
export interface Crumb {
  label: string;
  route?: string;
}

/** Returns the breadcrumb trail of the page at `file`, ending with the page itself. */
export function breadcrumbs(root: FolderNode, page: NavPage): Crumb[] {
  const crumbs = ancestorFolders(root, page.file).map((f) => ({
    label: f.title,
    route: f.index ? f.route : undefined,
  }));
  return [...crumbs, { label: page.title, route: page.route }];
}
