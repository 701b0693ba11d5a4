/** Says whether the reader has typed past the query being run. */
export type Stale = () => boolean;

/** Rejects a query's next step once the reader has typed past the query: its remaining searches are skipped. */
export class StaleQuery extends Error {
  constructor(readonly query: string) {
    super(`The query "${query}" was typed past.`);
    this.name = 'StaleQuery';
  }
}

/**
 * Returns what `work` resolves to, or rejects with {@link StaleQuery} when `stale()` is true once it has:
 * a query checks between its searches, so a query typed past stops after the search under way.
 */
export async function unlessStale<T>(query: string, stale: Stale, work: Promise<T>): Promise<T> {
  const value = await work;
  if (stale()) throw new StaleQuery(query);
  return value;
}
