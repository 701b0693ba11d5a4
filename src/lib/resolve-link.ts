import { posix } from 'node:path';
import { dirOf, isPagePath, toAssetPath, toFolderRoute, toRoute, withBase } from './routes.ts';

/** What a link or image URL in a page points at. */
export type LinkTarget =
  | { type: 'external' }
  | { type: 'same-page'; hash: string }
  | { type: 'page'; file: string; hash: string; href: string }
  | { type: 'folder'; dir: string; hash: string; href: string }
  | { type: 'asset'; file: string; href: string }
  | { type: 'outside-root'; resolved: string }
  | { type: 'absolute-path'; path: string };

/** Options for {@link resolveLink}. */
export interface ResolveOptions {
  /** Content-relative path of the page the link is in. */
  from: string;
  /** The URL as written. */
  url: string;
  /** The site base path, e.g. `/` or `/handbook/`. */
  base: string;
  /** Whether a content-relative path is an existing directory. */
  isDir: (relPath: string) => boolean;
}

const SCHEME = /^[a-z][a-z\d+.-]*:/i;

function splitUrl(url: string): { path: string; query: string; hash: string } {
  const hashAt = url.indexOf('#');
  const beforeHash = hashAt === -1 ? url : url.slice(0, hashAt);
  const hash = hashAt === -1 ? '' : url.slice(hashAt + 1);
  const queryAt = beforeHash.indexOf('?');
  return {
    path: queryAt === -1 ? beforeHash : beforeHash.slice(0, queryAt),
    query: queryAt === -1 ? '' : beforeHash.slice(queryAt),
    hash,
  };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Resolves a URL written in a page to what it targets and, for local targets, the site href. */
export function resolveLink({ from, url, base, isDir }: ResolveOptions): LinkTarget {
  if (SCHEME.test(url) || url.startsWith('//')) return { type: 'external' };
  const { path, query, hash } = splitUrl(url.trim());
  const fragment = hash ? `#${hash}` : '';
  const decodedHash = safeDecode(hash);
  if (path === '') return { type: 'same-page', hash: decodedHash };
  const decodedPath = safeDecode(path);
  if (decodedPath.startsWith('/')) return { type: 'absolute-path', path: decodedPath };
  const joined = posix.normalize(posix.join(dirOf(from), decodedPath));
  if (joined === '..' || joined.startsWith('../')) return { type: 'outside-root', resolved: joined };
  const stripped = joined.replace(/\/+$/, '');
  const target = stripped === '.' ? '' : stripped;
  if (isPagePath(target)) {
    return { type: 'page', file: target, hash: decodedHash, href: withBase(base, toRoute(target)) + query + fragment };
  }
  if (decodedPath.endsWith('/') || target === '' || isDir(target)) {
    return { type: 'folder', dir: target, hash: decodedHash, href: withBase(base, toFolderRoute(target)) + query + fragment };
  }
  return { type: 'asset', file: target, href: withBase(base, toAssetPath(target)) + query + fragment };
}
