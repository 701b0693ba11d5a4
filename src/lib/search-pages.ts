/** Path in the output folder of the table of indexed pages (Pagefind's page id → address and title). */
export const PAGES_FILE = 'pagefind/handbook-pages.json';

/** An indexed page as Pagefind stores it: its id (the name of its fragment file), address and title. */
export interface IndexedPage {
  id: string;
  /** The address Pagefind keeps, from the site's root without the base (`/guide/docker/`). */
  url: string;
  title: string;
}

/** What the result rows show before Pagefind has prepared a page's excerpt: its address (under the base) and title. */
export interface PageHead {
  url: string;
  title: string;
}

/** The table as written: `{ [id]: [url, title] }`, ids in code-point order so the file is the same for the same pages. */
export type PageTable = Record<string, [url: string, title: string]>;

/** Returns the table the build writes for the indexed pages. */
export function pageTable(pages: readonly IndexedPage[]): PageTable {
  const table: PageTable = {};
  for (const page of [...pages].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) table[page.id] = [page.url, page.title];
  return table;
}

/** Returns a page's address under the base, joined as Pagefind joins its `baseUrl` and a page's address. */
export function pageAddress(base: string, url: string): string {
  return `${base}/${url}`.replace(/\/+/g, '/');
}

/**
 * Returns the page heads of a loaded table, addresses under `base`; entries of any other shape are left
 * out (their rows then wait for Pagefind's data, as without a table).
 */
export function readPageTable(json: unknown, base: string): Map<string, PageHead> {
  const heads = new Map<string, PageHead>();
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return heads;
  for (const [id, entry] of Object.entries(json)) {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string' || typeof entry[1] !== 'string') continue;
    heads.set(id, { url: pageAddress(base, entry[0]), title: entry[1] });
  }
  return heads;
}
