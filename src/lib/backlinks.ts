/** A resolved link from one page to another. */
export interface PageLink {
  /** Content-relative file of the linking page. */
  from: string;
  /** Content-relative file of the linked page. */
  to: string;
}

/** Returns, for each linked page, the pages that link to it (no self-links, no repeats, in `order`). */
export function buildBacklinks(links: readonly PageLink[], order: readonly string[]): Map<string, string[]> {
  const rank = new Map(order.map((file, i) => [file, i]));
  const sets = new Map<string, Set<string>>();
  for (const { from, to } of links) {
    if (from === to) continue;
    const set = sets.get(to) ?? new Set<string>();
    set.add(from);
    sets.set(to, set);
  }
  const byRank = (a: string, b: string) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) || a.localeCompare(b);
  return new Map([...sets].map(([to, from]) => [to, [...from].sort(byRank)]));
}
