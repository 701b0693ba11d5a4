/** Compares two strings by their UTF-16 code units, as `Array.prototype.sort` does: the same on every machine and locale. */
export const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Returns the output file of a page's route (`/` → `index.html`, `/a/b/` → `a/b/index.html`). */
export const outputFileOf = (route: string): string => `${route.slice(1)}index.html`;

/** Returns the pages sorted by their output files: the order in which Pagefind is given them. */
export function pagesInOutputOrder<T extends { route: string }>(pages: readonly T[]): T[] {
  return [...pages].sort((a, b) => byCodeUnits(outputFileOf(a.route), outputFileOf(b.route)));
}
