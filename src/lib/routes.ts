import { slug } from 'github-slugger';

/** Extensions of files that are pages. */
export const PAGE_EXTENSIONS = ['.md', '.mdx'] as const;

/** A numeric ordering prefix of a file or folder name (`06-`, `2_`), as GitHub trees use it. */
export const ORDER_PREFIX = /^(\d+)[-_. ]+(?=.)/;

/** Returns true when a content-relative path names a page (`.md` or `.mdx`). */
export function isPagePath(relPath: string): boolean {
  const lower = relPath.toLowerCase();
  return PAGE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** Returns true when the file name is `README.md`/`README.mdx` in any case. */
export function isReadme(relPath: string): boolean {
  const name = relPath.split('/').pop() ?? '';
  return /^readme\.mdx?$/i.test(name);
}

/** Returns the numeric ordering prefix of a path segment (`06-infra` → 6), or undefined. */
export function orderPrefix(segment: string): number | undefined {
  const match = ORDER_PREFIX.exec(segment);
  return match ? Number(match[1]) : undefined;
}

/** Returns a URL-safe route segment: prefix stripped, lowercased, `_` and spaces as `-`. */
export function toRouteSegment(segment: string): string {
  const stripped = segment.replace(ORDER_PREFIX, '');
  const slugged = slug(stripped.replace(/[_\s]+/g, '-')).replace(/-{2,}/g, '-');
  return slugged.replace(/^-+|-+$/g, '') || 'untitled';
}

/** Strips `.md`/`.mdx` from a file name. */
function stripPageExtension(name: string): string {
  return name.replace(/\.mdx?$/i, '');
}

/** Returns the route of a folder given its content-relative path (`06-infra/docker` → `/infrastructure/docker/`). */
export function toFolderRoute(relDir: string): string {
  const segments = relDir.split('/').filter((s) => s !== '' && s !== '.');
  return segments.length === 0 ? '/' : `/${segments.map(toRouteSegment).join('/')}/`;
}

/** Returns the route of a page given its content-relative path, always with a trailing slash. */
export function toRoute(relPath: string): string {
  const segments = relPath.split('/');
  const file = segments.pop() ?? '';
  const dir = segments.join('/');
  if (isReadme(file)) return toFolderRoute(dir);
  const base = toFolderRoute(dir);
  return `${base}${toRouteSegment(stripPageExtension(file))}/`;
}

/** Returns the published URL path of a non-page file: folders mapped as routes, the file name kept. */
export function toAssetPath(relPath: string): string {
  const segments = relPath.split('/');
  const file = segments.pop() ?? '';
  return `${toFolderRoute(segments.join('/'))}${encodeURIComponent(file)}`;
}

/** Returns the content-relative folder of a path (`a/b/c.md` → `a/b`, `c.md` → ``). */
export function dirOf(relPath: string): string {
  const index = relPath.lastIndexOf('/');
  return index === -1 ? '' : relPath.slice(0, index);
}

/** Groups page paths by route and returns the routes that more than one file maps to. */
export function findRouteCollisions(relPaths: readonly string[]): Map<string, string[]> {
  const byRoute = new Map<string, string[]>();
  for (const relPath of relPaths) {
    const route = toRoute(relPath);
    byRoute.set(route, [...(byRoute.get(route) ?? []), relPath]);
  }
  return new Map([...byRoute].filter(([, files]) => files.length > 1));
}

/** Routes the generator's own pages use, with what they are; a content page there would be hidden by them. */
export const RESERVED_ROUTES: ReadonlyMap<string, string> = new Map([['/search/', 'the search page']]);

/** Returns what the generator uses a page's route for, when that route is reserved. */
export function reservedRouteUse(relPath: string): string | undefined {
  return RESERVED_ROUTES.get(toRoute(relPath));
}

/** Joins the site base (`/` or `/handbook/`) and a root-relative path (`/x/`) into one URL path. */
export function withBase(base: string, path: string): string {
  const trimmed = base.endsWith('/') ? base.slice(0, -1) : base;
  return `${trimmed}${path.startsWith('/') ? path : `/${path}`}`;
}
