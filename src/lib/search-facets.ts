/** The filters a reader can set: one section and one level, or none. */
export interface FacetChoice {
  section?: string | undefined;
  level?: string | undefined;
}

/** A page's section and level, as the index records them. */
export type PageFacets = FacetChoice;

/** Number of results per value of one filter. */
export type FacetCounts = Map<string, number>;

const matches = (facets: PageFacets | undefined, choice: FacetChoice, skip?: keyof FacetChoice) =>
  (skip === 'section' || !choice.section || facets?.section === choice.section) &&
  (skip === 'level' || !choice.level || facets?.level === choice.level);

/** Returns the results that pass the chosen filters, in their order. */
export function applyFacets<T extends { id: string }>(
  results: readonly T[],
  facetsOf: ReadonlyMap<string, PageFacets>,
  choice: FacetChoice,
): T[] {
  return results.filter((r) => matches(facetsOf.get(r.id), choice));
}

/**
 * Returns the result counts per section and per level. Each filter counts with the other one
 * applied and itself not, so every number says what choosing that value would show.
 */
export function countFacets(
  results: readonly { id: string }[],
  facetsOf: ReadonlyMap<string, PageFacets>,
  choice: FacetChoice,
): { section: FacetCounts; level: FacetCounts } {
  const section: FacetCounts = new Map();
  const level: FacetCounts = new Map();
  for (const { id } of results) {
    const facets = facetsOf.get(id);
    if (facets?.section && matches(facets, choice, 'section')) section.set(facets.section, (section.get(facets.section) ?? 0) + 1);
    if (facets?.level && matches(facets, choice, 'level')) level.set(facets.level, (level.get(facets.level) ?? 0) + 1);
  }
  return { section, level };
}

/** Returns page id → facets from the page ids each filter value holds. */
export function facetsByPage(values: { name: keyof FacetChoice; value: string; ids: readonly string[] }[]): Map<string, PageFacets> {
  const byPage = new Map<string, PageFacets>();
  for (const { name, value, ids } of values) {
    for (const id of ids) byPage.set(id, { ...byPage.get(id), [name]: value });
  }
  return byPage;
}
