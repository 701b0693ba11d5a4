/** A heading as Astro reports it. */
export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

/** One table-of-contents entry with its h3 children. */
export interface TocEntry {
  slug: string;
  text: string;
  children: TocEntry[];
}

/** Returns the on-page table of contents: h2 entries with their h3 children. */
export function buildToc(headings: readonly Heading[]): TocEntry[] {
  const toc: TocEntry[] = [];
  for (const h of headings) {
    if (h.depth === 2) toc.push({ slug: h.slug, text: h.text, children: [] });
    else if (h.depth === 3) {
      const parent = toc.at(-1);
      if (parent) parent.children.push({ slug: h.slug, text: h.text, children: [] });
      else toc.push({ slug: h.slug, text: h.text, children: [] });
    }
  }
  return toc;
}
