import { createHash } from 'node:crypto';

/** One file of the built site, as the build found it: path relative to the output folder, size, content hash. */
export interface BuiltFile {
  /** Relative path with `/` separators, as written under the output folder. */
  path: string;
  /** Size in bytes. */
  size: number;
  /** SHA-256 of the bytes, hex. */
  sha256: string;
}

/** One file the service worker keeps: its URL path (base included, not percent-encoded), size and hash prefix. */
export interface OfflineEntry {
  url: string;
  size: number;
  hash: string;
}

/** What the service worker of one build keeps offline, and the build's version derived from it. */
export interface OfflineManifest {
  /** Content hash of the file list (URLs and file hashes): the same files give the same version. */
  version: string;
  entries: OfflineEntry[];
  /** Sum of the entries' sizes. */
  bytes: number;
}

/** Name of the service worker file at the root of the built site. */
export const SERVICE_WORKER_FILE = 'sw.js';

/** Hex characters of each file's SHA-256 the worker checks what it downloaded against. */
export const HASH_LENGTH = 16;

// Pagefind writes four UIs beside its search API; the site's search dialog uses the API only.
const PAGEFIND_UI = /^pagefind\/pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;

/** Returns why a built file is not kept offline, or undefined when it is. */
export function excludedBecause(path: string): string | undefined {
  if (path === '' || path.startsWith('/') || path.includes('\\') || /^[a-z]:/i.test(path)) return 'not a relative path';
  if (path.split('/').some((part) => part === '..' || part === '.' || part === '')) return 'outside the output folder';
  if (path === SERVICE_WORKER_FILE) return 'the service worker itself';
  if (path.endsWith('.map')) return 'a source map';
  if (/(^|\/)\./.test(path)) return 'a hidden file';
  if (/^sitemap[^/]*\.xml$/.test(path) || path === 'robots.txt') return 'for crawlers';
  if (PAGEFIND_UI.test(path)) return 'a Pagefind UI the site does not use';
  return undefined;
}

/** Returns the URL path a built file is served at under `base`: `guide/index.html` → `/base/guide/`. */
export function offlineUrl(path: string, base: string): string {
  const route = path === 'index.html' ? '' : path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
  return `${base}${route}`;
}

/** Returns the files of a build the service worker keeps, sorted, with the version that names its cache. */
export function offlineManifest(files: readonly BuiltFile[], base: string): OfflineManifest {
  const entries = files
    .filter((file) => excludedBecause(file.path) === undefined)
    .map((file) => ({ url: offlineUrl(file.path, base), size: file.size, hash: file.sha256.slice(0, HASH_LENGTH) }))
    .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  const version = createHash('sha256')
    .update(entries.map((e) => `${e.url}\t${e.hash}`).join('\n'))
    .digest('hex')
    .slice(0, 12);
  return { version, entries, bytes: entries.reduce((sum, e) => sum + e.size, 0) };
}
