/** Returns the output file of a page's route (`/` → `index.html`, `/a/b/` → `a/b/index.html`). */
export const outputFileOf = (route: string): string => `${route.slice(1)}index.html`;

/**
 * Returns the pages sorted by their output files, as `Array.prototype.sort` sorts strings (by UTF-16 code units: the
 * same on every machine and locale): the order in which Pagefind is given them (src/integration/search-feed.ts).
 */
export function pagesInOutputOrder<T extends { route: string }>(pages: readonly T[]): T[] {
  const keyed = pages.map((page) => [outputFileOf(page.route), page] as const);
  return keyed.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, page]) => page);
}
