/** A map that keeps only its `limit` most recently used entries. */
export class LruCache<K, V> {
  readonly #entries = new Map<K, V>();

  constructor(readonly limit: number) {}

  /** Returns the value of `key`, or undefined; a key read counts as used. */
  get(key: K): V | undefined {
    if (!this.#entries.has(key)) return undefined;
    const value = this.#entries.get(key)!;
    this.#entries.delete(key);
    this.#entries.set(key, value);
    return value;
  }

  /** Stores `value` under `key`, forgetting the least recently used entry when over the limit. */
  set(key: K, value: V): void {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    if (this.#entries.size > this.limit) this.#entries.delete(this.#entries.keys().next().value as K);
  }

  /** Forgets `key`. */
  delete(key: K): void {
    this.#entries.delete(key);
  }

  /** Returns the number of entries kept. */
  get size(): number {
    return this.#entries.size;
  }
}

/** Returns the cached promise of `key`, or stores and returns `load()`'s; a rejected promise is forgotten, so the next call tries again. */
export function cachedPromise<K, V>(cache: LruCache<K, Promise<V>>, key: K, load: () => Promise<V>): Promise<V> {
  const cached = cache.get(key);
  if (cached) return cached;
  const loading = load();
  cache.set(key, loading);
  loading.catch(() => {
    if (cache.get(key) === loading) cache.delete(key);
  });
  return loading;
}
