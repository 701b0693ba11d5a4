import { createHash } from 'node:crypto';

/**
 * Returns a digest of a page's view (its functions left out): the page's key for Astro's incremental build,
 * which copies a page from the last build when its key, its template code and the configuration are unchanged.
 * The view holds all a page shows besides the template: its HTML file (named after the HTML's digest), title,
 * sidebar, breadcrumbs, table of contents, previous and next, backlinks and the line under the title.
 */
export function viewKey(view: unknown): string {
  const json = JSON.stringify(view, (_key, value: unknown) => (typeof value === 'function' ? undefined : value));
  return createHash('sha256').update(json).digest('base64url');
}
